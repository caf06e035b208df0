import { randomBytes } from './base64Url'
import { createOutbox, outboxFor } from './createOutbox'
import { DEMO_STACK_AUTH_PROJECT } from './demoProjects'
import { DEFAULT_EMULATOR_USERS } from './demoUsers'
import type { EmulatorResponse } from './Emulator'
import { isAllowedRedirectUrl } from './isAllowedRedirectUrl'
import type { StackAuthEmulator, StackAuthEmulatorOptions, StackAuthProject, StackAuthUser } from './StackAuthEmulator'
import { stackAuthError } from './stackAuthError'

export { DEMO_STACK_AUTH_PROJECT }

const SEND_RESET_CODE_PATH = '/api/v1/auth/password/send-reset-code'
const CHECK_CODE_PATH = '/api/v1/auth/password/reset/check-code'
const RESET_PATH = '/api/v1/auth/password/reset'
const SIGN_IN_PATH = '/api/v1/auth/password/sign-in'

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000
// Stack's password rule (`getPasswordError`): JavaScript string length, so UTF-16 code units.
const MIN_PASSWORD_LENGTH = 8
const MAX_PASSWORD_LENGTH = 70
const MAX_ATTEMPTS_PER_CODE = 20
const CODE_LENGTH = 45
const CROCKFORD_BASE32 = '0123456789abcdefghjkmnpqrstvwxyz'
// Loose on purpose, like yup's email rule: something@something.something, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

interface CodeRecord {
  userId: string
  expiresAt: number
  usedAt: number | undefined
  attempts: number
}

type Route = 'send-reset-code' | 'check-code' | 'reset' | 'sign-in'
type JsonObject = Record<string, unknown>
type FieldRule = (value: unknown) => string | undefined

const ROUTES: Record<string, Route> = {
  [SEND_RESET_CODE_PATH]: 'send-reset-code',
  [CHECK_CODE_PATH]: 'check-code',
  [RESET_PATH]: 'reset',
  [SIGN_IN_PATH]: 'sign-in',
}

const requiredString: FieldRule = (value) =>
  value === undefined || value === null
    ? 'is a required field'
    : typeof value !== 'string'
      ? 'must be a `string` type'
      : undefined
const email: FieldRule = (value) =>
  requiredString(value) ?? (EMAIL_PATTERN.test(value as string) ? undefined : 'must be a valid email')
const url: FieldRule = (value) =>
  requiredString(value) ?? (canParseUrl(value as string) ? undefined : 'is not a valid URL')
const code: FieldRule = (value) =>
  requiredString(value) ??
  ((value as string).length === CODE_LENGTH ? undefined : `must be exactly ${CODE_LENGTH} characters`)
// Stack's `passwordSchema` is `yupString().max(70)`: a longer password fails the request schema,
// before the code is looked up, so it neither counts an attempt nor spends the link.
const newPassword: FieldRule = (value) =>
  requiredString(value) ??
  ((value as string).length > MAX_PASSWORD_LENGTH ? `must be at most ${MAX_PASSWORD_LENGTH} characters` : undefined)

// Stack validates bodies with yup and rejects unknown properties, so a client that sends an extra
// field (a locale, a PKCE challenge) gets a SCHEMA_ERROR instead of having it ignored.
const BODY_RULES: Record<Route, Record<string, FieldRule>> = {
  'send-reset-code': { email, callback_url: url },
  'check-code': { code },
  reset: { code, password: newPassword },
  'sign-in': { email, password: requiredString },
}

/**
 * Creates an in-memory emulator of Stack Auth's client password-reset wire contract. It checks what
 * a client can get wrong against the real service: the three project headers, the JSON content
 * type, unknown body fields, the trusted-domain rule for `callback_url`, code length, expiry,
 * single use, the attempt cap and the password length rule.
 *
 * Wire facts it reproduces (from Stack's backend source and its e2e snapshots):
 * - `send-reset-code` always answers `200 { success: "maybe, only if user with e-mail exists" }`;
 *   for an unknown email it answers before looking at `callback_url`, so only a known email can
 *   reveal `REDIRECT_URL_NOT_WHITELISTED`.
 * - Codes are 45 lower-case Crockford base32 characters, appended as `code` to `callback_url`,
 *   matched case-insensitively and valid for 7 days.
 * - Checks run in Stack's order: not found (404), expired (400), already used (409), too many
 *   attempts (400). `check-code` answers `200 { is_code_valid: true }` and does not spend the code.
 * - `reset` marks the code used before it checks the password's minimum length, as Stack does, so
 *   a password shorter than 8 UTF-16 units spends the link: clients must check it first. One longer
 *   than 70 fails the body schema (`SCHEMA_ERROR` on `body.password`) before the code is looked up.
 *
 * @example
 * const emulator = createStackAuthEmulator({ now: () => clock })
 * await emulator.handle({ method: 'POST', path: '/api/v1/auth/password/send-reset-code', headers, body })
 */
