import type { ResetAdapter } from '../../core/ResetAdapter'
import { ResetError } from '../../core/ResetError'
import { sendJson } from '../../core/sendJson'
import { assertHttpUrl } from '../shared/assertHttpUrl'
import { assertTimeoutMs } from '../shared/assertTimeoutMs'
import { defaultStytchApiBaseUrl } from './defaultStytchApiBaseUrl'
import { mapStytchError } from './mapStytchError'
import type { StytchAdapterOptions } from './StytchAdapterOptions'
import { toStytchLocale } from './toStytchLocale'

interface Transport {
  startUrl: string
  completeUrl: string
  headers: Record<string, string>
  credentials: RequestCredentials | undefined
}

function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value)
}

function expiryProblem(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 5 && value <= 10_080) return undefined
  return `reset-kit: \`expiresInMinutes\` must be a whole number of minutes from 5 to 10080 (7 days), the range Stytch allows; got ${describe(value)}.`
}

function publicTokenTransport(publicToken: unknown, apiBaseUrl: unknown): Transport {
  if (typeof publicToken !== 'string' || !/^public-token-[\x21-\x7e]+$/.test(publicToken)) {
    // The value is never echoed: a developer who pastes the project secret here must not see it
    // copied into logs.
    const secret = typeof publicToken === 'string' && publicToken.startsWith('secret-')
    throw new TypeError(
      secret
        ? 'reset-kit: `publicToken` looks like a Stytch project secret. Never ship the secret to a browser: use the public token ("public-token-…") here, or pass `baseUrl` and call Stytch from your server.'
        : 'reset-kit: `publicToken` must be the project\'s public token from the Stytch dashboard (Project settings → API keys), which starts with "public-token-".',
    )
  }
  const base =
    apiBaseUrl === undefined
      ? defaultStytchApiBaseUrl(publicToken)
      : withoutTrailingSlash(assertHttpUrl(apiBaseUrl, 'apiBaseUrl', 'https://login.example.com'))
  return {
    startUrl: `${base}/sdk/v1/passwords/email/reset/start`,
    completeUrl: `${base}/sdk/v1/passwords/email/reset`,
    headers: { Authorization: `Basic ${btoa(`${publicToken}:${publicToken}`)}` },
    credentials: 'omit',
  }
}

function resolveTransport(options: StytchAdapterOptions): Transport {
  const hasPublicToken = options.publicToken !== undefined
  const hasBaseUrl = options.baseUrl !== undefined
  if (hasPublicToken && hasBaseUrl) {
    throw new TypeError(
      'reset-kit: pass either `publicToken` (the browser calls Stytch) or `baseUrl` (the browser calls your server), not both.',
    )
  }
  if (hasPublicToken) return publicTokenTransport(options.publicToken, options.apiBaseUrl)
  if (hasBaseUrl) {
    const base = withoutTrailingSlash(assertHttpUrl(options.baseUrl, 'baseUrl', 'https://app.example.com/api/auth'))
    return {
      startUrl: `${base}/passwords/email/reset/start`,
      completeUrl: `${base}/passwords/email/reset`,
      headers: { ...options.headers },
      credentials: options.credentials,
    }
  }
  throw new TypeError(
    'reset-kit: createStytchAdapter needs `publicToken` (the browser calls Stytch) or `baseUrl` (the browser calls your server).',
  )
}

/**
 * Creates the adapter for Stytch's password reset by email, with PKCE.
 *
 * With `publicToken` the browser calls Stytch's SDK endpoints
 * (`POST {apiBaseUrl}/sdk/v1/passwords/email/reset/start` and `…/sdk/v1/passwords/email/reset`)
 * authenticated with `Authorization: Basic base64(publicToken:publicToken)`.
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
 *   return new Response(await upstream.text(), { status: upstream.status, headers })
 * }
 * ```
 * The completion route is the same with `/v1/passwords/email/reset` and the fields `token`,
 * `password` and `code_verifier`.
 *
 * Mistakes in the options throw a `TypeError` at once. A 404 `email_not_found` from the start
 * call resolves like a sent email, so nobody can learn which addresses have accounts; every other
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
    throw new TypeError('reset-kit: createStytchAdapter needs an options object with `publicToken` or `baseUrl`.')
  }
  const transport = resolveTransport(options)
  const id = options.id ?? 'stytch'
  if (typeof id !== 'string' || id === '') {
    throw new TypeError(`reset-kit: \`id\` must be a non-empty string such as "stytch"; got ${describe(id)}.`)
  }
  if (options.expiresInMinutes !== undefined) {
    const problem = expiryProblem(options.expiresInMinutes)
    if (problem !== undefined) throw new TypeError(problem)
  }
  const loginRedirectUrl =
    options.loginRedirectUrl === undefined
      ? undefined
      : assertHttpUrl(options.loginRedirectUrl, 'loginRedirectUrl', 'https://app.example.com/login')
  const timeoutMs = assertTimeoutMs(options.timeoutMs)
  const { templateId } = options
  if (templateId !== undefined && (typeof templateId !== 'string' || templateId === '')) {
    throw new TypeError(`reset-kit: \`templateId\` must be the id of a Stytch email template; got ${describe(templateId)}.`)
  }

  return {
    id,
    pkce: true,
    tokenParams: Object.freeze(['token']),
    callbackParams: Object.freeze(['stytch_token_type']),

    validateCallbackParams(params) {
      const type = params.get('stytch_token_type')
      // A magic-link or OAuth token must never reach the password reset endpoint.
      if (type !== null && type !== 'reset_password') throw new ResetError('token_invalid')
    },

    async startReset(input) {
      if (!input.codeChallenge) {
        throw new ResetError('misconfigured', {
          cause: new TypeError('reset-kit: the Stytch adapter uses PKCE, so startReset needs a `codeChallenge`.'),
        })
      }
      const expiresInMinutes = input.expiresInMinutes ?? options.expiresInMinutes
      if (input.expiresInMinutes !== undefined) {
        const problem = expiryProblem(input.expiresInMinutes)
        if (problem !== undefined) throw new ResetError('misconfigured', { cause: new TypeError(problem) })
      }
      const body: Record<string, string | number> = {
        email: input.email,
        reset_password_redirect_url: input.redirectUrl,
        code_challenge: input.codeChallenge,
        locale: toStytchLocale(input.locale),
      }
      if (expiresInMinutes !== undefined) body.reset_password_expiration_minutes = expiresInMinutes
      if (loginRedirectUrl !== undefined) body.login_redirect_url = loginRedirectUrl
      if (templateId !== undefined) body.reset_password_template_id = templateId

      const response = await sendJson({
        url: transport.startUrl,
        headers: transport.headers,
        credentials: transport.credentials,
        body,
        signal: input.signal,
        timeoutMs,
      })
      if (response.ok) return
      const outcome = mapStytchError(response, 'start')
      if (outcome !== 'neutral') throw outcome
    },

    async completeReset(input) {
      if (!input.codeVerifier) throw new ResetError('verifier_missing')
      const response = await sendJson({
        url: transport.completeUrl,
        headers: transport.headers,
        credentials: transport.credentials,
        body: { token: input.token, password: input.password, code_verifier: input.codeVerifier },
        signal: input.signal,
        timeoutMs,
      })
      if (response.ok) return
      throw mapStytchError(response, 'complete')
    },
  }
}
