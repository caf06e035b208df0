import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { ResetError, type ResetErrorCode, type ResetErrorField } from '../../src/core/ResetError'
import { createStackAuthAdapter, mapStackAuthError, STACK_AUTH_PASSWORD_LENGTH } from '../../src/adapters/stack-auth'
import type { StackAuthAdapterOptions } from '../../src/adapters/stack-auth'
import * as fixtures from './fixtures/stackAuth'
import type { StackAuthFixture } from './fixtures/stackAuth'

const PROJECT_ID = 'e0b52f4d-dece-408c-af49-d23061bb0f8d'
const KEY = 'pck_8qvm27g0x9fctfksbnpsq9278cbx4fbg16bx4q4mkvz78'
const OPTIONS: StackAuthAdapterOptions = { projectId: PROJECT_ID, publishableClientKey: KEY }

const START = 'https://api.stack-auth.com/api/v1/auth/password/send-reset-code'
const CHECK = 'https://api.stack-auth.com/api/v1/auth/password/reset/check-code'
const COMPLETE = 'https://api.stack-auth.com/api/v1/auth/password/reset'
const URL_OF = { start: START, check: CHECK, complete: COMPLETE } as const

// Stack codes are 45 lowercase letters and digits (generateSecureRandomString).
const CODE = 'u3h6gn4w24pqc8ya679inrhjwh1rybth6a7thurqhnpf2'

interface Captured {
  method: string
  url: string
  headers: Record<string, string>
  bodyText: string
  cache: RequestCache
  referrerPolicy: ReferrerPolicy
  credentials: RequestCredentials
}

const requests: Captured[] = []
const server = setupServer()

server.events.on('request:start', ({ request }) => {
  const copy = request.clone()
  const entry: Captured = {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(request.headers.entries()),
    bodyText: '',
    cache: request.cache,
    referrerPolicy: request.referrerPolicy,
    credentials: request.credentials,
  }
  requests.push(entry)
  void copy.text().then((text) => {
    entry.bodyText = text
  })
})

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  server.resetHandlers()
  requests.length = 0
})
afterAll(() => server.close())

function respondOk() {
  server.use(
    http.post(START, () => HttpResponse.json(fixtures.sendResetCodeOk)),
    http.post(CHECK, () => HttpResponse.json(fixtures.checkCodeOk)),
    // Stack's reset answers with the "success" body type, which is empty.
    http.post(COMPLETE, () => new HttpResponse(null, { status: 200 })),
  )
}

function respondWith(url: string, fixture: StackAuthFixture) {
  server.use(
    http.post(url, () => HttpResponse.json(fixture.body, { status: fixture.status, headers: fixture.headers })),
  )
}

async function bodyOf(index = 0): Promise<Record<string, unknown>> {
  // The body is read asynchronously from a clone; give it a turn to settle.
  await vi.waitFor(() => expect(requests[index]?.bodyText).not.toBe(''))
  return JSON.parse(requests[index]!.bodyText) as Record<string, unknown>
}

function startInput(overrides: Partial<Parameters<ReturnType<typeof createStackAuthAdapter>['startReset']>[0]> = {}) {
  return {
    email: "o'brien+tag@sub.example.co.uk",
    redirectUrl: 'https://app.example.com/reset-password',
    locale: 'en',
    signal: new AbortController().signal,
    ...overrides,
  }
}

function checkInput() {
  return { token: CODE, signal: new AbortController().signal }
}

