import type { ResetAdapter } from '../../core/ResetAdapter'
import { ResetError } from '../../core/ResetError'
import { sendJson, type SendJsonRequest } from '../../core/sendJson'
import { assertHttpUrl } from '../shared/assertHttpUrl'
import { assertTimeoutMs } from '../shared/assertTimeoutMs'
import { optionError } from '../../core/optionError'
import { assertAdapterId } from '../shared/assertAdapterId'
import { describeValue } from '../shared/describeValue'
import { defaultStytchApiBaseUrl } from './defaultStytchApiBaseUrl'
import { mapStytchError } from './mapStytchError'
import type { StytchAdapterOptions } from './StytchAdapterOptions'
import { toStytchLocale } from './toStytchLocale'

// Explanations for developers are written as `process.env.NODE_ENV !== 'production' && '…'` at
// each throw, so that bundlers drop them from production builds (see `optionError`).

/** The `TypeError` for an `expiresInMinutes` outside what Stytch allows; `undefined` when absent or fine. */
function expiryError(value: unknown): TypeError | undefined {
  if (value === undefined || (Number.isInteger(value) && (value as number) >= 5 && (value as number) <= 10_080)) {
    return undefined
  }
  return optionError(
    'expiresInMinutes',
    process.env.NODE_ENV !== 'production' &&
      `reset-kit: \`expiresInMinutes\` must be a whole number of minutes from 5 to 10080 (7 days), the range Stytch allows; got ${describeValue(value)}.`,
  )
}

/**
 * Creates the adapter for Stytch's password reset by email, with PKCE.
 *
 * With `publicToken` the browser calls Stytch's SDK endpoints
 * (`POST {apiBaseUrl}/sdk/v1/passwords/email/reset/start` and `…/sdk/v1/passwords/email/reset`)
 * authenticated with `Authorization: Basic base64(publicToken:publicToken)`. Like Stytch's own
 * SDKs, the completion sends `session_duration_minutes` (5, the least Stytch allows); the
 * adapter drops the session Stytch returns, so nobody is signed in.
 *
 * With `baseUrl` the browser calls your server at `POST {baseUrl}/passwords/email/reset/start` and
 * `POST {baseUrl}/passwords/email/reset`, sending the bodies Stytch's `/v1` endpoints take; the
 * server adds the project secret and forwards them, returning Stytch's status, JSON body and
 * `Retry-After` header unchanged. A Next.js route handler for the start call:
 *
 * ```ts
 * // app/api/auth/passwords/email/reset/start/route.ts
 * const STYTCH = process.env.STYTCH_PROJECT_ENV === 'live' ? 'https://api.stytch.com' : 'https://test.stytch.com'
 * const AUTH = `Basic ${btoa(`${process.env.STYTCH_PROJECT_ID}:${process.env.STYTCH_SECRET}`)}`
 *
 * export async function POST(request: Request) {
 *   const { email, code_challenge, locale, reset_password_expiration_minutes, login_redirect_url,
 *     reset_password_template_id } = await request.json()
 *   const upstream = await fetch(`${STYTCH}/v1/passwords/email/reset/start`, {
 *     method: 'POST',
 *     headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
 *     // Forward only known fields, and fix the redirect URL here rather than trusting the client.
 *     body: JSON.stringify({
 *       email, code_challenge, locale, reset_password_expiration_minutes, login_redirect_url,
 *       reset_password_template_id, reset_password_redirect_url: 'https://app.example.com/reset-password',
 *     }),
 *   })
 *   const headers = new Headers({ 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
 *   const retryAfter = upstream.headers.get('Retry-After')
 *   if (retryAfter) headers.set('Retry-After', retryAfter)
 *   const body = await upstream.text()
 *   // An unknown address answers as a sent email does: the network then tells no more than the screen.
 *   if (upstream.status === 404 && /"error_type":\s*"email_not_found"/.test(body)) {
 *     return new Response('{}', { status: 200, headers })
 *   }
 *   return new Response(body, { status: upstream.status, headers })
 * }
 * ```
 * The completion route is the same with `/v1/passwords/email/reset` and the fields `token`,
 * `password` and `code_verifier`, and passes every answer through.
 *
 * Mistakes in the options throw a `TypeError` at once, explaining the fix (in production builds,
 * where bundlers set `process.env.NODE_ENV`, a short one naming the option). A 404 `email_not_found` from the start
 * call resolves like a sent email, so the page looks the same for every address (the response
 * still differs on the network unless a server answers it as above); every other
 * failure rejects with a `ResetError` (see `mapStytchError`). Stytch offers no check that leaves
 * the token unused, so this adapter has no `checkToken`.
 *
 * @example
 * // Browser → Stytch
 * const adapter = createStytchAdapter({ publicToken: 'public-token-test-5e8c1b2a-…' })
 *
 * @example
 * // Browser → your server → Stytch
 * const adapter = createStytchAdapter({ baseUrl: 'https://app.example.com/api/auth', expiresInMinutes: 60 })
 */
