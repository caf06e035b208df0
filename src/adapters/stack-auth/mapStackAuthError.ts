import { ResetError, type ResetErrorCode } from '../../core/ResetError'
import { errorForStatus, type SendJsonResponse } from '../../core/sendJson'
import { STACK_AUTH_PASSWORD_LENGTH } from './stackAuthPasswordLength'
import { ownEntry } from '../../core/ownEntry'

/**
 * The body of every Stack Auth "known error". The same `code` also comes in the
 * `X-Stack-Known-Error` response header; the body is enough, so the header is not read.
 */
export interface StackAuthErrorBody {
  /** The known error's name, such as `VERIFICATION_CODE_EXPIRED`; it decides the `ResetError` code. */
  code: string
  /** English text for developers; kept only as the `cause` of the `ResetError`, never shown. */
  error: string
  /** Extra data of some errors, such as the length limits of `PASSWORD_TOO_SHORT` and `PASSWORD_TOO_LONG`. */
  details?: Record<string, unknown> | undefined
}

/** Which of the three reset calls a response answers. */
export type StackAuthResetStep = 'start' | 'check' | 'complete'

const BY_CODE: Readonly<Record<string, ResetErrorCode>> = {
  VERIFICATION_CODE_EXPIRED: 'token_expired',
  VERIFICATION_CODE_ALREADY_USED: 'token_used',
  VERIFICATION_CODE_NOT_FOUND: 'token_invalid',
  // After 20 attempts (checks included) Stack refuses the code for good; only a new link helps.
  VERIFICATION_CODE_MAX_ATTEMPTS_REACHED: 'token_invalid',
  // The parent of the four above, sent by versions that add a new kind.
  VERIFICATION_ERROR: 'token_invalid',
  PASSWORD_REQUIREMENTS_NOT_MET: 'password_weak',
  REDIRECT_URL_NOT_WHITELISTED: 'redirect_not_allowed',
  PASSWORD_AUTHENTICATION_NOT_ENABLED: 'misconfigured',
  PROJECT_AUTHENTICATION_ERROR: 'misconfigured',
  INVALID_PROJECT_AUTHENTICATION: 'misconfigured',
  PROJECT_KEY_WITHOUT_ACCESS_TYPE: 'misconfigured',
  INVALID_ACCESS_TYPE: 'misconfigured',
  ACCESS_TYPE_WITHOUT_PROJECT_ID: 'misconfigured',
  ACCESS_TYPE_REQUIRED: 'misconfigured',
  INSUFFICIENT_ACCESS_TYPE: 'misconfigured',
  INVALID_PUBLISHABLE_CLIENT_KEY: 'misconfigured',
  PROJECT_AUTHENTICATION_REQUIRED: 'misconfigured',
  CLIENT_AUTHENTICATION_REQUIRED: 'misconfigured',
  PROJECT_NOT_FOUND: 'misconfigured',
  CURRENT_PROJECT_NOT_FOUND: 'misconfigured',
  BRANCH_DOES_NOT_EXIST: 'misconfigured',
  BODY_PARSING_ERROR: 'misconfigured',
  API_KEY_NOT_VALID: 'misconfigured',
  API_KEY_EXPIRED: 'misconfigured',
  API_KEY_REVOKED: 'misconfigured',
  API_KEY_NOT_FOUND: 'misconfigured',
}

const NO_SUCH_ACCOUNT = new Set(['USER_NOT_FOUND', 'EMAIL_NOT_ASSOCIATED_WITH_USER'])

/** True for a body shaped like {@link StackAuthErrorBody}. */
export function isStackAuthErrorBody(body: unknown): body is StackAuthErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as StackAuthErrorBody).code === 'string'
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined
}

function detailsOf(body: StackAuthErrorBody): Record<string, unknown> {
  return typeof body.details === 'object' && body.details !== null ? body.details : {}
}

/**
 * A `SCHEMA_ERROR` names the field that failed in its text ("body.email must be a valid email").
 * The text is only classified here, never shown.
 */
