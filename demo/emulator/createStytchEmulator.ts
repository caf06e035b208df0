import { base64UrlEncode, randomBytes } from './base64Url'
import { createOutbox, outboxFor } from './createOutbox'
import { createRateLimiter } from './createRateLimiter'
import { DEFAULT_EMULATOR_USERS } from './demoUsers'
import { isAllowedRedirectUrl } from './isAllowedRedirectUrl'
import { parseBasicAuth } from './parseBasicAuth'
import { s256Challenge } from './s256Challenge'
import { stytchError } from './stytchError'
import type {
  EmulatorResponse,
  EmulatorUser,
  StytchEmulator,
  StytchEmulatorConfig,
  StytchEmulatorOptions,
} from './StytchEmulator'

export { DEFAULT_EMULATOR_USERS }

const START_PATH = '/sdk/v1/passwords/email/reset/start'
const RESET_PATH = '/sdk/v1/passwords/email/reset'
const AUTHENTICATE_PATH = '/sdk/v1/passwords/authenticate'

const DEFAULT_EXPIRATION_MINUTES = 30
const MIN_EXPIRATION_MINUTES = 5
const MAX_EXPIRATION_MINUTES = 10_080
const MIN_PASSWORD_CODE_POINTS = 8

const SUBJECTS = {
  en: 'Reset your password',
  es: 'Restablece tu contraseña',
  fr: 'Réinitialisez votre mot de passe',
  'pt-br': 'Redefina sua senha',
} as const
type StytchLocale = keyof typeof SUBJECTS

// A stand-in for Stytch's HaveIBeenPwned check: a few passwords long enough to pass the length
// rule, so the breached path can be reached on purpose.
const BREACHED_PASSWORDS = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  '11111111',
  'qwertyui',
  'qwerty123',
  'iloveyou',
  'abc12345',
  'letmein1',
])

// Deliberately loose, like most servers: one @, something on each side, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
// An S256 challenge is base64url of 32 bytes: exactly 43 characters, never padded.
const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/

interface ResetTokenRecord {
  userId: string
  codeChallenge: string | undefined
  expiresAt: number
  used: boolean
}

type JsonObject = Record<string, unknown>

/**
 * Creates an in-memory emulator of Stytch's browser-SDK password-reset wire contract
 * (`/sdk/v1/passwords/...`, Basic auth with the public token). It checks what a client can get
 * wrong against the real service: auth header, redirect URL, expiry bounds, locale, PKCE, single
 * use, expiry, rate limits and password rules.
 *
 * Wire facts it reproduces: success bodies are wrapped as `{ data: { status_code, request_id, … } }`
 * (what Stytch's browser SDK unwraps), errors are the bare
 * `{ status_code, request_id, error_type, error_message, error_url }`, tokens are 44 characters of
 * padded base64url, and an unknown email on start is a 404 `email_not_found`.
 *
 * The rate limit counts valid start requests per public token + lower-cased email in a sliding
 * 60-second window, including those for unknown emails, so probing addresses is throttled too.
 *
 * @example
 * const emulator = createStytchEmulator({ now: () => clock })
 * const response = await emulator.handle({ method: 'POST', path: '/sdk/v1/passwords/email/reset/start', headers, body })
 */
