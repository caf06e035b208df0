import { delay, http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { ResetError, type ResetErrorCode, type ResetErrorField } from '../../src/core/ResetError'
import { createStytchAdapter, isStytchErrorBody, mapStytchError } from '../../src/adapters/stytch'
import * as fixtures from './fixtures/stytch'
import type { StytchFixture } from './fixtures/stytch'
import { createStytchEmulator } from '../../demo/emulator'

const TEST_TOKEN = 'public-token-test-5e8c1b2a-0d4f-4f6a-9c3e-7b1d2a3c4e5f'
// base64("<TEST_TOKEN>:<TEST_TOKEN>"), written out so an encoding mistake cannot cancel itself out.
const TEST_AUTHORIZATION =
  'Basic cHVibGljLXRva2VuLXRlc3QtNWU4YzFiMmEtMGQ0Zi00ZjZhLTljM2UtN2IxZDJhM2M0ZTVmOnB1YmxpYy10b2tlbi10ZXN0LTVlOGMxYjJhLTBkNGYtNGY2YS05YzNlLTdiMWQyYTNjNGU1Zg=='
const LIVE_TOKEN = 'public-token-live-9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a'

const TEST_START = 'https://test.stytch.com/sdk/v1/passwords/email/reset/start'
const TEST_COMPLETE = 'https://test.stytch.com/sdk/v1/passwords/email/reset'

// RFC 7636 Appendix B.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'

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
  server.use(http.post(url, () => HttpResponse.json({ status_code: 200, request_id: 'request-id-test-ok' })))
}

function respondWith(url: string, fixture: StytchFixture) {
  server.use(
    http.post(url, () => HttpResponse.json(fixture.body, { status: fixture.status, headers: fixture.headers })),
  )
}

async function bodyOf(index = 0): Promise<Record<string, unknown>> {
  // The body is read asynchronously from a clone; give it a turn to settle.
  await vi.waitFor(() => expect(requests[index]?.bodyText).not.toBe(''))
  return JSON.parse(requests[index]!.bodyText) as Record<string, unknown>
}

function startInput(overrides: Partial<Parameters<ReturnType<typeof createStytchAdapter>['startReset']>[0]> = {}) {
  return {
    email: "o'brien+tag@sub.example.co.uk",
    redirectUrl: 'https://app.example.com/reset-password',
    locale: 'en',
    codeChallenge: CHALLENGE,
    signal: new AbortController().signal,
    ...overrides,
  }
}

