import { completeResetFlow, type CompleteResetFlowInput } from './completeResetFlow'

/** The per-request part of a completion. */
export interface CompleteResetVariables {
  /** The reset token from the emailed link. */
  token: string
  /** The new password, exactly as typed. */
  password: string
  /** Cancels the request; the mutation then rejects with the signal's reason. */
  signal: AbortSignal
}

/**
 * Mutation options for the completion step, framework-free: spread into TanStack Query's
 * `useMutation`.
 *
 * @example
 * useMutation({ ...completeResetOptions({ adapter, store }), onSuccess })
 */
export function completeResetOptions(config: Omit<CompleteResetFlowInput, 'token' | 'password' | 'signal'>) {
  return {
    mutationKey: ['reset-kit', 'complete', config.adapter.id] as const,
    mutationFn: (variables: CompleteResetVariables): Promise<void> => completeResetFlow({ ...config, ...variables }),
  }
}
