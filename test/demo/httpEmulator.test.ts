import { createHttpEmulator, HTTP_ROUTES } from '../../demo/emulator'
import type { EmulatorResponse, HttpEmulatorOptions } from '../../demo/emulator'

const REDIRECT = 'http://127.0.0.1:5173/reset?backend=http'
const NEW_PASSWORD = 'a brand new passphrase'

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const OTHER_VERIFIER = 'x'.repeat(43)

function setup(options: HttpEmulatorOptions = {}) {
  let clock = Date.parse('2030-01-01T00:00:00Z')
  const emulator = createHttpEmulator({ now: () => clock, ...options })
  const post = (path: string, body: unknown) =>
    emulator.handle({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body })
  const start = (body: Record<string, unknown> = {}) =>
    post(HTTP_ROUTES.start, {
      email: 'ada@example.com',
      redirectUrl: REDIRECT,
      locale: 'en',
      codeChallenge: RFC_CHALLENGE,
      codeChallengeMethod: 'S256',
      ...body,
    })
  /** Starts a reset and returns the token from the emailed link. */
  const startAndGetToken = async (body: Record<string, unknown> = {}) => {
    const response = await start(body)
    expect(response.status).toBe(202)
    const link = emulator.outbox[0]?.link
    if (!link) throw new Error('no email was sent')
    const token = new URL(link).searchParams.get('token')
    if (!token) throw new Error('the link has no token')
    return token
  }
  const check = (token: unknown) => post(HTTP_ROUTES.check, { token })
  const complete = (token: unknown, password = NEW_PASSWORD, codeVerifier: unknown = RFC_VERIFIER) =>
    post(HTTP_ROUTES.complete, { token, password, codeVerifier })
  const signIn = (email: string, password: string) => post(HTTP_ROUTES.signIn, { email, password })
  const advance = (ms: number) => {
    clock += ms
  }
  return { emulator, post, start, startAndGetToken, check, complete, signIn, advance }
}

function code(response: EmulatorResponse): unknown {
  return (response.body as { code?: unknown } | undefined)?.code
}

