import type { ResetAdapter } from '../../core/ResetAdapter'
import { ResetError, type ResetErrorCode } from '../../core/ResetError'
import { sendJson, type SendJsonResponse } from '../../core/sendJson'
import { assertHttpUrl } from '../shared/assertHttpUrl'
import { assertTimeoutMs } from '../shared/assertTimeoutMs'
import { optionError } from '../../core/optionError'
import { assertAdapterId } from '../shared/assertAdapterId'
import { describeValue } from '../shared/describeValue'
import { quotableMaxLength } from '../shared/quotableMaxLength'
import { mapSupabaseError } from './mapSupabaseError'
import type { SupabaseAdapterOptions, SupabaseSession } from './SupabaseAdapterOptions'
import { SUPABASE_MAX_PASSWORD_BYTES } from './supabasePasswordLimits'

/** The API version supabase-js asks for; its error bodies carry the error code in `code`. */
const API_VERSION = '2024-01-01'
/** A retry must not start with an access token about to expire mid-request. */
const EXPIRY_MARGIN_MS = 30_000
/** Failures of the password update after which the same session may still succeed. */
const RETRYABLE: ReadonlySet<ResetErrorCode> = new Set([
  'password_weak',
  'password_reused',
  'password_breached',
  'password_too_short',
  'password_too_long',
  'rate_limited',
  'server',
  'unknown',
])

interface HeldSession {
  session: SupabaseSession
  expiresAt: number
}

function assertProjectUrl(value: unknown): string {
  const url = assertHttpUrl(
    value,
    'url',
    process.env.NODE_ENV !== 'production' && 'https://abcdefghijklmnop.supabase.co',
  ).replace(/\/+$/, '')
  if (/\/auth\/v\d+$/.test(new URL(url).pathname)) {
    throw optionError(
      'url',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`url\` is the project URL without "/auth/v1", such as "https://abcdefghijklmnop.supabase.co"; remove the trailing path from ${JSON.stringify(value)}.`,
    )
  }
  return url
}

/** The `role` claim of a legacy JWT key, if the value is one. */
function jwtRole(key: string): unknown {
  const payload = key.split('.')[1]
  if (payload === undefined) return undefined
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    )
    return (JSON.parse(json) as { role?: unknown }).role
  } catch {
    return undefined
  }
}

function assertAnonKey(value: unknown): string {
  // The value is never echoed: a developer who pastes a secret key here must not see it copied
  // into logs.
  if (typeof value === 'string' && (value.startsWith('sb_secret_') || jwtRole(value) === 'service_role')) {
    throw optionError(
      'anonKey',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `anonKey` looks like a Supabase secret or service_role key, which bypasses Row Level Security. Never ship it to a browser: use the publishable key ("sb_publishable_…") or the anon key.',
    )
  }
  if (typeof value !== 'string' || !/^[\x21-\x7e]+$/.test(value)) {
    throw optionError(
      'anonKey',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `anonKey` must be the project\'s publishable key ("sb_publishable_…") or legacy anon key, from Project Settings → API Keys in the Supabase dashboard.',
    )
  }
  return value
}

function readSession(body: unknown): SupabaseSession | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const session = body as SupabaseSession
  if (typeof session.access_token !== 'string' || session.access_token === '') return undefined
  return { ...session }
}

function expiryOf(session: SupabaseSession, now: number): number {
  if (typeof session.expires_at === 'number' && Number.isFinite(session.expires_at)) return session.expires_at * 1000
  if (typeof session.expires_in === 'number' && Number.isFinite(session.expires_in))
    return now + session.expires_in * 1000
  return now
}

/** Reports outside the promise chain, so a faulty callback shows up without failing the reset. */
function reportLater(error: unknown): void {
  if (typeof globalThis.reportError === 'function') {
    globalThis.reportError(error)
    return
  }
  setTimeout(() => {
    throw error
  }, 0)
}

