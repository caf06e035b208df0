import type { EmulatorResponse } from './Emulator'

/**
 * The Stack Auth known errors the emulator can answer with: status, message and the shape of
 * `details` when the error has one. Codes, statuses and detail keys are Stack's own (checked
 * against `packages/stack-shared/src/known-errors.tsx` and the snapshots in Stack's backend e2e
 * tests); note `PASSWORD_TOO_LONG` really spells its detail `maxLength`, unlike
 * `PASSWORD_TOO_SHORT`'s `min_length`. Clients must branch on `code`, never on `error`.
 */
export const STACK_AUTH_ERRORS = {
  BODY_PARSING_ERROR: { status: 400, message: 'Invalid JSON in request body' },
  SCHEMA_ERROR: { status: 400, message: 'Request validation failed.' },
  PROJECT_KEY_WITHOUT_ACCESS_TYPE: {
    status: 400,
    message:
      "Either an API key or an admin access token was provided, but the x-stack-access-type header is missing. Set it to 'client', 'server', or 'admin' as appropriate.",
  },
  INVALID_ACCESS_TYPE: {
    status: 400,
    message: "The x-stack-access-type header must be 'client', 'server', or 'admin'.",
  },
  ACCESS_TYPE_WITHOUT_PROJECT_ID: {
    status: 400,
    message: 'The x-stack-access-type header was set, but the x-stack-project-id header was not provided.',
  },
  ACCESS_TYPE_REQUIRED: {
    status: 400,
    message:
      "You must specify an access level for this Stack project. Make sure project API keys are provided (eg. x-stack-publishable-client-key) and you set the x-stack-access-type header to 'client', 'server', or 'admin'.",
  },
  CLIENT_AUTHENTICATION_REQUIRED: { status: 401, message: 'The publishable client key must be provided.' },
  SERVER_AUTHENTICATION_REQUIRED: { status: 401, message: 'The secret server key must be provided.' },
  ADMIN_AUTHENTICATION_REQUIRED: { status: 401, message: 'The super secret admin key must be provided.' },
  INVALID_PUBLISHABLE_CLIENT_KEY: {
    status: 401,
    message: 'The publishable key is not valid for the project. Does the project and/or the key exist?',
  },
  INVALID_SECRET_SERVER_KEY: {
    status: 401,
    message: 'The secret server key is not valid for the project. Does the project and/or the key exist?',
  },
  INVALID_SUPER_SECRET_ADMIN_KEY: {
    status: 401,
    message: 'The super secret admin key is not valid for the project. Does the project and/or the key exist?',
  },
  REDIRECT_URL_NOT_WHITELISTED: {
    status: 400,
    message:
      'Redirect URL not whitelisted. Did you forget to add this domain to the trusted domains list on the Stack Auth dashboard?',
  },
  VERIFICATION_CODE_NOT_FOUND: { status: 404, message: 'The verification code does not exist for this project.' },
  VERIFICATION_CODE_EXPIRED: { status: 400, message: 'The verification code has expired.' },
  VERIFICATION_CODE_ALREADY_USED: { status: 409, message: 'The verification link has already been used.' },
  VERIFICATION_CODE_MAX_ATTEMPTS_REACHED: {
    status: 400,
    message: 'The verification code nonce has reached the maximum number of attempts. This code is not valid anymore.',
  },
  PASSWORD_TOO_SHORT: { status: 400, message: 'Password too short.' },
  PASSWORD_TOO_LONG: { status: 400, message: 'Password too long.' },
  EMAIL_PASSWORD_MISMATCH: { status: 400, message: 'Wrong e-mail or password.' },
} as const satisfies Record<string, { status: number; message: string }>

/** One of the {@link STACK_AUTH_ERRORS} codes. */
export type StackAuthErrorCode = keyof typeof STACK_AUTH_ERRORS

/** Stack's known-error body: `details` is present only for errors that carry some. */
export interface StackAuthErrorBody {
  code: StackAuthErrorCode
  details?: Record<string, unknown>
  error: string
}

/**
 * Builds a known-error response: the JSON body, its status and the `X-Stack-Known-Error` header
 * Stack's SDK reads to recognise the error. `message` replaces the table's text where Stack puts
 * values into it (a length, a project id).
 */
export function stackAuthError(
  code: StackAuthErrorCode,
  options: { details?: Record<string, unknown>; message?: string } = {},
): EmulatorResponse {
  const { status, message } = STACK_AUTH_ERRORS[code]
  const body: StackAuthErrorBody = {
    code,
    ...(options.details ? { details: options.details } : {}),
    error: options.message ?? message,
  }
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Stack-Known-Error': code },
    body,
  }
}
