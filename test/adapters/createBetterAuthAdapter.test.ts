import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { ResetError, type ResetErrorCode, type ResetErrorField } from '../../src/core/ResetError'
import { createBetterAuthAdapter, mapBetterAuthError } from '../../src/adapters/better-auth'
import type { BetterAuthAdapterOptions } from '../../src/adapters/better-auth'
import * as fixtures from './fixtures/betterAuth'
import type { BetterAuthFixture } from './fixtures/betterAuth'

const OPTIONS: BetterAuthAdapterOptions = { baseUrl: 'https://app.example.com' }
const START = 'https://app.example.com/api/auth/request-password-reset'
const COMPLETE = 'https://app.example.com/api/auth/reset-password'
// Better Auth's reset tokens are generateId(24).
const TOKEN = 'QM8K95iDxq8fpXoTqAyjWi7n'

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
    http.post(START, () => HttpResponse.json(fixtures.requestPasswordResetOk)),
    http.post(COMPLETE, () => HttpResponse.json(fixtures.resetPasswordOk)),
  )
}

function respondWith(url: string, fixture: BetterAuthFixture) {
  server.use(
    http.post(url, () =>
      fixture.body === null
        ? new HttpResponse(null, { status: fixture.status, headers: fixture.headers })
        : HttpResponse.json(fixture.body, { status: fixture.status, headers: fixture.headers }),
    ),
  )
}

async function bodyOf(index = 0): Promise<Record<string, unknown>> {
  // The body is read asynchronously from a clone; give it a turn to settle.
  await vi.waitFor(() => expect(requests[index]?.bodyText).not.toBe(''))
  return JSON.parse(requests[index]!.bodyText) as Record<string, unknown>
}

function startInput(overrides: Partial<Parameters<ReturnType<typeof createBetterAuthAdapter>['startReset']>[0]> = {}) {
  return {
    email: "o'brien+tag@sub.example.co.uk",
    redirectUrl: 'https://app.example.com/reset-password',
    locale: 'en',
    signal: new AbortController().signal,
    ...overrides,
  }
}

