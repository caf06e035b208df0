// The reference for what an app's own endpoint must do behind `createHttpAdapter` (README, "Your
// own endpoint"): the same answer for every address, an allow list for `redirectUrl`, a hashed
// single-use token bound to its PKCE challenge, expiry, rate limits with Retry-After and password
// rules, each answered as `{ "code": "<a reset-kit error code>" }`. Only the storage is a toy.

import { resolveLocale } from '../../src/i18n/resolveLocale'
import { base64UrlEncode, randomBytes } from './base64Url'
import { createOutbox, outboxFor } from './createOutbox'
import { createRateLimiter } from './createRateLimiter'
import { DEFAULT_EMULATOR_USERS } from './demoUsers'
import type { DemoUser, EmulatorResponse } from './Emulator'
import type { HttpEmulator, HttpEmulatorOptions } from './HttpEmulator'
import { httpError } from './httpError'
import { HTTP_ROUTES } from './httpRoutes'
import { isAllowedRedirectUrl } from './isAllowedRedirectUrl'
import { s256Challenge } from './s256Challenge'

const DEFAULT_LINK_MINUTES = 60
const MIN_LINK_MINUTES = 5
const MAX_LINK_MINUTES = 1440
// The kit's default minimum, and a maximum long enough for any passphrase (NIST SP 800-63B asks
// for at least 64) yet short enough to bound the cost of hashing. Both in code points, as the kit
// counts them.
const MIN_PASSWORD_LENGTH = 8
const MAX_PASSWORD_LENGTH = 128

const SUBJECTS: Record<string, string> = {
  en: 'Reset your password',
  es: 'Restablece tu contraseña',
  fr: 'Réinitialisez votre mot de passe',
  'pt-BR': 'Redefina sua senha',
}

// Deliberately loose, like most servers: one @, something on each side, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// An S256 challenge is base64url of 32 bytes: exactly 43 characters, never padded.
const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/

interface TokenRecord {
  email: string
  codeChallenge: string
  expiresAt: number
  used: boolean
}

type JsonObject = Record<string, unknown>

/**
 * Creates an in-memory app server that speaks the kit's own HTTP contract, the one
 * `createHttpAdapter` sends, under {@link HTTP_ROUTES}:
 *
 * - `start` `{ email, redirectUrl, locale, codeChallenge, codeChallengeMethod: 'S256', expiresInMinutes? }`
 *   answers 202 with no body whether or not the address has an account, after checking the
 *   redirect URL against the allow list and the rate limit (5 a minute per address, unknown ones
 *   included, so probing addresses is throttled too); a known address gets an email whose link is
 *   `redirectUrl` with `token=` set and its other params kept.
 * - `check` `{ token }` answers 204 while the token is usable, and never uses it up.
 * - `complete` `{ token, password, codeVerifier }` answers 204 and spends the token, once the
 *   verifier matches the stored challenge and the password is 8 to 128 code points. A wrong or
 *   missing verifier and a refused password leave the token usable.
 * - `sign-in` `{ email, password }` is the app's own sign-in: 200, or 401 for a wrong password.
 *
 * Errors are `{ code, details? }` with a reset-kit code (`token_used`, `verifier_mismatch`,
 * `password_too_short` with `{ minLength }`…) and the status in `HTTP_ERROR_STATUS`. Links
 * expire by the injected clock.
 *
 * @example
 * const emulator = createHttpEmulator({ now: () => clock })
 * await emulator.handle({ method: 'POST', path: HTTP_ROUTES.start, headers: {}, body })
 */