/**
 * Creates the adapter for Supabase Auth's password recovery with PKCE, against its REST API (no
 * supabase-js). Every request carries `apikey` and, like supabase-js,
 * `X-Supabase-Api-Version: 2024-01-01`; none carries cookies.
 *
 * - start: `POST {url}/auth/v1/recover?redirect_to=<redirectUrl>`
 *   `{ email, code_challenge, code_challenge_method: 's256' }`, with `Authorization: Bearer
 *   <anonKey>`. Supabase answers 200 whether or not the account exists. `redirectUrl` must be in
 *   the project's Redirect URLs (Authentication → URL Configuration): Supabase does not refuse one
 *   that is not, it silently sends the link to the request's Referer (the page's origin, which
 *   the kit sends) when that is allowed, else to the Site URL.
 * - the link lands on `redirectUrl?code=<uuid>`; an expired or used one lands on
 *   `redirectUrl?error=…&error_code=otp_expired…`, which `validateCallbackParams` turns into the
 *   expired or invalid screen.
 * - complete: `POST {url}/auth/v1/token?grant_type=pkce` `{ auth_code, code_verifier }` exchanges
 *   the code for a session, `PUT {url}/auth/v1/user` `{ password }` with
 *   `Authorization: Bearer <access_token>` sets the password (Supabase then ends the user's other
 *   sessions), and `POST {url}/auth/v1/logout?scope=local` ends the new one, so nobody is left
 *   signed in. With `keepSession: true` the session is handed to `onSession` instead.
 *
 * The exchange spends the code even when the password is then refused (too weak, the same as
 * before). So that the user can still try another password, the adapter keeps the session of a
 * successful exchange in memory, keyed by the code, and the next `completeReset` with that code
 * skips the exchange and reuses it until its access token expires (an hour unless the project
 * changed it); after that the link counts as expired. The session never leaves the adapter
 * instance and is dropped on success and on failures no retry can fix. Create the adapter once,
 * at module level, not during a render, or a retry cannot find it.
 *
 * Supabase accepts the exchange only while the flow state is younger than its flow-state expiry
 * (`GOTRUE_EXTERNAL_FLOW_STATE_EXPIRY_DURATION`, 5 minutes by default), counted from the start
 * request, not from the click; the adapter exchanges when the new password is submitted, so a
 * later submit shows the link as expired.
 *
 * Supabase's minimum length is a project setting, so a password the page let through can come
 * back too short: `password_too_short` with the project's `details.minLength` when that is the
 * only reason, else `password_weak` with `details.reasons` (set the page's `minLength` to match,
 * so it is caught before anything is sent). Passwords over 72 bytes
 * of UTF-8 are refused locally as `password_too_long` before the code is spent.
 *
 * @example
 * const adapter = createSupabaseAdapter({
 *   url: import.meta.env.VITE_SUPABASE_URL,
 *   anonKey: import.meta.env.VITE_SUPABASE_PUBLISHABLE_KEY,
 * })
 *
 * @example
 * // Sign the user in afterwards with supabase-js
 * const adapter = createSupabaseAdapter({ url, anonKey, keepSession: true, onSession: (session) => supabase.auth.setSession(session) })
 */
