import { ResetError, type ResetErrorCode } from '../../core/ResetError'
import { errorForStatus, type SendJsonResponse } from '../../core/sendJson'
import { SUPABASE_MAX_PASSWORD_BYTES } from './supabasePasswordLimits'
import { ownEntry } from '../../core/ownEntry'

/**
 * The error bodies Supabase Auth (GoTrue) sends. With the `X-Supabase-Api-Version: 2024-01-01`
 * header (which the adapter sends, like supabase-js) `code` is the error code and the text is in
 * `message`; without it, `code` is the HTTP status, the error code is in `error_code` and the text
 * in `msg`. A weak password adds `weak_password.reasons`. OAuth-style errors of `/token` use
 * `error` and `error_description`.
 */
export interface SupabaseErrorBody {
  /** The error code, such as `weak_password`, with the API version header; the HTTP status without it. */
  code?: string | number | undefined
  /** The error code in bodies sent without the API version header. */
  error_code?: string | undefined
  /** English text with the API version header; kept only as the `cause` of the `ResetError`, never shown. */
  message?: string | undefined
  /** English text without the API version header; kept only as the `cause`, never shown. */
  msg?: string | undefined
  /** The error name of an OAuth-style `/token` error; kept only as the `cause`. */
  error?: string | undefined
  /** English text of an OAuth-style error; kept only as the `cause`, never shown. */
  error_description?: string | undefined
  /** Why GoTrue refused the password as weak: any of `length`, `characters`, `pwned`; other strings are dropped. */
  weak_password?: { reasons?: string[] | undefined } | undefined
}

/** Which request of the flow a response answers: recover, the PKCE exchange or the user update. */
export type SupabaseResetStep = 'start' | 'exchange' | 'update'

const BY_CODE: Readonly<Record<string, ResetErrorCode>> = {
  over_email_send_rate_limit: 'rate_limited',
  over_request_rate_limit: 'rate_limited',
  email_address_invalid: 'invalid_email',
  flow_state_expired: 'token_expired',
  flow_state_not_found: 'token_invalid',
  bad_code_verifier: 'verifier_mismatch',
  // The session the exchange created has expired or was revoked; the emailed code is spent, so
  // only a new link helps.
  bad_jwt: 'token_expired',
  no_authorization: 'token_expired',
  session_not_found: 'token_expired',
  session_expired: 'token_expired',
  reauthentication_needed: 'token_expired',
  // The kit cannot show Supabase's CAPTCHA or an MFA step, and SSO accounts have no password: this
  // project or account cannot reset a password this way.
  captcha_failed: 'misconfigured',
  insufficient_aal: 'misconfigured',
  user_sso_managed: 'misconfigured',
  email_provider_disabled: 'misconfigured',
  email_address_not_authorized: 'misconfigured',
  unexpected_failure: 'server',
}

const WEAK_REASONS = ['length', 'characters', 'pwned'] as const

/** The error code of either body shape, if it has one. */
export function supabaseErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const { code, error_code: errorCode, weak_password: weak } = body as SupabaseErrorBody
  if (typeof code === 'string') return code
  if (typeof errorCode === 'string') return errorCode
  // The oldest servers sent weak password errors without any code.
  if (typeof weak === 'object' && weak !== null && Array.isArray(weak.reasons)) return 'weak_password'
  return undefined
}

function weakPassword(body: SupabaseErrorBody): ResetError {
  const sent = Array.isArray(body.weak_password?.reasons) ? body.weak_password.reasons : []
  // Only the reasons GoTrue defines, in its own order: a string from a server must never reach
  // the screen, and the list stays the same whatever order it came in.
  const reasons = WEAK_REASONS.filter((reason) => sent.includes(reason))
  // A breached password has to go whatever else is wrong with it; and "weak" would tell a user
  // whose password is only too short to mix in capitals, which never helps.
  if (reasons.includes('pwned')) return new ResetError('password_breached', { cause: body })
  if (reasons.join() === 'length') {
    // The project's minimum is only in GoTrue's text: the number is taken, never the words.
    const minLength = Number(/at least (\d+)/.exec(String(body.message ?? body.msg))?.[1])
    if (minLength > 0) return new ResetError('password_too_short', { details: { minLength }, cause: body })
  }
  return new ResetError('password_weak', {
    details: reasons.length > 0 ? { reasons: reasons.join(',') } : undefined,
    cause: body,
  })
}