function completeInput(
  overrides: Partial<Parameters<ReturnType<typeof createStackAuthAdapter>['completeReset']>[0]> = {},
) {
  return {
    token: CODE,
    password: '  correct horse battery staple 🐴  ',
    signal: new AbortController().signal,
    ...overrides,
  }
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

function run(step: 'start' | 'check' | 'complete', adapter = createStackAuthAdapter(OPTIONS)): Promise<void> {
  if (step === 'start') return adapter.startReset(startInput())
  if (step === 'check') return adapter.checkToken!(checkInput())
  return adapter.completeReset(completeInput())
}

describe('createStackAuthAdapter', () => {
  describe('shape', () => {
    it('is a non-PKCE adapter named "stack-auth" that reads ?code and can check it', () => {
      const adapter = createStackAuthAdapter(OPTIONS)
      expect(adapter.id).toBe('stack-auth')
      expect(adapter.pkce).toBe(false)
      expect(adapter.tokenParams).toEqual(['code'])
      expect(adapter.checkToken).toBeTypeOf('function')
      expect(adapter.validateCallbackParams).toBeUndefined()
    })

    it("gives the page Stack Auth's fixed password limits, 8 to 70", () => {
      expect(createStackAuthAdapter(OPTIONS)).toMatchObject({ minPasswordLength: 8, maxPasswordLength: 70 })
    })

    it('takes another id for a second project on the same origin', () => {
      expect(createStackAuthAdapter({ ...OPTIONS, id: 'stack-eu' }).id).toBe('stack-eu')
    })
  })

  describe('start', () => {
    it('posts exactly { email, callback_url } to send-reset-code with the client headers', async () => {
      respondOk()
      await createStackAuthAdapter(OPTIONS).startReset(startInput())

      expect(requests).toHaveLength(1)
      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(START)
      expect(request.headers['x-stack-project-id']).toBe(PROJECT_ID)
      expect(request.headers['x-stack-publishable-client-key']).toBe(KEY)
      expect(request.headers['x-stack-access-type']).toBe('client')
      expect(request.headers['content-type']).toBe('application/json')
      expect(request.headers.accept).toBe('application/json')
      expect(await bodyOf()).toStrictEqual({
        email: "o'brien+tag@sub.example.co.uk",
        callback_url: 'https://app.example.com/reset-password',
      })
    })

    it('sends no cookies, bypasses the cache and sends an origin-only referrer', async () => {
      respondOk()
      await createStackAuthAdapter(OPTIONS).startReset(startInput())
      expect(requests[0]).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'strict-origin' })
    })

    it('resolves on Stack\'s 200 "maybe", which it answers for unknown addresses too', async () => {
      respondOk()
      await expect(createStackAuthAdapter(OPTIONS).startReset(startInput())).resolves.toBeUndefined()
    })

    it('never sends a PKCE challenge, even if one is passed', async () => {
      respondOk()
      await createStackAuthAdapter(OPTIONS).startReset(
        startInput({ codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }),
      )
      expect(Object.keys(await bodyOf()).sort()).toEqual(['callback_url', 'email'])
    })

    it('calls baseUrl instead, such as a self-hosted server, ignoring a trailing slash', async () => {
      server.use(http.post('http://127.0.0.1:8102/api/v1/auth/password/send-reset-code', () => HttpResponse.json({})))
      await createStackAuthAdapter({ ...OPTIONS, projectId: 'internal', baseUrl: 'http://127.0.0.1:8102/' }).startReset(
        startInput(),
      )
      expect(requests[0]!.url).toBe('http://127.0.0.1:8102/api/v1/auth/password/send-reset-code')
      expect(requests[0]!.headers['x-stack-project-id']).toBe('internal')
    })
  })

  describe('checkToken', () => {
    it('posts exactly { code } to reset/check-code and resolves on { is_code_valid: true }', async () => {
      respondOk()
      await expect(createStackAuthAdapter(OPTIONS).checkToken!(checkInput())).resolves.toBeUndefined()

      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(CHECK)
      expect(request.headers['x-stack-access-type']).toBe('client')
      expect(request).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'strict-origin' })
      expect(await bodyOf()).toStrictEqual({ code: CODE })
    })

    it('refuses a 200 that says the code is not valid', async () => {
      server.use(http.post(CHECK, () => HttpResponse.json({ is_code_valid: false })))
      const error = await rejection(createStackAuthAdapter(OPTIONS).checkToken!(checkInput()))
      expect(error.code).toBe('token_invalid')
      expect(error.cause).toEqual({ is_code_valid: false })
    })

    it.each([
      ['no body', () => new HttpResponse(null, { status: 200 })],
      ['a JSON null', () => HttpResponse.json(null)],
    ])('resolves on a 200 with %s: only is_code_valid: false refuses', async (_name, answer) => {
      server.use(http.post(CHECK, answer))
      await expect(createStackAuthAdapter(OPTIONS).checkToken!(checkInput())).resolves.toBeUndefined()
    })
  })

  describe('complete', () => {
    it('posts exactly { code, password } to reset, the password as typed', async () => {
      respondOk()
      await createStackAuthAdapter(OPTIONS).completeReset(completeInput())

      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(COMPLETE)
      expect(request.headers['x-stack-publishable-client-key']).toBe(KEY)
      expect(request).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'strict-origin' })
      expect(await bodyOf()).toStrictEqual({ code: CODE, password: '  correct horse battery staple 🐴  ' })
      expect(request.url).not.toContain(CODE)
    })

    it.each([
      ['7 characters', 'a'.repeat(7), 'password_too_short', { minLength: 8 }],
      ['71 characters', 'a'.repeat(71), 'password_too_long', { maxLength: 70 }],
      // 80 UTF-16 units, as Stack counts, but 40 characters, as the page and the user count: "at
      // most 70 characters" would be false, so no number (maxLength 0, as Better Auth's adapter).
      ['40 emoji', '🐴'.repeat(40), 'password_too_long', { maxLength: 0 }],
      ['71 emoji', '🐴'.repeat(71), 'password_too_long', { maxLength: 70 }],
    ] as const)(
      'refuses %s itself, because Stack would spend the code first',
      async (_name, password, code, details) => {
        const error = await rejection(createStackAuthAdapter(OPTIONS).completeReset(completeInput({ password })))
        expect(error.code).toBe(code)
        expect(error.field).toBe('password')
        expect(error.details).toEqual(details)
        expect(requests).toHaveLength(0)
      },
    )

    it.each([
      ['8 characters', 'a'.repeat(8)],
      ['70 characters', 'a'.repeat(70)],
      ['4 emoji (8 UTF-16 units, as Stack counts)', '🐴🐴🐴🐴'],
    ])('sends %s', async (_name, password) => {
      respondOk()
      await createStackAuthAdapter(OPTIONS).completeReset(completeInput({ password }))
      expect((await bodyOf()).password).toBe(password)
    })

    it('publishes the limits it enforces', () => {
      expect(STACK_AUTH_PASSWORD_LENGTH).toEqual({ min: 8, max: 70 })
    })
  })

  describe('configuration mistakes throw a TypeError at once', () => {
    it('no options object', () => {
      expect(() => createStackAuthAdapter(null as never)).toThrow('needs an options object')
      expect(() => createStackAuthAdapter(undefined as never)).toThrow('needs an options object')
    })

    it.each([undefined, '', 'has space', 42])('projectId %j', (projectId) => {
      expect(() => createStackAuthAdapter({ ...OPTIONS, projectId: projectId as string })).toThrow(
        /`projectId` must be the project ID from the Stack Auth dashboard/,
      )
    })

    it.each([undefined, '', 'pck with space'])('publishableClientKey %j', (publishableClientKey) => {
      expect(() =>
        createStackAuthAdapter({ ...OPTIONS, publishableClientKey: publishableClientKey as string }),
      ).toThrow(/`publishableClientKey` must be the publishable client key .* starts with "pck_"/)
    })

    it.each([
      'ssk_ybf9jaatn19pgscve0syd1sttmvnkj5ct80mq01thnsp0',
      'sak_3p4pvs6k8mc3j7efyg6x28v5csv3knc1sreme2cd93b58',
      'this-secret-server-key-is-for-local-development-only',
    ])('a secret key given as the publishable key, without repeating it (%#)', (secret) => {
      let thrown: unknown
      try {
        createStackAuthAdapter({ ...OPTIONS, publishableClientKey: secret })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(TypeError)
      expect((thrown as TypeError).message).toMatch(/looks like a Stack Auth secret server key or admin key/)
      expect((thrown as TypeError).message).not.toContain(secret)
    })

    it("accepts Stack's local development key, which has no pck_ prefix", () => {
      expect(() =>
        createStackAuthAdapter({
          projectId: 'internal',
          publishableClientKey: 'this-publishable-client-key-is-for-local-development-only',
          baseUrl: 'http://localhost:8102',
        }),
      ).not.toThrow()
    })

    it.each(['/api/stack', 'ftp://api.stack-auth.com', 'api.stack-auth.com'])(
      'a relative or non-http baseUrl %j',
      (baseUrl) => {
        expect(() => createStackAuthAdapter({ ...OPTIONS, baseUrl })).toThrow(
          '`baseUrl` must be an absolute http(s) URL',
        )
      },
    )

    it('a baseUrl that already ends with /api/v1', () => {
      expect(() => createStackAuthAdapter({ ...OPTIONS, baseUrl: 'https://api.stack-auth.com/api/v1/' })).toThrow(
        'remove the trailing "/api/v…"',
      )
    })

    it('an empty id, or a timeoutMs that is not a positive number', () => {
      expect(() => createStackAuthAdapter({ ...OPTIONS, id: '' })).toThrow(
        '`id` must be a non-empty string naming the backend, such as "stack-auth"',
      )
      expect(() => createStackAuthAdapter({ ...OPTIONS, timeoutMs: 0 })).toThrow('`timeoutMs` must be')
    })
  })

  describe('recorded Stack Auth errors', () => {
    it.each<[string, StackAuthFixture, 'start' | 'check' | 'complete', ResetErrorCode, ResetErrorField | undefined]>([
      ['VERIFICATION_CODE_NOT_FOUND', fixtures.verificationCodeNotFound, 'check', 'token_invalid', undefined],
      ['VERIFICATION_CODE_NOT_FOUND', fixtures.verificationCodeNotFound, 'complete', 'token_invalid', undefined],
      ['VERIFICATION_CODE_EXPIRED', fixtures.verificationCodeExpired, 'check', 'token_expired', undefined],
      ['VERIFICATION_CODE_EXPIRED', fixtures.verificationCodeExpired, 'complete', 'token_expired', undefined],
      ['VERIFICATION_CODE_ALREADY_USED', fixtures.verificationCodeAlreadyUsed, 'check', 'token_used', undefined],
      ['VERIFICATION_CODE_ALREADY_USED', fixtures.verificationCodeAlreadyUsed, 'complete', 'token_used', undefined],
      [
        'VERIFICATION_CODE_MAX_ATTEMPTS_REACHED',
        fixtures.verificationCodeMaxAttemptsReached,
        'check',
        'token_invalid',
        undefined,
      ],
      ['SCHEMA_ERROR on the code', fixtures.schemaErrorCode, 'check', 'token_invalid', undefined],
      ['PASSWORD_TOO_SHORT', fixtures.passwordTooShort, 'complete', 'password_too_short', 'password'],
      ['PASSWORD_TOO_LONG', fixtures.passwordTooLong, 'complete', 'password_too_long', 'password'],
      ['SCHEMA_ERROR on the password', fixtures.schemaErrorPassword, 'complete', 'password_too_long', 'password'],
      ['USER_NOT_FOUND at completion', fixtures.userNotFound, 'complete', 'token_invalid', undefined],
      ['SCHEMA_ERROR on the email', fixtures.schemaErrorEmail, 'start', 'invalid_email', 'email'],
      ['SCHEMA_ERROR on the callback_url', fixtures.schemaErrorCallbackUrl, 'start', 'redirect_not_allowed', undefined],
      ['REDIRECT_URL_NOT_WHITELISTED', fixtures.redirectUrlNotWhitelisted, 'start', 'redirect_not_allowed', undefined],
      [
        'PASSWORD_AUTHENTICATION_NOT_ENABLED',
        fixtures.passwordAuthenticationNotEnabled,
        'start',
        'misconfigured',
        undefined,
      ],
      [
        'PASSWORD_AUTHENTICATION_NOT_ENABLED',
        fixtures.passwordAuthenticationNotEnabled,
        'complete',
        'misconfigured',
        undefined,
      ],
      ['INVALID_PUBLISHABLE_CLIENT_KEY', fixtures.invalidPublishableClientKey, 'start', 'misconfigured', undefined],
      ['INVALID_PUBLISHABLE_CLIENT_KEY', fixtures.invalidPublishableClientKey, 'check', 'misconfigured', undefined],
      ['CURRENT_PROJECT_NOT_FOUND', fixtures.currentProjectNotFound, 'start', 'misconfigured', undefined],
    ])('%s on %s → %s', async (_name, fixture, step, code, field) => {
      respondWith(URL_OF[step], fixture)
      const error = await rejection(run(step))

      expect(error.code).toBe(code)
      expect(error.field).toBe(field)
      expect(error.message).toBe(code)
      expect(error.cause).toEqual(fixture.body)
      expect(JSON.stringify({ ...error, message: error.message, cause: undefined })).not.toContain(fixture.body.error)
    })

    it("quotes Stack's limits: min_length from PASSWORD_TOO_SHORT, maxLength from PASSWORD_TOO_LONG", async () => {
      respondWith(COMPLETE, {
        ...fixtures.passwordTooShort,
        body: { ...fixtures.passwordTooShort.body, details: { min_length: 10 } },
      })
      expect((await rejection(run('complete'))).details).toEqual({ minLength: 10 })
      respondWith(COMPLETE, fixtures.passwordTooLong)
      expect((await rejection(run('complete'))).details).toEqual({ maxLength: 70 })
      respondWith(COMPLETE, {
        ...fixtures.passwordTooLong,
        body: { ...fixtures.passwordTooLong.body, details: { max_length: 64 } },
      })
      expect((await rejection(run('complete'))).details).toEqual({ maxLength: 64 })
    })

    it.each([
      ['USER_NOT_FOUND', fixtures.userNotFound],
      [
        'EMAIL_NOT_ASSOCIATED_WITH_USER',
        {
          ...fixtures.userNotFound,
          body: {
            code: 'EMAIL_NOT_ASSOCIATED_WITH_USER',
            error: 'The e-mail is not associated with a user that could log in with that e-mail.',
          },
        },
      ],
    ])('%s on start resolves like a sent email', async (_name, fixture) => {
      respondWith(START, fixture)
      await expect(run('start')).resolves.toBeUndefined()
    })

    it('passes on the Retry-After of a 429 in seconds', async () => {
      server.use(http.post(START, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } })))
      const error = await rejection(run('start'))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBe(30)
    })

    it('passes on an X-Retry-After too, and a 429 with neither header has no wait', async () => {
      server.use(
        http.post(CHECK, () => new HttpResponse('slow down', { status: 429, headers: { 'X-Retry-After': '12' } })),
      )
      expect((await rejection(run('check'))).retryAfterSeconds).toBe(12)
      server.use(http.post(CHECK, () => new HttpResponse('slow down', { status: 429 })))
      const error = await rejection(run('check'))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBeUndefined()
    })

    it('turns a 502 HTML page into server, keeping none of the HTML', async () => {
      const html = '<html><body><h1>502 Bad Gateway</h1><script>alert("x")</script></body></html>'
      server.use(
        http.post(COMPLETE, () => new HttpResponse(html, { status: 502, headers: { 'Content-Type': 'text/html' } })),
      )
      const error = await rejection(run('complete'))
      expect(error.code).toBe('server')
      expect(error.cause).toBeUndefined()
      const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack })
      expect(everything).not.toContain('Bad Gateway')
      expect(everything).not.toContain('<script>')
    })

    it('turns a 404 without a Stack body (a wrong baseUrl) into misconfigured, never the neutral result', async () => {
      server.use(http.post(START, () => new HttpResponse('<html>Not Found</html>', { status: 404 })))
      expect((await rejection(run('start'))).code).toBe('misconfigured')
    })

    it('turns a code it does not know into unknown, or server for a 5xx', async () => {
      const unknownCode = { code: 'BRAND_NEW_ERROR', error: 'Something new.' }
      server.use(http.post(COMPLETE, () => HttpResponse.json(unknownCode, { status: 400 })))
      expect((await rejection(run('complete'))).code).toBe('unknown')
      server.use(http.post(COMPLETE, () => HttpResponse.json(unknownCode, { status: 500 })))
      expect((await rejection(run('complete'))).code).toBe('server')
    })

    it('R4: a code named like an Object.prototype member is unknown too, never a ResetError without a code', async () => {
      for (const code of ['constructor', 'toString', '__proto__']) {
        server.use(http.post(START, () => HttpResponse.json({ code, error: 'x' }, { status: 400 })))
        expect((await rejection(run('start'))).code).toBe('unknown')
      }
    })
  })

  describe('mapStackAuthError, every code it knows', () => {
    // The whole table, written out: how the adapter stores it may change, what it maps may not.
    const TABLE: Array<[ResetErrorCode, string[]]> = [
      ['token_expired', ['VERIFICATION_CODE_EXPIRED']],
      ['token_used', ['VERIFICATION_CODE_ALREADY_USED']],
      [
        'token_invalid',
        ['VERIFICATION_CODE_NOT_FOUND', 'VERIFICATION_CODE_MAX_ATTEMPTS_REACHED', 'VERIFICATION_ERROR'],
      ],
      ['password_weak', ['PASSWORD_REQUIREMENTS_NOT_MET']],
      ['redirect_not_allowed', ['REDIRECT_URL_NOT_WHITELISTED']],
      [
        'misconfigured',
        [
          'PASSWORD_AUTHENTICATION_NOT_ENABLED',
          'PROJECT_AUTHENTICATION_ERROR',
          'INVALID_PROJECT_AUTHENTICATION',
          'PROJECT_KEY_WITHOUT_ACCESS_TYPE',
          'INVALID_ACCESS_TYPE',
          'ACCESS_TYPE_WITHOUT_PROJECT_ID',
          'ACCESS_TYPE_REQUIRED',
          'INSUFFICIENT_ACCESS_TYPE',
          'INVALID_PUBLISHABLE_CLIENT_KEY',
          'PROJECT_AUTHENTICATION_REQUIRED',
          'CLIENT_AUTHENTICATION_REQUIRED',
          'PROJECT_NOT_FOUND',
          'CURRENT_PROJECT_NOT_FOUND',
          'BRANCH_DOES_NOT_EXIST',
          'BODY_PARSING_ERROR',
          'API_KEY_NOT_VALID',
          'API_KEY_EXPIRED',
          'API_KEY_REVOKED',
          'API_KEY_NOT_FOUND',
        ],
      ],
    ]
    const rows = TABLE.flatMap(([code, names]) => names.map((name) => [name, code] as const))

    it.each(rows)('%s → %s, at every step and whatever the status', (name, code) => {
      const body = { code: name, error: 'x' }
      for (const status of [400, 401, 403, 404, 500]) {
        for (const step of ['start', 'check', 'complete'] as const) {
          const error = mapStackAuthError({ status, ok: false, body, retryAfterSeconds: 30 }, step)
          expect(error).toBeInstanceOf(ResetError)
          expect(error).toMatchObject({ code, retryAfterSeconds: undefined, cause: body })
        }
      }
    })
  })

  describe('mapStackAuthError, beyond its table', () => {
    function response(status: number, body: unknown) {
      return { status, ok: false, body, retryAfterSeconds: 30 }
    }

    it.each([0, -8, 10.5, '12', null, true])("ignores a min_length of %j, quoting Stack's 8 instead", (minLength) => {
      const body = { code: 'PASSWORD_TOO_SHORT', error: 'x', details: { min_length: minLength } }
      expect(mapStackAuthError(response(400, body), 'complete').details).toEqual({ minLength: 8 })
    })

    it('quotes a min_length of 1', () => {
      const body = { code: 'PASSWORD_TOO_SHORT', error: 'x', details: { min_length: 1 } }
      expect(mapStackAuthError(response(400, body), 'complete').details).toEqual({ minLength: 1 })
    })

    it.each([undefined, null, 'min_length: 12'])("quotes Stack's 8 and 70 when details is %j", (details) => {
      const short = mapStackAuthError(response(400, { code: 'PASSWORD_TOO_SHORT', error: 'x', details }), 'complete')
      expect(short.details).toEqual({ minLength: 8 })
      const long = mapStackAuthError(response(400, { code: 'PASSWORD_TOO_LONG', error: 'x', details }), 'complete')
      expect(long.details).toEqual({ maxLength: 70 })
    })

    it.each([
      ['details.message alone', { code: 'SCHEMA_ERROR', details: { message: '- body.email must be a valid email' } }],
      ['error alone', { code: 'SCHEMA_ERROR', error: '- body.email must be a valid email' }],
    ])('reads the field of a SCHEMA_ERROR from %s', (_name, body) => {
      expect(mapStackAuthError(response(400, body), 'start')).toMatchObject({ code: 'invalid_email', cause: body })
    })

    it('maps a SCHEMA_ERROR at start that names neither field to unknown', () => {
      const body = { code: 'SCHEMA_ERROR', error: '- body must be an object' }
      expect(mapStackAuthError(response(400, body), 'start')).toMatchObject({ code: 'unknown', cause: body })
    })

    it('maps a SCHEMA_ERROR on the password to password_too_long quoting 70, and one on the code to token_invalid, at completion', () => {
      expect(mapStackAuthError(response(400, fixtures.schemaErrorPassword.body), 'complete')).toMatchObject({
        code: 'password_too_long',
        details: { maxLength: 70 },
      })
      const code = { code: 'SCHEMA_ERROR', error: '- body.code must be exactly 45 characters' }
      expect(mapStackAuthError(response(400, code), 'complete').code).toBe('token_invalid')
    })

    it.each(['USER_NOT_FOUND', 'VERIFICATION_CODE_EXPIRED', 'PASSWORD_TOO_SHORT'])(
      'maps a 429 to rate_limited with its wait, even when its body names %s',
      (code) => {
        expect(mapStackAuthError(response(429, { code, error: 'x' }), 'start')).toMatchObject({
          code: 'rate_limited',
          retryAfterSeconds: 30,
        })
      },
    )

    it.each([
      ['JSON without a code', { message: 'Not Found' }],
      ['a code that is not a string', { code: 404, error: 'Not Found' }],
      ['a JSON null', null],
    ])('maps a 404 whose body is %s to misconfigured, keeping the body as its cause', (_name, body) => {
      const error = mapStackAuthError(response(404, body), 'start') as ResetError
      expect(error.code).toBe('misconfigured')
      expect(error.cause).toEqual(body)
    })
  })

  describe('transport failures', () => {
    it('reports a network failure as network', async () => {
      server.use(http.post(START, () => HttpResponse.error()))
      expect((await rejection(run('start'))).code).toBe('network')
    })

    it('reports a request slower than timeoutMs as timeout', async () => {
      server.use(
        http.post(CHECK, async () => {
          await delay(1_000)
          return HttpResponse.json(fixtures.checkCodeOk)
        }),
      )
      const error = await rejection(run('check', createStackAuthAdapter({ ...OPTIONS, timeoutMs: 30 })))
      expect(error.code).toBe('timeout')
    })

    it('stops when the caller aborts, rejecting with the abort reason rather than a ResetError', async () => {
      server.use(
        http.post(COMPLETE, async () => {
          await delay(1_000)
          return HttpResponse.json({})
        }),
      )
      const controller = new AbortController()
      const pending = createStackAuthAdapter(OPTIONS).completeReset(completeInput({ signal: controller.signal }))
      setTimeout(() => controller.abort(), 10)
      const reason = await pending.then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(reason).toMatchObject({ name: 'AbortError' })
      expect(reason).not.toBeInstanceOf(ResetError)
    })
  })
})
