import { ResetError, type ResetErrorCode, type ResetErrorField } from '../../core/ResetError'
import { errorForStatus, type SendJsonResponse } from '../../core/sendJson'

/** The body Stytch sends with every error, from its API and its browser SDK endpoints alike. */
export interface StytchErrorBody {
  status_code: number
  request_id: string
  error_type: string
  /** English text for developers; kept only as the `cause` of the `ResetError`, never shown. */
  error_message: string
  error_url?: string
}

/** Which of the two reset calls a response answers. */
export type StytchResetStep = 'start' | 'complete'

interface Mapping {
  code: ResetErrorCode
  field?: ResetErrorField
}

const misconfigured: Mapping = { code: 'misconfigured' }
const redirectNotAllowed: Mapping = { code: 'redirect_not_allowed' }

// Stytch has one error for a reset token that is unknown, expired or already used, so the three
// cannot be told apart here; the UI offers a new link for each of them anyway.
const BY_ERROR_TYPE: Readonly<Record<string, Mapping>> = {
  too_many_requests: { code: 'rate_limited' },
  invalid_email: { code: 'invalid_email', field: 'email' },
  unable_to_auth_password_reset_token: { code: 'token_invalid' },
  invalid_token: { code: 'token_invalid' },
  pkce_expected_code_verifier: { code: 'verifier_missing' },
  pkce_mismatch: { code: 'verifier_mismatch' },
  // The link was started without a challenge (elsewhere), or the stored verifier is damaged: in
  // both cases only a new link sent from this browser can succeed.
  pkce_did_not_expect_code_verifier: { code: 'verifier_mismatch' },
  invalid_pkce_code_verifier: { code: 'verifier_mismatch' },
  weak_password: { code: 'password_weak', field: 'password' },
  breached_password: { code: 'password_breached', field: 'password' },
  invalid_password_reset_redirect_url: redirectNotAllowed,
  no_password_reset_redirect_url: redirectNotAllowed,
  invalid_login_redirect_url: redirectNotAllowed,
  no_login_redirect_url: redirectNotAllowed,
  no_match_for_provided_magic_link_url: redirectNotAllowed,
  unauthorized_credentials: misconfigured,
  unauthorized_credentials_homepage: misconfigured,
  invalid_authorization_header: misconfigured,
  invalid_project_id_authentication: misconfigured,
  invalid_secret_authentication: misconfigured,
  unauthorized_project_id_live: misconfigured,
  unauthorized_project_id_test: misconfigured,
  test_id_used_in_live_environment: misconfigured,
  live_id_used_in_test_environment: misconfigured,
  wrong_stack_live: misconfigured,
  wrong_stack_test: misconfigured,
  project_not_found: misconfigured,
  public_token_required: misconfigured,
  public_token_not_found: misconfigured,
  invalid_public_token_id: misconfigured,
  bad_domain_for_stytch_sdk: misconfigured,
  endpoint_not_authorized_for_sdk: misconfigured,
  passwords_incompatible_with_sdk_config: misconfigured,
  cname_required_for_http_only_cookies: misconfigured,
  cname_invalid_for_http_only_cookies: misconfigured,
  invalid_consumer_endpoint: misconfigured,
  email_template_not_found: misconfigured,
  invalid_template_id: misconfigured,
  invalid_locale: misconfigured,
  invalid_expiration: misconfigured,
  invalid_pkce_code_challenge: misconfigured,
  // The kit cannot show a Stytch CAPTCHA, so a project that demands one cannot use this adapter.
  captcha_required: misconfigured,
  use_https: misconfigured,
  internal_server_error: { code: 'server' },
  server_unavailable: { code: 'server' },
}

const NO_SUCH_ACCOUNT = new Set(['email_not_found', 'user_not_found'])

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
export function mapStytchError(response: SendJsonResponse, step: 'complete'): ResetError
export function mapStytchError(response: SendJsonResponse, step: StytchResetStep): ResetError | 'neutral'
export function mapStytchError(response: SendJsonResponse, step: StytchResetStep): ResetError | 'neutral' {
  const { body } = response
  if (response.status === 429) return errorForStatus(response)
  if (!isStytchErrorBody(body)) return errorForStatus(response)
  if (NO_SUCH_ACCOUNT.has(body.error_type)) {
    // At completion the account behind the link is gone, so the link cannot be used any more.
    return step === 'start' ? 'neutral' : new ResetError('token_invalid', { cause: body })
  }
  const mapping = BY_ERROR_TYPE[body.error_type]
  if (mapping === undefined) return errorForStatus(response)
  return new ResetError(mapping.code, {
    field: mapping.field,
    retryAfterSeconds: mapping.code === 'rate_limited' ? response.retryAfterSeconds : undefined,
    cause: body,
  })
}