export function createStytchAdapter(options: StytchAdapterOptions): ResetAdapter {
  if (typeof options !== 'object' || options === null) {
    throw optionError(
      'options',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: createStytchAdapter needs an options object with `publicToken` or `baseUrl`.',
    )
  }
  const { publicToken, baseUrl, loginRedirectUrl, templateId } = options
  if ((publicToken === undefined) === (baseUrl === undefined)) {
    throw optionError(
      'publicToken or baseUrl',
      process.env.NODE_ENV !== 'production' &&
        (publicToken === undefined
          ? 'reset-kit: createStytchAdapter needs `publicToken` (the browser calls Stytch) or `baseUrl` (the browser calls your server).'
          : 'reset-kit: pass either `publicToken` (the browser calls Stytch) or `baseUrl` (the browser calls your server), not both.'),
    )
  }

  // The two modes differ only in where the requests go and how they are authenticated.
  let url: string
  let headers: Record<string, string>
  let credentials: SendJsonRequest['credentials']
  // Stytch's SDK endpoints take a session length at completion: every Stytch SDK sends one, and
  // its browser SDK refuses to call without it. The least Stytch allows; the session that comes
  // back is dropped unread (no cookie either: the call omits credentials), so nobody is signed in.
  let sessionMinutes: 5 | undefined
  if (publicToken !== undefined) {
    // [!-~] is printable ASCII without the space (\x21-\x7e).
    if (typeof publicToken !== 'string' || !/^public-token-[!-~]+$/.test(publicToken)) {
      // The value is never echoed: a developer who pastes the project secret here must not see it
      // copied into logs.
      throw optionError(
        'publicToken',
        process.env.NODE_ENV !== 'production' &&
          (typeof publicToken === 'string' && publicToken.startsWith('secret-')
            ? 'reset-kit: `publicToken` looks like a Stytch project secret. Never ship the secret to a browser: use the public token ("public-token-…") here, or pass `baseUrl` and call Stytch from your server.'
            : 'reset-kit: `publicToken` must be the project\'s public token from the Stytch dashboard (Project settings → API keys), which starts with "public-token-": pasted whole, with no spaces and no placeholder such as "…".'),
      )
    }
    const { apiBaseUrl } = options
    url =
      apiBaseUrl === undefined
        ? defaultStytchApiBaseUrl(publicToken)
        : assertHttpUrl(apiBaseUrl, 'apiBaseUrl', process.env.NODE_ENV !== 'production' && 'https://login.example.com')
    headers = { Authorization: `Basic ${btoa(`${publicToken}:${publicToken}`)}` }
    credentials = 'omit'
    sessionMinutes = 5
  } else {
    url = assertHttpUrl(
      baseUrl,
      'baseUrl',
      process.env.NODE_ENV !== 'production' && 'https://app.example.com/api/auth',
      true,
    )
    headers = { ...options.headers }
    credentials = options.credentials
  }
  const root = `${url.replace(/\/+$/, '')}${publicToken === undefined ? '' : '/sdk/v1'}/passwords/email/reset`

  const id = assertAdapterId(options.id ?? 'stytch', 'stytch')
  const badExpiry = expiryError(options.expiresInMinutes)
  if (badExpiry) throw badExpiry
  if (loginRedirectUrl !== undefined) {
    assertHttpUrl(
      loginRedirectUrl,
      'loginRedirectUrl',
      process.env.NODE_ENV !== 'production' && 'https://app.example.com/login',
    )
  }
  const timeoutMs = assertTimeoutMs(options.timeoutMs)
  if (templateId !== undefined && (typeof templateId !== 'string' || templateId === '')) {
    throw optionError(
      'templateId',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`templateId\` must be the id of a Stytch email template; got ${describeValue(templateId)}.`,
    )
  }

  const send = (path: string, body: object, signal: AbortSignal) =>
    sendJson({ url: root + path, headers, credentials, body, signal, timeoutMs })

  return {
    id,
    pkce: true,
    tokenParams: Object.freeze(['token']),
    callbackParams: Object.freeze(['stytch_token_type']),
    linkLifetimeMinutes: options.expiresInMinutes,

    validateCallbackParams(params) {
      const type = params.get('stytch_token_type')
      // A magic-link or OAuth token must never reach the password reset endpoint.
      if (type !== null && type !== 'reset_password') throw new ResetError('token_invalid')
    },

    async startReset(input) {
      if (!input.codeChallenge) {
        throw new ResetError('misconfigured', {
          cause: optionError(
            'codeChallenge',
            process.env.NODE_ENV !== 'production' &&
              'reset-kit: the Stytch adapter uses PKCE, so startReset needs a `codeChallenge`.',
          ),
        })
      }
      const badExpiry = expiryError(input.expiresInMinutes)
      if (badExpiry) throw new ResetError('misconfigured', { cause: badExpiry })
      // JSON leaves out the fields that are `undefined`: only what was set is sent.
      const response = await send(
        '/start',
        {
          email: input.email,
          reset_password_redirect_url: input.redirectUrl,
          code_challenge: input.codeChallenge,
          locale: toStytchLocale(input.locale),
          reset_password_expiration_minutes: input.expiresInMinutes ?? options.expiresInMinutes,
          login_redirect_url: loginRedirectUrl,
          reset_password_template_id: templateId,
        },
        input.signal,
      )
      if (response.ok) return
      const outcome = mapStytchError(response, 'start')
      if (outcome !== 'neutral') throw outcome
    },

    async completeReset(input) {
      if (!input.codeVerifier) throw new ResetError('verifier_missing')
      const response = await send(
        '',
        {
          token: input.token,
          password: input.password,
          code_verifier: input.codeVerifier,
          session_duration_minutes: sessionMinutes,
        },
        input.signal,
      )
      if (!response.ok) throw mapStytchError(response, 'complete')
    },
  }
}
