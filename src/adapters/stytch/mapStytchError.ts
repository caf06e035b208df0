import { ResetError, type ResetErrorCode } from '../../core/ResetError'
import { errorForStatus, type SendJsonResponse } from '../../core/sendJson'

/** The body Stytch sends with every error, from its API and its browser SDK endpoints alike. */
export interface StytchErrorBody {
  /** The HTTP status, repeated in the body. */
  status_code: number
  /** Stytch's id for the request, worth logging when asking Stytch's support about a failure. */
  request_id: string
  /** The machine-readable error, such as `weak_password`; it decides the `ResetError` code. */
  error_type: string
  /** English text for developers; kept only as the `cause` of the `ResetError`, never shown. */
  error_message: string
  /** Link to Stytch's documentation of this `error_type`. */
  error_url?: string | undefined
}

/** Which of the two reset calls a response answers. */
export type StytchResetStep = 'start' | 'complete'

// The `error_type`s each code stands for, space-separated (one string per code is a fraction of
// the size of a table with a key per type). An `error_type` not listed here falls back to its
// HTTP status, as any other backend's would; that is also how `internal_server_error` (500) and
// `server_unavailable` (503) become `server`.
//
// Stytch has one error for a reset token that is unknown, expired or already used, so the three
// cannot be told apart here; the UI offers a new link for each of them anyway. Its docs do not
// say whether a spent reset link reports that error or the magic-link one (the reset email is a
// magic link to Stytch), so both mean a dead link, rather than "something went wrong".
const ERROR_TYPES: Readonly<Partial<Record<ResetErrorCode, string>>> = {
  invalid_email: 'invalid_email',
  token_invalid: 'unable_to_auth_password_reset_token unable_to_auth_magic_link invalid_token',
  verifier_missing: 'pkce_expected_code_verifier',
  // The link was started without a challenge (elsewhere), or the stored verifier is damaged: in
  // both cases only a new link sent from this browser can succeed.
  verifier_mismatch: 'pkce_mismatch pkce_did_not_expect_code_verifier invalid_pkce_code_verifier',
  password_weak: 'weak_password',
  password_breached: 'breached_password',
  redirect_not_allowed:
    'invalid_password_reset_redirect_url no_password_reset_redirect_url ' +
    'invalid_login_redirect_url no_login_redirect_url no_match_for_provided_magic_link_url',
  misconfigured:
    // Credentials, project and environment; `route_not_found` is Stytch's own 404 for a path it
    // does not have (an apiBaseUrl or server route with a stray path), like a 404 without its body.
    'unauthorized_credentials unauthorized_credentials_homepage invalid_authorization_header ' +
    'invalid_project_id_authentication invalid_secret_authentication unauthorized_project_id_live ' +
    'unauthorized_project_id_test test_id_used_in_live_environment live_id_used_in_test_environment ' +
    'wrong_stack_live wrong_stack_test route_not_found project_not_found ' +
    // The frontend SDK's configuration.
    'public_token_required public_token_not_found invalid_public_token_id bad_domain_for_stytch_sdk ' +
    'endpoint_not_authorized_for_sdk passwords_incompatible_with_sdk_config ' +
    'cname_required_for_http_only_cookies cname_invalid_for_http_only_cookies invalid_consumer_endpoint ' +
    // What the adapter sent.
    'email_template_not_found invalid_template_id invalid_locale invalid_expiration invalid_pkce_code_challenge ' +
    // The kit cannot show a Stytch CAPTCHA, so a project that demands one cannot use this adapter.
    'captcha_required captcha_failed use_https',
}

/** True for a body shaped like {@link StytchErrorBody}. */
export function isStytchErrorBody(body: unknown): body is StytchErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as StytchErrorBody).error_type === 'string'
}

/**
 * Turns a non-2xx Stytch response into the kit's {@link ResetError}, or into `'neutral'` when the
 * start step reports that no account has the address: that must end in the same confirmation as a
 * sent email, so the page cannot be used to find out who has an account.
 *
 * `error_message` is Stytch's English text and goes nowhere but `cause`; bodies that are not JSON
 * (a proxy's HTML page) were already dropped by `sendJson`.
 *
 * @example
 * const outcome = mapStytchError(response, 'start')
 * if (outcome !== 'neutral') throw outcome
 */
export function mapStytchError(response: SendJsonResponse, step: 'start'): ResetError | 'neutral'
/** At `'complete'` the result is always a {@link ResetError}: only the start step can be `'neutral'`. */
export function mapStytchError(response: SendJsonResponse, step: 'complete'): ResetError
/** For a step known only at run time; `'neutral'` is possible only when it is `'start'`. */
export function mapStytchError(response: SendJsonResponse, step: StytchResetStep): ResetError | 'neutral'
export function mapStytchError(response: SendJsonResponse, step: StytchResetStep): ResetError | 'neutral' {
  const { body } = response
  if (!isStytchErrorBody(body)) {
    // Not Stytch's own JSON: a 404 is a `baseUrl` or `apiBaseUrl` that leads nowhere, and a 403 is
    // the SDK endpoints' plain-text "Captcha required", which this kit cannot answer.
    return response.status === 404 || response.status === 403
      ? new ResetError('misconfigured', { cause: body })
      : errorForStatus(response)
  }
  const type = body.error_type
  // Any 429 is a rate limit, whatever its body says, and so is Stytch's `too_many_requests`; but
  // not `captcha_failed`, a 429 that no wait can get past.
  if ((response.status === 429 && type !== 'captcha_failed') || type === 'too_many_requests')
    return errorForStatus({ ...response, status: 429 })
  if (type === 'email_not_found' || type === 'user_not_found') {
    // No account has the address. At completion the account behind the link is gone, so the link
    // cannot be used any more.
    return step === 'start' ? 'neutral' : new ResetError('token_invalid', { cause: body })
  }
  const code = (Object.keys(ERROR_TYPES) as ResetErrorCode[]).find((key) => ERROR_TYPES[key]!.split(' ').includes(type))
  if (code === undefined) return errorForStatus(response)
  return new ResetError(code, { cause: body })
}