function schemaError(body: StackAuthErrorBody, step: StackAuthResetStep): ResetError {
  const details = detailsOf(body)
  const text = `${typeof details.message === 'string' ? details.message : ''}\n${typeof body.error === 'string' ? body.error : ''}`
  if (step === 'start') {
    if (text.includes('body.email')) return new ResetError('invalid_email', { cause: body })
    if (text.includes('body.callback_url')) return new ResetError('redirect_not_allowed', { cause: body })
    return new ResetError('unknown', { cause: body })
  }
  if (step === 'complete' && text.includes('body.password')) {
    return new ResetError('password_too_long', {
      details: { maxLength: STACK_AUTH_PASSWORD_LENGTH.max },
      cause: body,
    })
  }
  // Otherwise the code itself was refused (Stack codes are exactly 45 characters).
  return new ResetError('token_invalid', { cause: body })
}

/**
 * Turns a non-2xx Stack Auth response into the kit's {@link ResetError}, or into `'neutral'` when
 * the start step reports that no account has the address (Stack normally answers 200 "maybe" for
 * those anyway), so the page cannot be used to find out who has an account.
 *
 * | Stack `code` | `ResetError` |
 * | --- | --- |
 * | `VERIFICATION_CODE_EXPIRED` | `token_expired` |
 * | `VERIFICATION_CODE_ALREADY_USED` | `token_used` |
 * | `VERIFICATION_CODE_NOT_FOUND`, `…_MAX_ATTEMPTS_REACHED` | `token_invalid` |
 * | `PASSWORD_TOO_SHORT` / `PASSWORD_TOO_LONG` | `password_too_short` / `_long`, with `minLength` / `maxLength` |
 * | `REDIRECT_URL_NOT_WHITELISTED` | `redirect_not_allowed` |
 * | `PASSWORD_AUTHENTICATION_NOT_ENABLED`, project key errors | `misconfigured` |
 * | `USER_NOT_FOUND` | `'neutral'` on start, `token_invalid` later |
 * | 429 / 5xx / anything else | `rate_limited` / `server` / `unknown` |
 *
 * `error` is Stack's English text and goes nowhere but `cause`.
 *
 * @example
 * const outcome = mapStackAuthError(response, 'start')
 * if (outcome !== 'neutral') throw outcome
 */
export function mapStackAuthError(response: SendJsonResponse, step: 'start'): ResetError | 'neutral'
/** At `'check'` and `'complete'` the result is always a {@link ResetError}: only the start step can be `'neutral'`. */
export function mapStackAuthError(response: SendJsonResponse, step: 'check' | 'complete'): ResetError
/** For a step known only at run time; `'neutral'` is possible only when it is `'start'`. */
export function mapStackAuthError(response: SendJsonResponse, step: StackAuthResetStep): ResetError | 'neutral'
export function mapStackAuthError(response: SendJsonResponse, step: StackAuthResetStep): ResetError | 'neutral' {
  const { body } = response
  if (response.status === 429) return errorForStatus(response)
  if (!isStackAuthErrorBody(body)) {
    // No Stack error body: the path does not exist, so `baseUrl` points somewhere else.
    if (response.status === 404) return new ResetError('misconfigured', { cause: body })
    return errorForStatus(response)
  }
  if (NO_SUCH_ACCOUNT.has(body.code)) {
    // Later on, the account behind the link is gone, so the link cannot be used any more.
    return step === 'start' ? 'neutral' : new ResetError('token_invalid', { cause: body })
  }
  if (body.code === 'PASSWORD_TOO_SHORT') {
    const details = detailsOf(body)
    return new ResetError('password_too_short', {
      details: { minLength: positiveInteger(details.min_length) ?? STACK_AUTH_PASSWORD_LENGTH.min },
      cause: body,
    })
  }
  if (body.code === 'PASSWORD_TOO_LONG') {
    const details = detailsOf(body)
    // Stack sends `maxLength` here (unlike `min_length` above); `max_length` is read too in case
    // a later version makes the two consistent.
    const maxLength = positiveInteger(details.maxLength) ?? positiveInteger(details.max_length)
    return new ResetError('password_too_long', {
      details: { maxLength: maxLength ?? STACK_AUTH_PASSWORD_LENGTH.max },
      cause: body,
    })
  }
  if (body.code === 'SCHEMA_ERROR') return schemaError(body, step)
  const mapped = ownEntry(BY_CODE, body.code)
  if (mapped === undefined) return errorForStatus(response)
  return new ResetError(mapped, { cause: body })
}
