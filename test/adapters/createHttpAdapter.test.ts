import { delay, http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { ResetError } from '../../src/core/ResetError'
import { createHttpAdapter, mapHttpError } from '../../src/adapters/http'
import type { HttpAdapterOptions } from '../../src/adapters/http'

const START = 'https://app.example.com/api/password-reset/start'
const CHECK = 'https://app.example.com/api/password-reset/check'
const COMPLETE = 'https://app.example.com/api/password-reset/complete'

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
const TOKEN = 'rk_7a1c9e3b5d7f4a2c8e0b6d4f2a9c1e3b'

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

function respondOk(url: string) {
  server.use(http.post(url, () => HttpResponse.json({ ok: true })))
}

function respondJson(url: string, body: JsonBodyType, status: number, headers?: Record<string, string>) {
  server.use(http.post(url, () => HttpResponse.json(body, { status, headers })))
}

async function bodyOf(index = 0): Promise<unknown> {
  await vi.waitFor(() => expect(requests[index]?.bodyText).not.toBe(''))
  return JSON.parse(requests[index]!.bodyText) as unknown
}

const base: HttpAdapterOptions = { id: 'acme', startUrl: START, completeUrl: COMPLETE }

function startInput(overrides: Record<string, unknown> = {}) {
  return {
    email: 'ana@example.com',
    redirectUrl: 'https://app.example.com/reset-password',
    locale: 'pt-BR',
    codeChallenge: CHALLENGE,
    signal: new AbortController().signal,
    ...overrides,
  }
}

function completeInput(overrides: Record<string, unknown> = {}) {
  return {
    token: TOKEN,
    password: ' new password with spaces 🙂 ',
    codeVerifier: VERIFIER,
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

describe('createHttpAdapter', () => {
  describe('shape', () => {
    it('defaults to PKCE, ?token and no checkToken', () => {
      const adapter = createHttpAdapter(base)
      expect(adapter.id).toBe('acme')
      expect(adapter.pkce).toBe(true)
      expect(adapter.tokenParams).toEqual(['token'])
      expect(adapter.checkToken).toBeUndefined()
    })

    it('takes pkce, tokenParams and checkUrl', () => {
      const adapter = createHttpAdapter({ ...base, pkce: false, tokenParams: ['code', 'token'], checkUrl: CHECK })
      expect(adapter.pkce).toBe(false)
      expect(adapter.tokenParams).toEqual(['code', 'token'])
      expect(adapter.checkToken).toBeTypeOf('function')
    })

    it('takes any positive timeoutMs, even under a millisecond', () => {
      expect(() => createHttpAdapter({ ...base, timeoutMs: 1 })).not.toThrow()
      expect(() => createHttpAdapter({ ...base, timeoutMs: 0.5 })).not.toThrow()
    })
  })

  describe('configuration mistakes throw a TypeError at once', () => {
    it.each([
      ['options (null)', null, 'createHttpAdapter needs an options object'],
      ['options (a string)', START, 'createHttpAdapter needs an options object'],
      ['id', { ...base, id: '' }, '`id` must be a non-empty string naming the backend, such as "acme"; got "".'],
      ['id (missing)', { startUrl: START, completeUrl: COMPLETE }, 'such as "acme"; got undefined.'],
      ['id (a number)', { ...base, id: 42 }, '`id` must be a non-empty string'],
      [
        'startUrl (protocol-relative: a host, not a path)',
        { ...base, startUrl: '//evil.example/api/password-reset/start' },
        '`startUrl` must be a path on this site or an absolute http(s) URL',
      ],
      [
        'startUrl (a URL object)',
        { ...base, startUrl: new URL(START) },
        '`startUrl` must be a path on this site or an',
      ],
      [
        'completeUrl',
        { ...base, completeUrl: 'javascript:alert(1)' },
        '`completeUrl` must be a path on this site or an',
      ],
      ['completeUrl (a backslash path)', { ...base, completeUrl: '/\\evil.example' }, '`completeUrl` must be a path'],
      [
        'completeUrl (a tab the parser drops)',
        { ...base, completeUrl: '/\t/evil.example' },
        '`completeUrl` must be a path',
      ],
      ['checkUrl (a newline)', { ...base, checkUrl: '/\n/evil.example' }, '`checkUrl` must be a path'],
      ['startUrl (a carriage return)', { ...base, startUrl: '/\r\\evil.example' }, '`startUrl` must be a path'],
      ['startUrl (a list holding a path)', { ...base, startUrl: ['/api/start'] }, '`startUrl` must be a path'],
      [
        'startUrl (two slashes and a one-letter host)',
        { ...base, startUrl: '//a/api/start' },
        '`startUrl` must be a path',
      ],
      [
        'startUrl (a backslash and a one-letter host)',
        { ...base, startUrl: '/\\a/api/start' },
        '`startUrl` must be a path',
      ],
      ['startUrl (two slashes alone)', { ...base, startUrl: '//' }, '`startUrl` must be a path'],
      ['startUrl (a host with a space)', { ...base, startUrl: '//a b/x' }, '`startUrl` must be a path'],
      [
        'checkUrl (relative to the page)',
        { ...base, checkUrl: 'check' },
        '`checkUrl` must be a path on this site or an',
      ],
      ['tokenParams', { ...base, tokenParams: [] }, '`tokenParams` must be a non-empty array'],
      ['timeoutMs', { ...base, timeoutMs: -1 }, '`timeoutMs` must be a positive number'],
      ['pkce', { ...base, pkce: 'yes' }, '`pkce` must be true or false; got "yes"'],
      ['headers (a string)', { ...base, headers: 'X-CSRF-Token: abc' }, '`headers` must be an object'],
      ['headers (null)', { ...base, headers: null }, '`headers` must be an object'],
    ] as const)('%s', (_name, options, message) => {
      expect(() => createHttpAdapter(options as HttpAdapterOptions)).toThrow(TypeError)
      expect(() => createHttpAdapter(options as HttpAdapterOptions)).toThrow(message)
    })
  })

  describe("paths on the page's own origin", () => {
    it("takes /paths for every URL and sends them to the page's origin (serverGlobals.test makes them on a server)", async () => {
      const paths = {
        id: 'acme',
        startUrl: '/api/password-reset/start',
        completeUrl: '/api/password-reset/complete',
        checkUrl: '/api/password-reset/check',
      }
      const adapter = createHttpAdapter(paths)
      for (const path of [paths.startUrl, paths.completeUrl, paths.checkUrl])
        respondOk(new URL(path, location.href).href)

      await adapter.startReset(startInput())
      await adapter.checkToken!({ token: TOKEN, signal: new AbortController().signal })
      await adapter.completeReset(completeInput())

      expect(requests.map((request) => request.url)).toEqual(
        [paths.startUrl, paths.checkUrl, paths.completeUrl].map((path) => `${location.origin}${path}`),
      )
    })
  })

  describe('start', () => {
    it('posts the default body with the S256 challenge, no-store, no referrer and same-origin cookies', async () => {
      respondOk(START)
      await createHttpAdapter(base).startReset(startInput({ expiresInMinutes: 45 }))

      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(START)
      expect(request.headers['content-type']).toBe('application/json')
      expect(request).toMatchObject({ cache: 'no-store', referrerPolicy: 'strict-origin', credentials: 'same-origin' })
      expect(await bodyOf()).toStrictEqual({
        email: 'ana@example.com',
        redirectUrl: 'https://app.example.com/reset-password',
        locale: 'pt-BR',
        codeChallenge: CHALLENGE,
        codeChallengeMethod: 'S256',
        expiresInMinutes: 45,
      })
    })

    it('leaves out expiresInMinutes when not given, and the PKCE fields when pkce is off', async () => {
      respondOk(START)
      await createHttpAdapter({ ...base, pkce: false }).startReset(startInput())
      expect(await bodyOf()).toStrictEqual({
        email: 'ana@example.com',
        redirectUrl: 'https://app.example.com/reset-password',
        locale: 'pt-BR',
      })
    })

    it('never puts the PKCE verifier in the start request', async () => {
      respondOk(START)
      await createHttpAdapter(base).startReset(startInput())
      const request = requests[0]!
      expect(request.url).not.toContain(VERIFIER)
      expect(Object.values(request.headers).join('\n')).not.toContain(VERIFIER)
      expect(JSON.stringify(await bodyOf())).not.toContain(VERIFIER)
    })

    it('refuses to start a PKCE flow without a challenge, sending nothing', async () => {
      const error = await rejection(createHttpAdapter(base).startReset(startInput({ codeChallenge: undefined })))
      expect(error.code).toBe('misconfigured')
      expect(error.cause).toBeInstanceOf(TypeError)
      expect((error.cause as TypeError).message).toContain('the "acme" adapter uses PKCE')
      expect(requests).toHaveLength(0)
    })

    it('starts without a challenge when pkce is off', async () => {
      respondOk(START)
      await createHttpAdapter({ ...base, pkce: false }).startReset(startInput({ codeChallenge: undefined }))
      expect(await bodyOf()).toStrictEqual({
        email: 'ana@example.com',
        redirectUrl: 'https://app.example.com/reset-password',
        locale: 'pt-BR',
      })
    })

    it('sends what buildStartBody returns, and never hands it the signal', async () => {
      respondOk(START)
      const buildStartBody = vi.fn((input: { email: string; codeChallenge?: string }) => ({
        user: { email: input.email },
        pkce: input.codeChallenge,
      }))
      await createHttpAdapter({ ...base, buildStartBody }).startReset(startInput())
      expect(buildStartBody.mock.calls[0]![0]).not.toHaveProperty('signal')
      expect(await bodyOf()).toStrictEqual({ user: { email: 'ana@example.com' }, pkce: CHALLENGE })
    })

    it('resolves on any 2xx but an HTML page, whatever the body', async () => {
      server.use(http.post(START, () => new HttpResponse(null, { status: 204 })))
      await expect(createHttpAdapter(base).startReset(startInput())).resolves.toBeUndefined()
    })
  })

  it("rejects every step with misconfigured when a single-page host's fallback answers 200 with its index.html", async () => {
    const shell = '<!doctype html><html><body><div id="root"></div><script src="/app.js"></script></body></html>'
    server.use(http.post('https://app.example.com/*', () => HttpResponse.html(shell)))
    const adapter = createHttpAdapter({ ...base, checkUrl: CHECK })
    expect((await rejection(adapter.startReset(startInput()))).code).toBe('misconfigured')
    expect((await rejection(adapter.checkToken!({ token: TOKEN, signal: new AbortController().signal }))).code).toBe(
      'misconfigured',
    )
    expect((await rejection(adapter.completeReset(completeInput()))).code).toBe('misconfigured')
    expect(requests.map((request) => request.url)).toEqual([START, CHECK, COMPLETE])
  })

  describe('headers and credentials', () => {
    it('sends static headers and the configured credentials', async () => {
      respondOk(START)
      await createHttpAdapter({ ...base, headers: { 'X-CSRF-Token': 'abc' }, credentials: 'include' }).startReset(
        startInput(),
      )
      expect(requests[0]!.headers['x-csrf-token']).toBe('abc')
      expect(requests[0]!.credentials).toBe('include')
    })

    it('calls a headers function before each request, sync or async', async () => {
      respondOk(START)
      respondOk(COMPLETE)
      let n = 0
      const adapter = createHttpAdapter({ ...base, headers: async () => ({ 'X-Request-Number': String(++n) }) })
      await adapter.startReset(startInput())
      await adapter.completeReset(completeInput())
      expect(requests.map((request) => request.headers['x-request-number'])).toEqual(['1', '2'])

      requests.length = 0
      await createHttpAdapter({ ...base, headers: () => ({ 'X-Sync': 'yes' }) }).startReset(startInput())
      expect(requests[0]!.headers['x-sync']).toBe('yes')
    })

    it('rejects as unknown, sending nothing, when the headers function throws', async () => {
      const adapter = createHttpAdapter({
        ...base,
        headers: () => {
          throw new Error('no csrf cookie')
        },
      })
      const error = await rejection(adapter.startReset(startInput()))
      expect(error.code).toBe('unknown')
      expect(requests).toHaveLength(0)
    })

    it('keeps a ResetError thrown by the headers function', async () => {
      const adapter = createHttpAdapter({
        ...base,
        headers: async () => {
          throw new ResetError('network')
        },
      })
      expect((await rejection(adapter.startReset(startInput()))).code).toBe('network')
    })
  })

  describe('check', () => {
    it('posts only the token to checkUrl and resolves on 2xx', async () => {
      respondOk(CHECK)
      await createHttpAdapter({ ...base, checkUrl: CHECK }).checkToken!({
        token: TOKEN,
        signal: new AbortController().signal,
      })
      expect(requests[0]!.url).toBe(CHECK)
      expect(requests[0]!.url).not.toContain(TOKEN)
      expect(await bodyOf()).toStrictEqual({ token: TOKEN })
    })

    it('sends what buildCheckBody returns', async () => {
      respondOk(CHECK)
      await createHttpAdapter({ ...base, checkUrl: CHECK, buildCheckBody: ({ token }) => ({ code: token }) })
        .checkToken!({ token: TOKEN, signal: new AbortController().signal })
      expect(await bodyOf()).toStrictEqual({ code: TOKEN })
    })

    it('reports the code the server names', async () => {
      respondJson(CHECK, { code: 'token_expired' }, 410)
      const error = await rejection(
        createHttpAdapter({ ...base, checkUrl: CHECK }).checkToken!({
          token: TOKEN,
          signal: new AbortController().signal,
        }),
      )
      expect(error.code).toBe('token_expired')
    })
  })

  describe('complete', () => {
    it('posts the token, the password exactly as typed and the verifier', async () => {
      respondOk(COMPLETE)
      await createHttpAdapter(base).completeReset(completeInput())
      expect(requests[0]!.url).toBe(COMPLETE)
      expect(requests[0]).toMatchObject({ cache: 'no-store', referrerPolicy: 'strict-origin' })
      expect(await bodyOf()).toStrictEqual({
        token: TOKEN,
        password: ' new password with spaces 🙂 ',
        codeVerifier: VERIFIER,
      })
    })

    it('sends no verifier when pkce is off', async () => {
      respondOk(COMPLETE)
      await createHttpAdapter({ ...base, pkce: false }).completeReset(completeInput({ codeVerifier: undefined }))
      expect(await bodyOf()).toStrictEqual({ token: TOKEN, password: ' new password with spaces 🙂 ' })
    })

    it('sends no verifier when pkce is off, even when one is passed', async () => {
      respondOk(COMPLETE)
      await createHttpAdapter({ ...base, pkce: false }).completeReset(completeInput())
      expect(await bodyOf()).toStrictEqual({ token: TOKEN, password: ' new password with spaces 🙂 ' })
    })

    it('fails with verifier_missing and sends nothing when a PKCE flow has no verifier', async () => {
      const error = await rejection(createHttpAdapter(base).completeReset(completeInput({ codeVerifier: undefined })))
      expect(error.code).toBe('verifier_missing')
      expect(requests).toHaveLength(0)
    })

    it('sends what buildCompleteBody returns', async () => {
      respondOk(COMPLETE)
      await createHttpAdapter({
        ...base,
        buildCompleteBody: ({ token, password, codeVerifier }) => ({
          newPassword: password,
          token,
          verifier: codeVerifier,
        }),
      }).completeReset(completeInput())
      expect(await bodyOf()).toStrictEqual({
        newPassword: ' new password with spaces 🙂 ',
        token: TOKEN,
        verifier: VERIFIER,
      })
    })
  })

  describe('default error mapping', () => {
    it.each([
      ['{ code }', 'complete', 400, { code: 'token_used' }, 'token_used', undefined],
      ['{ error: { code } }', 'complete', 400, { error: { code: 'token_expired' } }, 'token_expired', undefined],
      ['invalid_email', 'start', 400, { code: 'invalid_email' }, 'invalid_email', 'email'],
      ['password_weak', 'complete', 422, { code: 'password_weak' }, 'password_weak', 'password'],
      ['password_breached', 'complete', 422, { code: 'password_breached' }, 'password_breached', 'password'],
      ['password_too_long', 'complete', 422, { code: 'password_too_long' }, 'password_too_long', 'password'],
      ['password_mismatch', 'complete', 422, { code: 'password_mismatch' }, 'password_mismatch', 'confirmPassword'],
      ['password_reused', 'complete', 422, { code: 'password_reused' }, 'password_reused', 'password'],
      [
        'redirect_not_allowed on a 404 start',
        'start',
        404,
        { code: 'redirect_not_allowed' },
        'redirect_not_allowed',
        undefined,
      ],
      ['verifier_mismatch', 'complete', 400, { code: 'verifier_mismatch' }, 'verifier_mismatch', undefined],
      ['a code it does not know', 'complete', 400, { code: 'TOKEN_EXPIRED' }, 'unknown', undefined],
      [
        'an error object whose code it does not know',
        'complete',
        400,
        { error: { code: 'TOKEN_EXPIRED' } },
        'unknown',
        undefined,
      ],
      ['an error that is a string, not an object', 'complete', 400, { error: 'token_expired' }, 'unknown', undefined],
      ['an inherited property name', 'complete', 400, { code: 'toString' }, 'unknown', undefined],
      ['a 404 at completion', 'complete', 404, { message: 'Not found' }, 'unknown', undefined],
      ['a 500', 'start', 500, { message: 'boom' }, 'server', undefined],
      ['a 400 without a code', 'start', 400, { message: 'Bad request' }, 'unknown', undefined],
    ] as const)('%s on %s → %s', async (_name, step, status, body, code, field) => {
      respondJson(step === 'start' ? START : COMPLETE, body, status)
      const adapter = createHttpAdapter(base)
      const error = await rejection(
        step === 'start' ? adapter.startReset(startInput()) : adapter.completeReset(completeInput()),
      )
      expect(error.code).toBe(code)
      expect(error.field).toBe(field)
      expect(error.cause).toEqual(body)
    })

    it('never takes a message from the server, and keeps only numbers from details', async () => {
      respondJson(
        COMPLETE,
        {
          error: {
            code: 'password_too_short',
            message: '<img src=x onerror=alert(1)> too short',
            details: { minLength: 12, hint: '<b>use more</b>' },
          },
        },
        422,
      )
      const error = await rejection(createHttpAdapter(base).completeReset(completeInput()))
      expect(error.code).toBe('password_too_short')
      expect(error.field).toBe('password')
      expect(error.message).toBe('password_too_short')
      expect(error.details).toStrictEqual({ minLength: 12 })
    })

    it.each([
      ['no number among them', { hint: '<b>use more</b>' }],
      ['an array', [12]],
      ['null', null],
      ['a string', 'minLength: 12'],
    ])('gives no details when they hold %s', (_name, details) => {
      const response = {
        status: 422,
        ok: false,
        body: { code: 'password_too_short', details },
        retryAfterSeconds: undefined,
      }
      expect((mapHttpError(response, 'complete') as ResetError).details).toBeUndefined()
    })

    it('keeps only the finite numbers of details', () => {
      const response = {
        status: 422,
        ok: false,
        body: { code: 'password_too_short', details: { minLength: 12, maxLength: Infinity, other: NaN } },
        retryAfterSeconds: undefined,
      }
      expect((mapHttpError(response, 'complete') as ResetError).details).toStrictEqual({ minLength: 12 })
    })

    it('maps a null JSON body by its status', async () => {
      respondJson(START, null, 500)
      expect((await rejection(createHttpAdapter(base).startReset(startInput()))).code).toBe('server')
    })

    it('passes on a Retry-After only with rate_limited', async () => {
      respondJson(COMPLETE, { code: 'token_expired' }, 410, { 'Retry-After': '60' })
      const error = await rejection(createHttpAdapter(base).completeReset(completeInput()))
      expect(error.code).toBe('token_expired')
      expect(error.retryAfterSeconds).toBeUndefined()
    })

    it('resolves a 404 from the start request like a sent email', async () => {
      respondJson(START, { message: 'No user with that email' }, 404)
      await expect(createHttpAdapter(base).startReset(startInput())).resolves.toBeUndefined()
    })

    it("resolves a 404 HTML page from the start request like a sent email too: Flask's abort(404) and Django's Http404 answer one", async () => {
      // Reading it as a wrong URL instead would show unknown addresses an error known ones never get.
      server.use(
        http.post(START, () =>
          HttpResponse.html('<!doctype html><html lang=en><title>404 Not Found</title><h1>Not Found</h1>', {
            status: 404,
          }),
        ),
      )
      await expect(createHttpAdapter(base).startReset(startInput())).resolves.toBeUndefined()
    })

    it('passes on Retry-After seconds, an HTTP date, and X-Retry-After', async () => {
      const adapter = createHttpAdapter(base)

      respondJson(START, { code: 'rate_limited' }, 429, { 'Retry-After': '60' })
      expect((await rejection(adapter.startReset(startInput()))).retryAfterSeconds).toBe(60)

      respondJson(START, {}, 429, { 'Retry-After': new Date(Date.now() + 120_000).toUTCString() })
      const dated = await rejection(adapter.startReset(startInput()))
      expect(dated.code).toBe('rate_limited')
      expect(dated.retryAfterSeconds).toBeGreaterThanOrEqual(118)
      expect(dated.retryAfterSeconds).toBeLessThanOrEqual(120)

      respondJson(START, { code: 'RATE_LIMITED' }, 429, { 'X-Retry-After': '7' })
      const better = await rejection(adapter.startReset(startInput()))
      expect(better.code).toBe('rate_limited')
      expect(better.retryAfterSeconds).toBe(7)
    })

    it('turns a 502 HTML page into server, keeping none of the HTML', async () => {
      server.use(
        http.post(
          COMPLETE,
          () =>
            new HttpResponse('<html><h1>502 Bad Gateway</h1></html>', {
              status: 502,
              headers: { 'Content-Type': 'text/html' },
            }),
        ),
      )
      const error = await rejection(createHttpAdapter(base).completeReset(completeInput()))
      expect(error.code).toBe('server')
      expect(error.cause).toBeUndefined()
      expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('Bad Gateway')
    })

    it('is exported for custom mappings to fall back on', () => {
      const response = { status: 404, ok: false, body: undefined, retryAfterSeconds: undefined }
      expect(mapHttpError(response, 'start')).toBe('neutral')
      expect((mapHttpError(response, 'check') as ResetError).code).toBe('unknown')
    })
  })

  describe('mapError', () => {
    it('wins when it returns an error, and learns the step and the response', async () => {
      respondJson(COMPLETE, { reason: 'gone' }, 410)
      const mapError = vi.fn(() => new ResetError('token_expired'))
      const error = await rejection(createHttpAdapter({ ...base, mapError }).completeReset(completeInput()))
      expect(error.code).toBe('token_expired')
      expect(mapError).toHaveBeenCalledWith(
        { status: 410, ok: false, body: { reason: 'gone' }, retryAfterSeconds: undefined },
        'complete',
      )
    })

    it('learns the step of a check', async () => {
      respondJson(CHECK, { reason: 'gone' }, 410)
      const mapError = vi.fn(() => new ResetError('token_expired'))
      const adapter = createHttpAdapter({ ...base, checkUrl: CHECK, mapError })
      await rejection(adapter.checkToken!({ token: TOKEN, signal: new AbortController().signal }))
      expect(mapError).toHaveBeenCalledWith(expect.objectContaining({ status: 410 }), 'check')
    })

    it('resolves the step when it returns neutral', async () => {
      respondJson(START, { error: 'USER_NOT_FOUND' }, 400)
      const adapter = createHttpAdapter({
        ...base,
        mapError: (response) =>
          (response.body as { error?: string }).error === 'USER_NOT_FOUND' ? 'neutral' : undefined,
      })
      await expect(adapter.startReset(startInput())).resolves.toBeUndefined()
    })

    it('falls back to the default mapping when it returns undefined', async () => {
      respondJson(COMPLETE, { code: 'token_used' }, 409)
      const error = await rejection(
        createHttpAdapter({ ...base, mapError: () => undefined }).completeReset(completeInput()),
      )
      expect(error.code).toBe('token_used')
    })

    it('rejects as unknown when it throws', async () => {
      respondJson(COMPLETE, {}, 400)
      const adapter = createHttpAdapter({
        ...base,
        mapError: () => {
          throw new Error('bug in mapper')
        },
      })
      expect((await rejection(adapter.completeReset(completeInput()))).code).toBe('unknown')
    })
  })

  describe('transport failures', () => {
    it('reports a network failure as network', async () => {
      server.use(http.post(COMPLETE, () => HttpResponse.error()))
      expect((await rejection(createHttpAdapter(base).completeReset(completeInput()))).code).toBe('network')
    })

    it('reports a request slower than timeoutMs as timeout', async () => {
      server.use(
        http.post(START, async () => {
          await delay(1_000)
          return HttpResponse.json({})
        }),
      )
      expect((await rejection(createHttpAdapter({ ...base, timeoutMs: 30 }).startReset(startInput()))).code).toBe(
        'timeout',
      )
    })

    it('stops when the caller aborts, rejecting with the abort reason', async () => {
      server.use(
        http.post(COMPLETE, async () => {
          await delay(1_000)
          return HttpResponse.json({})
        }),
      )
      const controller = new AbortController()
      const pending = createHttpAdapter(base).completeReset(completeInput({ signal: controller.signal }))
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
