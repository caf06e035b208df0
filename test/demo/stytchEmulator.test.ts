import { createStytchEmulator, s256Challenge } from '../../demo/emulator'
import type { EmulatorResponse, StytchEmulatorOptions } from '../../demo/emulator'

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-0000-0000-000000000000'
const AUTH = `Basic ${btoa(`${PUBLIC_TOKEN}:${PUBLIC_TOKEN}`)}`
const START = '/sdk/v1/passwords/email/reset/start'
const RESET = '/sdk/v1/passwords/email/reset'
const AUTHENTICATE = '/sdk/v1/passwords/authenticate'
const REDIRECT = 'http://127.0.0.1:5173/reset'

// RFC 7636 Appendix B.
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const RFC_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const OTHER_VERIFIER = 'x'.repeat(43)

const NEW_PASSWORD = 'a brand new passphrase'

function setup(options: StytchEmulatorOptions = {}) {
  let clock = Date.parse('2030-01-01T00:00:00Z')
  const emulator = createStytchEmulator({ now: () => clock, ...options })
  const post = (path: string, body: unknown, headers: Record<string, string> = { Authorization: AUTH }) =>
    emulator.handle({ method: 'POST', path, headers, body })
  const start = (body: Record<string, unknown> = {}) =>
    post(START, { email: 'ada@example.com', reset_password_redirect_url: REDIRECT, ...body })
  /** Starts a reset and returns the token from the emailed link. */
  const startAndGetToken = async (body: Record<string, unknown> = {}) => {
    const response = await start(body)
    expect(response.status).toBe(200)
    const link = emulator.outbox[0]?.link
    if (!link) throw new Error('no email was sent')
    const token = new URL(link).searchParams.get('token')
    if (!token) throw new Error('the link has no token')
    return token
  }
  const advance = (ms: number) => {
    clock += ms
  }
  return { emulator, post, start, startAndGetToken, advance }
}

function errorType(response: EmulatorResponse): unknown {
  return (response.body as { error_type?: unknown }).error_type
}

function data(response: EmulatorResponse): Record<string, unknown> {
  return (response.body as { data: Record<string, unknown> }).data
}