/**
 * Turns a non-2xx Supabase Auth response into the kit's {@link ResetError}, or into `'neutral'`
 * when the start step reports that no account has the address (Supabase normally answers 200 for
 * those anyway) or answers in a way it only does for an existing account, so the page cannot be
 * used to find out who has one.
 *
 * | Supabase code | `ResetError` |
 * | --- | --- |
 * | `over_email_send_rate_limit`, `email_address_not_authorized` on start | `'neutral'`: Supabase sends them only for existing accounts |
 * | `over_request_rate_limit`, any other 429 | `rate_limited` |
 * | `email_address_invalid`; `validation_failed` on start | `invalid_email` |
 * | `flow_state_expired` / `flow_state_not_found` | `token_expired` / `token_invalid` |
 * | `bad_code_verifier` | `verifier_mismatch` |
 * | `weak_password` | `password_breached` when a reason is `pwned`; `password_too_short` (`details.minLength`, from GoTrue's text) when the only one is `length`; else `password_weak` (`details.reasons`, e.g. `'length,characters'`) |
 * | `same_password` | `password_reused` |
 * | `validation_failed` on update | `password_too_long` (`maxLength: 72`) |
 * | `bad_jwt`, `session_not_found`, `session_expired` | `token_expired` |
 * | `captcha_failed`, `insufficient_aal`, `user_sso_managed`, 401 from the API gateway | `misconfigured` |
 * | `user_not_found` | `'neutral'` on start, `token_invalid` later |
 * | 5xx / anything else | `server` / `unknown` |
 *
 * Supabase's text (`message`, `msg`) goes nowhere but `cause`.
 *
 * @example
 * const outcome = mapSupabaseError(response, 'start')
 * if (outcome !== 'neutral') throw outcome
 */
export function mapSupabaseError(response: SendJsonResponse, step: 'start'): ResetError | 'neutral'
/** At `'exchange'` and `'update'` the result is always a {@link ResetError}: only the start step can be `'neutral'`. */
export function mapSupabaseError(response: SendJsonResponse, step: 'exchange' | 'update'): ResetError
/** For a step known only at run time; `'neutral'` is possible only when it is `'start'`. */
export function mapSupabaseError(response: SendJsonResponse, step: SupabaseResetStep): ResetError | 'neutral'
export function mapSupabaseError(response: SendJsonResponse, step: SupabaseResetStep): ResetError | 'neutral' {
  const body = response.body as SupabaseErrorBody | undefined
  const code = supabaseErrorCode(body)
  // /recover looks the address up first and answers an unknown one with 200 at once; its
  // per-address cooldown, hourly email cap and built-in mailer's team-only rule come later, so
  // these codes only ever answer for an existing account: shown, they would tell who has one.
  if (step === 'start' && (code === 'over_email_send_rate_limit' || code === 'email_address_not_authorized'))
    return 'neutral'
  if (response.status === 429) return errorForStatus(response)
  if (code === undefined || body === undefined) {
    // No Supabase Auth error: the API gateway refused the key, or `url` is not a Supabase project.
    if (response.status === 401 || response.status === 404) return new ResetError('misconfigured', { cause: body })
    return errorForStatus(response)
  }
  if (code === 'user_not_found') {
    return step === 'start' ? 'neutral' : new ResetError('token_invalid', { cause: body })
  }
  if (code === 'weak_password') return weakPassword(body)
  if (code === 'same_password') {
    return new ResetError('password_reused', { cause: body })
  }
  if (code === 'validation_failed') {
    if (step === 'start') return new ResetError('invalid_email', { cause: body })
    // The only check on a new password that is not a weak_password is its length in bytes.
    if (step === 'update') {
      return new ResetError('password_too_long', {
        details: { maxLength: SUPABASE_MAX_PASSWORD_BYTES },
        cause: body,
      })
    }
    return new ResetError('token_invalid', { cause: body })
  }
  const mapped = ownEntry(BY_CODE, code)
  if (mapped === undefined) return errorForStatus(response)
  return new ResetError(mapped, {
    retryAfterSeconds: mapped === 'rate_limited' ? response.retryAfterSeconds : undefined,
    cause: body,
  })
}
