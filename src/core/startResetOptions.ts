import { mutationDefaults } from './mutationDefaults'
import { startResetFlow, type StartResetFlowInput, type StartResetResult } from './startResetFlow'

/** The per-request part of a start: the address and the signal to cancel it. */
export interface StartResetVariables {
  /** The address as typed; trimmed and checked before it is sent. */
  email: string
  /** Cancels the request; the mutation then rejects with the signal's reason. */
  signal: AbortSignal
}

/**
 * Mutation options for the start step, framework-free: spread into TanStack Query's
 * `useMutation` (or any other runner).
 *
 * @example
 * useMutation({ ...startResetOptions({ adapter, store, redirectUrl, locale }), onSuccess })
 */
export function startResetOptions(config: Omit<StartResetFlowInput, 'email' | 'signal'>) {
  return {
    ...mutationDefaults,
    mutationKey: ['reset-kit', 'start', config.adapter.id] as const,
    mutationFn: (variables: StartResetVariables): Promise<StartResetResult> =>
      startResetFlow({ ...config, ...variables }),
  }
}
