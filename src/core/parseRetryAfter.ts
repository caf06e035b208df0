/**
 * Reads a `Retry-After` value, either delta-seconds or an HTTP date, as whole seconds from `now`.
 * Returns `undefined` for anything unreadable so the caller can apply its default.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  // Every HTTP-date form starts with a day name. Without this check V8's lenient Date.parse reads
  // "-1" or "1.5" as dates in 2001, which would mean "retry now" instead of the caller's default.
  if (!/^[A-Za-z]/.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now) / 1000))
}
