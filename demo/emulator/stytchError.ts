import type { EmulatorResponse } from './StytchEmulator'

/**
 * The Stytch `error_type`s the emulator can answer with, their HTTP status and a message in the
 * spirit of Stytch's own. Names are Stytch's (checked against its SDKs' error-type enums and its
 * error reference pages); clients must branch on `error_type`, never on the message.
 */
export const STYTCH_ERRORS = {
  bad_request: { status: 400, message: 'The submitted request is invalid.' },
  invalid_email: { status: 400, message: 'Email format is invalid.' },
  no_password_reset_redirect_url: {
    status: 400,
    message: 'No reset_password_redirect_url was provided and no default is set for this project.',
  },
  invalid_password_reset_redirect_url: {
    status: 400,
    message: 'The reset_password_redirect_url is not an absolute URL registered for this project.',
  },
  invalid_login_redirect_url: {
    status: 400,
    message: 'The login_redirect_url is not an absolute URL registered for this project.',
  },
  invalid_expiration: {
    status: 400,
    message: 'reset_password_expiration_minutes must be between 5 and 10080.',
  },
  invalid_locale: { status: 400, message: 'locale must be one of en, es, fr or pt-br.' },
  invalid_pkce_code_challenge: {
    status: 400,
    message: 'code_challenge must be the base64url encoding of a SHA-256 digest, without padding.',
  },
  pkce_expected_code_verifier: {
    status: 400,
    message: 'This flow was started with a code_challenge, but no code_verifier was sent to finish it.',
  },
  pkce_mismatch: {
    status: 400,
    message: 'The code_verifier does not match the code_challenge sent when the flow started.',
  },
  pkce_did_not_expect_code_verifier: {
    status: 400,
    message: 'A code_verifier was sent, but this flow was started without a code_challenge.',
  },
  weak_password: { status: 400, message: 'The password does not meet the strength requirements.' },
  breached_password: {
    status: 400,
    message: 'This password appears in a known data breach; choose a different one.',
  },
  unauthorized_credentials: { status: 401, message: 'Unauthorized credentials.' },
  unable_to_auth_password_reset_token: {
    status: 401,
    message:
      'The password reset token could not be authenticated because it was either already used or expired. Send another password reset email to this user.',
  },
  email_not_found: { status: 404, message: 'Email could not be found.' },
  route_not_found: { status: 404, message: 'The requested route could not be found.' },
  too_many_requests: { status: 429, message: 'Too many requests have been made.' },
} as const satisfies Record<string, { status: number; message: string }>

/** One of the {@link STYTCH_ERRORS} keys. */
export type StytchErrorType = keyof typeof STYTCH_ERRORS

/** Stytch's error body, exactly its five fields. */
export interface StytchErrorBody {
  status_code: number
  request_id: string
  error_type: StytchErrorType
  error_message: string
  error_url: string
}

/** Builds a JSON error response with Stytch's body shape and `error_url` form. */
export function stytchError(
  type: StytchErrorType,
  requestId: string,
  headers: Record<string, string> = {},
): EmulatorResponse {
  const { status, message } = STYTCH_ERRORS[type]
  const body: StytchErrorBody = {
    status_code: status,
    request_id: requestId,
    error_type: type,
    error_message: message,
    error_url: `https://stytch.com/docs/api/errors/${status}#${type}`,
  }
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body }
}
