import type { ResetError } from '../core/ResetError'

/**
 * A state updater that clears the error on show, except a rate limit: its wait still holds the
 * buttons, and the message is what says why.
 */
export const keepRateLimit = (error: ResetError | undefined): ResetError | undefined =>
  error?.code === 'rate_limited' ? error : undefined
