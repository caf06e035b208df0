import { ResetError } from './ResetError'

/** Rules the new password must meet before any request. No composition rules (NIST SP 800-63B). */
export interface PasswordPolicy {
  /** Fewest characters, counted in code points. @default 8 */
  minLength?: number | undefined
  /** Most characters the backend accepts; longer is an error, never silently cut. */
  maxLength?: number | undefined
}

/** Default minimum length. */
export const DEFAULT_MIN_PASSWORD_LENGTH = 8

/** Counts Unicode code points, so an emoji or accented letter typed as one counts as one. */
export function countCodePoints(value: string): number {
  return [...value].length
}

/** Returns the error the password breaks, or `undefined`. The password is never trimmed. */
export function checkPassword(password: string, policy: PasswordPolicy = {}): ResetError | undefined {
  const minLength = policy.minLength ?? DEFAULT_MIN_PASSWORD_LENGTH
  const length = countCodePoints(password)
  if (length < minLength) return new ResetError('password_too_short', { details: { minLength } })
  if (policy.maxLength !== undefined && length > policy.maxLength) {
    return new ResetError('password_too_long', { details: { maxLength: policy.maxLength } })
  }
  return undefined
}