describe('createHttpEmulator', () => {
  describe('start', () => {
    it('emails a link to the redirect URL with the token added and its other params kept', async () => {
      const { start, emulator } = setup()
      const response = await start({ redirectUrl: 'http://127.0.0.1:5173/reset?backend=http&token=stale' })
      expect(response).toEqual({ status: 202, headers: {}, body: undefined })

      expect(emulator.outbox).toHaveLength(1)
      const [email] = emulator.outbox
      expect(email).toMatchObject({ backend: 'http', to: 'ada@example.com', subject: 'Reset your password' })
      const link = new URL(email?.link ?? '')
      expect(link.origin + link.pathname).toBe('http://127.0.0.1:5173/reset')
      expect(link.searchParams.get('backend')).toBe('http')
      expect(link.searchParams.getAll('token')).toHaveLength(1)
      expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(link.searchParams.get('token')).not.toBe('stale')
    })

    it('writes the email in the requested locale, or its language, or English', async () => {
      const { start, emulator } = setup()
      await start({ locale: 'pt-BR' })
      await start({ locale: 'es-MX' })
      await start({ locale: 'de' })
      expect(emulator.outbox.map((email) => [email.locale, email.subject])).toEqual([
        ['en', 'Reset your password'],
        ['es', 'Restablece tu contraseña'],
        ['pt-BR', 'Redefina sua senha'],
      ])
    })

    it('answers an unknown email exactly as a known one, and sends nothing', async () => {
      const { start, emulator } = setup()
      const unknown = await start({ email: 'nobody@example.com' })
      expect(emulator.outbox).toHaveLength(0)
      const known = await start()
      expect(emulator.outbox).toHaveLength(1)
      expect(unknown).toEqual(known)
    })

    it.each([
      ['another origin', 'https://evil.example/reset'],
      ['a relative URL', '/reset'],
      ['a URL with credentials', 'http://user:pass@127.0.0.1:5173/reset'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['no URL at all', undefined],
    ])('answers 400 redirect_not_allowed for %s, whoever asks, and sends nothing', async (_name, redirectUrl) => {
      const { start, emulator } = setup()
      const known = await start({ redirectUrl })
      const unknown = await start({ redirectUrl, email: 'nobody@example.com' })
      expect(known.status).toBe(400)
      expect(known.body).toEqual({ code: 'redirect_not_allowed' })
      expect(unknown).toEqual(known)
      expect(emulator.outbox).toHaveLength(0)
    })

    it('only allows the configured redirect origins when given', async () => {
      const { start } = setup({ allowedRedirectOrigins: ['https://app.example.com'] })
      expect(code(await start())).toBe('redirect_not_allowed')
      expect((await start({ redirectUrl: 'https://app.example.com/reset' })).status).toBe(202)
    })

    it.each([
      ['no email', { email: undefined }],
      ['a malformed email', { email: 'ada@' }],
    ])('answers 400 invalid_email for %s', async (_name, body) => {
      const { start } = setup()
      const response = await start(body)
      expect(response.status).toBe(400)
      expect(code(response)).toBe('invalid_email')
    })

    it.each([
      ['no challenge', { codeChallenge: undefined }],
      ['a malformed challenge', { codeChallenge: 'short' }],
      ['the plain method', { codeChallengeMethod: 'plain' }],
      ['no method', { codeChallengeMethod: undefined }],
      ['a link lifetime under 5 minutes', { expiresInMinutes: 4 }],
      ['a link lifetime over a day', { expiresInMinutes: 1441 }],
    ])('answers 400 misconfigured for %s, and sends nothing', async (_name, body) => {
      const { start, emulator } = setup()
      const response = await start(body)
      expect(response.status).toBe(400)
      expect(code(response)).toBe('misconfigured')
      expect(emulator.outbox).toHaveLength(0)
    })

    it('answers 400 misconfigured for a body that is not a JSON object', async () => {
      const { post } = setup()
      for (const body of [undefined, null, 'email=ada@example.com', ['ada@example.com']]) {
        expect(code(await post(HTTP_ROUTES.start, body))).toBe('misconfigured')
      }
    })
  })

  describe('rate limit', () => {
    it('answers 429 rate_limited with Retry-After after 5 starts a minute for one address', async () => {
      const { start, advance, emulator } = setup()
      for (let i = 0; i < 5; i++) {
        expect((await start()).status).toBe(202)
        advance(6_000)
      }
      const limited = await start()
      expect(limited.status).toBe(429)
      expect(limited.body).toEqual({ code: 'rate_limited' })
      // First start at t=0, now t=30 s: the window frees at t=60 s.
      expect(limited.headers['Retry-After']).toBe('30')
      expect(emulator.outbox).toHaveLength(5)

      advance(29_000)
      expect((await start()).status).toBe(429)
      advance(1_000)
      expect((await start()).status).toBe(202)
    })

    it('counts unknown emails too, and the same way, so probing addresses is throttled', async () => {
      const { start } = setup({ rateLimitPerMinute: 1 })
      expect((await start({ email: 'nobody@example.com' })).status).toBe(202)
      const limited = await start({ email: 'NOBODY@example.com' })
      expect(limited.status).toBe(429)
      expect(limited.headers['Retry-After']).toBe('60')
    })

    it('keeps separate budgets per address', async () => {
      const { start } = setup({ rateLimitPerMinute: 1 })
      expect((await start()).status).toBe(202)
      expect((await start()).status).toBe(429)
      expect((await start({ email: 'grace@example.com' })).status).toBe(202)
    })
  })

  describe('check', () => {
    it('answers 204 for a usable token without using it up', async () => {
      const { startAndGetToken, check, complete } = setup()
      const token = await startAndGetToken()
      expect((await check(token)).status).toBe(204)
      expect((await check(token)).status).toBe(204)
      expect((await complete(token)).status).toBe(204)
    })

    it('answers token_used, token_expired and token_invalid for dead links', async () => {
      const { startAndGetToken, check, complete, advance } = setup()
      const used = await startAndGetToken()
      await complete(used)
      const used410 = await check(used)
      expect(used410.status).toBe(410)
      expect(code(used410)).toBe('token_used')

      const stale = await startAndGetToken({ email: 'grace@example.com' })
      advance(60 * 60_000)
      const expired = await check(stale)
      expect(expired.status).toBe(410)
      expect(code(expired)).toBe('token_expired')

      const unknown = await check('x'.repeat(43))
      expect(unknown.status).toBe(404)
      expect(code(unknown)).toBe('token_invalid')
      expect(code(await check(undefined))).toBe('token_invalid')
    })
  })

  describe('complete', () => {
    it('the RFC 7636 Appendix B pair is a known-good pair', async () => {
      const { startAndGetToken, complete } = setup()
      expect((await complete(await startAndGetToken())).status).toBe(204)
    })

    it('sets the password with the right verifier, then the token is spent', async () => {
      const { startAndGetToken, complete, signIn } = setup()
      const token = await startAndGetToken()
      expect((await complete(token)).status).toBe(204)
      expect((await signIn('ada@example.com', NEW_PASSWORD)).status).toBe(200)
      expect((await signIn('ada@example.com', 'correct horse battery')).status).toBe(401)

      const again = await complete(token, 'yet another passphrase')
      expect(again.status).toBe(410)
      expect(again.body).toEqual({ code: 'token_used' })
      expect((await signIn('ada@example.com', NEW_PASSWORD)).status).toBe(200)
    })

    it('answers 403 verifier_mismatch for a wrong verifier and leaves the token usable', async () => {
      const { startAndGetToken, complete, check, signIn } = setup()
      const token = await startAndGetToken()
      const mismatch = await complete(token, NEW_PASSWORD, OTHER_VERIFIER)
      expect(mismatch.status).toBe(403)
      expect(mismatch.body).toEqual({ code: 'verifier_mismatch' })
      expect((await signIn('ada@example.com', 'correct horse battery')).status).toBe(200)
      expect((await check(token)).status).toBe(204)
      expect((await complete(token)).status).toBe(204)
    })

    it('answers 400 verifier_missing without a verifier and leaves the token usable', async () => {
      const { startAndGetToken, complete, post } = setup()
      const token = await startAndGetToken()
      expect(code(await post(HTTP_ROUTES.complete, { token, password: NEW_PASSWORD }))).toBe('verifier_missing')
      expect(code(await complete(token, NEW_PASSWORD, ''))).toBe('verifier_missing')
      expect((await complete(token)).status).toBe(204)
    })

    it('expires the token after the default hour, by the emulator clock', async () => {
      const { startAndGetToken, complete, advance, signIn } = setup()
      const token = await startAndGetToken()
      advance(60 * 60_000 - 1)
      expect(code(await complete(token, 'short'))).toBe('password_too_short')
      advance(1)
      const expired = await complete(token)
      expect(expired.status).toBe(410)
      expect(expired.body).toEqual({ code: 'token_expired' })
      expect((await signIn('ada@example.com', 'correct horse battery')).status).toBe(200)
    })

    it('honours expiresInMinutes from the start request', async () => {
      const { startAndGetToken, check, advance } = setup()
      const token = await startAndGetToken({ expiresInMinutes: 5 })
      advance(5 * 60_000 - 1)
      expect((await check(token)).status).toBe(204)
      advance(1)
      expect(code(await check(token))).toBe('token_expired')
    })

    it('answers 404 token_invalid for a token it never issued', async () => {
      const { complete } = setup()
      const response = await complete('x'.repeat(43))
      expect(response.status).toBe(404)
      expect(response.body).toEqual({ code: 'token_invalid' })
    })

    it.each([
      ['7 ASCII characters', 'abcdefg'],
      ['7 code points that are 14 UTF-16 units', '😀😀😀😀😀😀😀'],
      ['an empty password', ''],
    ])('answers 422 password_too_short with minLength 8 for %s and keeps the token', async (_name, password) => {
      const { startAndGetToken, complete } = setup()
      const token = await startAndGetToken()
      const response = await complete(token, password)
      expect(response.status).toBe(422)
      expect(response.body).toEqual({ code: 'password_too_short', details: { minLength: 8 } })
      expect((await complete(token)).status).toBe(204)
    })

    it('answers 422 password_too_long with maxLength 128 for 129 code points and keeps the token', async () => {
      const { startAndGetToken, complete } = setup()
      const token = await startAndGetToken()
      const response = await complete(token, 'a'.repeat(129))
      expect(response.status).toBe(422)
      expect(response.body).toEqual({ code: 'password_too_long', details: { maxLength: 128 } })
      expect((await complete(token, 'a'.repeat(128))).status).toBe(204)
    })

    it('accepts 8 code points even when they are astral', async () => {
      const { startAndGetToken, complete } = setup()
      const token = await startAndGetToken()
      expect((await complete(token, '😀😀😀😀😀😀😀😀')).status).toBe(204)
    })
  })

  describe('routes', () => {
    it('answers 404 for other paths and 405 with Allow for other methods', async () => {
      const { emulator } = setup()
      expect((await emulator.handle({ method: 'POST', path: '/api/other', headers: {}, body: {} })).status).toBe(404)
      const get = await emulator.handle({ method: 'GET', path: HTTP_ROUTES.check, headers: {}, body: undefined })
      expect(get.status).toBe(405)
      expect(get.headers.Allow).toBe('POST')
    })
  })

  describe('state', () => {
    it('hands out copies, so callers cannot change its state', async () => {
      const { emulator, signIn } = setup()
      const [user] = emulator.users as Array<{ email: string; password: string }>
      if (user) user.password = 'changed from outside'
      expect((await signIn('ada@example.com', 'correct horse battery')).status).toBe(200)
    })

    it('reset() clears outbox, tokens and rate limits and restores seeded passwords', async () => {
      const { emulator, startAndGetToken, start, check, complete, signIn } = setup({ rateLimitPerMinute: 1 })
      const token = await startAndGetToken()
      await complete(token)
      emulator.reset()
      expect(emulator.outbox).toEqual([])
      expect(code(await check(token))).toBe('token_invalid')
      expect((await signIn('ada@example.com', 'correct horse battery')).status).toBe(200)
      expect((await start()).status).toBe(202)
    })
  })
})