export function createStytchEmulator(options: StytchEmulatorOptions = {}): StytchEmulator {
  const now = options.now ?? Date.now
  const seed = options.users ?? DEFAULT_EMULATOR_USERS
  const allowedOrigins = options.allowedRedirectOrigins
  const config: StytchEmulatorConfig = {
    rateLimitPerMinute: options.rateLimitPerMinute ?? 5,
  }

  const users: EmulatorUser[] = seed.map(({ email, password }) => ({
    userId: `user-test-${crypto.randomUUID()}`,
    emailId: `email-test-${crypto.randomUUID()}`,
    email,
    password,
  }))
  const seededPasswords = new Map(users.map((user) => [user.userId, user.password]))
  const outbox = outboxFor(options.outbox ?? createOutbox(), 'stytch')
  const tokens = new Map<string, ResetTokenRecord>()
  const limiter = createRateLimiter(() => config.rateLimitPerMinute)

  function findUserByEmail(email: string): EmulatorUser | undefined {
    const wanted = email.toLowerCase()
    return users.find((user) => user.email.toLowerCase() === wanted)
  }

  async function start(body: JsonObject, publicToken: string, requestId: string): Promise<EmulatorResponse> {
    const { email, reset_password_redirect_url: redirect, login_redirect_url: loginRedirect } = body
    if (typeof email !== 'string') return stytchError('bad_request', requestId)
    if (!EMAIL_PATTERN.test(email)) return stytchError('invalid_email', requestId)

    if (redirect === undefined || redirect === null || redirect === '') {
      return stytchError('no_password_reset_redirect_url', requestId)
    }
    if (typeof redirect !== 'string' || !isAllowedRedirectUrl(redirect, allowedOrigins)) {
      return stytchError('invalid_password_reset_redirect_url', requestId)
    }
    if (
      loginRedirect !== undefined &&
      loginRedirect !== null &&
      (typeof loginRedirect !== 'string' || !isAllowedRedirectUrl(loginRedirect, allowedOrigins))
    ) {
      return stytchError('invalid_login_redirect_url', requestId)
    }

    const minutes = body.reset_password_expiration_minutes ?? DEFAULT_EXPIRATION_MINUTES
    if (
      typeof minutes !== 'number' ||
      !Number.isInteger(minutes) ||
      minutes < MIN_EXPIRATION_MINUTES ||
      minutes > MAX_EXPIRATION_MINUTES
    ) {
      return stytchError('invalid_expiration', requestId)
    }

    const locale = body.locale ?? 'en'
    if (typeof locale !== 'string' || !Object.hasOwn(SUBJECTS, locale)) {
      return stytchError('invalid_locale', requestId)
    }

    const rawChallenge = body.code_challenge ?? undefined
    if (rawChallenge !== undefined && (typeof rawChallenge !== 'string' || !CHALLENGE_PATTERN.test(rawChallenge))) {
      return stytchError('invalid_pkce_code_challenge', requestId)
    }
    const challenge = typeof rawChallenge === 'string' ? rawChallenge : undefined
    const method = body.code_challenge_method ?? 'S256'
    // Stytch only speaks S256; a client asking for `plain` has a bug worth surfacing.
    if (method !== 'S256') return stytchError('invalid_pkce_code_challenge', requestId)

    const at = now()
    const limit = limiter.hit(`${publicToken}\n${email.toLowerCase()}`, at)
    if (!limit.allowed) {
      return stytchError('too_many_requests', requestId, { 'Retry-After': String(limit.retryAfterSeconds) })
    }

    const user = findUserByEmail(email)
    if (!user) return stytchError('email_not_found', requestId)

    // 32 random bytes as padded base64url: 44 characters ending in "=", the shape of Stytch's
    // tokens, so clients must survive the percent-encoded "=" in the link.
    const token = base64UrlEncode(randomBytes(32), { padded: true })
    tokens.set(token, {
      userId: user.userId,
      codeChallenge: challenge,
      expiresAt: at + minutes * 60_000,
      used: false,
    })

    const link = new URL(redirect)
    // `set`, not `append`: other params stay, but a stale token param in the configured URL
    // must not shadow the fresh one for a reader that takes the first value.
    link.searchParams.set('stytch_token_type', 'reset_password')
    link.searchParams.set('token', token)
    outbox.send({
      to: user.email,
      subject: SUBJECTS[locale as StytchLocale],
      locale,
      link: link.href,
      createdAt: new Date(at).toISOString(),
    })

    return success({ status_code: 200, request_id: requestId, user_id: user.userId, email_id: user.emailId })
  }

  async function reset(body: JsonObject, requestId: string): Promise<EmulatorResponse> {
    const { token, password, code_verifier: verifier } = body
    if (typeof token !== 'string' || typeof password !== 'string') return stytchError('bad_request', requestId)
    if (verifier !== undefined && verifier !== null && typeof verifier !== 'string') {
      return stytchError('bad_request', requestId)
    }

    const record = tokens.get(token)
    // Unknown, used and expired are one error on purpose: Stytch does not tell them apart.
    if (!record || record.used || now() >= record.expiresAt) {
      return stytchError('unable_to_auth_password_reset_token', requestId)
    }

    // PKCE failures leave the token unused: a stray request from another device must not burn
    // the link for the browser that holds the verifier.
    if (record.codeChallenge !== undefined) {
      if (typeof verifier !== 'string' || verifier === '') return stytchError('pkce_expected_code_verifier', requestId)
      if ((await s256Challenge(verifier)) !== record.codeChallenge) return stytchError('pkce_mismatch', requestId)
    } else if (typeof verifier === 'string' && verifier !== '') {
      return stytchError('pkce_did_not_expect_code_verifier', requestId)
    }

    if ([...password].length < MIN_PASSWORD_CODE_POINTS) return stytchError('weak_password', requestId)
    if (BREACHED_PASSWORDS.has(password.toLowerCase())) return stytchError('breached_password', requestId)

    const user = users.find((candidate) => candidate.userId === record.userId)
    if (!user) return stytchError('unable_to_auth_password_reset_token', requestId)
    record.used = true
    user.password = password
    return success({ status_code: 200, request_id: requestId, user_id: user.userId, ...session(user.userId) })
  }

  async function authenticate(body: JsonObject, requestId: string): Promise<EmulatorResponse> {
    const { email, password } = body
    if (typeof email !== 'string' || typeof password !== 'string') return stytchError('bad_request', requestId)
    const user = findUserByEmail(email)
    if (!user) return stytchError('email_not_found', requestId)
    if (user.password !== password) return stytchError('unauthorized_credentials', requestId)
    return success({ status_code: 200, request_id: requestId, user_id: user.userId, ...session(user.userId) })
  }

  function session(userId: string): { session_token: string; session_jwt: string } {
    const issuedAt = Math.floor(now() / 1000)
    const encode = (value: unknown) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)))
    const jwt = [
      encode({ alg: 'none', typ: 'JWT' }),
      encode({ sub: userId, iat: issuedAt, exp: issuedAt + 3600, iss: 'stytch-emulator' }),
      base64UrlEncode(randomBytes(32)),
    ].join('.')
    return { session_token: base64UrlEncode(randomBytes(32), { padded: true }), session_jwt: jwt }
  }

  return {
    async handle(request) {
      const requestId = `request-id-test-${crypto.randomUUID()}`
      const path = request.path.split('?')[0] ?? ''
      const route =
        path === START_PATH
          ? 'start'
          : path === RESET_PATH
            ? 'reset'
            : path === AUTHENTICATE_PATH
              ? 'authenticate'
              : null
      if (route === null || request.method.toUpperCase() !== 'POST') return stytchError('route_not_found', requestId)

      const headers = lowerCaseKeys(request.headers)
      const publicToken = parseBasicAuth(headers.authorization)
      if (publicToken === undefined) return stytchError('unauthorized_credentials', requestId)

      const body = request.body
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return stytchError('bad_request', requestId)
      const fields = body as JsonObject

      if (route === 'start') return start(fields, publicToken, requestId)
      if (route === 'reset') return reset(fields, requestId)
      return authenticate(fields, requestId)
    },
    get outbox() {
      return outbox.emails
    },
    get users() {
      return users.map((user) => ({ ...user }))
    },
    get config() {
      return { ...config }
    },
    configure(next) {
      if (next.rateLimitPerMinute !== undefined) {
        if (!Number.isInteger(next.rateLimitPerMinute) || next.rateLimitPerMinute < 1) {
          throw new RangeError('rateLimitPerMinute must be a whole number of at least 1.')
        }
        config.rateLimitPerMinute = next.rateLimitPerMinute
      }
    },
    reset() {
      outbox.clear()
      tokens.clear()
      limiter.clear()
      for (const user of users) user.password = seededPasswords.get(user.userId) ?? user.password
    },
  }
}

function success(data: Record<string, unknown>): EmulatorResponse {
  return { status: 200, headers: { 'Content-Type': 'application/json' }, body: { data } }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value
  return result
}
