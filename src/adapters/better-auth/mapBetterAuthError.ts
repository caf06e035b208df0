import { ResetError, type ResetErrorCode } from '../../core/ResetError'
import { errorForStatus, type SendJsonResponse } from '../../core/sendJson'
import { ownEntry } from '../../core/ownEntry'

/** The body of a Better Auth error (`APIError`); its rate limiter sends only `message`. */
export interface BetterAuthErrorBody {
  /** The machine-readable error code, such as `INVALID_TOKEN`; the only field the mapping reads. */
  code?: string | undefined
  /** English text for developers; kept only as the `cause` of the `ResetError`, never shown. */
  message?: string | undefined
}

/** Which of the two reset calls a response answers. */
export type BetterAuthResetStep = 'start' | 'complete'

/** The password limits to quote when Better Auth refuses a length (it does not say them itself). */
export interface BetterAuthPasswordLimits {
  /** The server's `emailAndPassword.minPasswordLength`, quoted as `details.minLength` on `PASSWORD_TOO_SHORT`. */
  minPasswordLength: number
  /** The server's `emailAndPassword.maxPasswordLength`, quoted as `details.maxLength` on `PASSWORD_TOO_LONG`. */
  maxPasswordLength: number
}

const BY_CODE: Readonly<Record<string, ResetErrorCode>> = {
  // Unknown, expired and already used tokens all answer INVALID_TOKEN.
  INVALID_TOKEN: 'token_invalid',
  TOKEN_EXPIRED: 'token_expired',
  // The haveibeenpwned plugin.
  PASSWORD_COMPROMISED: 'password_breached',
  INVALID_REDIRECT_URL: 'redirect_not_allowed',
  INVALID_CALLBACK_URL: 'redirect_not_allowed',
  // 1.3.x: its origin check set no code, and better-call made one from the message.
  INVALID_REDIRECTURL: 'redirect_not_allowed',
  INVALID_CALLBACKURL: 'redirect_not_allowed',
  CALLBACK_URL_REQUIRED: 'redirect_not_allowed',
  RESET_PASSWORD_DISABLED: 'misconfigured',
  // Before that code: better-call made one from "Reset password isn't enabled".
  RESET_PASSWORD_ISNT_ENABLED: 'misconfigured',
  INVALID_ORIGIN: 'misconfigured',
  MISSING_OR_NULL_ORIGIN: 'misconfigured',
  // The captcha plugin: the kit cannot show a CAPTCHA.
  MISSING_RESPONSE: 'misconfigured',
  VERIFICATION_FAILED: 'misconfigured',
  UNSUPPORTED_MEDIA_TYPE: 'misconfigured',
}

const NO_SUCH_ACCOUNT = new Set(['USER_NOT_FOUND', 'USER_EMAIL_NOT_FOUND'])

/** True for a body with a Better Auth error `code`. */
export function isBetterAuthErrorBody(body: unknown): body is BetterAuthErrorBody & { code: string } {
  return typeof body === 'object' && body !== null && typeof (body as BetterAuthErrorBody).code === 'string'
}

/**
 * Turns a non-2xx Better Auth response into the kit's {@link ResetError}, or into `'neutral'` when
 * the start step reports that no account has the address (Better Auth answers 200 for those
 * anyway), so the page cannot be used to find out who has an account.
 *
 * | Better Auth `code` | `ResetError` |
 * | --- | --- |
 * | any 429 (`X-Retry-After`) | `rate_limited` |
 * | `INVALID_TOKEN` | `token_invalid` |
 * | `PASSWORD_TOO_SHORT` / `PASSWORD_TOO_LONG` | `password_too_short` / `_long`, quoting `limits` |
 * | `PASSWORD_COMPROMISED` | `password_breached` |
 * | `VALIDATION_ERROR` on start | `invalid_email` |
 * | `INVALID_REDIRECT_URL`, `INVALID_CALLBACK_URL` (1.3: `INVALID_REDIRECTURL`, `INVALID_CALLBACKURL`) | `redirect_not_allowed` |
 * | `RESET_PASSWORD_DISABLED` (earlier `RESET_PASSWORD_ISNT_ENABLED`), `INVALID_ORIGIN`, captcha errors, a 404 | `misconfigured` |
 * | `USER_NOT_FOUND` | `'neutral'` on start, `token_invalid` later |
 * | 5xx / anything else | `server` / `unknown` |
 *
 * @example
 * const outcome = mapBetterAuthError(response, 'start', { minPasswordLength: 8, maxPasswordLength: 128 })
 * if (outcome !== 'neutral') throw outcome
 */
export function mapBetterAuthError(
  response: SendJsonResponse,
  step: 'start',
  limits: BetterAuthPasswordLimits,
): ResetError | 'neutral'
/** At `'complete'` the result is always a {@link ResetError}: only the start step can be `'neutral'`. */
export function mapBetterAuthError(
  response: SendJsonResponse,
  step: 'complete',
  limits: BetterAuthPasswordLimits,
): ResetError
/** For a step known only at run time; `'neutral'` is possible only when it is `'start'`. */
export function mapBetterAuthError(
  response: SendJsonResponse,
  step: BetterAuthResetStep,
  limits: BetterAuthPasswordLimits,
): ResetError | 'neutral'
export function mapBetterAuthError(
  response: SendJsonResponse,
  step: BetterAuthResetStep,
  limits: BetterAuthPasswordLimits,
): ResetError | 'neutral' {
  const { body } = response
  if (response.status === 429) return errorForStatus(response)
  if (!isBetterAuthErrorBody(body)) {
    // Better Auth answers an empty 404 for a path it does not serve (a wrong `basePath`, a path in
    // `disabledPaths`, or a version without /request-password-reset).
    if (response.status === 404) return new ResetError('misconfigured', { cause: body })
    return errorForStatus(response)
  }
  if (NO_SUCH_ACCOUNT.has(body.code)) {
    // At completion the account behind the link is gone, so the link cannot be used any more.
    return step === 'start' ? 'neutral' : new ResetError('token_invalid', { cause: body })
  }
  if (body.code === 'PASSWORD_TOO_SHORT') {
    return new ResetError('password_too_short', {
      details: { minLength: limits.minPasswordLength },
      cause: body,
    })
  }
  if (body.code === 'PASSWORD_TOO_LONG') {
    return new ResetError('password_too_long', {
      details: { maxLength: limits.maxPasswordLength },
      cause: body,
    })
  }
  // The start body has two fields, and `redirectTo` is always a string: the email was refused.
  if (body.code === 'VALIDATION_ERROR' && step === 'start') {
    return new ResetError('invalid_email', { cause: body })
  }
  const mapped = ownEntry(BY_CODE, body.code)
  if (mapped === undefined) return errorForStatus(response)
  return new ResetError(mapped, { cause: body })
}
