import type { EmulatorResponse } from './Emulator'

/**
 * The GoTrue `error_code`s the emulator answers with and their HTTP status. Names and statuses are
 * GoTrue's (`internal/api/apierrors/errorcode.go` and the handlers in `recover.go`, `verify.go`,
 * `token.go`, `user.go`); clients must branch on the code, never on the message.
 */
export const SUPABASE_ERROR_STATUS = {
  validation_failed: 400,
  bad_json: 400,
  bad_code_verifier: 400,
  invalid_credentials: 400,
  no_authorization: 401,
  bad_jwt: 403,
  session_not_found: 403,
  otp_expired: 403,
  flow_state_not_found: 404,
  flow_state_expired: 422,
  weak_password: 422,
  same_password: 422,
  over_email_send_rate_limit: 429,
} as const satisfies Record<string, number>

/** One of the {@link SUPABASE_ERROR_STATUS} codes. */
export type SupabaseErrorCode = keyof typeof SUPABASE_ERROR_STATUS

/** GoTrue's original error body, sent when the request names no API version. */
export interface SupabaseLegacyErrorBody {
  code: number
  error_code: SupabaseErrorCode
  msg: string
  weak_password?: { reasons: string[] }
}

/** GoTrue's error body for `X-Supabase-Api-Version: 2024-01-01` and later (what supabase-js sends). */
export interface SupabaseErrorBody {
  code: SupabaseErrorCode
  message: string
  weak_password?: { reasons: string[] }
}

/** The API version header GoTrue reads and echoes back. */
export const SUPABASE_API_VERSION_HEADER = 'X-Supabase-Api-Version'
/** The only dated API version GoTrue knows so far. */
export const SUPABASE_API_VERSION_2024_01_01 = '2024-01-01'

/**
 * True when the request's `X-Supabase-Api-Version` is 2024-01-01 or later, which switches GoTrue's
 * error bodies from `{ code: <status>, error_code, msg }` to `{ code: <error_code>, message }`.
 * A missing or malformed header means the original format, as in GoTrue.
 */
export function usesDatedApi(headerValue: string | undefined): boolean {
  if (headerValue === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(headerValue.trim())) return false
  return headerValue.trim() >= SUPABASE_API_VERSION_2024_01_01
}

/** Builds a GoTrue error response in the format the request's API version asks for. */
export function supabaseError(
  errorCode: SupabaseErrorCode,
  message: string,
  options: { datedApi: boolean; reasons?: string[]; headers?: Record<string, string> },
): EmulatorResponse {
  const status = SUPABASE_ERROR_STATUS[errorCode]
  const extra = options.reasons ? { weak_password: { reasons: options.reasons } } : {}
  const body: SupabaseErrorBody | SupabaseLegacyErrorBody = options.datedApi
    ? { code: errorCode, message, ...extra }
    : { code: status, error_code: errorCode, msg: message, ...extra }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...options.headers }
  if (options.datedApi) headers[SUPABASE_API_VERSION_HEADER] = SUPABASE_API_VERSION_2024_01_01
  return { status, headers, body }
}
