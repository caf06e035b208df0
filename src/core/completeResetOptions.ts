import { completeResetFlow, type CompleteResetFlowInput } from './completeResetFlow'

/** The per-request part of a completion. */
export interface CompleteResetVariables {
  token: string
  password: string
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