describe('createStytchEmulator', () => {
  describe('authorization', () => {
    it.each([
      ['no header', {}],
      ['a bearer token', { Authorization: `Bearer ${PUBLIC_TOKEN}` }],
      ['a secret-style username', { Authorization: `Basic ${btoa('project-test-1:secret-test-1')}` }],
      ['mismatched halves', { Authorization: `Basic ${btoa(`${PUBLIC_TOKEN}:public-token-test-other`)}` }],
      ['garbage base64', { Authorization: 'Basic !!!' }],
    ])('answers 401 unauthorized_credentials for %s', async (_name, headers) => {
      const { post, emulator } = setup()
      const response = await post(START, { email: 'ada@example.com', reset_password_redirect_url: REDIRECT }, headers)
      expect(response.status).toBe(401)
      expect(errorType(response)).toBe('unauthorized_credentials')
      expect(emulator.outbox).toHaveLength(0)
    })

    it('matches the header name case-insensitively', async () => {
      const { post } = setup()
      const response = await post(
        START,
        { email: 'ada@example.com', reset_password_redirect_url: REDIRECT },
        { authorization: AUTH },
      )
      expect(response.status).toBe(200)
    })
  })

  describe('error bodies', () => {
    it('have exactly the five Stytch fields', async () => {
      const { post } = setup()
      const response = await post(START, {}, {})
      expect(response.headers['Content-Type']).toBe('application/json')
      expect(Object.keys(response.body as object).sort()).toEqual(
        ['error_message', 'error_type', 'error_url', 'request_id', 'status_code'].sort(),
      )
      expect(response.body).toMatchObject({
        status_code: 401,
        error_type: 'unauthorized_credentials',
        error_url: 'https://stytch.com/docs/api/errors/401#unauthorized_credentials',
      })
      expect((response.body as { request_id: string }).request_id).toMatch(
        /^request-id-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      )
    })

    it.each([
      ['an unknown path', 'POST', '/sdk/v1/passwords/nope'],
      ['the backend path', 'POST', '/v1/passwords/email/reset/start'],
      ['a GET on a known path', 'GET', START],
    ])('answer 404 route_not_found for %s', async (_name, method, path) => {
      const { emulator } = setup()
      const response = await emulator.handle({ method, path, headers: { Authorization: AUTH }, body: {} })
      expect(response.status).toBe(404)
      expect(errorType(response)).toBe('route_not_found')
    })
  })

  describe('reset start', () => {
    it('emails a link that keeps the redirect URL’s params and adds the token', async () => {
      const { start, emulator } = setup()
      const response = await start({
        reset_password_redirect_url: 'http://localhost:5173/reset?from=app&lang=fr#top',
        locale: 'fr',
      })
      expect(response.status).toBe(200)
      const body = data(response)
      expect(body).toMatchObject({ status_code: 200 })
      expect(body.request_id).toMatch(/^request-id-test-/)
      expect(body.user_id).toMatch(/^user-test-/)
      expect(body.email_id).toMatch(/^email-test-/)

      expect(emulator.outbox).toHaveLength(1)
      const [email] = emulator.outbox
      expect(email).toMatchObject({ to: 'ada@example.com', locale: 'fr', subject: 'Réinitialisez votre mot de passe' })
      expect(email?.createdAt).toBe('2030-01-01T00:00:00.000Z')
      const link = new URL(email?.link ?? '')
      expect(link.origin + link.pathname).toBe('http://localhost:5173/reset')
      expect(link.hash).toBe('#top')
      expect(link.searchParams.get('from')).toBe('app')
      expect(link.searchParams.get('lang')).toBe('fr')
      expect(link.searchParams.get('stytch_token_type')).toBe('reset_password')
      expect(link.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}=$/)
    })

    it('replaces a stale token param instead of adding a second one', async () => {
      const { start, emulator } = setup()
      await start({ reset_password_redirect_url: `${REDIRECT}?token=stale` })
      const link = new URL(emulator.outbox[0]?.link ?? '')
      expect(link.searchParams.getAll('token')).toHaveLength(1)
      expect(link.searchParams.get('token')).not.toBe('stale')
    })

    it('lists the outbox newest first and matches emails case-insensitively', async () => {
      const { start, emulator, advance } = setup()
      await start({ email: 'ada@example.com' })
      advance(1000)
      await start({ email: 'GRACE@example.com' })
      expect(emulator.outbox.map((email) => email.to)).toEqual(['grace@example.com', 'ada@example.com'])
    })

    it('answers 404 email_not_found for an unknown email and sends nothing', async () => {
      const { start, emulator } = setup()
      const response = await start({ email: 'nobody@example.com' })
      expect(response.status).toBe(404)
      expect(errorType(response)).toBe('email_not_found')
      expect(emulator.outbox).toHaveLength(0)
    })

    it.each([
      ['a missing email', { email: undefined }, 400, 'bad_request'],
      ['a malformed email', { email: 'ada@' }, 400, 'invalid_email'],
      ['an email with spaces', { email: 'ada lovelace@example.com' }, 400, 'invalid_email'],
      ['a missing redirect URL', { reset_password_redirect_url: undefined }, 400, 'no_password_reset_redirect_url'],
      ['an empty redirect URL', { reset_password_redirect_url: '' }, 400, 'no_password_reset_redirect_url'],
      [
        'a relative redirect URL',
        { reset_password_redirect_url: '/reset' },
        400,
        'invalid_password_reset_redirect_url',
      ],
      [
        'a javascript: redirect URL',
        { reset_password_redirect_url: 'javascript:alert(1)' },
        400,
        'invalid_password_reset_redirect_url',
      ],
      [
        'a redirect to another host',
        { reset_password_redirect_url: 'https://evil.example/reset' },
        400,
        'invalid_password_reset_redirect_url',
      ],
      [
        'a redirect URL with credentials',
        { reset_password_redirect_url: 'http://user:pass@127.0.0.1:5173/reset' },
        400,
        'invalid_password_reset_redirect_url',
      ],
      [
        'a login redirect to another host',
        { login_redirect_url: 'https://evil.example/' },
        400,
        'invalid_login_redirect_url',
      ],
      ['4 minutes', { reset_password_expiration_minutes: 4 }, 400, 'invalid_expiration'],
      ['10081 minutes', { reset_password_expiration_minutes: 10_081 }, 400, 'invalid_expiration'],
      ['a fractional expiration', { reset_password_expiration_minutes: 30.5 }, 400, 'invalid_expiration'],
      ['an expiration sent as a string', { reset_password_expiration_minutes: '30' }, 400, 'invalid_expiration'],
      ['the kit’s pt-BR tag instead of Stytch’s pt-br', { locale: 'pt-BR' }, 400, 'invalid_locale'],
      ['a padded code_challenge', { code_challenge: `${RFC_CHALLENGE}=` }, 400, 'invalid_pkce_code_challenge'],
      [
        'a base64 (not url) code_challenge',
        { code_challenge: `${RFC_CHALLENGE.slice(0, 42)}+` },
        400,
        'invalid_pkce_code_challenge',
      ],
      [
        'the plain challenge method',
        { code_challenge: RFC_CHALLENGE, code_challenge_method: 'plain' },
        400,
        'invalid_pkce_code_challenge',
      ],
    ])('rejects %s', async (_name, overrides, status, type) => {
      const { start, emulator } = setup()
      const response = await start(overrides)
      expect(response.status).toBe(status)
      expect(errorType(response)).toBe(type)
      expect(emulator.outbox).toHaveLength(0)
    })

    it.each([
      ['5 minutes', 5],
      ['10080 minutes', 10_080],
    ])('accepts an expiration of %s', async (_name, minutes) => {
      const { start } = setup()
      expect((await start({ reset_password_expiration_minutes: minutes })).status).toBe(200)
    })

    it.each(['en', 'es', 'fr', 'pt-br'])('accepts the Stytch locale %s', async (locale) => {
      const { start, emulator } = setup()
      expect((await start({ locale })).status).toBe(200)
      expect(emulator.outbox[0]?.locale).toBe(locale)
    })

    it('only allows the configured redirect origins when given', async () => {
      const { start } = setup({ allowedRedirectOrigins: ['https://app.example.com'] })
      expect((await start({ reset_password_redirect_url: 'https://app.example.com/reset' })).status).toBe(200)
      const loopback = await start({ reset_password_redirect_url: REDIRECT })
      expect(errorType(loopback)).toBe('invalid_password_reset_redirect_url')
    })
  })

  describe('rate limit', () => {
    it('answers 429 too_many_requests with Retry-After after N starts a minute', async () => {
      const { start, advance, emulator } = setup({ rateLimitPerMinute: 3 })
      for (let i = 0; i < 3; i++) {
        expect((await start()).status).toBe(200)
        advance(10_000)
      }
      const limited = await start()
      expect(limited.status).toBe(429)
      expect(errorType(limited)).toBe('too_many_requests')
      // First start at t=0, now t=30 s: the window frees at t=60 s.
      expect(limited.headers['Retry-After']).toBe('30')
      expect(emulator.outbox).toHaveLength(3)

      advance(29_000)
      expect((await start()).status).toBe(429)
      advance(1_000)
      expect((await start()).status).toBe(200)
    })

    it('counts unknown emails too, so probing addresses is throttled', async () => {
      const { start } = setup({ rateLimitPerMinute: 2 })
      expect((await start({ email: 'nobody@example.com' })).status).toBe(404)
      expect((await start({ email: 'NOBODY@example.com' })).status).toBe(404)
      expect((await start({ email: 'nobody@example.com' })).status).toBe(429)
    })

    it('keeps separate budgets per email', async () => {
      const { start } = setup({ rateLimitPerMinute: 1 })
      expect((await start({ email: 'ada@example.com' })).status).toBe(200)
      expect((await start({ email: 'grace@example.com' })).status).toBe(200)
      expect((await start({ email: 'ada@example.com' })).status).toBe(429)
    })

    it('defaults to 5 a minute and can be reconfigured at runtime', async () => {
      const { start, emulator } = setup()
      expect(emulator.config.rateLimitPerMinute).toBe(5)
      for (let i = 0; i < 5; i++) expect((await start()).status).toBe(200)
      expect((await start()).status).toBe(429)
      emulator.configure({ rateLimitPerMinute: 10 })
      expect((await start()).status).toBe(200)
      expect(() => emulator.configure({ rateLimitPerMinute: 0 })).toThrow(RangeError)
    })
  })

  describe('reset completion', () => {
    it('the RFC 7636 Appendix B pair is a known-good pair', async () => {
      expect(await s256Challenge(RFC_VERIFIER)).toBe(RFC_CHALLENGE)
    })

    it('succeeds with the right verifier, then the token is spent', async () => {
      const { startAndGetToken, post } = setup()
      const token = await startAndGetToken({ code_challenge: RFC_CHALLENGE })
      const done = await post(RESET, { token, password: NEW_PASSWORD, code_verifier: RFC_VERIFIER })
      expect(done.status).toBe(200)
      const body = data(done)
      expect(body).toMatchObject({ status_code: 200 })
      expect(body.user_id).toMatch(/^user-test-/)
      expect(body.session_token).toEqual(expect.any(String))
      expect(String(body.session_jwt).split('.')).toHaveLength(3)

      const again = await post(RESET, { token, password: 'yet another passphrase', code_verifier: RFC_VERIFIER })
      expect(again.status).toBe(401)
      expect(errorType(again)).toBe('unable_to_auth_password_reset_token')
    })

    it('answers pkce_mismatch for a wrong verifier and leaves the token usable', async () => {
      const { startAndGetToken, post } = setup()
      const token = await startAndGetToken({ code_challenge: RFC_CHALLENGE })
      const wrong = await post(RESET, { token, password: NEW_PASSWORD, code_verifier: OTHER_VERIFIER })
      expect(wrong.status).toBe(400)
      expect(errorType(wrong)).toBe('pkce_mismatch')
      const right = await post(RESET, { token, password: NEW_PASSWORD, code_verifier: RFC_VERIFIER })
      expect(right.status).toBe(200)
    })

    it.each([
      ['missing', {}],
      ['null', { code_verifier: null }],
      ['empty', { code_verifier: '' }],
    ])('answers pkce_expected_code_verifier when the verifier is %s', async (_name, extra) => {
      const { startAndGetToken, post } = setup()
      const token = await startAndGetToken({ code_challenge: RFC_CHALLENGE })
      const response = await post(RESET, { token, password: NEW_PASSWORD, ...extra })
      expect(response.status).toBe(400)
      expect(errorType(response)).toBe('pkce_expected_code_verifier')
      expect((await post(RESET, { token, password: NEW_PASSWORD, code_verifier: RFC_VERIFIER })).status).toBe(200)
    })

    it('answers pkce_did_not_expect_code_verifier when the flow started without a challenge', async () => {
      const { startAndGetToken, post } = setup()
      const token = await startAndGetToken()
      const response = await post(RESET, { token, password: NEW_PASSWORD, code_verifier: RFC_VERIFIER })
      expect(response.status).toBe(400)
      expect(errorType(response)).toBe('pkce_did_not_expect_code_verifier')
      expect((await post(RESET, { token, password: NEW_PASSWORD })).status).toBe(200)
    })

    it('answers unable_to_auth_password_reset_token for an unknown token', async () => {
      const { post } = setup()
      const response = await post(RESET, { token: 'A'.repeat(43) + '=', password: NEW_PASSWORD })
      expect(response.status).toBe(401)
      expect(errorType(response)).toBe('unable_to_auth_password_reset_token')
    })

    it('expires the token after the requested minutes, with the same error as a used one', async () => {
      const { startAndGetToken, post, advance } = setup()
      const token = await startAndGetToken({ reset_password_expiration_minutes: 5 })
      advance(5 * 60_000 - 1)
      const stillValid = await post(RESET, { token, password: 'x' })
      expect(errorType(stillValid)).toBe('weak_password')
      advance(1)
      const expired = await post(RESET, { token, password: NEW_PASSWORD })
      expect(expired.status).toBe(401)
      expect(errorType(expired)).toBe('unable_to_auth_password_reset_token')
      expect(expired.body).toEqual({
        status_code: 401,
        request_id: expect.any(String),
        error_type: 'unable_to_auth_password_reset_token',
        error_message: expect.any(String),
        error_url: 'https://stytch.com/docs/api/errors/401#unable_to_auth_password_reset_token',
      })
    })

    it('defaults to a 30-minute link', async () => {
      const { startAndGetToken, post, advance } = setup()
      const token = await startAndGetToken()
      advance(30 * 60_000)
      expect(errorType(await post(RESET, { token, password: NEW_PASSWORD }))).toBe(
        'unable_to_auth_password_reset_token',
      )
    })

    it.each([
      ['7 ASCII characters', 'abcdefg', 'weak_password'],
      ['7 code points that are 14 UTF-16 units', '😀😀😀😀😀😀😀', 'weak_password'],
      ['an empty password', '', 'weak_password'],
      ['a breached password', 'password', 'breached_password'],
      ['a breached password in other case', 'QWERTYUI', 'breached_password'],
      ['another breached password', '12345678', 'breached_password'],
    ])('rejects %s and keeps the token', async (_name, password, type) => {
      const { startAndGetToken, post } = setup()
      const token = await startAndGetToken()
      const response = await post(RESET, { token, password })
      expect(response.status).toBe(400)
      expect(errorType(response)).toBe(type)
      expect((await post(RESET, { token, password: NEW_PASSWORD })).status).toBe(200)
    })

    it('accepts 8 code points even when they are astral', async () => {
      const { startAndGetToken, post } = setup()
      const token = await startAndGetToken()
      expect((await post(RESET, { token, password: '😀😀😀😀😀😀😀😀' })).status).toBe(200)
    })

    it.each([
      ['a missing token', { password: NEW_PASSWORD }],
      ['a missing password', { token: 'abc' }],
      ['a numeric verifier', { token: 'abc', password: NEW_PASSWORD, code_verifier: 42 }],
    ])('answers 400 bad_request for %s', async (_name, body) => {
      const { post } = setup()
      const response = await post(RESET, body)
      expect(response.status).toBe(400)
      expect(errorType(response)).toBe('bad_request')
    })

    it('answers 400 bad_request for a body that is not a JSON object', async () => {
      const { post } = setup()
      for (const body of [undefined, null, 'token=abc', ['abc']]) {
        expect(errorType(await post(RESET, body))).toBe('bad_request')
      }
    })
  })

  describe('password authenticate', () => {
    it('works with the new password and not the old one after a reset', async () => {
      const { startAndGetToken, post } = setup()
      const before = await post(AUTHENTICATE, { email: 'ada@example.com', password: 'correct horse battery' })
      expect(before.status).toBe(200)

      const token = await startAndGetToken({ code_challenge: RFC_CHALLENGE })
      expect((await post(RESET, { token, password: NEW_PASSWORD, code_verifier: RFC_VERIFIER })).status).toBe(200)

      const old = await post(AUTHENTICATE, { email: 'ada@example.com', password: 'correct horse battery' })
      expect(old.status).toBe(401)
      expect(errorType(old)).toBe('unauthorized_credentials')
      const fresh = await post(AUTHENTICATE, { email: 'ada@example.com', password: NEW_PASSWORD })
      expect(fresh.status).toBe(200)
      expect(data(fresh).user_id).toBe(data(before).user_id)
    })

    it('answers 404 email_not_found for an unknown email', async () => {
      const { post } = setup()
      const response = await post(AUTHENTICATE, { email: 'nobody@example.com', password: NEW_PASSWORD })
      expect(response.status).toBe(404)
      expect(errorType(response)).toBe('email_not_found')
    })
  })

  describe('state', () => {
    it('seeds the demo users by default', () => {
      const { emulator } = setup()
      expect(emulator.users.map(({ email, password }) => ({ email, password }))).toEqual([
        { email: 'ada@example.com', password: 'correct horse battery' },
        { email: 'grace@example.com', password: 'hopper-1906' },
      ])
    })

    it('takes its users from the options', async () => {
      const { start, emulator } = setup({ users: [{ email: 'linus@example.com', password: 'penguins!' }] })
      expect(emulator.users.map((user) => user.email)).toEqual(['linus@example.com'])
      expect((await start()).status).toBe(404)
      expect((await start({ email: 'linus@example.com' })).status).toBe(200)
    })

    it('hands out copies, so callers cannot change its state', async () => {
      const { start, emulator } = setup()
      await start()
      const outbox = emulator.outbox as unknown as Array<{ to: string }>
      outbox.length = 0
      const users = emulator.users as unknown as Array<{ password: string }>
      if (users[0]) users[0].password = 'tampered'
      expect(emulator.outbox).toHaveLength(1)
      expect(emulator.users[0]?.password).toBe('correct horse battery')
    })

    it('reset() clears outbox, tokens and rate limits and restores seeded passwords', async () => {
      const { startAndGetToken, start, post, emulator } = setup({ rateLimitPerMinute: 2 })
      const token = await startAndGetToken()
      expect((await post(RESET, { token, password: NEW_PASSWORD })).status).toBe(200)
      await start()
      expect((await start()).status).toBe(429)

      emulator.reset()
      expect(emulator.outbox).toEqual([])
      expect(emulator.users[0]?.password).toBe('correct horse battery')
      expect((await start()).status).toBe(200)
      const unused = await startAndGetToken()
      emulator.reset()
      expect(errorType(await post(RESET, { token: unused, password: NEW_PASSWORD }))).toBe(
        'unable_to_auth_password_reset_token',
      )
    })
  })
})
