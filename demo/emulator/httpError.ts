import type { ResetErrorCode } from '../../src/core/ResetError'
import type { EmulatorResponse } from './Emulator'

/**
 * The reset-kit error codes the emulator answers with, and the HTTP status it sends each with. The
 * adapter reads only the code, so any status works; these are the conventional ones, and none is a
 * 404 on start, which the adapter would take for "no such account".
 */
export const HTTP_ERROR_STATUS = {
  misconfigured: 400,
  invalid_email: 400,
  redirect_not_allowed: 400,
  verifier_missing: 400,
  verifier_mismatch: 403,
  token_invalid: 404,
  token_expired: 410,
  token_used: 410,
  password_too_short: 422,
  password_too_long: 422,
  rate_limited: 429,
} as const satisfies Partial<Record<ResetErrorCode, number>>

/** One of the {@link HTTP_ERROR_STATUS} codes. */
export type HttpErrorCode = keyof typeof HTTP_ERROR_STATUS

/** The error body the kit's HTTP adapter reads: a code, and numbers for the message's placeholders. */
export interface HttpErrorBody {
  code: HttpErrorCode
  details?: Record<string, number>
}

/** Builds a JSON error response `{ code, details? }` with the code's status. */
export function httpError(
  code: HttpErrorCode,
  options: { details?: Record<string, number>; headers?: Record<string, string> } = {},
): EmulatorResponse {
  const body: HttpErrorBody = { code, ...(options.details ? { details: options.details } : {}) }
  return {
    status: HTTP_ERROR_STATUS[code],
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...options.headers },
    body,
  }
}
