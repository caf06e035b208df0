/**
 * Reads a `Retry-After` value, either delta-seconds or an HTTP date, as whole seconds from `now`.
 * Returns `undefined` for anything unreadable so the caller can apply its default.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined
  // An empty value matches neither pattern below.
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  // Every HTTP-date form starts with a day name. Without this check V8's lenient Date.parse reads
  // "-1" or "1.5" as dates in 2001, which would mean "retry now" instead of the caller's default.
  if (!/^[A-Za-z]/.test(trimmed)) return undefined
  // The asctime form ("Sun Nov  6 08:49:37 1994") names no zone but means GMT, and Date.parse
  // would read it as local time. Only its year ends a date with a space and four digits: an offset
  // RFC 9110 does not allow but some servers send ("+0100") must not be overruled by a GMT after it.
  const at = Date.parse(/ \d{4}$/.test(trimmed) ? `${trimmed} GMT` : trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now) / 1000))
}