function completeInput(
  overrides: Partial<Parameters<ReturnType<typeof createBetterAuthAdapter>['completeReset']>[0]> = {},
) {
  return {
    token: TOKEN,
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

function run(step: 'start' | 'complete', adapter = createBetterAuthAdapter(OPTIONS)): Promise<void> {
  return step === 'start' ? adapter.startReset(startInput()) : adapter.completeReset(completeInput())
}

describe('createBetterAuthAdapter', () => {
  describe('shape', () => {
    it('is a non-PKCE adapter named "better-auth" that reads ?token and has no checkToken', () => {
      const adapter = createBetterAuthAdapter(OPTIONS)
      expect(adapter.id).toBe('better-auth')
      expect(adapter.pkce).toBe(false)
      expect(adapter.tokenParams).toEqual(['token'])
      expect(adapter.checkToken).toBeUndefined()
      expect(adapter.validateCallbackParams).toBeTypeOf('function')
    })

    it("names the error param of Better Auth's redirect as a link param to clear from the address bar", () => {
      expect(createBetterAuthAdapter(OPTIONS).callbackParams).toEqual(['error'])
    })

    it("gives the page Better Auth's password limits: 8 to 128 by default, or the server's own", () => {
      expect(createBetterAuthAdapter(OPTIONS)).toMatchObject({ minPasswordLength: 8, maxPasswordLength: 128 })
      expect(createBetterAuthAdapter({ ...OPTIONS, minPasswordLength: 12, maxPasswordLength: 64 })).toMatchObject({
        minPasswordLength: 12,
        maxPasswordLength: 64,
      })
    })

    it('takes another id for a second server on the same origin', () => {
      expect(createBetterAuthAdapter({ ...OPTIONS, id: 'better-auth-admin' }).id).toBe('better-auth-admin')
    })
  })

  describe('start', () => {
    it('posts exactly { email, redirectTo } to {basePath}/request-password-reset', async () => {
      respondOk()
      await createBetterAuthAdapter(OPTIONS).startReset(startInput())

      expect(requests).toHaveLength(1)
      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(START)
      expect(request.headers['content-type']).toBe('application/json')
      expect(request.headers.accept).toBe('application/json')
      expect(request.headers.authorization).toBeUndefined()
      expect(await bodyOf()).toStrictEqual({
        email: "o'brien+tag@sub.example.co.uk",
        redirectTo: 'https://app.example.com/reset-password',
      })
    })

    it('sends cookies same-origin only by default, bypasses the cache and sends an origin-only referrer', async () => {
      respondOk()
      await createBetterAuthAdapter(OPTIONS).startReset(startInput())
      expect(requests[0]).toMatchObject({
        credentials: 'same-origin',
        cache: 'no-store',
        referrerPolicy: 'strict-origin',
      })
    })

    it('sends the configured credentials', async () => {
      respondOk()
      await createBetterAuthAdapter({ ...OPTIONS, credentials: 'include' }).startReset(startInput())
      expect(requests[0]!.credentials).toBe('include')
    })

    it("resolves on Better Auth's 200, which it answers for unknown addresses too", async () => {
      respondOk()
      await expect(run('start')).resolves.toBeUndefined()
    })

    it.each([
      [{ basePath: '/auth' }, 'https://app.example.com/auth/request-password-reset'],
      [{ basePath: '/auth/' }, 'https://app.example.com/auth/request-password-reset'],
      [{ basePath: '/' }, 'https://app.example.com/request-password-reset'],
      [
        { baseUrl: 'https://example.com/accounts/', basePath: '/api/auth' },
        'https://example.com/accounts/api/auth/request-password-reset',
      ],
    ])('builds the URL from baseUrl and basePath %j', async (options, url) => {
      server.use(http.post(url, () => HttpResponse.json(fixtures.requestPasswordResetOk)))
      await createBetterAuthAdapter({ ...OPTIONS, ...options }).startReset(startInput())
      expect(requests[0]!.url).toBe(url)
    })
  })

  it.each([
    [undefined, '/api/auth/request-password-reset'],
    [{}, '/api/auth/request-password-reset'],
    [{ basePath: '/auth' }, '/auth/request-password-reset'],
    [{ baseUrl: '/accounts' }, '/accounts/api/auth/request-password-reset'],
  ])(
    "without an origin (%j), calls Better Auth on the page's own origin, as its own client does",
    async (options, path) => {
      const url = new URL(path, location.href).href
      server.use(http.post(url, () => HttpResponse.json(fixtures.requestPasswordResetOk)))
      await createBetterAuthAdapter(options).startReset(startInput())
      expect(requests[0]!.url).toBe(url)
    },
  )

  it.each([
    ['start', 'an HTML page', START, () => HttpResponse.html('<!doctype html><title>App</title>')],
    ['complete', 'an HTML page', COMPLETE, () => HttpResponse.html('<!doctype html><title>App</title>')],
    ['complete', 'an empty 204', COMPLETE, () => new HttpResponse(null, { status: 204 })],
  ] as const)(
    "%s: a 2xx with %s, not Better Auth's JSON (another server's route), is misconfigured, never sent or changed",
    async (step, _, url, answer) => {
      server.use(http.post(url, answer))
      await expect(run(step)).rejects.toMatchObject({ name: 'ResetError', code: 'misconfigured' })
    },
  )

  describe('complete', () => {
    it('posts exactly { newPassword, token } to {basePath}/reset-password, the password as typed', async () => {
      respondOk()
      await createBetterAuthAdapter(OPTIONS).completeReset(completeInput())

      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(COMPLETE)
      expect(request).toMatchObject({ credentials: 'same-origin', cache: 'no-store', referrerPolicy: 'strict-origin' })
      expect(await bodyOf()).toStrictEqual({ newPassword: '  correct horse battery staple 🐴  ', token: TOKEN })
      expect(request.url).not.toContain(TOKEN)
    })
  })

  describe('validateCallbackParams', () => {
    const adapter = createBetterAuthAdapter(OPTIONS)

    it('accepts the link Better Auth redirects to with a token', () => {
      expect(() => adapter.validateCallbackParams!(new URLSearchParams(`token=${TOKEN}`))).not.toThrow()
      expect(() => adapter.validateCallbackParams!(new URLSearchParams(`utm=1&token=${TOKEN}`))).not.toThrow()
    })

    it.each(['error=INVALID_TOKEN', 'error=INVALID_TOKEN&token=x', 'error='])(
      'refuses %j as token_invalid',
      (query) => {
        let thrown: unknown
        try {
          adapter.validateCallbackParams!(new URLSearchParams(query))
        } catch (error) {
          thrown = error
        }
        expect(thrown).toBeInstanceOf(ResetError)
        expect((thrown as ResetError).code).toBe('token_invalid')
      },
    )
  })

  describe('configuration mistakes throw a TypeError at once', () => {
    it('no options object', () => {
      expect(() => createBetterAuthAdapter(null as never)).toThrow('takes an options object')
      expect(() => createBetterAuthAdapter('https://app.example.com' as never)).toThrow('takes an options object')
    })

    it.each(['//auth.example.com', 'api/auth', 'app.example.com', 'ftp://app.example.com', 42, '/\n', '//a/x'])(
      'a baseUrl that is neither a path nor an http(s) URL: %j',
      (baseUrl) => {
        expect(() => createBetterAuthAdapter({ baseUrl: baseUrl as string })).toThrow(
          '`baseUrl` must be a path on this site or an absolute http(s) URL',
        )
      },
    )

    it('a baseUrl that already ends with the basePath', () => {
      expect(() => createBetterAuthAdapter({ baseUrl: 'https://app.example.com/api/auth' })).toThrow(
        'pass the server\'s origin, such as "https://app.example.com",',
      )
      expect(() => createBetterAuthAdapter({ baseUrl: '/api/auth/' })).toThrow('leave `baseUrl` out')
    })

    it.each(['api/auth', '/api/auth?x=1', '/api auth', 42, '//api/auth', '//evil.example/api/auth', '/\\evil.example'])(
      'basePath %j',
      (basePath) => {
        expect(() => createBetterAuthAdapter({ ...OPTIONS, basePath: basePath as string })).toThrow(
          '`basePath` must be the path Better Auth is mounted under',
        )
      },
    )

    it('password limits that are not whole numbers, or a minimum above the maximum', () => {
      expect(() => createBetterAuthAdapter({ ...OPTIONS, minPasswordLength: 0 })).toThrow(
        '`minPasswordLength` must be a whole number',
      )
      expect(() => createBetterAuthAdapter({ ...OPTIONS, maxPasswordLength: 12.5 })).toThrow(
        '`maxPasswordLength` must be a whole number',
      )
      expect(() => createBetterAuthAdapter({ ...OPTIONS, minPasswordLength: 20, maxPasswordLength: 10 })).toThrow(
        'must not be greater than',
      )
    })

    it('accepts limits down to a minimum of 1, and a minimum equal to the maximum', () => {
      expect(createBetterAuthAdapter({ ...OPTIONS, minPasswordLength: 1 })).toMatchObject({ minPasswordLength: 1 })
      expect(createBetterAuthAdapter({ ...OPTIONS, minPasswordLength: 64, maxPasswordLength: 64 })).toMatchObject({
        minPasswordLength: 64,
        maxPasswordLength: 64,
      })
    })

    it('an empty id, or a timeoutMs that is not a positive number', () => {
      expect(() => createBetterAuthAdapter({ ...OPTIONS, id: '' })).toThrow(
        '`id` must be a non-empty string naming the backend, such as "better-auth"',
      )
      expect(() => createBetterAuthAdapter({ ...OPTIONS, timeoutMs: Number.NaN })).toThrow('`timeoutMs` must be')
    })
  })

  describe('recorded Better Auth errors', () => {
    it.each<[string, BetterAuthFixture, 'start' | 'complete', ResetErrorCode, ResetErrorField | undefined]>([
      ['VALIDATION_ERROR', fixtures.validationErrorEmail, 'start', 'invalid_email', 'email'],
      ['INVALID_REDIRECT_URL', fixtures.invalidRedirectUrl, 'start', 'redirect_not_allowed', undefined],
      ['INVALID_CALLBACK_URL', fixtures.invalidCallbackUrl, 'start', 'redirect_not_allowed', undefined],
      // better-auth 1.3.28 with better-call 1.0.19: origin-check.ts throws APIError("FORBIDDEN", { message: `Invalid ${label}` })
      // and better-call derives the code from the message.
      [
        'INVALID_REDIRECTURL (1.3)',
        { status: 403, body: { code: 'INVALID_REDIRECTURL', message: 'Invalid redirectURL' } },
        'start',
        'redirect_not_allowed',
        undefined,
      ],
      [
        'INVALID_CALLBACKURL (1.3)',
        { status: 403, body: { code: 'INVALID_CALLBACKURL', message: 'Invalid callbackURL' } },
        'start',
        'redirect_not_allowed',
        undefined,
      ],
      ['INVALID_ORIGIN', fixtures.invalidOrigin, 'start', 'misconfigured', undefined],
      ['RESET_PASSWORD_DISABLED', fixtures.resetPasswordDisabled, 'start', 'misconfigured', undefined],
      ['MISSING_RESPONSE (captcha plugin)', fixtures.captchaMissingResponse, 'start', 'misconfigured', undefined],
      ['an empty 404 (wrong basePath)', fixtures.pathNotServed, 'start', 'misconfigured', undefined],
      ['429', fixtures.tooManyRequests, 'start', 'rate_limited', undefined],
      ['INVALID_TOKEN', fixtures.invalidToken, 'complete', 'token_invalid', undefined],
      ['PASSWORD_TOO_SHORT', fixtures.passwordTooShort, 'complete', 'password_too_short', 'password'],
      ['PASSWORD_TOO_LONG', fixtures.passwordTooLong, 'complete', 'password_too_long', 'password'],
      [
        'PASSWORD_COMPROMISED (haveibeenpwned plugin)',
        fixtures.passwordCompromised,
        'complete',
        'password_breached',
        'password',
      ],
      ['USER_NOT_FOUND at completion', fixtures.userNotFound, 'complete', 'token_invalid', undefined],
      ['VALIDATION_ERROR at completion', fixtures.validationErrorEmail, 'complete', 'unknown', undefined],
      ['an empty 404 (wrong basePath)', fixtures.pathNotServed, 'complete', 'misconfigured', undefined],
    ])('%s on %s → %s', async (_name, fixture, step, code, field) => {
      respondWith(step === 'start' ? START : COMPLETE, fixture)
      const error = await rejection(run(step))

      expect(error.code).toBe(code)
      expect(error.field).toBe(field)
      expect(error.message).toBe(code)
      expect(error.cause).toEqual(fixture.body ?? undefined)
      if (fixture.body !== null) {
        expect(JSON.stringify({ ...error, message: error.message, cause: undefined })).not.toContain(
          fixture.body.message,
        )
      }
    })

    it("quotes Better Auth's default limits, which it does not send, for too short and too long", async () => {
      respondWith(COMPLETE, fixtures.passwordTooShort)
      expect((await rejection(run('complete'))).details).toEqual({ minLength: 8 })
      respondWith(COMPLETE, fixtures.passwordTooLong)
      expect((await rejection(run('complete'))).details).toEqual({ maxLength: 128 })
    })

    // Better Auth measures a password with `password.length` (better-auth 1.7.25
    // dist/utils/password.mjs, assertPasswordNotTooLong): UTF-16 code units, while the page counts
    // characters. 70 emoji are 70 characters, within the page's 128, but 140 units.
    it('names no number when the password is too long only in UTF-16 units, as Better Auth counts', async () => {
      respondWith(COMPLETE, fixtures.passwordTooLong)
      const error = await rejection(
        createBetterAuthAdapter(OPTIONS).completeReset(completeInput({ password: '🐴'.repeat(70) })),
      )
      expect(error).toMatchObject({ code: 'password_too_long', field: 'password', details: { maxLength: 0 } })
      expect(error.cause).toEqual(fixtures.passwordTooLong.body)
    })

    it('names the limit when the characters alone are too many, emoji or not', async () => {
      respondWith(COMPLETE, fixtures.passwordTooLong)
      const adapter = createBetterAuthAdapter(OPTIONS)
      for (const password of ['🐴'.repeat(129), 'x'.repeat(129)]) {
        expect((await rejection(adapter.completeReset(completeInput({ password })))).details).toEqual({
          maxLength: 128,
        })
      }
    })

    it('quotes the configured limits instead', async () => {
      const adapter = createBetterAuthAdapter({ ...OPTIONS, minPasswordLength: 12, maxPasswordLength: 64 })
      respondWith(COMPLETE, fixtures.passwordTooShort)
      expect((await rejection(run('complete', adapter))).details).toEqual({ minLength: 12 })
      respondWith(COMPLETE, fixtures.passwordTooLong)
      expect((await rejection(run('complete', adapter))).details).toEqual({ maxLength: 64 })
    })

    it.each([
      ['USER_NOT_FOUND', fixtures.userNotFound],
      [
        'USER_EMAIL_NOT_FOUND',
        { status: 400, body: { message: 'User email not found', code: 'USER_EMAIL_NOT_FOUND' } },
      ],
    ])('%s on start resolves like a sent email', async (_name, fixture) => {
      respondWith(START, fixture)
      await expect(run('start')).resolves.toBeUndefined()
    })

    it("passes on the X-Retry-After of Better Auth's 429", async () => {
      respondWith(START, { ...fixtures.tooManyRequests, headers: { 'X-Retry-After': '47' } })
      const error = await rejection(run('start'))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBe(47)
    })

    it('passes on a standard Retry-After too, from a proxy in front of Better Auth', async () => {
      server.use(
        http.post(START, () => new HttpResponse('slow down', { status: 429, headers: { 'Retry-After': '9' } })),
      )
      expect((await rejection(run('start'))).retryAfterSeconds).toBe(9)
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

    it('turns a code it does not know into unknown, or server for a 5xx', async () => {
      server.use(http.post(START, () => HttpResponse.json({ message: 'x', code: 'BRAND_NEW_ERROR' }, { status: 400 })))
      expect((await rejection(run('start'))).code).toBe('unknown')
      server.use(http.post(START, () => new HttpResponse(null, { status: 500, statusText: 'Internal Server Error' })))
      expect((await rejection(run('start'))).code).toBe('server')
    })

    it('R4: a code named like an Object.prototype member is unknown too, never a ResetError without a code', async () => {
      for (const code of ['constructor', 'toString', '__proto__']) {
        server.use(http.post(START, () => HttpResponse.json({ message: 'x', code }, { status: 400 })))
        expect((await rejection(run('start'))).code).toBe('unknown')
      }
    })
  })

  describe('mapBetterAuthError, every code of its table', () => {
    // The whole table, written out: how the adapter stores it may change, what it maps may not.
    const TABLE: Array<[ResetErrorCode, string[]]> = [
      ['token_invalid', ['INVALID_TOKEN']],
      ['token_expired', ['TOKEN_EXPIRED']],
      ['password_breached', ['PASSWORD_COMPROMISED']],
      [
        'redirect_not_allowed',
        [
          'INVALID_REDIRECT_URL',
          'INVALID_CALLBACK_URL',
          'INVALID_REDIRECTURL',
          'INVALID_CALLBACKURL',
          'CALLBACK_URL_REQUIRED',
        ],
      ],
      [
        'misconfigured',
        [
          'RESET_PASSWORD_DISABLED',
          'RESET_PASSWORD_ISNT_ENABLED',
          'INVALID_ORIGIN',
          'MISSING_OR_NULL_ORIGIN',
          'MISSING_RESPONSE',
          'VERIFICATION_FAILED',
          'UNSUPPORTED_MEDIA_TYPE',
        ],
      ],
    ]
    const rows = TABLE.flatMap(([code, names]) => names.map((name) => [name, code] as const))
    const LIMITS = { minPasswordLength: 8, maxPasswordLength: 128 }

    it.each(rows)('%s → %s, at both steps and whatever the status', (name, code) => {
      const body = { code: name, message: 'x' }
      for (const status of [400, 401, 403, 404, 415, 500]) {
        for (const step of ['start', 'complete'] as const) {
          const error = mapBetterAuthError({ status, ok: false, body, retryAfterSeconds: 30 }, step, LIMITS)
          expect(error).toBeInstanceOf(ResetError)
          expect(error).toMatchObject({ code, retryAfterSeconds: undefined, cause: body })
        }
      }
    })
  })

  describe('mapBetterAuthError, beyond its table', () => {
    const LIMITS = { minPasswordLength: 8, maxPasswordLength: 128 }

    function response(status: number, body: unknown) {
      return { status, ok: false, body, retryAfterSeconds: 30 }
    }

    it.each(['USER_NOT_FOUND', 'INVALID_TOKEN', 'PASSWORD_TOO_SHORT'])(
      'maps a 429 to rate_limited with its wait, even when its body names %s',
      (code) => {
        expect(mapBetterAuthError(response(429, { code, message: 'x' }), 'start', LIMITS)).toMatchObject({
          code: 'rate_limited',
          retryAfterSeconds: 30,
        })
      },
    )

    it.each([
      ['JSON without a code', { message: 'Not Found' }],
      ['a code that is not a string', { code: 404, message: 'Not Found' }],
      ['a JSON null', null],
    ])('maps a 404 whose body is %s to misconfigured, keeping the body as its cause', (_name, body) => {
      const error = mapBetterAuthError(response(404, body), 'start', LIMITS) as ResetError
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
        http.post(COMPLETE, async () => {
          await delay(1_000)
          return HttpResponse.json(fixtures.resetPasswordOk)
        }),
      )
      expect((await rejection(run('complete', createBetterAuthAdapter({ ...OPTIONS, timeoutMs: 30 })))).code).toBe(
        'timeout',
      )
    })

    it('stops when the caller aborts, rejecting with the abort reason rather than a ResetError', async () => {
      server.use(
        http.post(START, async () => {
          await delay(1_000)
          return HttpResponse.json({})
        }),
      )
      const controller = new AbortController()
      const pending = createBetterAuthAdapter(OPTIONS).startReset(startInput({ signal: controller.signal }))
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