function completeInput(
  overrides: Partial<Parameters<ReturnType<typeof createStytchAdapter>['completeReset']>[0]> = {},
) {
  return {
    token: 'DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=',
    password: '  correct horse battery staple 🐴  ',
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

describe('createStytchAdapter', () => {
  describe('shape', () => {
    it('is a PKCE adapter named "stytch" that reads the token from ?token and has no checkToken', () => {
      const adapter = createStytchAdapter({ publicToken: TEST_TOKEN })
      expect(adapter.id).toBe('stytch')
      expect(adapter.pkce).toBe(true)
      expect(adapter.tokenParams).toEqual(['token'])
      expect(adapter.checkToken).toBeUndefined()
    })

    it('takes another id for a second project on the same origin', () => {
      expect(createStytchAdapter({ publicToken: TEST_TOKEN, id: 'stytch-eu' }).id).toBe('stytch-eu')
    })

    it('names stytch_token_type as a link param to clear from the address bar along with the token', () => {
      expect(createStytchAdapter({ publicToken: TEST_TOKEN }).callbackParams).toEqual(['stytch_token_type'])
    })
  })

  describe('start with a public token', () => {
    it('posts to the test SDK endpoint with Basic auth of the token and exactly the expected fields', async () => {
      respondOk(TEST_START)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput())

      expect(requests).toHaveLength(1)
      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(TEST_START)
      expect(request.headers.authorization).toBe(TEST_AUTHORIZATION)
      expect(request.headers['content-type']).toBe('application/json')
      expect(request.headers.accept).toBe('application/json')
      expect(await bodyOf()).toStrictEqual({
        email: "o'brien+tag@sub.example.co.uk",
        reset_password_redirect_url: 'https://app.example.com/reset-password',
        code_challenge: CHALLENGE,
        locale: 'en',
      })
    })

    it('sends no cookies, bypasses the cache and sends no referrer', async () => {
      respondOk(TEST_START)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput())
      expect(requests[0]).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'strict-origin' })
    })

    it('sends every configured option under its Stytch name', async () => {
      respondOk(TEST_START)
      const adapter = createStytchAdapter({
        publicToken: TEST_TOKEN,
        loginRedirectUrl: 'https://app.example.com/login',
        expiresInMinutes: 60,
        templateId: 'reset_password_brand_2024',
      })
      await adapter.startReset(startInput({ locale: 'pt-BR' }))
      expect(await bodyOf()).toStrictEqual({
        email: "o'brien+tag@sub.example.co.uk",
        reset_password_redirect_url: 'https://app.example.com/reset-password',
        code_challenge: CHALLENGE,
        locale: 'pt-br',
        reset_password_expiration_minutes: 60,
        login_redirect_url: 'https://app.example.com/login',
        reset_password_template_id: 'reset_password_brand_2024',
      })
    })

    it('lets the expiresInMinutes of the call win over the configured one', async () => {
      respondOk(TEST_START)
      await createStytchAdapter({ publicToken: TEST_TOKEN, expiresInMinutes: 60 }).startReset(
        startInput({ expiresInMinutes: 15 }),
      )
      expect((await bodyOf()).reset_password_expiration_minutes).toBe(15)
    })

    it('tells the flow how long its links live, so the verifier is kept as long (and nothing when unset)', () => {
      expect(createStytchAdapter({ publicToken: TEST_TOKEN, expiresInMinutes: 10_080 }).linkLifetimeMinutes).toBe(
        10_080,
      )
      // Not Stytch's 30-minute default: a verifier gone with the link would turn a link opened
      // late into "can't be used in this browser" instead of Stytch's own dead-link answer.
      expect(createStytchAdapter({ publicToken: TEST_TOKEN }).linkLifetimeMinutes).toBeUndefined()
    })

    it('leaves out every optional field nobody set, rather than sending null or undefined', async () => {
      respondOk(TEST_START)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput())
      const body = await bodyOf()
      expect(requests[0]!.bodyText).not.toContain('null')
      expect(Object.keys(body).sort()).toEqual(['code_challenge', 'email', 'locale', 'reset_password_redirect_url'])
    })

    it('uses api.stytch.com for a live token', async () => {
      respondOk('https://api.stytch.com/sdk/v1/passwords/email/reset/start')
      await createStytchAdapter({ publicToken: LIVE_TOKEN }).startReset(startInput())
      expect(requests[0]!.url).toBe('https://api.stytch.com/sdk/v1/passwords/email/reset/start')
      expect(requests[0]!.headers.authorization).toBe(`Basic ${btoa(`${LIVE_TOKEN}:${LIVE_TOKEN}`)}`)
    })

    it('calls apiBaseUrl instead, such as the local emulator, ignoring a trailing slash', async () => {
      respondOk('http://127.0.0.1:5173/__emulator/stytch/sdk/v1/passwords/email/reset/start')
      await createStytchAdapter({
        publicToken: TEST_TOKEN,
        apiBaseUrl: 'http://127.0.0.1:5173/__emulator/stytch/',
      }).startReset(startInput())
      expect(requests[0]!.url).toBe('http://127.0.0.1:5173/__emulator/stytch/sdk/v1/passwords/email/reset/start')
      expect(requests[0]!.headers.authorization).toBe(TEST_AUTHORIZATION)
    })

    it('never puts the PKCE verifier in the start request', async () => {
      respondOk(TEST_START)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput())
      const request = requests[0]!
      const body = JSON.stringify(await bodyOf())
      expect(request.url).not.toContain(VERIFIER)
      expect(Object.values(request.headers).join('\n')).not.toContain(VERIFIER)
      expect(body).not.toContain(VERIFIER)
      expect(body).toContain(CHALLENGE)
    })

    it('refuses to start without a challenge, sending nothing', async () => {
      const error = await rejection(
        createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput({ codeChallenge: undefined })),
      )
      expect(error.code).toBe('misconfigured')
      expect(requests).toHaveLength(0)
    })

    it('refuses an out-of-range expiresInMinutes from the call, sending nothing', async () => {
      const error = await rejection(
        createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput({ expiresInMinutes: 2 })),
      )
      expect(error.code).toBe('misconfigured')
      expect(error.cause).toBeInstanceOf(TypeError)
      expect(requests).toHaveLength(0)
    })
  })

  describe('locale', () => {
    it.each([
      ['en', 'en'],
      ['en-GB', 'en'],
      ['es', 'es'],
      ['es-MX', 'es'],
      ['es-419', 'es'],
      ['fr', 'fr'],
      ['fr-CA', 'fr'],
      ['pt', 'pt-br'],
      ['pt-PT', 'pt-br'],
      ['pt-BR', 'pt-br'],
      ['pt_br', 'pt-br'],
      // BCP 47 tags are case-insensitive, and a tag read from a header or a config may carry spaces.
      ['PT-PT', 'pt-br'],
      ['ES-MX', 'es'],
      [' fr-CA ', 'fr'],
      ['de', 'en'],
      ['ja-JP', 'en'],
      ['', 'en'],
    ])('sends %j as %j', async (locale, expected) => {
      respondOk(TEST_START)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput({ locale }))
      expect((await bodyOf()).locale).toBe(expected)
    })
  })

  describe('complete', () => {
    it('posts exactly the token, the password as typed, the verifier and the shortest session Stytch allows', async () => {
      respondOk(TEST_COMPLETE)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).completeReset(completeInput())

      const request = requests[0]!
      expect(request.method).toBe('POST')
      expect(request.url).toBe(TEST_COMPLETE)
      expect(request.headers.authorization).toBe(TEST_AUTHORIZATION)
      expect(request).toMatchObject({ credentials: 'omit', cache: 'no-store', referrerPolicy: 'strict-origin' })
      expect(await bodyOf()).toStrictEqual({
        token: 'DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=',
        password: '  correct horse battery staple 🐴  ',
        code_verifier: VERIFIER,
        // Every Stytch SDK sends it to the SDK endpoint; the session that comes back is dropped.
        session_duration_minutes: 5,
      })
    })

    it('keeps the token out of the URL', async () => {
      respondOk(TEST_COMPLETE)
      await createStytchAdapter({ publicToken: TEST_TOKEN }).completeReset(completeInput())
      expect(requests[0]!.url).not.toContain('DOYoip3rvIMMW5lgItikFK')
    })

    it('fails with verifier_missing and sends nothing when there is no verifier', async () => {
      const error = await rejection(
        createStytchAdapter({ publicToken: TEST_TOKEN }).completeReset(completeInput({ codeVerifier: undefined })),
      )
      expect(error.code).toBe('verifier_missing')
      expect(requests).toHaveLength(0)
    })
  })

  describe('through your server (baseUrl)', () => {
    it('posts the same bodies to {baseUrl}/passwords/email/reset/start and …/reset, without Stytch auth', async () => {
      respondOk('https://app.example.com/api/auth/passwords/email/reset/start')
      respondOk('https://app.example.com/api/auth/passwords/email/reset')
      const adapter = createStytchAdapter({ baseUrl: 'https://app.example.com/api/auth/' })

      await adapter.startReset(startInput())
      await adapter.completeReset(completeInput())

      expect(requests.map((request) => request.url)).toEqual([
        'https://app.example.com/api/auth/passwords/email/reset/start',
        'https://app.example.com/api/auth/passwords/email/reset',
      ])
      expect(requests[0]!.headers.authorization).toBeUndefined()
      expect(requests[0]!.credentials).toBe('same-origin')
      expect(await bodyOf(0)).toStrictEqual({
        email: "o'brien+tag@sub.example.co.uk",
        reset_password_redirect_url: 'https://app.example.com/reset-password',
        code_challenge: CHALLENGE,
        locale: 'en',
      })
      expect(await bodyOf(1)).toStrictEqual({
        token: 'DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=',
        password: '  correct horse battery staple 🐴  ',
        code_verifier: VERIFIER,
      })
    })

    it("takes a path on the page's own origin as baseUrl", async () => {
      const root = new URL('/api/stytch/passwords/email/reset', location.href).href
      respondOk(`${root}/start`)
      respondOk(root)
      const adapter = createStytchAdapter({ baseUrl: '/api/stytch/' })
      await adapter.startReset(startInput())
      await adapter.completeReset(completeInput())
      expect(requests.map((request) => request.url)).toEqual([`${root}/start`, root])
    })

    it('sends the configured headers and credentials', async () => {
      respondOk('https://app.example.com/api/auth/passwords/email/reset/start')
      await createStytchAdapter({
        baseUrl: 'https://app.example.com/api/auth',
        headers: { 'X-CSRF-Token': 'csrf-123' },
        credentials: 'include',
      }).startReset(startInput())
      expect(requests[0]!.headers['x-csrf-token']).toBe('csrf-123')
      expect(requests[0]!.credentials).toBe('include')
    })
  })

  describe('configuration mistakes throw a TypeError at once', () => {
    it.each([4, 10_081, 2.5, 7.5, 0, -30, Number.NaN])('expiresInMinutes %s', (expiresInMinutes) => {
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, expiresInMinutes })).toThrow(TypeError)
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, expiresInMinutes })).toThrow(
        `from 5 to 10080 (7 days), the range Stytch allows; got ${String(expiresInMinutes)}.`,
      )
    })

    it('accepts the bounds 5 and 10080', () => {
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, expiresInMinutes: 5 })).not.toThrow()
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, expiresInMinutes: 10_080 })).not.toThrow()
    })

    it('a token that is not a public token', () => {
      expect(() => createStytchAdapter({ publicToken: 'pk_test_123' })).toThrow(
        /`publicToken` must be the project's public token .* starts with "public-token-"/,
      )
      expect(() => createStytchAdapter({ publicToken: '' })).toThrow(TypeError)
      // The README's placeholder pasted as it is.
      expect(() => createStytchAdapter({ publicToken: 'public-token-live-…' })).toThrow(
        'pasted whole, with no spaces and no placeholder such as "…".',
      )
      expect(() => createStytchAdapter({ publicToken: ['public-token-test-x'] as never })).toThrow(
        '`publicToken` must be',
      )
    })

    it('no options object', () => {
      expect(() => createStytchAdapter(undefined as never)).toThrow('createStytchAdapter needs an options object')
    })

    it.each(['', 42])('templateId %j', (templateId) => {
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, templateId: templateId as string })).toThrow(
        '`templateId` must be the id of a Stytch email template',
      )
    })

    it('an empty id, naming the default as the example', () => {
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, id: '' })).toThrow(
        '`id` must be a non-empty string naming the backend, such as "stytch"',
      )
    })

    it('a project secret given as the token, without repeating the secret', () => {
      const secret = 'secret-test-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA=='
      let thrown: unknown
      try {
        createStytchAdapter({ publicToken: secret })
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(TypeError)
      expect((thrown as TypeError).message).toMatch(/looks like a Stytch project secret/)
      expect((thrown as TypeError).message).not.toContain(secret)
    })

    it.each([
      ['apiBaseUrl', { publicToken: TEST_TOKEN, apiBaseUrl: '/__emulator/stytch' }],
      ['apiBaseUrl', { publicToken: TEST_TOKEN, apiBaseUrl: 'ftp://stytch.example.com' }],
      ['baseUrl', { baseUrl: '//app.example.com/api/auth' }],
      // The parser would drop the tab once the adapter appends its path: `//passwords/…`.
      ['baseUrl', { baseUrl: '/\t' }],
      ['baseUrl', { baseUrl: 'app.example.com/api/auth' }],
      ['loginRedirectUrl', { publicToken: TEST_TOKEN, loginRedirectUrl: '/login' }],
    ] as const)('a relative or non-http %s', (name, options) => {
      expect(() => createStytchAdapter(options)).toThrow(TypeError)
      expect(() => createStytchAdapter(options)).toThrow(
        name === 'baseUrl'
          ? '`baseUrl` must be a path on this site or an absolute http(s) URL'
          : `\`${name}\` must be an absolute http(s) URL`,
      )
    })

    it('both modes at once, or neither', () => {
      const both = { publicToken: TEST_TOKEN, baseUrl: 'https://app.example.com/api/auth' }
      // @ts-expect-error The option types make the two modes exclusive.
      expect(() => createStytchAdapter(both)).toThrow('pass either `publicToken`')
      expect(() => createStytchAdapter({} as never)).toThrow('needs `publicToken`')
    })

    it('a timeoutMs that is not a positive number', () => {
      expect(() => createStytchAdapter({ publicToken: TEST_TOKEN, timeoutMs: 0 })).toThrow('`timeoutMs` must be')
    })
  })

  describe('recorded Stytch errors', () => {
    it.each<[string, StytchFixture, 'start' | 'complete', ResetErrorCode, ResetErrorField | undefined]>([
      ['too_many_requests', fixtures.tooManyRequests, 'start', 'rate_limited', undefined],
      ['too_many_requests', fixtures.tooManyRequests, 'complete', 'rate_limited', undefined],
      ['invalid_email', fixtures.invalidEmail, 'start', 'invalid_email', 'email'],
      [
        'invalid_password_reset_redirect_url',
        fixtures.invalidPasswordResetRedirectUrl,
        'start',
        'redirect_not_allowed',
        undefined,
      ],
      [
        'no_password_reset_redirect_url',
        fixtures.noPasswordResetRedirectUrl,
        'start',
        'redirect_not_allowed',
        undefined,
      ],
      ['invalid_login_redirect_url', fixtures.invalidLoginRedirectUrl, 'start', 'redirect_not_allowed', undefined],
      [
        'no_match_for_provided_magic_link_url (a 404)',
        fixtures.noMatchForProvidedMagicLinkUrl,
        'start',
        'redirect_not_allowed',
        undefined,
      ],
      ['unauthorized_credentials', fixtures.unauthorizedCredentials, 'start', 'misconfigured', undefined],
      ['endpoint_not_authorized_for_sdk', fixtures.endpointNotAuthorizedForSdk, 'start', 'misconfigured', undefined],
      ['bad_domain_for_stytch_sdk', fixtures.badDomainForStytchSdk, 'start', 'misconfigured', undefined],
      ['captcha_required', fixtures.captchaRequired, 'start', 'misconfigured', undefined],
      // A 429, but no wait gets past a CAPTCHA the kit cannot show: not a countdown to nowhere.
      ['captcha_failed (a 429)', fixtures.captchaFailed, 'start', 'misconfigured', undefined],
      ['captcha_failed (a 429)', fixtures.captchaFailed, 'complete', 'misconfigured', undefined],
      // Stytch's own 404 for a path it does not have: an apiBaseUrl with a stray path such as
      // "https://test.stytch.com/v1", or a server route that forwards to the wrong Stytch path.
      ['route_not_found', fixtures.routeNotFound, 'start', 'misconfigured', undefined],
      ['route_not_found', fixtures.routeNotFound, 'complete', 'misconfigured', undefined],
      ['internal_server_error', fixtures.internalServerError, 'start', 'server', undefined],
      ['server_unavailable', fixtures.serverUnavailable, 'complete', 'server', undefined],
      [
        'unable_to_auth_password_reset_token',
        fixtures.unableToAuthPasswordResetToken,
        'complete',
        'token_invalid',
        undefined,
      ],
      ['invalid_token', fixtures.invalidToken, 'complete', 'token_invalid', undefined],
      ['user_not_found at completion', fixtures.userNotFound, 'complete', 'token_invalid', undefined],
      ['pkce_expected_code_verifier', fixtures.pkceExpectedCodeVerifier, 'complete', 'verifier_missing', undefined],
      ['pkce_mismatch', fixtures.pkceMismatch, 'complete', 'verifier_mismatch', undefined],
      [
        'pkce_did_not_expect_code_verifier',
        fixtures.pkceDidNotExpectCodeVerifier,
        'complete',
        'verifier_mismatch',
        undefined,
      ],
      ['weak_password', fixtures.weakPassword, 'complete', 'password_weak', 'password'],
      ['breached_password', fixtures.breachedPassword, 'complete', 'password_breached', 'password'],
      ['unauthorized_credentials', fixtures.unauthorizedCredentials, 'complete', 'misconfigured', undefined],
    ])('%s on %s → %s', async (_name, fixture, step, code, field) => {
      const url = step === 'start' ? TEST_START : TEST_COMPLETE
      respondWith(url, fixture)
      const adapter = createStytchAdapter({ publicToken: TEST_TOKEN })

      const error = await rejection(
        step === 'start' ? adapter.startReset(startInput()) : adapter.completeReset(completeInput()),
      )

      expect(error.code).toBe(code)
      expect(error.field).toBe(field)
      expect(error.message).toBe(code)
      expect(error.cause).toEqual(fixture.body)
      expect(JSON.stringify({ ...error, message: error.message, cause: undefined })).not.toContain(
        fixture.body.error_message,
      )
    })

    it.each([
      ['email_not_found', fixtures.emailNotFound],
      ['user_not_found', fixtures.userNotFound],
    ])('%s on start resolves like a sent email', async (_name, fixture) => {
      respondWith(TEST_START, fixture)
      await expect(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput())).resolves.toBeUndefined()
    })

    it('passes on the Retry-After of a 429 in seconds', async () => {
      respondWith(TEST_START, fixtures.tooManyRequests)
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBe(30)
    })

    it('passes on the Retry-After of a 429 given as an HTTP date', async () => {
      const at = new Date(Date.now() + 90_000).toUTCString()
      respondWith(TEST_START, { ...fixtures.tooManyRequests, headers: { 'Retry-After': at } })
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(88)
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(90)
    })

    it('treats any 429 as rate_limited, even without a Stytch body', async () => {
      server.use(http.post(TEST_START, () => new HttpResponse('slow down', { status: 429 })))
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))
      expect(error.code).toBe('rate_limited')
      expect(error.retryAfterSeconds).toBeUndefined()
    })

    it('turns a 502 HTML page into server, keeping none of the HTML', async () => {
      const html = '<html><body><h1>502 Bad Gateway</h1><script>alert("x")</script></body></html>'
      server.use(
        http.post(
          TEST_COMPLETE,
          () => new HttpResponse(html, { status: 502, headers: { 'Content-Type': 'text/html' } }),
        ),
      )
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).completeReset(completeInput()))
      expect(error.code).toBe('server')
      expect(error.cause).toBeUndefined()
      const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack })
      expect(everything).not.toContain('Bad Gateway')
      expect(everything).not.toContain('<script>')
    })

    it('turns an HTML 4xx page into unknown', async () => {
      server.use(http.post(TEST_START, () => new HttpResponse('<html>Teapot</html>', { status: 418 })))
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))
      expect(error.code).toBe('unknown')
      expect(error.cause).toBeUndefined()
    })

    it('turns a plain-text 403 "Captcha required" from the SDK endpoints into misconfigured, not a retry that cannot work', async () => {
      // stytchauth/stytch-browser packages/core/src/NetworkClient.ts reads a non-JSON error as text
      // and treats "Captcha required" as its CAPTCHA demand (NetworkClient.spec.ts: a 403, application/html).
      server.use(
        http.post(
          TEST_START,
          () =>
            new HttpResponse('Captcha required', {
              status: 403,
              headers: { 'Content-Type': 'application/html; utf8' },
            }),
        ),
      )
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))
      expect(error.code).toBe('misconfigured')
      expect(error.cause).toBeUndefined()
    })

    it("turns the demo emulator's route_not_found, for an apiBaseUrl with a stray path, into misconfigured", async () => {
      // The emulator answers a path it does not have the way Stytch does (404 route_not_found).
      const emulator = createStytchEmulator()
      server.use(
        http.post('http://127.0.0.1:5173/__emulator/stytch/*', async ({ request }) => {
          const answer = await emulator.handle({
            method: 'POST',
            path: new URL(request.url).pathname.replace('/__emulator/stytch', ''),
            headers: Object.fromEntries(request.headers.entries()),
            body: await request.json(),
          })
          return HttpResponse.json(answer.body as Record<string, unknown>, {
            status: answer.status,
            headers: answer.headers,
          })
        }),
      )
      const adapter = createStytchAdapter({
        publicToken: TEST_TOKEN,
        apiBaseUrl: 'http://127.0.0.1:5173/__emulator/stytch/v1',
      })
      const error = await rejection(adapter.startReset(startInput({ redirectUrl: 'http://127.0.0.1:5173/reset' })))
      expect(error.code).toBe('misconfigured')
      expect(error.cause).toMatchObject({ status_code: 404, error_type: 'route_not_found' })
    })

    it('turns an error_type it does not know into unknown, or server for a 5xx', async () => {
      const unknownType = { ...fixtures.invalidEmail.body, error_type: 'brand_new_error' }
      server.use(http.post(TEST_START, () => HttpResponse.json(unknownType, { status: 400 })))
      expect((await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))).code).toBe(
        'unknown',
      )
      server.use(http.post(TEST_START, () => HttpResponse.json(unknownType, { status: 503 })))
      expect((await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))).code).toBe(
        'server',
      )
    })

    it('treats a 2xx as success, even with an empty or plain-text body', async () => {
      const adapter = createStytchAdapter({ publicToken: TEST_TOKEN })
      server.use(http.post(TEST_START, () => new HttpResponse(null, { status: 200 })))
      await expect(adapter.startReset(startInput())).resolves.toBeUndefined()
      server.use(http.post(TEST_COMPLETE, () => HttpResponse.text('ok')))
      await expect(adapter.completeReset(completeInput())).resolves.toBeUndefined()
    })

    it("rejects a 2xx HTML page with misconfigured: a proxy path with nothing behind it, answered by the host's fallback", async () => {
      const adapter = createStytchAdapter({ baseUrl: 'https://app.example.com/api/stytch' })
      server.use(
        http.post('https://app.example.com/api/stytch/*', () =>
          HttpResponse.html('<!doctype html><div id="root"></div>'),
        ),
      )
      expect((await rejection(adapter.startReset(startInput()))).code).toBe('misconfigured')
      expect((await rejection(adapter.completeReset(completeInput()))).code).toBe('misconfigured')
    })
  })

  describe('transport failures', () => {
    it('reports a network failure as network', async () => {
      server.use(http.post(TEST_START, () => HttpResponse.error()))
      const error = await rejection(createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(startInput()))
      expect(error.code).toBe('network')
    })

    it('reports a request slower than timeoutMs as timeout', async () => {
      server.use(
        http.post(TEST_COMPLETE, async () => {
          await delay(1_000)
          return HttpResponse.json({})
        }),
      )
      const adapter = createStytchAdapter({ publicToken: TEST_TOKEN, timeoutMs: 30 })
      const error = await rejection(adapter.completeReset(completeInput()))
      expect(error.code).toBe('timeout')
    })

    it('R3: a timeoutMs too long for setTimeout (over 2^31 - 1 ms) waits, rather than timing out at once', async () => {
      server.use(
        http.post(TEST_START, async () => {
          await delay(50)
          return HttpResponse.json({ status_code: 200, request_id: 'request-id-test-ok' })
        }),
      )
      const adapter = createStytchAdapter({ publicToken: TEST_TOKEN, timeoutMs: Number.MAX_SAFE_INTEGER })
      await expect(adapter.startReset(startInput())).resolves.toBeUndefined()
    })

    it('stops when the caller aborts, rejecting with the abort reason rather than a ResetError', async () => {
      server.use(
        http.post(TEST_START, async () => {
          await delay(1_000)
          return HttpResponse.json({})
        }),
      )
      const controller = new AbortController()
      const pending = createStytchAdapter({ publicToken: TEST_TOKEN }).startReset(
        startInput({ signal: controller.signal }),
      )
      setTimeout(() => controller.abort(), 10)
      const reason = await pending.then(
        () => undefined,
        (error: unknown) => error,
      )
      expect(reason).toMatchObject({ name: 'AbortError' })
      expect(reason).not.toBeInstanceOf(ResetError)
    })
  })

  describe('validateCallbackParams', () => {
    const adapter = createStytchAdapter({ publicToken: TEST_TOKEN })

    it('accepts a reset link, with or without stytch_token_type', () => {
      expect(() => adapter.validateCallbackParams!(new URLSearchParams('token=abc'))).not.toThrow()
      expect(() =>
        adapter.validateCallbackParams!(new URLSearchParams('stytch_token_type=reset_password&token=abc')),
      ).not.toThrow()
    })

    it.each(['magic_links', 'oauth', 'login', ''])('refuses a link of type %j as token_invalid', (type) => {
      let thrown: unknown
      try {
        adapter.validateCallbackParams!(new URLSearchParams({ stytch_token_type: type, token: 'abc' }))
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(ResetError)
      expect((thrown as ResetError).code).toBe('token_invalid')
    })
  })

  describe('mapStytchError, every error_type it knows', () => {
    // The whole table, written out: how the adapter stores it may change, what it maps may not.
    const TABLE: Array<[ResetErrorCode, ResetErrorField | undefined, string[]]> = [
      ['invalid_email', 'email', ['invalid_email']],
      [
        'token_invalid',
        undefined,
        ['unable_to_auth_password_reset_token', 'unable_to_auth_magic_link', 'invalid_token'],
      ],
      ['verifier_missing', undefined, ['pkce_expected_code_verifier']],
      [
        'verifier_mismatch',
        undefined,
        ['pkce_mismatch', 'pkce_did_not_expect_code_verifier', 'invalid_pkce_code_verifier'],
      ],
      ['password_weak', 'password', ['weak_password']],
      ['password_breached', 'password', ['breached_password']],
      [
        'redirect_not_allowed',
        undefined,
        [
          'invalid_password_reset_redirect_url',
          'no_password_reset_redirect_url',
          'invalid_login_redirect_url',
          'no_login_redirect_url',
          'no_match_for_provided_magic_link_url',
        ],
      ],
      [
        'misconfigured',
        undefined,
        [
          'unauthorized_credentials',
          'unauthorized_credentials_homepage',
          'invalid_authorization_header',
          'invalid_project_id_authentication',
          'invalid_secret_authentication',
          'unauthorized_project_id_live',
          'unauthorized_project_id_test',
          'test_id_used_in_live_environment',
          'live_id_used_in_test_environment',
          'wrong_stack_live',
          'wrong_stack_test',
          'project_not_found',
          'public_token_required',
          'public_token_not_found',
          'invalid_public_token_id',
          'bad_domain_for_stytch_sdk',
          'endpoint_not_authorized_for_sdk',
          'passwords_incompatible_with_sdk_config',
          'cname_required_for_http_only_cookies',
          'cname_invalid_for_http_only_cookies',
          'invalid_consumer_endpoint',
          'email_template_not_found',
          'invalid_template_id',
          'invalid_locale',
          'invalid_expiration',
          'invalid_pkce_code_challenge',
          'captcha_required',
          'use_https',
          'route_not_found',
        ],
      ],
    ]
    const rows = TABLE.flatMap(([code, field, types]) => types.map((type) => [type, code, field] as const))

    function response(status: number, errorType: string, retryAfterSeconds?: number) {
      const body = { status_code: status, request_id: 'request-id-test-1', error_type: errorType, error_message: 'x' }
      return { status, ok: false, body, retryAfterSeconds }
    }

    it.each(rows)('%s → %s', (type, code, field) => {
      for (const status of [400, 401, 403, 404, 500]) {
        for (const step of ['start', 'complete'] as const) {
          const error = mapStytchError(response(status, type, 30), step) as ResetError
          expect(error).toBeInstanceOf(ResetError)
          expect({ code: error.code, field: error.field, retryAfterSeconds: error.retryAfterSeconds }).toEqual({
            code,
            field,
            retryAfterSeconds: undefined,
          })
          expect(error.cause).toEqual(response(status, type).body)
        }
      }
    })

    it('maps too_many_requests to rate_limited with its wait, whatever the status', () => {
      const error = mapStytchError(response(400, 'too_many_requests', 12), 'complete')
      expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 12, field: undefined })
    })

    it('leaves internal_server_error and server_unavailable to their 5xx status: server', () => {
      expect(mapStytchError(response(500, 'internal_server_error'), 'start')).toMatchObject({ code: 'server' })
      expect(mapStytchError(response(503, 'server_unavailable'), 'complete')).toMatchObject({ code: 'server' })
    })

    it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', '', ' ', 'invalid_email weak_password'])(
      'treats %j as an error_type it does not know',
      (type) => {
        expect(mapStytchError(response(400, type), 'start')).toMatchObject({ code: 'unknown', field: undefined })
        expect(mapStytchError(response(502, type), 'complete')).toMatchObject({ code: 'server' })
      },
    )

    it.each([undefined, '<html>Not Found</html>'])(
      'a 404 without a Stytch body (body %j) is misconfigured: a base URL that leads nowhere',
      (body) => {
        for (const step of ['start', 'complete'] as const) {
          expect(mapStytchError({ status: 404, ok: false, body, retryAfterSeconds: undefined }, step)).toMatchObject({
            code: 'misconfigured',
          })
        }
      },
    )

    it.each([null, {}, { error_message: 'Not Found' }, { error_type: 404 }])(
      "a 404 whose JSON body %j is not Stytch's is misconfigured, keeping the body as its cause",
      (body) => {
        expect(isStytchErrorBody(body)).toBe(false)
        for (const step of ['start', 'complete'] as const) {
          const error = mapStytchError({ status: 404, ok: false, body, retryAfterSeconds: undefined }, step)
          expect(error).toBeInstanceOf(ResetError)
          expect(error).toMatchObject({ code: 'misconfigured', cause: body })
        }
      },
    )

    it('maps any 429 to rate_limited with its wait, even when its error_type names another error (captcha_failed aside)', () => {
      for (const type of ['weak_password', 'invalid_email', 'unauthorized_credentials']) {
        expect(mapStytchError(response(429, type, 12), 'complete')).toMatchObject({
          code: 'rate_limited',
          retryAfterSeconds: 12,
        })
      }
    })

    it.each(['email_not_found', 'user_not_found'])('%s: neutral at start, token_invalid at completion', (type) => {
      for (const status of [400, 404]) {
        expect(mapStytchError(response(status, type), 'start')).toBe('neutral')
        expect(mapStytchError(response(status, type), 'complete')).toMatchObject({ code: 'token_invalid' })
      }
    })
  })
})
