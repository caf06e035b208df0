import type { ResetAdapter } from '../../core/ResetAdapter'
import { ResetError } from '../../core/ResetError'
import { sendJson, type SendJsonResponse } from '../../core/sendJson'
import { assertHttpUrl } from '../shared/assertHttpUrl'
import { assertTimeoutMs } from '../shared/assertTimeoutMs'
import { optionError } from '../../core/optionError'
import { assertAdapterId } from '../shared/assertAdapterId'
import { describeValue } from '../shared/describeValue'
import { quotableMaxLength } from '../shared/quotableMaxLength'
import type { BetterAuthAdapterOptions } from './BetterAuthAdapterOptions'
import { mapBetterAuthError, type BetterAuthPasswordLimits } from './mapBetterAuthError'

const SAME_ORIGIN = 'http://same.origin'

function assertBasePath(value: unknown): string {
  // Not `//…` nor `/\…`: without `baseUrl` the path alone is the endpoint, and those name another origin.
  if (typeof value !== 'string' || !/^\/(?![/\\])[^?#\s]*$/.test(value)) {
    throw optionError(
      'basePath',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`basePath\` must be the path Better Auth is mounted under, starting with "/", such as "/api/auth"; got ${describeValue(value)}.`,
    )
  }
  return value.replace(/\/+$/, '')
}

/**
 * Better Auth answers success with a JSON object. A 2xx without one is another server's page (a
 * wrong `basePath`, an app's catch-all route answering the POST): it must not read as an email
 * sent or a password changed, so it throws `misconfigured`.
 */
function answered(response: SendJsonResponse): boolean {
  if (!response.ok) return false
  if (typeof response.body == 'object' && response.body !== null) return true
  throw new ResetError('misconfigured', { cause: response.body })
}

function assertLength(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw optionError(
      name,
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`${name}\` must be a whole number of characters, the same as \`emailAndPassword.${name}\` in your Better Auth config; got ${describeValue(value)}.`,
    )
  }
  return value
}

/**
 * Creates the adapter for Better Auth's password reset by email (verified against better-auth
 * 1.7; older releases named the start endpoint `/forget-password`).
 *
 * - start: `POST {baseUrl}{basePath}/request-password-reset` `{ email, redirectTo }` (without
 *   `baseUrl`, on the page's own origin). Better Auth answers 200 whether or not the account exists. `redirectTo` must be a trusted origin
 *   (`trustedOrigins`), or it refuses with `redirect_not_allowed`.
 * - the emailed link points at Better Auth's own `GET {basePath}/reset-password/:token`, which
 *   redirects to `redirectUrl?token=…`, or to `redirectUrl?error=INVALID_TOKEN` for an unknown or
 *   expired token; `validateCallbackParams` turns the latter into the invalid-link screen. That
 *   redirect already checked the token, so there is no `checkToken`.
 * - complete: `POST {baseUrl}{basePath}/reset-password` `{ newPassword, token }`. Better Auth
 *   measures the password in UTF-16 units, so one over `maxPasswordLength` only through emoji
 *   and other astral characters is `password_too_long` with `details.maxLength: 0` (no number).
 *
 * There is no PKCE. Better Auth rate-limits the start request (3 a minute by default) with 429
 * and an `X-Retry-After` header; across origins, expose that header (CORS
 * `Access-Control-Expose-Headers`) so the page can show the wait.
 *
 * A 2xx without Better Auth's JSON (another server's page: a wrong `basePath`, an app's catch-all
 * route) rejects with `misconfigured` rather than read as sent or changed.
 *
 * Mistakes in the options throw a `TypeError` at once; every failure of a call rejects with a
 * `ResetError` (see `mapBetterAuthError`).
 *
 * @example
 * // Better Auth on the page's own origin, under /api/auth
 * const adapter = createBetterAuthAdapter()
 *
 * @example
 * // Better Auth mounted elsewhere, with a longer minimum
 * const adapter = createBetterAuthAdapter({ baseUrl: 'https://auth.example.com', basePath: '/auth', minPasswordLength: 12 })
 */
export function createBetterAuthAdapter(options: BetterAuthAdapterOptions = {}): ResetAdapter {
  if (typeof options !== 'object' || options === null) {
    throw optionError(
      'options',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: createBetterAuthAdapter takes an options object, such as `{ baseUrl: "https://auth.example.com" }`.',
    )
  }
  // Empty for the page's own origin: the endpoints are then paths, which sendJson resolves against it.
  const baseUrl =
    options.baseUrl === undefined
      ? ''
      : assertHttpUrl(
          options.baseUrl,
          'baseUrl',
          process.env.NODE_ENV !== 'production' && 'https://auth.example.com',
          true,
        ).replace(/\/+$/, '')
  const basePath = options.basePath === undefined ? '/api/auth' : assertBasePath(options.basePath)
  // Without `baseUrl` there is no origin to read: a stand-in makes the path readable all the same.
  const { origin, pathname } = new URL(baseUrl, SAME_ORIGIN)
  if (basePath !== '' && pathname.replace(/\/+$/, '').endsWith(basePath)) {
    throw optionError(
      'baseUrl',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`baseUrl\` already ends with the basePath ${JSON.stringify(basePath)}; ${origin === SAME_ORIGIN ? 'leave `baseUrl` out' : `pass the server's origin, such as "${origin}",`} and keep the path in \`basePath\`.`,
    )
  }
  const id = assertAdapterId(options.id ?? 'better-auth', 'better-auth')
  const timeoutMs = assertTimeoutMs(options.timeoutMs)
  const { credentials } = options
  const limits: BetterAuthPasswordLimits = {
    minPasswordLength: assertLength(options.minPasswordLength, 'minPasswordLength', 8),
    maxPasswordLength: assertLength(options.maxPasswordLength, 'maxPasswordLength', 128),
  }
  if (limits.minPasswordLength > limits.maxPasswordLength) {
    throw optionError(
      'minPasswordLength',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `minPasswordLength` must not be greater than `maxPasswordLength`.',
    )
  }
  const endpoint = `${baseUrl}${basePath}`

  function post(path: string, body: Record<string, string>, signal: AbortSignal): Promise<SendJsonResponse> {
    return sendJson({ url: `${endpoint}${path}`, credentials, body, signal, timeoutMs })
  }

  return {
    id,
    pkce: false,
    tokenParams: Object.freeze(['token']),
    callbackParams: Object.freeze(['error']),
    ...limits,

    validateCallbackParams(params) {
      // Better Auth's redirect reports an unknown or expired token as ?error=INVALID_TOKEN.
      if (params.has('error')) throw new ResetError('token_invalid')
    },

    async startReset(input) {
      const response = await post(
        '/request-password-reset',
        { email: input.email, redirectTo: input.redirectUrl },
        input.signal,
      )
      if (answered(response)) return
      const outcome = mapBetterAuthError(response, 'start', limits)
      if (outcome !== 'neutral') throw outcome
    },

    async completeReset(input) {
      const { password } = input
      const response = await post('/reset-password', { newPassword: password, token: input.token }, input.signal)
      if (answered(response)) return
      const max = limits.maxPasswordLength
      // Better Auth counts UTF-16 units, the page characters: 70 emoji are 140 units.
      throw mapBetterAuthError(
        response,
        'complete',
        password.length > max ? { ...limits, maxPasswordLength: quotableMaxLength(password, max) } : limits,
      )
    },
  }
}
