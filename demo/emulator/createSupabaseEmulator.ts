import { base64UrlEncode, randomBytes } from './base64Url'
import { createOutbox, outboxFor } from './createOutbox'
import { createRateLimiter } from './createRateLimiter'
import { DEMO_SUPABASE_ANON_KEY } from './demoProjects'
import { DEFAULT_EMULATOR_USERS } from './demoUsers'
import type { EmulatorResponse } from './Emulator'
import { isAllowedRedirectUrl } from './isAllowedRedirectUrl'
import { SUPABASE_MOUNT_PATH } from './mountPaths'
import { s256Challenge } from './s256Challenge'
import type { SupabaseEmulator, SupabaseEmulatorOptions, SupabaseUser } from './SupabaseEmulator'
import { supabaseError, usesDatedApi, type SupabaseErrorCode } from './supabaseError'

export { DEMO_SUPABASE_ANON_KEY }

const RECOVER_PATH = '/auth/v1/recover'
const VERIFY_PATH = '/auth/v1/verify'
const TOKEN_PATH = '/auth/v1/token'
const USER_PATH = '/auth/v1/user'
const LOGOUT_PATH = '/auth/v1/logout'

// GoTrue caps passwords at bcrypt's 72 bytes and counts length in bytes of UTF-8 (Go's len()).
const MAX_PASSWORD_BYTES = 72
const MIN_CODE_CHALLENGE_LENGTH = 43
const MAX_CODE_CHALLENGE_LENGTH = 128
const CODE_CHALLENGE_PATTERN = /^[A-Za-z0-9._~-]+$/
// Loose, like GoTrue's own check: one @, something on each side, a dot in the domain.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PKCE_PREFIX = 'pkce_'
// GoTrue's map from HTTP status to the OAuth `error` param on redirects.
const OAUTH_ERRORS: Record<number, string> = {
  400: 'invalid_request',
  401: 'unauthorized_client',
  403: 'access_denied',
  500: 'server_error',
}

interface UserRecord extends SupabaseUser {
  createdAt: number
  updatedAt: number
  recoveryToken: string | undefined
  recoverySentAt: number | undefined
  lastSignInAt: number | undefined
}

interface FlowState {
  authCode: string
  userId: string
  codeChallenge: string
  codeChallengeMethod: 's256' | 'plain'
  createdAt: number
  authCodeIssuedAt: number | undefined
}

interface Session {
  id: string
  userId: string
  accessToken: string
  expiresAt: number
  revoked: boolean
}

type JsonObject = Record<string, unknown>
type Headers = Record<string, string | undefined>
type Fail = (code: SupabaseErrorCode, message: string, reasons?: string[]) => EmulatorResponse

/**
 * Creates an in-memory emulator of a Supabase project's password recovery: the API gateway's
 * `apikey` check and GoTrue's `/auth/v1` endpoints. It checks what a client can get wrong against
 * the real service: the anon key, the PKCE challenge's shape and method, the redirect allow-list,
 * one link per user at a time, the email frequency limit, link and flow-state expiry, the S256
 * verifier check, single use of the auth code, the bearer session and the password rules.
 *
 * Wire facts it reproduces (from GoTrue's `recover.go`, `verify.go`, `token.go`, `user.go`,
 * `errors.go` and `models/flow_state.go`):
 * - `/recover` answers `200 {}` for unknown emails too; a `redirect_to` that is not allowed is
 *   silently replaced by the site URL.
 * - The email links to GoTrue's `/verify`, which spends the emailed token and answers 303 to
 *   `redirect_to?code=<uuid>`; a dead link answers 303 with `error`, `error_code=otp_expired` and
 *   `error_description` in the query (PKCE) and in the fragment.
 * - `/token?grant_type=pkce` checks base64url(SHA-256(verifier)); a wrong verifier leaves the
 *   flow state usable, success deletes it. The flow state expires 5 minutes after `/recover`.
 * - A new password (`PUT /user`) kills any emailed link, lifts the email frequency limit and ends
 *   the user's other sessions, keeping the one that set it (`models/user.go` `UpdatePassword`).
 * - Errors are `{ code: <status>, error_code, msg }`, or `{ code: <error_code>, message }` when the
 *   request sends `X-Supabase-Api-Version: 2024-01-01` (as supabase-js does).
 *
 * @example
 * const emulator = createSupabaseEmulator({ now: () => clock, minPasswordLength: 8 })
 */
