import { ownEntry } from './ownEntry'
import type { ResetErrorCode } from './ResetError'

// A record rather than an array so the compiler fails when a code is added to or removed from
// `ResetErrorCode` and this list is not updated.
const CODES: Readonly<Record<ResetErrorCode, true>> = {
  invalid_email: true,
  rate_limited: true,
  redirect_not_allowed: true,
  token_missing: true,
  token_invalid: true,
  token_expired: true,
  token_used: true,
  verifier_missing: true,
  verifier_mismatch: true,
  password_too_short: true,
  password_too_long: true,
  password_weak: true,
  password_breached: true,
  password_mismatch: true,
  password_reused: true,
  network: true,
  timeout: true,
  insecure_context: true,
  storage_unavailable: true,
  misconfigured: true,
  server: true,
  unknown: true,
}

/** True when `value` is one of the kit's {@link ResetErrorCode}s. */
export function isResetErrorCode(value: unknown): value is ResetErrorCode {
  return typeof value === 'string' && ownEntry(CODES, value) === true
}

/** Every {@link ResetErrorCode}, for documentation, exhaustive tests and custom mappers. */
export const RESET_ERROR_CODES = Object.keys(CODES) as readonly ResetErrorCode[]
