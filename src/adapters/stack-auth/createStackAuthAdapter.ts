import type { ResetAdapter } from '../../core/ResetAdapter'
import { ResetError } from '../../core/ResetError'
import { sendJson, type SendJsonResponse } from '../../core/sendJson'
import { assertHttpUrl } from '../shared/assertHttpUrl'
import { assertTimeoutMs } from '../shared/assertTimeoutMs'
import { optionError } from '../../core/optionError'
import { assertAdapterId } from '../shared/assertAdapterId'
import { describeValue } from '../shared/describeValue'
import { quotableMaxLength } from '../shared/quotableMaxLength'
import { mapStackAuthError } from './mapStackAuthError'
import type { StackAuthAdapterOptions } from './StackAuthAdapterOptions'
import { STACK_AUTH_PASSWORD_LENGTH } from './stackAuthPasswordLength'

const DEFAULT_BASE_URL = 'https://api.stack-auth.com'
const PRINTABLE = /^[\x21-\x7e]+$/

function assertProjectId(value: unknown): string {
  if (typeof value !== 'string' || !PRINTABLE.test(value)) {
    throw optionError(
      'projectId',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`projectId\` must be the project ID from the Stack Auth dashboard (Project settings → API keys), such as "e0b52f4d-dece-408c-af49-d23061bb0f8d"; got ${describeValue(value)}.`,
    )
  }
  return value
}

function assertPublishableClientKey(value: unknown): string {
  // The value is never echoed: a developer who pastes a secret key here must not see it copied
  // into logs.
  if (typeof value === 'string' && /^(ssk_|sak_)|secret-server-key|super-secret-admin-key/.test(value)) {
    throw optionError(
      'publishableClientKey',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `publishableClientKey` looks like a Stack Auth secret server key or admin key. Never ship those to a browser: use the publishable client key ("pck_…") here.',
    )
  }
  if (typeof value !== 'string' || !PRINTABLE.test(value)) {
    throw optionError(
      'publishableClientKey',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `publishableClientKey` must be the publishable client key from the Stack Auth dashboard (Project settings → API keys), which starts with "pck_".',
    )
  }
  return value
}

function assertBaseUrl(value: unknown): string {
  const base = assertHttpUrl(value, 'baseUrl', DEFAULT_BASE_URL).replace(/\/+$/, '')
  if (/\/api\/v\d+$/.test(new URL(base).pathname)) {
    throw optionError(
      'baseUrl',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`baseUrl\` is the Stack Auth host without the API version, such as "${DEFAULT_BASE_URL}"; remove the trailing "/api/v…" from ${JSON.stringify(value)}.`,
    )
  }
  return base
}

/**
 * Creates the adapter for Stack Auth's password reset by email. The browser calls Stack's client
 * API with the publishable client key (headers `X-Stack-Project-Id`,
 * `X-Stack-Publishable-Client-Key`, `X-Stack-Access-Type: client`, no cookies):
 *
 * - start: `POST {baseUrl}/api/v1/auth/password/send-reset-code` `{ email, callback_url }`. Stack
 *   answers 200 ("maybe") whether or not the account exists. The domain of `redirectUrl`
 *   (`callback_url`) must be a trusted domain of the project, or Stack refuses with `redirect_not_allowed`; it only checks this for
 *   addresses that have an account, so test with a real one.
 * - check: `POST …/auth/password/reset/check-code` `{ code }`, which does not use the code up, so an
 *   expired, used or unknown link shows its own screen before anyone types a password. Stack counts
 *   each check as an attempt (20 at most per code).
 * - complete: `POST …/auth/password/reset` `{ code, password }`.
 *
 * The link lands on `redirectUrl?code=<45 characters>`. There is no PKCE.
 *
 * Stack marks the code used before it checks the password's length, so a password it would refuse
 * as too short would also spend the link. `completeReset` therefore refuses passwords shorter than
 * 8 or longer than 70 UTF-16 code units itself, without sending anything
 * ({@link STACK_AUTH_PASSWORD_LENGTH}). One over 70 only through emoji and other astral
 * characters is `password_too_long` with `details.maxLength: 0` (no number), as the page counts
 * characters.
 *
 * Mistakes in the options throw a `TypeError` at once; every failure of a call rejects with a
 * `ResetError` (see `mapStackAuthError`).
 *
 * @example
 * const adapter = createStackAuthAdapter({
 *   projectId: import.meta.env.VITE_STACK_PROJECT_ID,
 *   publishableClientKey: import.meta.env.VITE_STACK_PUBLISHABLE_CLIENT_KEY,
 * })
 */
export function createStackAuthAdapter(options: StackAuthAdapterOptions): ResetAdapter {
  if (typeof options !== 'object' || options === null) {
    throw optionError(
      'options',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: createStackAuthAdapter needs an options object with `projectId` and `publishableClientKey`.',
    )
  }
  const projectId = assertProjectId(options.projectId)
  const publishableClientKey = assertPublishableClientKey(options.publishableClientKey)
  const base = options.baseUrl === undefined ? DEFAULT_BASE_URL : assertBaseUrl(options.baseUrl)
  const id = assertAdapterId(options.id ?? 'stack-auth', 'stack-auth')
  const timeoutMs = assertTimeoutMs(options.timeoutMs)
  const headers = {
    'X-Stack-Project-Id': projectId,
    'X-Stack-Publishable-Client-Key': publishableClientKey,
    'X-Stack-Access-Type': 'client',
  }

  function post(path: string, body: Record<string, string>, signal: AbortSignal): Promise<SendJsonResponse> {
    return sendJson({
      url: `${base}/api/v1/auth/password${path}`,
      headers,
      // Stack's client API authenticates by header; cookies of another site have no business here.
      credentials: 'omit',
      body,
      signal,
      timeoutMs,
    })
  }

  return {
    id,
    pkce: false,
    tokenParams: Object.freeze(['code']),
    minPasswordLength: STACK_AUTH_PASSWORD_LENGTH.min,
    maxPasswordLength: STACK_AUTH_PASSWORD_LENGTH.max,

    async startReset(input) {
      const response = await post(
        '/send-reset-code',
        { email: input.email, callback_url: input.redirectUrl },
        input.signal,
      )
      if (response.ok) return
      const outcome = mapStackAuthError(response, 'start')
      if (outcome !== 'neutral') throw outcome
    },

    async checkToken(input) {
      const response = await post('/reset/check-code', { code: input.token }, input.signal)
      if (!response.ok) throw mapStackAuthError(response, 'check')
      // Stack answers `{ is_code_valid: true }` and sends an error otherwise; a `false` would mean
      // a server that changed its contract, and must not let the form through.
      const body = response.body as { is_code_valid?: unknown } | undefined
      if (typeof body === 'object' && body !== null && body.is_code_valid === false) {
        throw new ResetError('token_invalid', { cause: body })
      }
    },

    async completeReset(input) {
      const { min, max } = STACK_AUTH_PASSWORD_LENGTH
      if (input.password.length < min) {
        throw new ResetError('password_too_short', { details: { minLength: min } })
      }
      if (input.password.length > max) {
        // Stack counts UTF-16 units, the page characters: 40 emoji are 80 units.
        throw new ResetError('password_too_long', { details: { maxLength: quotableMaxLength(input.password, max) } })
      }
      const response = await post('/reset', { code: input.token, password: input.password }, input.signal)
      if (response.ok) return
      throw mapStackAuthError(response, 'complete')
    },
  }
}