export function createStackAuthEmulator(options: StackAuthEmulatorOptions = {}): StackAuthEmulator {
  const now = options.now ?? Date.now
  const projects = options.projects ?? [DEMO_STACK_AUTH_PROJECT]
  const allowedOrigins = options.allowedRedirectOrigins
  const codeLifetimeMs = options.codeLifetimeMs ?? SEVEN_DAYS_MS
  const outbox = outboxFor(options.outbox ?? createOutbox(), 'stack-auth')

  const users: StackAuthUser[] = (options.users ?? DEFAULT_EMULATOR_USERS).map(({ email, password }) => ({
    userId: crypto.randomUUID(),
    email,
    password,
  }))
  const seededPasswords = new Map(users.map((user) => [user.userId, user.password]))
  const codes = new Map<string, CodeRecord>()

  function findUserByEmail(address: string): StackAuthUser | undefined {
    const wanted = address.trim().toLowerCase()
    return users.find((user) => user.email.toLowerCase() === wanted)
  }

  function sendResetCode(body: JsonObject, project: StackAuthProject): EmulatorResponse {
    const maybe = json(200, { success: 'maybe, only if user with e-mail exists' })
    const user = findUserByEmail(body.email as string)
    // Stack returns before it validates the callback URL when there is no such user.
    if (!user) return maybe
    const callbackUrl = body.callback_url as string
    if (!isAllowedRedirectUrl(callbackUrl, allowedOrigins)) return stackAuthError('REDIRECT_URL_NOT_WHITELISTED')

    const at = now()
    const value = generateCode()
    codes.set(value, { userId: user.userId, expiresAt: at + codeLifetimeMs, usedAt: undefined, attempts: 0 })
    const link = new URL(callbackUrl)
    link.searchParams.set('code', value)
    outbox.send({
      to: user.email,
      subject: `Reset your password at ${project.displayName}`,
      locale: 'en',
      link: link.href,
      createdAt: new Date(at).toISOString(),
    })
    return maybe
  }

  /** Stack's shared verification-code checks; answers an error, or the live record. */
  function lookUp(rawCode: string): EmulatorResponse | CodeRecord {
    const record = codes.get(rawCode.toLowerCase())
    if (!record) return stackAuthError('VERIFICATION_CODE_NOT_FOUND')
    // Stack counts the attempt before judging it, comparing the count it read first.
    const attemptsBefore = record.attempts
    record.attempts += 1
    if (record.expiresAt < now()) return stackAuthError('VERIFICATION_CODE_EXPIRED')
    if (record.usedAt !== undefined) return stackAuthError('VERIFICATION_CODE_ALREADY_USED')
    if (attemptsBefore >= MAX_ATTEMPTS_PER_CODE) return stackAuthError('VERIFICATION_CODE_MAX_ATTEMPTS_REACHED')
    return record
  }

  function checkCode(body: JsonObject): EmulatorResponse {
    const found = lookUp(body.code as string)
    if ('status' in found) return found
    return json(200, { is_code_valid: true })
  }

  function resetPassword(body: JsonObject): EmulatorResponse {
    const found = lookUp(body.code as string)
    if ('status' in found) return found
    found.usedAt = now()
    const password = body.password as string
    if (password.length < MIN_PASSWORD_LENGTH) {
      return stackAuthError('PASSWORD_TOO_SHORT', {
        details: { min_length: MIN_PASSWORD_LENGTH },
        message: `Password too short. Minimum length is ${MIN_PASSWORD_LENGTH}.`,
      })
    }
    const user = users.find((candidate) => candidate.userId === found.userId)
    if (user) user.password = password
    return json(200, { success: true })
  }

  function signIn(body: JsonObject): EmulatorResponse {
    const user = findUserByEmail(body.email as string)
    if (!user || user.password !== body.password) return stackAuthError('EMAIL_PASSWORD_MISMATCH')
    return json(200, {
      access_token: opaqueToken(),
      refresh_token: opaqueToken(),
      user_id: user.userId,
    })
  }

  return {
    async handle(request) {
      const [pathname = ''] = request.path.split('?')
      const route = ROUTES[pathname]
      if (route === undefined) return json(404, { error: 'Not found' })
      if (request.method.toUpperCase() !== 'POST') return json(405, { error: 'Method not allowed' }, { Allow: 'POST' })

      const headers = lowerCaseKeys(request.headers)
      // Stack parses the body before it looks at the project headers.
      const parsed = readBody(request.body, headers['content-type'])
      if ('status' in parsed) return parsed

      const auth = authenticate(headers, projects)
      if ('status' in auth) return auth

      const invalid = validateBody(pathname, parsed.body, BODY_RULES[route])
      if (invalid) return invalid
      const body = parsed.body as JsonObject

      if (route === 'send-reset-code') return sendResetCode(body, auth)
      if (route === 'check-code') return checkCode(body)
      if (route === 'reset') return resetPassword(body)
      return signIn(body)
    },
    get outbox() {
      return outbox.emails
    },
    get users() {
      return users.map((user) => ({ ...user }))
    },
    reset() {
      outbox.clear()
      codes.clear()
      for (const user of users) user.password = seededPasswords.get(user.userId) ?? user.password
    },
  }
}