export function createSupabaseAdapter(options: SupabaseAdapterOptions): ResetAdapter {
  if (typeof options !== 'object' || options === null) {
    throw optionError(
      'options',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: createSupabaseAdapter needs an options object with `url` and `anonKey`.',
    )
  }
  const authUrl = `${assertProjectUrl(options.url)}/auth/v1`
  const anonKey = assertAnonKey(options.anonKey)
  const id = assertAdapterId(options.id ?? 'supabase', 'supabase')
  const timeoutMs = assertTimeoutMs(options.timeoutMs)
  const keepSession = options.keepSession ?? false
  if (typeof keepSession !== 'boolean') {
    throw optionError(
      'keepSession',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`keepSession\` must be true or false; got ${describeValue(keepSession)}.`,
    )
  }
  const { onSession } = options
  if (onSession !== undefined && typeof onSession !== 'function') {
    throw optionError(
      'onSession',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `onSession` must be a function that receives the Supabase session.',
    )
  }
  if (keepSession && onSession === undefined) {
    throw optionError(
      'onSession',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `keepSession: true` needs `onSession`, which receives the session (for example to pass it to `supabase.auth.setSession`); without it the session would be lost.',
    )
  }
  if (!keepSession && onSession !== undefined) {
    throw optionError(
      'onSession',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `onSession` is only called with `keepSession: true`; set it, or remove `onSession` to end the session after the reset.',
    )
  }

  const held = new Map<string, HeldSession>()

  function call(
    method: 'POST' | 'PUT',
    path: string,
    bearer: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<SendJsonResponse> {
    return sendJson({
      url: `${authUrl}${path}`,
      method,
      headers: { apikey: anonKey, Authorization: `Bearer ${bearer}`, 'X-Supabase-Api-Version': API_VERSION },
      credentials: 'omit',
      body,
      signal,
      timeoutMs,
    })
  }

  async function endSession(session: SupabaseSession, signal: AbortSignal): Promise<void> {
    try {
      await call('POST', '/logout?scope=local', session.access_token, undefined, signal)
    } catch {
      // Best effort: the password is already changed. The access token was only ever in memory and
      // is dropped now; the session ends when it expires.
    }
  }

  async function sessionFor(code: string, codeVerifier: string, signal: AbortSignal): Promise<SupabaseSession> {
    const kept = held.get(code)
    if (kept !== undefined) {
      if (kept.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return kept.session
      held.delete(code)
      // The code was spent by the first exchange, so it cannot be exchanged again.
      throw new ResetError('token_expired')
    }
    const response = await call(
      'POST',
      '/token?grant_type=pkce',
      anonKey,
      { auth_code: code, code_verifier: codeVerifier },
      signal,
    )
    if (!response.ok) throw mapSupabaseError(response, 'exchange')
    const session = readSession(response.body)
    if (session === undefined)
      throw new ResetError('unknown', { cause: new Error('The PKCE exchange answered without an access_token.') })
    held.set(code, { session, expiresAt: expiryOf(session, Date.now()) })
    return session
  }

  return {
    id,
    pkce: true,
    tokenParams: Object.freeze(['code']),
    callbackParams: Object.freeze(['error', 'error_code', 'error_description']),

    validateCallbackParams(params) {
      // Supabase sends an expired or used link here with the error in the query (PKCE flow).
      const errorCode = params.get('error_code')
      if (errorCode === 'otp_expired') throw new ResetError('token_expired')
      if (errorCode !== null || params.has('error')) throw new ResetError('token_invalid')
    },

    async startReset(input) {
      if (!input.codeChallenge) {
        throw new ResetError('misconfigured', {
          cause: optionError(
            'codeChallenge',
            process.env.NODE_ENV !== 'production' &&
              'reset-kit: the Supabase adapter uses PKCE, so startReset needs a `codeChallenge`.',
          ),
        })
      }
      const response = await call(
        'POST',
        `/recover?redirect_to=${encodeURIComponent(input.redirectUrl)}`,
        anonKey,
        { email: input.email, code_challenge: input.codeChallenge, code_challenge_method: 's256' },
        input.signal,
      )
      if (response.ok) return
      const outcome = mapSupabaseError(response, 'start')
      if (outcome !== 'neutral') throw outcome
    },

    async completeReset(input) {
      if (!input.codeVerifier) throw new ResetError('verifier_missing')
      // Checked before the exchange: Supabase would refuse it only after the code is spent.
      if (new TextEncoder().encode(input.password).length > SUPABASE_MAX_PASSWORD_BYTES) {
        // The limit is in bytes: 25 "€" are 75. The 0 of no number also replaces the page's own
        // maxLength (128 would be just as false).
        throw new ResetError('password_too_long', {
          details: { maxLength: quotableMaxLength(input.password, SUPABASE_MAX_PASSWORD_BYTES) },
        })
      }
      const session = await sessionFor(input.token, input.codeVerifier, input.signal)
      // A network fault, timeout or abort here keeps the session for the next try.
      const response = await call('PUT', '/user', session.access_token, { password: input.password }, input.signal)
      if (!response.ok) {
        const error = mapSupabaseError(response, 'update')
        if (!RETRYABLE.has(error.code)) {
          held.delete(input.token)
          await endSession(session, input.signal)
        }
        throw error
      }
      held.delete(input.token)
      if (keepSession) {
        try {
          await onSession?.(session)
        } catch (error) {
          reportLater(error)
        }
        return
      }
      await endSession(session, input.signal)
    },
  }
}
