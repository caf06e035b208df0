import { betterAuth } from 'better-auth'
import { memoryAdapter } from 'better-auth/adapters/memory'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { ResetError } from '../../src/core/ResetError'
import { createBetterAuthAdapter } from '../../src/adapters/better-auth'
import * as fixtures from './fixtures/betterAuth'

// The adapter against a real Better Auth 1.7 server (the devDependency, in memory): the contract
// tests' recorded payloads are checked against it, and the whole flow runs end to end.

const AUTH = 'https://auth.example.com'
const REDIRECT = 'https://app.example.com/reset-password?utm_source=mail'
const EMAIL = 'ada@example.com'
const OLD_PASSWORD = 'correct horse battery staple'

interface Email {
  url: string
  token: string
}

const server = setupServer()
let auth: ReturnType<typeof createAuth>
let outbox: Email[]
let clientIp: string

function createAuth() {
  return betterAuth({
    baseURL: AUTH,
    secret: 'reset-kit-test-secret-0123456789abcdef',
    database: memoryAdapter({ user: [], session: [], account: [], verification: [], rateLimit: [] }),
    emailAndPassword: {
      enabled: true,
      sendResetPassword: async ({ url, token }) => {
        outbox.push({ url, token })
      },
    },
    trustedOrigins: ['https://app.example.com'],
    // Better Auth skips its origin checks when NODE_ENV is "test"; production does not.
    advanced: { disableOriginCheck: false },
    rateLimit: { enabled: true, storage: 'memory' },
    telemetry: { enabled: false },
    logger: { disabled: true },
  })
}

let ipCounter = 0

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(async () => {
  outbox = []
  auth = createAuth()
  // Better Auth keeps rate limits per IP in a module-wide store: give each test its own address.
  ipCounter += 1
  clientIp = `198.51.100.${ipCounter}`
  server.use(
    http.all(`${AUTH}/api/auth/*`, async ({ request }) => {
      const headers = new Headers(request.headers)
      headers.set('x-forwarded-for', clientIp)
      return auth.handler(new Request(request, { headers }))
    }),
  )
  await auth.api.signUpEmail({ body: { email: EMAIL, password: OLD_PASSWORD, name: 'Ada' } })
})
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

const adapter = createBetterAuthAdapter({ baseUrl: AUTH })

function startInput(email = EMAIL, redirectUrl = REDIRECT) {
  return { email, redirectUrl, locale: 'en', signal: new AbortController().signal }
}

function completeInput(token: string, password: string) {
  return { token, password, signal: new AbortController().signal }
}

async function rejection(promise: Promise<unknown>): Promise<ResetError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(ResetError)
  return error as ResetError
}

/** What the browser does with the emailed link: Better Auth answers with a redirect. */
async function followLink(url: string): Promise<URL> {
  const response = await auth.handler(new Request(url, { headers: { 'x-forwarded-for': clientIp } }))
  expect(response.status).toBe(302)
  return new URL(response.headers.get('location')!)
}

async function canSignIn(password: string): Promise<boolean> {
  try {
    await auth.api.signInEmail({ body: { email: EMAIL, password } })
    return true
  } catch {
    return false
  }
}