export function createHttpEmulator(options: HttpEmulatorOptions = {}): HttpEmulator {
  const now = options.now ?? Date.now
  const allowedOrigins = options.allowedRedirectOrigins
  const defaultLinkMinutes = options.linkLifetimeMinutes ?? DEFAULT_LINK_MINUTES
  const rateLimitPerMinute = options.rateLimitPerMinute ?? 5
  const outbox = outboxFor(options.outbox ?? createOutbox(), 'http')
  const seed = options.users ?? DEFAULT_EMULATOR_USERS
  const users: DemoUser[] = seed.map((user) => ({ ...user }))
  // Keyed by a hash of the token, never the token: a leaked table must not hold live links.
  const tokens = new Map<string, TokenRecord>()
  const limiter = createRateLimiter(() => rateLimitPerMinute)

  function findUser(email: string): DemoUser | undefined {
    const wanted = email.trim().toLowerCase()
    return users.find((user) => user.email.toLowerCase() === wanted)
  }

  async function start(body: JsonObject): Promise<EmulatorResponse> {
    const { email, redirectUrl, locale, codeChallenge, codeChallengeMethod } = body
    const minutes = body.expiresInMinutes ?? defaultLinkMinutes
    if (typeof email !== 'string' || !EMAIL_PATTERN.test(email.trim())) return httpError('invalid_email')
    // Checked before the account is looked up, so the answer cannot tell who has one.
    if (typeof redirectUrl !== 'string' || !isAllowedRedirectUrl(redirectUrl, allowedOrigins)) {
      return httpError('redirect_not_allowed')
    }
    // A client that sends no challenge, or asks for `plain`, is wired wrong: refuse it rather
    // than issue a link that any browser could use.
    if (typeof codeChallenge !== 'string' || !CHALLENGE_PATTERN.test(codeChallenge) || codeChallengeMethod !== 'S256') {
      return httpError('misconfigured')
    }
    if (
      typeof minutes !== 'number' ||
      !Number.isInteger(minutes) ||
      minutes < MIN_LINK_MINUTES ||
      minutes > MAX_LINK_MINUTES
    ) {
      return httpError('misconfigured')
    }

    const at = now()
    const limit = limiter.hit(email.trim().toLowerCase(), at)
    if (!limit.allowed) {
      return httpError('rate_limited', { headers: { 'Retry-After': String(limit.retryAfterSeconds) } })
    }

    const accepted: EmulatorResponse = { status: 202, headers: {}, body: undefined }
    const user = findUser(email)
    if (!user) return accepted

    const token = base64UrlEncode(randomBytes(32))
    tokens.set(await hashToken(token), {
      email: user.email,
      codeChallenge,
      expiresAt: at + minutes * 60_000,
      used: false,
    })
    const link = new URL(redirectUrl)
    // `set`, not `append`: other params stay, but a stale token param must not shadow the new one.
    link.searchParams.set('token', token)
    // The kit's own matching: its locale when there is a template for it, else its language, else English.
    const emailLocale = resolveLocale(typeof locale === 'string' ? locale : 'en', Object.keys(SUBJECTS))
    outbox.send({
      to: user.email,
      subject: SUBJECTS[emailLocale] ?? 'Reset your password',
      locale: emailLocale,
      link: link.href,
      createdAt: new Date(at).toISOString(),
    })
    return accepted
  }

  /** The live record of `token`, or the error that says why the link is dead. */
  async function lookUp(token: unknown): Promise<EmulatorResponse | TokenRecord> {
    if (typeof token !== 'string' || token === '') return httpError('token_invalid')
    const record = tokens.get(await hashToken(token))
    if (!record) return httpError('token_invalid')
    if (record.used) return httpError('token_used')
    if (now() >= record.expiresAt) return httpError('token_expired')
    return record
  }

  async function check(body: JsonObject): Promise<EmulatorResponse> {
    const found = await lookUp(body.token)
    if ('status' in found) return found
    return { status: 204, headers: {}, body: undefined }
  }

  async function complete(body: JsonObject): Promise<EmulatorResponse> {
    const { password, codeVerifier } = body
    const found = await lookUp(body.token)
    if ('status' in found) return found

    // Checked before anything is spent: a request from another browser, which lacks the verifier,
    // must not burn the link for the browser that has it.
    if (typeof codeVerifier !== 'string' || codeVerifier === '') return httpError('verifier_missing')
    if ((await s256Challenge(codeVerifier)) !== found.codeChallenge) return httpError('verifier_mismatch')

    // Refused passwords leave the link usable too, so the user can pick another one.
    if (typeof password !== 'string')
      return httpError('password_too_short', { details: { minLength: MIN_PASSWORD_LENGTH } })
    const length = [...password].length
    if (length < MIN_PASSWORD_LENGTH)
      return httpError('password_too_short', { details: { minLength: MIN_PASSWORD_LENGTH } })
    if (length > MAX_PASSWORD_LENGTH)
      return httpError('password_too_long', { details: { maxLength: MAX_PASSWORD_LENGTH } })

    const user = findUser(found.email)
    if (!user) return httpError('token_invalid')
    found.used = true
    user.password = password
    return { status: 204, headers: {}, body: undefined }
  }

  function signIn(body: JsonObject): EmulatorResponse {
    const user = typeof body.email === 'string' ? findUser(body.email) : undefined
    if (!user || user.password !== body.password) {
      return {
        status: 401,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: { error: 'invalid_credentials' },
      }
    }
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: { email: user.email } }
  }

  return {
    async handle(request) {
      const [pathname = ''] = request.path.split('?')
      const route = Object.entries(HTTP_ROUTES).find(([, path]) => path === pathname)?.[0]
      if (route === undefined) return { status: 404, headers: {}, body: undefined }
      if (request.method.toUpperCase() !== 'POST') return { status: 405, headers: { Allow: 'POST' }, body: undefined }
      const body = request.body
      // Anything but a JSON object means the client does not speak this contract.
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return httpError('misconfigured')
      const fields = body as JsonObject

      if (route === 'start') return start(fields)
      if (route === 'check') return check(fields)
      if (route === 'complete') return complete(fields)
      return signIn(fields)
    },
    get outbox() {
      return outbox.emails
    },
    get users() {
      return users.map((user) => ({ ...user }))
    },
    reset() {
      outbox.clear()
      tokens.clear()
      limiter.clear()
      users.forEach((user, index) => {
        user.password = seed[index]?.password ?? user.password
      })
    },
  }
}

/** base64url(SHA-256(token)): the same transform as an S256 challenge, used here as a lookup key. */
function hashToken(token: string): Promise<string> {
  return s256Challenge(token)
}