/** Reads the body the way Stack's request parser does: by content type. */
function readBody(body: unknown, contentType: string | undefined): EmulatorResponse | { body: unknown } {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === '') return { body: undefined }
  if (type === 'application/json') {
    // The middleware hands over `undefined` for an empty or unparsable JSON body.
    return body === undefined ? stackAuthError('BODY_PARSING_ERROR') : { body }
  }
  // A `fetch` with a string body and no Content-Type sends text/plain: Stack then sees a string,
  // which fails the schema. Catching that is the point of checking the header at all.
  if (type === 'text/plain') return { body: typeof body === 'string' ? body : JSON.stringify(body) }
  return stackAuthError('BODY_PARSING_ERROR', { message: `Unknown content type in request body: ${type}` })
}

/** Stack's project authentication for client-or-higher endpoints, in Stack's order. */
function authenticate(
  headers: Record<string, string | undefined>,
  projects: readonly StackAuthProject[],
): EmulatorResponse | StackAuthProject {
  const accessType = headers['x-stack-access-type']
  const projectId = headers['x-stack-project-id']
  const clientKey = headers['x-stack-publishable-client-key']
  const serverKey = headers['x-stack-secret-server-key']
  const adminKey = headers['x-stack-super-secret-admin-key']
  const anyKey = Boolean(clientKey || serverKey || adminKey || headers['x-stack-admin-access-token'])

  if (!accessType && anyKey) return stackAuthError('PROJECT_KEY_WITHOUT_ACCESS_TYPE')
  if (!accessType) return stackAuthError('ACCESS_TYPE_REQUIRED')
  if (accessType !== 'client' && accessType !== 'server' && accessType !== 'admin') {
    return stackAuthError('INVALID_ACCESS_TYPE', {
      message: `The x-stack-access-type header must be 'client', 'server', or 'admin', but was '${accessType}'.`,
    })
  }
  if (!projectId) return stackAuthError('ACCESS_TYPE_WITHOUT_PROJECT_ID', { details: { request_type: accessType } })

  const invalidKeyMessage = (kind: string) =>
    `The ${kind} is not valid for the project ${JSON.stringify(projectId)}. Does the project and/or the key exist?`
  if (accessType === 'server') {
    // The emulator holds no server secrets: a browser must never send one anyway.
    if (!serverKey) return stackAuthError('SERVER_AUTHENTICATION_REQUIRED')
    return stackAuthError('INVALID_SECRET_SERVER_KEY', {
      details: { project_id: projectId },
      message: invalidKeyMessage('secret server key'),
    })
  }
  if (accessType === 'admin') {
    if (!adminKey) return stackAuthError('ADMIN_AUTHENTICATION_REQUIRED')
    return stackAuthError('INVALID_SUPER_SECRET_ADMIN_KEY', {
      details: { project_id: projectId },
      message: invalidKeyMessage('super secret admin key'),
    })
  }
  if (!clientKey) return stackAuthError('CLIENT_AUTHENTICATION_REQUIRED')
  const project = projects.find((candidate) => candidate.projectId === projectId)
  if (!project || project.publishableClientKey !== clientKey) {
    return stackAuthError('INVALID_PUBLISHABLE_CLIENT_KEY', {
      details: { project_id: projectId },
      message: invalidKeyMessage('publishable key'),
    })
  }
  return project
}

function validateBody(pathname: string, body: unknown, rules: Record<string, FieldRule>): EmulatorResponse | undefined {
  const problems: string[] = []
  if (body === undefined || body === null) problems.push('body is a required field')
  else if (typeof body !== 'object' || Array.isArray(body)) problems.push('body must be a `object` type')
  else {
    const record = body as JsonObject
    const unknown = Object.keys(record).filter((key) => !Object.hasOwn(rules, key))
    if (unknown.length > 0) problems.push(`body contains unknown properties: ${unknown.join(', ')}`)
    for (const [field, rule] of Object.entries(rules)) {
      const problem = rule(record[field])
      if (problem) problems.push(`body.${field} ${problem}`)
    }
  }
  if (problems.length === 0) return undefined
  const message = `Request validation failed on POST ${pathname}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`
  return stackAuthError('SCHEMA_ERROR', { details: { message }, message })
}

/** 45 characters of lower-case Crockford base32 (225 bits), the shape of Stack's codes. */
function generateCode(): string {
  const bytes = randomBytes(CODE_LENGTH)
  let result = ''
  for (const byte of bytes) result += CROCKFORD_BASE32[byte & 31]
  return result
}

function opaqueToken(): string {
  return Array.from(randomBytes(32), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function canParseUrl(value: string): boolean {
  try {
    new URL(value)
    return true
  } catch {
    return false
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers }, body }
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value
  return result
}
