import { createStackAuthEmulator, DEMO_STACK_AUTH_PROJECT } from '../../demo/emulator'
import type { EmulatorResponse, StackAuthEmulatorOptions } from '../../demo/emulator'

const SEND = '/api/v1/auth/password/send-reset-code'
const CHECK = '/api/v1/auth/password/reset/check-code'
const RESET = '/api/v1/auth/password/reset'
const SIGN_IN = '/api/v1/auth/password/sign-in'
const CALLBACK = 'http://127.0.0.1:5173/reset'
const NEW_PASSWORD = 'a brand new passphrase'

const CLIENT_HEADERS = {
  'Content-Type': 'application/json',
  'X-Stack-Project-Id': DEMO_STACK_AUTH_PROJECT.projectId,
  'X-Stack-Publishable-Client-Key': DEMO_STACK_AUTH_PROJECT.publishableClientKey,
  'X-Stack-Access-Type': 'client',
}

function setup(options: StackAuthEmulatorOptions = {}) {
  let clock = Date.parse('2030-01-01T00:00:00Z')
  const emulator = createStackAuthEmulator({ now: () => clock, ...options })
  const post = (path: string, body: unknown, headers: Record<string, string> = CLIENT_HEADERS) =>
    emulator.handle({ method: 'POST', path, headers, body })
  const send = (body: Record<string, unknown> = {}) =>
    post(SEND, { email: 'ada@example.com', callback_url: CALLBACK, ...body })
  /** Sends a reset code and returns it from the emailed link. */
  const sendAndGetCode = async (body: Record<string, unknown> = {}) => {
    const response = await send(body)
    expect(response.status).toBe(200)
    const link = emulator.outbox[0]?.link
    if (!link) throw new Error('no email was sent')
    const code = new URL(link).searchParams.get('code')
    if (!code) throw new Error('the link has no code')
    return code
  }
  const advance = (ms: number) => {
    clock += ms
  }
  return { emulator, post, send, sendAndGetCode, advance }
}

function errorCode(response: EmulatorResponse): unknown {
  return (response.body as { code?: unknown }).code
}

