import { useCallback, useEffect, useRef, useState } from 'react'
import { ResetError } from '../core/ResetError'
import { DEFAULT_RATE_LIMIT_SECONDS, readRetryDeadline, saveRetryDeadline } from '../core/retryDeadline'
import { useCountdown } from './useCountdown'

/**
 * The wait after a 429, shared by both state machines: `hold` starts it from the error's
 * `Retry-After` (60 s when the server named none) and keeps the deadline in this tab, so a
 * reload cannot skip it; on mount a stored deadline is restored and `onRestored` gets an error
 * to show why the button is held (R1), and on a new adapter it gets that one's, or `undefined`.
 * Nothing retries on its own. Returns `[retrySeconds, hold]`, a tuple like useState's, so the
 * bundle carries no property names for it.
 */
export function useRateLimitWait(adapterId: string, onRestored: (error: ResetError | undefined) => void) {
  const [retryAt, setRetryAt] = useState<number>()
  const retrySeconds = useCountdown(retryAt)
  // The adapter the screen's error came from: another backend's wait, or error, says nothing of
  // this one's.
  const errorFor = useRef(adapterId)
  useEffect(() => {
    const at = readRetryDeadline(adapterId)
    const swapped = errorFor.current !== adapterId
    // Shown again by <Activity>, the wait stands as it is: announced again, it would be heard twice.
    if (at === retryAt && !swapped) return
    setRetryAt(at)
    if (at || swapped)
      onRestored(
        at ? new ResetError('rate_limited', { retryAfterSeconds: Math.ceil((at - Date.now()) / 1000) }) : undefined,
      )
    errorFor.current = adapterId
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
