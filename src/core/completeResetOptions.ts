import { completeResetFlow, type CompleteResetFlowInput } from './completeResetFlow'
import { mutationDefaults } from './mutationDefaults'

/**
 * The per-request part of a completion. The token and password are behind `secret`:
 * TanStack Query keeps a mutation's variables in the QueryClient's cache (shown by its Devtools)
 * and hands them to the cache's global `onError`/`onSuccess`, where a host's error reporter may
 * log them whole.
 */
export interface CompleteResetVariables {
  /**
   * Returns the reset token from the emailed link and the new password, exactly as typed. Called
   * once, when the request starts (the options set `retry: false`: a retry would spend the link
   * again), so it may forget them then.
   */
  secret: () => { token: string; password: string }
  /** Cancels the request; the mutation then rejects with the signal's reason. */
  signal: AbortSignal
}

/**
 * Mutation options for the completion step, framework-free: spread into TanStack Query's
 * `useMutation`.
 *
 * @example
 * const mutation = useMutation({ ...completeResetOptions({ adapter, store }), onSuccess })
 * mutation.mutate({ secret: () => ({ token, password }), signal })
 */
export function completeResetOptions(config: Omit<CompleteResetFlowInput, 'token' | 'password' | 'signal'>) {
  return {
    ...mutationDefaults,
    mutationKey: ['reset-kit', 'complete', config.adapter.id] as const,
    mutationFn: ({ secret, signal }: CompleteResetVariables): Promise<void> =>
      completeResetFlow({ ...config, ...secret(), signal }),
  }
}
