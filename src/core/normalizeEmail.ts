import { ResetError } from './ResetError'

/** Longest address SMTP can carry (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254
const LOCAL = /^[^\s@"(),:;<>[\\\]]+$/
// Combining marks (\p{M}) may follow the first character: Devanagari, Thai and Tamil domains need them.
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u

/**
 * Trims the typed address and checks its shape, keeping its case (local parts may be case
 * sensitive) and accepting internationalised domains. Throws `ResetError('invalid_email')`.
 */
export function normalizeEmail(raw: string): string {
  const email = raw.trim()
  const at = email.lastIndexOf('@')
  const local = email.slice(0, at)
  const labels = email.slice(at + 1).split('.')
  const valid =
    email.length <= MAX_EMAIL_LENGTH &&
    at > 0 &&
    local.length <= 64 &&
    LOCAL.test(local) &&
    !local.startsWith('.') &&
    !local.endsWith('.') &&
    !local.includes('..') &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= 63 && LABEL.test(label))
  if (!valid) throw new ResetError('invalid_email')
  return email
}