async function post(path: string, body: unknown): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await auth.handler(
    new Request(`${AUTH}/api/auth${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-forwarded-for': clientIp },
      body: JSON.stringify(body),
    }),
  )
  const text = await response.text()
  return { status: response.status, body: text === '' ? null : JSON.parse(text), headers: response.headers }
}

describe('createBetterAuthAdapter', () => {
  describe('against a real Better Auth 1.7 server', () => {
    it('resets the password end to end: email, redirect with ?token, new password works, link spent', async () => {
      await adapter.startReset(startInput())
      expect(outbox).toHaveLength(1)

      const landing = await followLink(outbox[0]!.url)
      expect(`${landing.origin}${landing.pathname}`).toBe('https://app.example.com/reset-password')
      expect(landing.searchParams.get('utm_source')).toBe('mail')
      expect(() => adapter.validateCallbackParams!(landing.searchParams)).not.toThrow()
      const token = landing.searchParams.get(adapter.tokenParams[0]!)
      expect(token).toBe(outbox[0]!.token)

      await adapter.completeReset(completeInput(token!, 'a brand new passphrase'))
      expect(await canSignIn('a brand new passphrase')).toBe(true)
      expect(await canSignIn(OLD_PASSWORD)).toBe(false)

      expect((await rejection(adapter.completeReset(completeInput(token!, 'yet another passphrase')))).code).toBe(
        'token_invalid',
      )
    })

    it('answers an unknown address like a known one, and sends no email', async () => {
      await expect(adapter.startReset(startInput('nobody@example.com'))).resolves.toBeUndefined()
      expect(outbox).toHaveLength(0)
    })

    it('lands an unknown link on ?error=INVALID_TOKEN, which validateCallbackParams refuses', async () => {
      const landing = await followLink(
        `${AUTH}/api/auth/reset-password/not-a-real-token?callbackURL=${encodeURIComponent(REDIRECT)}`,
      )
      expect(landing.searchParams.get('error')).toBe('INVALID_TOKEN')
      expect(() => adapter.validateCallbackParams!(landing.searchParams)).toThrow(ResetError)
    })

    it('refuses a too-short password without spending the link', async () => {
      await adapter.startReset(startInput())
      const { token } = outbox[0]!
      const error = await rejection(adapter.completeReset(completeInput(token, 'short')))
      expect(error.code).toBe('password_too_short')
      expect(error.details).toEqual({ minLength: 8 })
      await adapter.completeReset(completeInput(token, 'long enough now'))
      expect(await canSignIn('long enough now')).toBe(true)
    })

    it('refuses 70 emoji as too long (Better Auth counts 140 UTF-16 units) naming no number, without spending the link', async () => {
      await adapter.startReset(startInput())
      const { token } = outbox[0]!
      const error = await rejection(adapter.completeReset(completeInput(token, '🐴'.repeat(70))))
      expect(error.code).toBe('password_too_long')
      expect(error.details).toEqual({ maxLength: 0 })
      await adapter.completeReset(completeInput(token, 'long enough now'))
      expect(await canSignIn('long enough now')).toBe(true)
    })

    it('refuses a redirect outside trustedOrigins, and an invalid address', async () => {
      expect((await rejection(adapter.startReset(startInput(EMAIL, 'https://evil.example.net/reset')))).code).toBe(
        'redirect_not_allowed',
      )
      const invalid = await rejection(adapter.startReset(startInput('not-an-email')))
      expect(invalid.code).toBe('invalid_email')
      expect(invalid.field).toBe('email')
      expect(outbox).toHaveLength(0)
    })

    it('rate-limits the fourth request in a minute, with the wait from X-Retry-After', async () => {
      for (let i = 0; i < 3; i += 1) await adapter.startReset(startInput())
      const error = await rejection(adapter.startReset(startInput()))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBeGreaterThan(50)
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(60)
    })

    it('sends exactly the recorded fixtures', async () => {
      expect(
        await post('/request-password-reset', { email: 'nobody@example.com', redirectTo: REDIRECT }),
      ).toMatchObject({
        status: 200,
        body: fixtures.requestPasswordResetOk,
      })
      expect(await post('/request-password-reset', { email: 'not-an-email', redirectTo: REDIRECT })).toMatchObject(
        fixtures.validationErrorEmail,
      )
      expect(
        await post('/request-password-reset', { email: EMAIL, redirectTo: 'https://evil.example.net/' }),
      ).toMatchObject(fixtures.invalidRedirectUrl)
      expect(await post('/reset-password', { newPassword: 'long enough now', token: 'nope' })).toMatchObject(
        fixtures.invalidToken,
      )
      expect(await post('/reset-password', { newPassword: 'short', token: 'nope' })).toMatchObject(
        fixtures.passwordTooShort,
      )
      expect(await post('/reset-password', { newPassword: 'x'.repeat(129), token: 'nope' })).toMatchObject(
        fixtures.passwordTooLong,
      )
      expect(await post('/forget-password', { email: EMAIL, redirectTo: REDIRECT })).toMatchObject(
        fixtures.pathNotServed,
      )

      await post('/request-password-reset', { email: EMAIL, redirectTo: REDIRECT })
      const limited = await post('/request-password-reset', { email: EMAIL, redirectTo: REDIRECT })
      expect(limited).toMatchObject({ status: fixtures.tooManyRequests.status, body: fixtures.tooManyRequests.body })
      expect(limited.headers.get('X-Retry-After')).toMatch(/^\d+$/)
    })

    it('answers a successful reset with the recorded body', async () => {
      await adapter.startReset(startInput())
      expect(await post('/reset-password', { newPassword: 'long enough now', token: outbox[0]!.token })).toMatchObject({
        status: 200,
        body: fixtures.resetPasswordOk,
      })
    })
  })
})