export function createSupabaseEmulator(options: SupabaseEmulatorOptions = {}): SupabaseEmulator {
  const now = options.now ?? Date.now
  const anonKey = options.anonKey ?? DEMO_SUPABASE_ANON_KEY
  const siteUrl = options.siteUrl ?? 'http://localhost:3000'
  const allowedOrigins = options.allowedRedirectOrigins
  const minPasswordLength = options.minPasswordLength ?? 6
  const otpExpiryMs = (options.otpExpirySeconds ?? 3600) * 1000
  const flowStateExpiryMs = (options.flowStateExpirySeconds ?? 300) * 1000
  const emailFrequencyMs = (options.emailFrequencySeconds ?? 60) * 1000
  const jwtExpirySeconds = options.jwtExpirySeconds ?? 3600
  const emailLimiter = createRateLimiter(() => options.emailsPerHour ?? 30, 3_600_000)
  const outbox = outboxFor(options.outbox ?? createOutbox(), 'supabase')

  const createdAt = now()
  const users: UserRecord[] = (options.users ?? DEFAULT_EMULATOR_USERS).map(({ email, password }) => ({
    id: crypto.randomUUID(),
    email: email.toLowerCase(),
    password,
    createdAt,
    updatedAt: createdAt,
    recoveryToken: undefined,
    recoverySentAt: undefined,
    lastSignInAt: undefined,
  }))
  const seededPasswords = new Map(users.map((user) => [user.id, user.password]))
  let flowStates: FlowState[] = []
  const sessions = new Map<string, Session>()

  function isAllowedRedirect(value: string): boolean {
    // GoTrue always allows the site URL's host, then consults the allow-list.
    try {
      if (new URL(value).hostname === new URL(siteUrl).hostname) return true
    } catch {
      return false
    }
    return isAllowedRedirectUrl(value, allowedOrigins)
  }

  /** GoTrue's `GetReferrer`: `redirect_to`, else the Referer header, else the site URL. */
  function referrer(redirectTo: string | null, headers: Headers): string {
    for (const candidate of [redirectTo, headers.referer]) {
      if (candidate && isAllowedRedirect(candidate)) return candidate
    }
    return siteUrl
  }

  function projectUrlFor(headers: Headers): string {
    if (options.projectUrl) return options.projectUrl.replace(/\/+$/, '')
    return `http://${headers.host ?? 'localhost:54321'}${SUPABASE_MOUNT_PATH}`
  }

  function userJson(user: UserRecord) {
    const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())
    return {
      id: user.id,
      aud: 'authenticated',
      role: 'authenticated',
      email: user.email,
      email_confirmed_at: iso(user.createdAt),
      phone: '',
      confirmed_at: iso(user.createdAt),
      recovery_sent_at: iso(user.recoverySentAt),
      last_sign_in_at: iso(user.lastSignInAt),
      app_metadata: { provider: 'email', providers: ['email'] },
      user_metadata: {},
      identities: [],
      created_at: iso(user.createdAt),
      updated_at: iso(user.updatedAt),
      is_anonymous: false,
    }
  }

  function issueSession(user: UserRecord, method: string, projectUrl: string) {
    const at = now()
    const issuedAt = Math.floor(at / 1000)
    const session: Session = {
      id: crypto.randomUUID(),
      userId: user.id,
      accessToken: '',
      expiresAt: at + jwtExpirySeconds * 1000,
      revoked: false,
    }
    const encode = (value: unknown) => base64UrlEncode(new TextEncoder().encode(JSON.stringify(value)))
    session.accessToken = [
      encode({ alg: 'HS256', kid: 'emulator', typ: 'JWT' }),
      encode({
        aal: 'aal1',
        amr: [{ method, timestamp: issuedAt }],
        aud: 'authenticated',
        email: user.email,
        exp: issuedAt + jwtExpirySeconds,
        iat: issuedAt,
        is_anonymous: false,
        iss: `${projectUrl}/auth/v1`,
        phone: '',
        role: 'authenticated',
        session_id: session.id,
        sub: user.id,
      }),
      base64UrlEncode(randomBytes(32)),
    ].join('.')
    sessions.set(session.accessToken, session)
    user.lastSignInAt = at
    return {
      access_token: session.accessToken,
      token_type: 'bearer',
      expires_in: jwtExpirySeconds,
      expires_at: issuedAt + jwtExpirySeconds,
      refresh_token: base64UrlEncode(randomBytes(9)),
      user: userJson(user),
    }
  }

  function requireSession(headers: Headers, fail: Fail): { user: UserRecord; session: Session } | EmulatorResponse {
    const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization?.trim() ?? '')
    if (!match?.[1]) return fail('no_authorization', 'This endpoint requires a valid Bearer token')
    const token = match[1]
    // supabase-js sends the anon key as the bearer when it holds no session.
    if (token === anonKey) return fail('bad_jwt', 'invalid claim: missing sub claim')
    const session = sessions.get(token)
    if (!session) return fail('bad_jwt', 'invalid JWT: unable to parse or verify signature, signature is invalid')
    if (now() >= session.expiresAt) {
      return fail(
        'bad_jwt',
        'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired',
      )
    }
    const user = users.find((candidate) => candidate.id === session.userId)
    if (session.revoked || !user)
      return fail('session_not_found', 'Session from session_id claim in JWT does not exist')
    return { user, session }
  }

  function recover(url: URL, body: JsonObject, headers: Headers, fail: Fail): EmulatorResponse {
    const { email, code_challenge: rawChallenge, code_challenge_method: rawMethod } = body
    if (
      (email !== undefined && typeof email !== 'string') ||
      (rawChallenge !== undefined && typeof rawChallenge !== 'string') ||
      (rawMethod !== undefined && typeof rawMethod !== 'string')
    ) {
      return fail('bad_json', 'Could not parse request body as JSON: a field has the wrong type')
    }
    if (!email) return fail('validation_failed', 'Password recovery requires an email')
    const address = email.trim().toLowerCase()
    if (!EMAIL_PATTERN.test(address))
      return fail('validation_failed', 'Unable to validate email address: invalid format')

    const challenge = rawChallenge ?? ''
    const method = (rawMethod ?? '').toLowerCase()
    if ((challenge === '') !== (method === '')) {
      return fail('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge')
    }
    if (challenge !== '') {
      if (challenge.length < MIN_CODE_CHALLENGE_LENGTH || challenge.length > MAX_CODE_CHALLENGE_LENGTH) {
        return fail('validation_failed', 'code challenge has to be between 43 and 128 characters')
      }
      if (!CODE_CHALLENGE_PATTERN.test(challenge)) {
        return fail(
          'validation_failed',
          'code challenge can only contain alphanumeric characters, hyphens, periods, underscores and tildes',
        )
      }
      if (method !== 's256' && method !== 'plain') return fail('validation_failed', 'unsupported code_challenge method')
    }

    const user = users.find((candidate) => candidate.email === address)
    // GoTrue does not reveal whether the address has an account.
    if (!user) return json(200, {})

    const at = now()
    const pkce = challenge !== ''
    if (pkce) {
      flowStates.push({
        authCode: crypto.randomUUID(),
        userId: user.id,
        codeChallenge: challenge,
        codeChallengeMethod: method as 's256' | 'plain',
        createdAt: at,
        authCodeIssuedAt: undefined,
      })
    }

    if (user.recoverySentAt !== undefined && at < user.recoverySentAt + emailFrequencyMs) {
      const seconds = Math.ceil((user.recoverySentAt + emailFrequencyMs - at) / 1000)
      return fail(
        'over_email_send_rate_limit',
        `For security purposes, you can only request this after ${seconds} seconds.`,
      )
    }
    if (!emailLimiter.hit('project', at).allowed) return fail('over_email_send_rate_limit', 'Email rate limit exceeded')

    // One recovery token per user: a new email makes the previous link dead.
    user.recoveryToken = `${pkce ? PKCE_PREFIX : ''}${hex(randomBytes(28))}`
    user.recoverySentAt = at
    const link = new URL(`${projectUrlFor(headers)}${VERIFY_PATH}`)
    link.searchParams.set('token', user.recoveryToken)
    link.searchParams.set('type', 'recovery')
    link.searchParams.set('redirect_to', referrer(url.searchParams.get('redirect_to'), headers))
    outbox.send({
      to: user.email,
      subject: 'Reset Your Password',
      locale: 'en',
      link: link.href,
      createdAt: new Date(at).toISOString(),
    })
    return json(200, {})
  }

  function verify(url: URL, headers: Headers, fail: Fail): EmulatorResponse {
    const token = url.searchParams.get('token') ?? ''
    const type = url.searchParams.get('type') ?? ''
    if (type === '') return fail('validation_failed', 'Verify requires a verification type')
    if (token === '') return fail('validation_failed', 'Verify requires a token or a token hash')
    const redirectTo = referrer(url.searchParams.get('redirect_to'), headers)
    const pkce = token.startsWith(PKCE_PREFIX)

    const redirectWithError = (status: number, errorCode: string, description: string): EmulatorResponse => {
      const target = new URL(redirectTo)
      const fragment = new URLSearchParams()
      const oauthError = OAUTH_ERRORS[status]
      if (oauthError) {
        fragment.set('error', oauthError)
        if (pkce) target.searchParams.set('error', oauthError)
      }
      fragment.set('error_code', errorCode)
      fragment.set('error_description', description)
      if (pkce) {
        target.searchParams.set('error_code', errorCode)
        target.searchParams.set('error_description', description)
        // Go's url.Values.Encode sorts keys.
        target.searchParams.sort()
      }
      fragment.set('sb', '')
      target.hash = fragment.toString()
      return redirect(target.href)
    }

    if (type !== 'recovery' && type !== 'magiclink') {
      return redirectWithError(400, 'validation_failed', 'Unsupported verification type')
    }
    const user = users.find((candidate) => candidate.recoveryToken !== undefined && candidate.recoveryToken === token)
    if (!user || user.recoverySentAt === undefined || now() > user.recoverySentAt + otpExpiryMs) {
      return redirectWithError(403, 'otp_expired', 'Email link is invalid or has expired')
    }
    user.recoveryToken = undefined

    if (!pkce) {
      const session = issueSession(user, 'recovery', projectUrlFor(headers))
      const target = new URL(redirectTo)
      const fragment = new URLSearchParams({
        access_token: session.access_token,
        expires_at: String(session.expires_at),
        expires_in: String(session.expires_in),
        refresh_token: session.refresh_token,
        token_type: 'bearer',
        type: 'recovery',
      })
      target.hash = fragment.toString()
      return redirect(target.href)
    }

    const flowState = flowStates.filter((candidate) => candidate.userId === user.id).at(-1)
    if (!flowState) return redirectWithError(400, 'flow_state_not_found', 'No associated flow state found.')
    flowState.authCodeIssuedAt = now()
    const target = new URL(redirectTo)
    target.searchParams.set('code', flowState.authCode)
    target.searchParams.sort()
    return redirect(target.href)
  }

  async function pkceGrant(body: JsonObject, headers: Headers, fail: Fail): Promise<EmulatorResponse> {
    const { auth_code: authCode, code_verifier: verifier } = body
    if (typeof authCode !== 'string' || typeof verifier !== 'string' || authCode === '' || verifier === '') {
      return fail('validation_failed', 'invalid request: both auth code and code verifier should be non-empty')
    }
    const flowState = flowStates.find((candidate) => candidate.authCode === authCode)
    const user = flowState && users.find((candidate) => candidate.id === flowState.userId)
    if (!flowState || !user) return fail('flow_state_not_found', 'invalid flow state, no valid flow state found')
    // For recovery GoTrue counts from the flow's creation (the /recover call), not from /verify.
    if (now() > flowState.createdAt + flowStateExpiryMs) {
      return fail('flow_state_expired', 'invalid flow state, flow state has expired')
    }
    const expected = flowState.codeChallengeMethod === 's256' ? await s256Challenge(verifier) : verifier
    if (expected !== flowState.codeChallenge) {
      return fail('bad_code_verifier', 'code challenge does not match previously saved code verifier')
    }
    flowStates = flowStates.filter((candidate) => candidate !== flowState)
    return json(200, issueSession(user, 'recovery', projectUrlFor(headers)))
  }

  function passwordGrant(body: JsonObject, headers: Headers, fail: Fail): EmulatorResponse {
    const { email, password } = body
    if (typeof email !== 'string' || email === '') return fail('validation_failed', 'missing email or phone')
    const user = users.find((candidate) => candidate.email === email.trim().toLowerCase())
    if (!user || typeof password !== 'string' || user.password !== password) {
      return fail('invalid_credentials', 'Invalid login credentials')
    }
    return json(200, issueSession(user, 'password', projectUrlFor(headers)))
  }

  function updateUser(
    body: JsonObject,
    { user, session }: { user: UserRecord; session: Session },
    fail: Fail,
  ): EmulatorResponse {
    const { password } = body
    if (password !== undefined && typeof password !== 'string') {
      return fail('bad_json', 'Could not parse request body as JSON: a field has the wrong type')
    }
    if (typeof password === 'string') {
      const bytes = new TextEncoder().encode(password).length
      if (bytes > MAX_PASSWORD_BYTES) {
        return fail('validation_failed', `Password cannot be longer than ${MAX_PASSWORD_BYTES} characters`)
      }
      if (bytes < minPasswordLength) {
        return fail('weak_password', `Password should be at least ${minPasswordLength} characters.`, ['length'])
      }
      if (password === user.password) {
        return fail('same_password', 'New password should be different from the old password.')
      }
      user.password = password
      user.updatedAt = now()
      // GoTrue's User.UpdatePassword: emailed links die, a new one may be sent at once, and every
      // other session of the user ends (LogoutAllExceptMe).
      user.recoveryToken = undefined
      user.recoverySentAt = undefined
      for (const other of sessions.values()) if (other.userId === user.id && other !== session) other.revoked = true
    }
    return json(200, userJson(user))
  }

  return {
    async handle(request) {
      const url = new URL(request.path, 'http://supabase.invalid')
      const method = request.method.toUpperCase()
      const headers = lowerCaseKeys(request.headers)
      const datedApi = usesDatedApi(headers['x-supabase-api-version'])
      const fail: Fail = (code, message, reasons) => supabaseError(code, message, { datedApi, reasons })

      // The verify link is opened from an email, so the gateway lets it through without a key.
      if (url.pathname === VERIFY_PATH && method === 'GET') return verify(url, headers, fail)

      const key = headers.apikey ?? url.searchParams.get('apikey') ?? undefined
      if (!key) {
        return json(401, {
          message: 'No API key found in request',
          hint: 'No `apikey` request header or url param was found.',
        })
      }
      if (key !== anonKey) {
        return json(401, {
          message: 'Invalid API key',
          hint: 'Double check your Supabase `anon` or `service_role` API key.',
        })
      }

      const route = `${method} ${url.pathname}`
      const known = [
        `POST ${RECOVER_PATH}`,
        `POST ${TOKEN_PATH}`,
        `PUT ${USER_PATH}`,
        `GET ${USER_PATH}`,
        `POST ${LOGOUT_PATH}`,
      ]
      if (!known.includes(route)) return json(404, { message: 'no Route matched with those values' })

      if (route === `GET ${USER_PATH}`) {
        const auth = requireSession(headers, fail)
        return 'status' in auth ? auth : json(200, userJson(auth.user))
      }
      if (route === `POST ${LOGOUT_PATH}`) {
        const auth = requireSession(headers, fail)
        if ('status' in auth) return auth
        const scope = url.searchParams.get('scope') ?? 'global'
        for (const session of sessions.values()) {
          if (session.userId !== auth.user.id) continue
          if (scope === 'local' && session !== auth.session) continue
          if (scope === 'others' && session === auth.session) continue
          session.revoked = true
        }
        return { status: 204, headers: {}, body: undefined }
      }

      const body = request.body
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return fail('bad_json', 'Could not parse request body as JSON')
      }
      const fields = body as JsonObject

      if (route === `POST ${RECOVER_PATH}`) return recover(url, fields, headers, fail)
      if (route === `PUT ${USER_PATH}`) {
        const auth = requireSession(headers, fail)
        return 'status' in auth ? auth : updateUser(fields, auth, fail)
      }
      const grantType = url.searchParams.get('grant_type')
      if (grantType === 'pkce') return pkceGrant(fields, headers, fail)
      if (grantType === 'password') return passwordGrant(fields, headers, fail)
      return fail('validation_failed', 'unsupported_grant_type')
    },
    get outbox() {
      return outbox.emails
    },
    get users() {
      return users.map(({ id, email, password }) => ({ id, email, password }))
    },
    reset() {
      outbox.clear()
      flowStates = []
      sessions.clear()
      emailLimiter.clear()
      for (const user of users) {
        user.password = seededPasswords.get(user.id) ?? user.password
        user.recoveryToken = undefined
        user.recoverySentAt = undefined
      }
    },
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function json(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'Content-Type': 'application/json' }, body }
}

function redirect(location: string): EmulatorResponse {
  return { status: 303, headers: { Location: location }, body: undefined }
}

function lowerCaseKeys(headers: Record<string, string>): Headers {
  const result: Headers = {}
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value
  return result
}
