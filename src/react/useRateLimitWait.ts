import { useCallback, useEffect, useState } from 'react'
import { ResetError } from '../core/ResetError'
import { DEFAULT_RATE_LIMIT_SECONDS, readRetryDeadline, saveRetryDeadline } from '../core/retryDeadline'
import { useCountdown } from './useCountdown'

/**
 * The wait after a 429, shared by both state machines: `hold` starts it from the error's
 * `Retry-After` (60 s when the server named none) and keeps the deadline in this tab, so a
 * reload cannot skip it; on mount a stored deadline is restored and `onRestored` gets an error
 * to show why the button is held (R1). Nothing retries on its own. Returns `[retrySeconds, hold]`,
 * a tuple like useState's, so the bundle carries no property names for it.
 */
export function useRateLimitWait(adapterId: string, onRestored: (error: ResetError) => void) {
  const [retryAt, setRetryAt] = useState<number>()
  const retrySeconds = useCountdown(retryAt)
  useEffect(() => {
    const at = readRetryDeadline(adapterId)
    // Shown again by <Activity>, the wait stands as it is: announced again, it would be heard twice.
    if (at === retryAt) return
    setRetryAt(at)
    if (at !== undefined)
      onRestored(new ResetError('rate_limited', { retryAfterSeconds: Math.ceil((at - Date.now()) / 1000) }))
    // Restored once per adapter; `onRestored` is a state setter in both callers, and `retryAt` is
    // only compared.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [adapterId])
  const hold = useCallback(
    (error: ResetError) => {
      const at = Date.now() + (error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_SECONDS) * 1000
      saveRetryDeadline(adapterId, at)
      setRetryAt(at)
    },
    [adapterId],
  )
  return [retrySeconds, hold] as const
}