describe('createStackAuthEmulator', () => {
  describe('project authentication', () => {
    const { 'X-Stack-Access-Type': _type, ...withoutAccessType } = CLIENT_HEADERS
    const { 'X-Stack-Project-Id': _project, ...withoutProject } = CLIENT_HEADERS
    const { 'X-Stack-Publishable-Client-Key': _key, ...withoutKey } = CLIENT_HEADERS

    it.each([
      ['keys but no access type', withoutAccessType, 400, 'PROJECT_KEY_WITHOUT_ACCESS_TYPE', undefined],
      ['no Stack headers at all', { 'Content-Type': 'application/json' }, 400, 'ACCESS_TYPE_REQUIRED', undefined],
      [
        'an unknown access type',
        { ...CLIENT_HEADERS, 'X-Stack-Access-Type': 'browser' },
        400,
        'INVALID_ACCESS_TYPE',
        undefined,
      ],
      ['no project id', withoutProject, 400, 'ACCESS_TYPE_WITHOUT_PROJECT_ID', { request_type: 'client' }],
      ['no publishable key', withoutKey, 401, 'CLIENT_AUTHENTICATION_REQUIRED', undefined],
      [
        'a wrong publishable key',
        { ...CLIENT_HEADERS, 'X-Stack-Publishable-Client-Key': 'pck_wrong' },
        401,
        'INVALID_PUBLISHABLE_CLIENT_KEY',
        { project_id: DEMO_STACK_AUTH_PROJECT.projectId },
      ],
      [
        'an unknown project',
        { ...CLIENT_HEADERS, 'X-Stack-Project-Id': '00000000-0000-4000-8000-000000000000' },
        401,
        'INVALID_PUBLISHABLE_CLIENT_KEY',
        { project_id: '00000000-0000-4000-8000-000000000000' },
      ],
      [
        'server access without a key',
        { ...CLIENT_HEADERS, 'X-Stack-Access-Type': 'server' },
        401,
        'SERVER_AUTHENTICATION_REQUIRED',
        undefined,
      ],
    ])('answers %s with %i %s', async (_name, headers, status, code, details) => {
      const { post, emulator } = setup()
      const response = await post(SEND, { email: 'ada@example.com', callback_url: CALLBACK }, headers)
      expect(response.status).toBe(status)
      expect(response.headers['X-Stack-Known-Error']).toBe(code)
      expect(response.body).toEqual({ code, ...(details ? { details } : {}), error: expect.any(String) })
      expect(emulator.outbox).toHaveLength(0)
    })

    it('matches header names case-insensitively', async () => {
      const { post } = setup()
      const lower = Object.fromEntries(
        Object.entries(CLIENT_HEADERS).map(([name, value]) => [name.toLowerCase(), value]),
      )
      expect((await post(SEND, { email: 'ada@example.com', callback_url: CALLBACK }, lower)).status).toBe(200)
    })

    it('checks the headers before the body', async () => {
      const { post } = setup()
      const response = await post(SEND, { nonsense: true }, { 'Content-Type': 'application/json' })
      expect(errorCode(response)).toBe('ACCESS_TYPE_REQUIRED')
    })
  })

  describe('request bodies', () => {
    it.each([
      ['no Content-Type', { ...CLIENT_HEADERS, 'Content-Type': '' }, 'SCHEMA_ERROR'],
      [
        'text/plain (fetch with a string body and no header)',
        { ...CLIENT_HEADERS, 'Content-Type': 'text/plain;charset=UTF-8' },
        'SCHEMA_ERROR',
      ],
      [
        'a form content type',
        { ...CLIENT_HEADERS, 'Content-Type': 'application/x-www-form-urlencoded' },
        'BODY_PARSING_ERROR',
      ],
    ])('rejects a JSON body sent with %s', async (_name, headers, code) => {
      const { post } = setup()
      const response = await post(SEND, { email: 'ada@example.com', callback_url: CALLBACK }, headers)
      expect(response.status).toBe(400)
      expect(errorCode(response)).toBe(code)
    })

    it('answers BODY_PARSING_ERROR for an application/json request whose body did not parse', async () => {
      const { post } = setup()
      const response = await post(SEND, undefined)
      expect(response.body).toEqual({ code: 'BODY_PARSING_ERROR', error: 'Invalid JSON in request body' })
    })

    it.each([
      ['send-reset-code without email', SEND, { callback_url: CALLBACK }, 'body.email is a required field'],
      [
        'send-reset-code with a malformed email',
        SEND,
        { email: 'ada@', callback_url: CALLBACK },
        'body.email must be a valid email',
      ],
      [
        'send-reset-code without callback_url',
        SEND,
        { email: 'ada@example.com' },
        'body.callback_url is a required field',
      ],
      [
        'send-reset-code with a relative callback_url',
        SEND,
        { email: 'ada@example.com', callback_url: '/reset' },
        'body.callback_url is not a valid URL',
      ],
      [
        'send-reset-code with an unknown field',
        SEND,
        { email: 'ada@example.com', callback_url: CALLBACK, locale: 'fr' },
        'unknown properties: locale',
      ],
      ['check-code with a short code', CHECK, { code: 'abc' }, 'body.code must be exactly 45 characters'],
      ['check-code with a numeric code', CHECK, { code: 42 }, 'body.code must be a `string` type'],
      ['reset without password', RESET, { code: 'a'.repeat(45) }, 'body.password is a required field'],
      [
        'reset with a PKCE verifier',
        RESET,
        { code: 'a'.repeat(45), password: NEW_PASSWORD, code_verifier: 'x' },
        'unknown properties: code_verifier',
      ],
      ['a body that is an array', SEND, ['ada@example.com'], 'body must be a `object` type'],
    ])('answers SCHEMA_ERROR for %s', async (_name, path, body, fragment) => {
      const { post } = setup()
      const response = await post(path, body)
      expect(response.status).toBe(400)
      expect(response.headers['X-Stack-Known-Error']).toBe('SCHEMA_ERROR')
      const { details, error } = response.body as { details: { message: string }; error: string }
      expect(error).toContain(fragment)
      expect(error).toMatch(new RegExp(`^Request validation failed on POST ${path}:`))
      expect(details.message).toBe(error)
    })

    it.each([
      ['an unknown path', 'POST', '/api/v1/auth/password/forgot', 404],
      ['a GET on a known path', 'GET', SEND, 405],
    ])('answers %s with %i', async (_name, method, path, status) => {
      const { emulator } = setup()
      const response = await emulator.handle({ method, path, headers: CLIENT_HEADERS, body: {} })
      expect(response.status).toBe(status)
    })
  })

  describe('send-reset-code', () => {
    it('answers Stack’s "maybe" and emails callback_url with a 45-character code', async () => {
      const { send, emulator } = setup()
      const response = await send({ callback_url: `${CALLBACK}?backend=stack-auth&code=stale#top` })
      expect(response.status).toBe(200)
      expect(response.body).toEqual({ success: 'maybe, only if user with e-mail exists' })
      expect(emulator.outbox).toHaveLength(1)
      const [email] = emulator.outbox
      expect(email).toMatchObject({
        backend: 'stack-auth',
        to: 'ada@example.com',
        subject: `Reset your password at ${DEMO_STACK_AUTH_PROJECT.displayName}`,
        locale: 'en',
        createdAt: '2030-01-01T00:00:00.000Z',
      })
      const link = new URL(email?.link ?? '')
      expect(link.origin + link.pathname).toBe(CALLBACK)
      expect(link.hash).toBe('#top')
      expect(link.searchParams.get('backend')).toBe('stack-auth')
      expect(link.searchParams.getAll('code')).toHaveLength(1)
      expect(link.searchParams.get('code')).toMatch(/^[0-9a-hjkmnp-tv-z]{45}$/)
    })

    it('answers the same "maybe" for an unknown email and sends nothing', async () => {
      const { send, emulator } = setup()
      const response = await send({ email: 'nobody@example.com' })
      expect(response.status).toBe(200)
      expect(response.body).toEqual({ success: 'maybe, only if user with e-mail exists' })
      expect(emulator.outbox).toHaveLength(0)
    })

    it('matches emails case-insensitively', async () => {
      const { send, emulator } = setup()
      await send({ email: 'ADA@Example.com' })
      expect(emulator.outbox[0]?.to).toBe('ada@example.com')
    })

    it.each([
      ['another host', 'https://evil.example/reset'],
      ['a javascript: URL', 'javascript:alert(1)'],
      ['credentials in the URL', 'http://user:pass@127.0.0.1:5173/reset'],
    ])('answers 400 REDIRECT_URL_NOT_WHITELISTED for %s', async (_name, callback) => {
      const { send, emulator } = setup()
      const response = await send({ callback_url: callback })
      expect(response.status).toBe(400)
      expect(response.headers['X-Stack-Known-Error']).toBe('REDIRECT_URL_NOT_WHITELISTED')
      expect(response.body).toEqual({
        code: 'REDIRECT_URL_NOT_WHITELISTED',
        error: expect.stringMatching(/trusted domains/),
      })
      expect(emulator.outbox).toHaveLength(0)
    })

    it('does not check callback_url for an unknown email, as Stack does', async () => {
      const { send } = setup()
      const response = await send({ email: 'nobody@example.com', callback_url: 'https://evil.example/reset' })
      expect(response.status).toBe(200)
    })

    it('only allows the configured trusted domains when given', async () => {
      const { send } = setup({ allowedRedirectOrigins: ['https://app.example.com'] })
      expect((await send({ callback_url: 'https://app.example.com/reset' })).status).toBe(200)
      expect(errorCode(await send())).toBe('REDIRECT_URL_NOT_WHITELISTED')
    })
  })

  describe('check-code', () => {
    it('answers { is_code_valid: true } without spending the code', async () => {
      const { sendAndGetCode, post } = setup()
      const code = await sendAndGetCode()
      for (let i = 0; i < 3; i++) {
        const response = await post(CHECK, { code })
        expect(response.status).toBe(200)
        expect(response.body).toEqual({ is_code_valid: true })
      }
      expect((await post(RESET, { code, password: NEW_PASSWORD })).status).toBe(200)
    })

    it('accepts the code in upper case', async () => {
      const { sendAndGetCode, post } = setup()
      const code = await sendAndGetCode()
      expect((await post(CHECK, { code: code.toUpperCase() })).status).toBe(200)
    })

    it('answers 404 VERIFICATION_CODE_NOT_FOUND for an unknown code', async () => {
      const { post } = setup()
      const response = await post(CHECK, { code: 'x'.repeat(45) })
      expect(response.status).toBe(404)
      expect(response.headers['X-Stack-Known-Error']).toBe('VERIFICATION_CODE_NOT_FOUND')
      expect(response.body).toEqual({ code: 'VERIFICATION_CODE_NOT_FOUND', error: expect.any(String) })
    })
  })

  describe('reset', () => {
    it('changes the password and spends the code', async () => {
      const { sendAndGetCode, post, emulator } = setup()
      const code = await sendAndGetCode()
      const done = await post(RESET, { code, password: NEW_PASSWORD })
      expect(done.status).toBe(200)
      expect(done.body).toEqual({ success: true })
      expect(emulator.users[0]?.password).toBe(NEW_PASSWORD)

      const check = await post(CHECK, { code })
      expect(check.status).toBe(409)
      expect(check.body).toEqual({
        code: 'VERIFICATION_CODE_ALREADY_USED',
        error: 'The verification link has already been used.',
      })
      const again = await post(RESET, { code, password: 'yet another passphrase' })
      expect(again.status).toBe(409)
      expect(errorCode(again)).toBe('VERIFICATION_CODE_ALREADY_USED')
    })

    it.each([
      ['7 characters', 'abcdefg', 'PASSWORD_TOO_SHORT', { min_length: 8 }],
      ['an empty password', '', 'PASSWORD_TOO_SHORT', { min_length: 8 }],
    ])('rejects %s with 400 %s and spends the code, as Stack does', async (_name, password, code, details) => {
      const { sendAndGetCode, post } = setup()
      const link = await sendAndGetCode()
      const response = await post(RESET, { code: link, password })
      expect(response.status).toBe(400)
      expect(response.headers['X-Stack-Known-Error']).toBe(code)
      expect(response.body).toEqual({ code, details, error: expect.any(String) })
      expect(errorCode(await post(RESET, { code: link, password: NEW_PASSWORD }))).toBe(
        'VERIFICATION_CODE_ALREADY_USED',
      )
    })

    it.each([
      ['71 characters', 'a'.repeat(71)],
      ['36 emoji (72 UTF-16 units: Stack counts units)', '😀'.repeat(36)],
    ])(
      'refuses %s with a SCHEMA_ERROR on body.password before looking at the code, which stays usable',
      async (_name, password) => {
        // Stack's passwordSchema is yupString().max(70): the request schema fails before the handler
        // looks the code up, so the attempt is not counted and the link is not spent.
        const { sendAndGetCode, post } = setup()
        const code = await sendAndGetCode()
        const response = await post(RESET, { code, password })
        expect(response.status).toBe(400)
        expect(response.headers['X-Stack-Known-Error']).toBe('SCHEMA_ERROR')
        expect((response.body as { error: string }).error).toContain('body.password must be at most 70 characters')
        expect((await post(RESET, { code, password: NEW_PASSWORD })).status).toBe(200)
      },
    )

    it.each([
      ['8 characters', 'abcdefgh'],
      ['70 characters', 'a'.repeat(70)],
      ['4 emoji (8 UTF-16 units: Stack counts units, not code points)', '😀'.repeat(4)],
    ])('accepts %s', async (_name, password) => {
      const { sendAndGetCode, post } = setup()
      const code = await sendAndGetCode()
      expect((await post(RESET, { code, password })).status).toBe(200)
    })
  })

  describe('expiry and attempts', () => {
    it('keeps a code for 7 days, then answers VERIFICATION_CODE_EXPIRED', async () => {
      const { sendAndGetCode, post, advance } = setup()
      const code = await sendAndGetCode()
      advance(7 * 24 * 60 * 60 * 1000)
      expect((await post(CHECK, { code })).status).toBe(200)
      advance(1)
      const expired = await post(CHECK, { code })
      expect(expired.status).toBe(400)
      expect(expired.body).toEqual({ code: 'VERIFICATION_CODE_EXPIRED', error: 'The verification code has expired.' })
      expect(errorCode(await post(RESET, { code, password: NEW_PASSWORD }))).toBe('VERIFICATION_CODE_EXPIRED')
    })

    it('reports expired before already used, in Stack’s order', async () => {
      const { sendAndGetCode, post, advance } = setup({ codeLifetimeMs: 60_000 })
      const code = await sendAndGetCode()
      expect((await post(RESET, { code, password: NEW_PASSWORD })).status).toBe(200)
      advance(60_001)
      expect(errorCode(await post(CHECK, { code }))).toBe('VERIFICATION_CODE_EXPIRED')
    })

    it('refuses a code after 20 attempts', async () => {
      const { sendAndGetCode, post } = setup()
      const code = await sendAndGetCode()
      for (let i = 0; i < 20; i++) expect((await post(CHECK, { code })).status).toBe(200)
      const capped = await post(CHECK, { code })
      expect(capped.status).toBe(400)
      expect(errorCode(capped)).toBe('VERIFICATION_CODE_MAX_ATTEMPTS_REACHED')
    })
  })

  describe('sign-in', () => {
    it('works with the new password and not the old one after a reset', async () => {
      const { sendAndGetCode, post } = setup()
      const before = await post(SIGN_IN, { email: 'ada@example.com', password: 'correct horse battery' })
      expect(before.status).toBe(200)
      expect(before.body).toEqual({
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        user_id: expect.any(String),
      })

      const code = await sendAndGetCode()
      expect((await post(RESET, { code, password: NEW_PASSWORD })).status).toBe(200)

      const old = await post(SIGN_IN, { email: 'ada@example.com', password: 'correct horse battery' })
      expect(old.status).toBe(400)
      expect(old.body).toEqual({ code: 'EMAIL_PASSWORD_MISMATCH', error: 'Wrong e-mail or password.' })
      const fresh = await post(SIGN_IN, { email: 'ada@example.com', password: NEW_PASSWORD })
      expect((fresh.body as { user_id: string }).user_id).toBe((before.body as { user_id: string }).user_id)
    })

    it('answers EMAIL_PASSWORD_MISMATCH for an unknown email too', async () => {
      const { post } = setup()
      expect(errorCode(await post(SIGN_IN, { email: 'nobody@example.com', password: NEW_PASSWORD }))).toBe(
        'EMAIL_PASSWORD_MISMATCH',
      )
    })
  })

  describe('state', () => {
    it('reset() forgets emails and codes and restores seeded passwords', async () => {
      const { sendAndGetCode, post, emulator } = setup()
      const used = await sendAndGetCode()
      expect((await post(RESET, { code: used, password: NEW_PASSWORD })).status).toBe(200)
      const unused = await sendAndGetCode()
      emulator.reset()
      expect(emulator.outbox).toEqual([])
      expect(emulator.users[0]?.password).toBe('correct horse battery')
      expect(errorCode(await post(CHECK, { code: unused }))).toBe('VERIFICATION_CODE_NOT_FOUND')
    })

    it('takes its users and projects from the options', async () => {
      const project = { projectId: 'p-1', publishableClientKey: 'pck_1', displayName: 'Acme' }
      const { post, emulator } = setup({
        users: [{ email: 'linus@example.com', password: 'penguins!' }],
        projects: [project],
      })
      const headers = {
        'Content-Type': 'application/json',
        'X-Stack-Project-Id': 'p-1',
        'X-Stack-Publishable-Client-Key': 'pck_1',
        'X-Stack-Access-Type': 'client',
      }
      expect((await post(SEND, { email: 'linus@example.com', callback_url: CALLBACK }, headers)).status).toBe(200)
      expect(emulator.outbox[0]?.subject).toBe('Reset your password at Acme')
      expect(errorCode(await post(SEND, { email: 'linus@example.com', callback_url: CALLBACK }))).toBe(
        'INVALID_PUBLISHABLE_CLIENT_KEY',
      )
    })
  })
})
