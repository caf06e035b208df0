import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { ResetError } from '../../src/core/ResetError'
import { DEFAULT_TIMEOUT_MS, errorForStatus, sendJson, type SendJsonResponse } from '../../src/core/sendJson'

const URL_START = 'https://api.example.test/reset/start'

const server = setupServer()

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' })
})

afterEach(() => {
  server.resetHandlers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

afterAll(() => {
  server.close()
})

function stubFetch(implementation: (url: string, init: RequestInit) => Promise<Response>) {
  const fetchMock = vi.fn(implementation)
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

/** A fetch that, like the real one, never answers and rejects with the signal's reason on abort. */
function hangingFetch(url: string, init: RequestInit): Promise<Response> {
  void url
  return new Promise((_, reject) => {
    const signal = init.signal!
    if (signal.aborted) return reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}

describe('sendJson', () => {
  describe('the request it makes', () => {
    it('T2: POSTs JSON with cache no-store, a referrer without path or query, no redirects and same-origin credentials', async () => {
      const fetchMock = stubFetch(async () => new Response('{}', { status: 200 }))
      await sendJson({
        url: URL_START,
        body: { email: 'ada@example.com', code_challenge: 'abc' },
        signal: new AbortController().signal,
      })
      expect(fetchMock).toHaveBeenCalledTimes(1)
      const [url, init] = fetchMock.mock.calls[0]!
      expect(url).toBe(URL_START)
      expect(init).toMatchObject({ method: 'POST', cache: 'no-store', credentials: 'same-origin' })
      // Either policy keeps the page's path and query (which may hold the token) out of the Referer;
      // the default 'strict-origin-when-cross-origin' and the others would send them same-origin.
      expect(['no-referrer', 'strict-origin']).toContain(init.referrerPolicy)
      // A followed redirect would re-send the body (token, password) wherever it points.
      expect(['error', 'manual']).toContain(init.redirect)
      const headers = new Headers(init.headers)
      expect(headers.get('accept')).toBe('application/json')
      expect(headers.get('content-type')).toBe('application/json')
      expect(JSON.parse(init.body as string)).toEqual({ email: 'ada@example.com', code_challenge: 'abc' })
      expect(init.signal).toBeInstanceOf(AbortSignal)
    })

    it("sends a path to the page's own origin, even under a <base href> that names another", async () => {
      const base = document.createElement('base')
      base.href = 'https://cdn.example.test/assets/'
      document.head.append(base)
      try {
        const fetchMock = stubFetch(async () => new Response('{}', { status: 200 }))
        await sendJson({ url: '/api/password-reset/complete', body: {}, signal: new AbortController().signal })
        expect(document.baseURI).toBe('https://cdn.example.test/assets/')
        expect(fetchMock.mock.calls[0]![0]).toBe(`${location.origin}/api/password-reset/complete`)
      } finally {
        base.remove()
      }
    })

    it('leaves an absolute URL as it is, also in a sandboxed frame, whose origin is "null"', async () => {
      vi.stubGlobal('location', { origin: 'null' })
      const fetchMock = stubFetch(async () => new Response('{}', { status: 200 }))
      await expect(sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })).resolves.toMatchObject(
        {
          status: 200,
        },
      )
      expect(fetchMock.mock.calls[0]![0]).toBe(URL_START)
    })

    it('sends no body and no Content-Type when there is no body', async () => {
      const fetchMock = stubFetch(async () => new Response(null, { status: 204 }))
      await sendJson({ url: URL_START, method: 'GET', signal: new AbortController().signal })
      const [, init] = fetchMock.mock.calls[0]!
      expect(init.method).toBe('GET')
      expect(init.body).toBeUndefined()
      expect(Object.fromEntries(new Headers(init.headers))).toEqual({ accept: 'application/json' })
      expect(init.cache).toBe('no-store')
      expect(['no-referrer', 'strict-origin']).toContain(init.referrerPolicy)
    })

    it("lets an integrator's content-type replace the default instead of doubling it", async () => {
      const fetchMock = stubFetch(async () => new Response('{}'))
      await sendJson({
        url: URL_START,
        headers: { 'content-type': 'application/vnd.api+json' },
        body: {},
        signal: new AbortController().signal,
      })
      expect(new Headers(fetchMock.mock.calls[0]![1].headers).get('content-type')).toBe('application/vnd.api+json')
    })

    it('merges extra headers and honours a credentials override', async () => {
      const fetchMock = stubFetch(async () => new Response('{}'))
      await sendJson({
        url: URL_START,
        method: 'PUT',
        headers: { Authorization: 'Basic abc', 'X-Stack-Access-Type': 'client' },
        body: { password: 'p' },
        credentials: 'include',
        signal: new AbortController().signal,
      })
      const [, init] = fetchMock.mock.calls[0]!
      expect(init.method).toBe('PUT')
      expect(init.credentials).toBe('include')
      expect(Object.fromEntries(new Headers(init.headers))).toEqual({
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: 'Basic abc',
        'x-stack-access-type': 'client',
      })
      expect(init.cache).toBe('no-store')
    })

    it('R3: uses a 15 s timeout by default', async () => {
      expect(DEFAULT_TIMEOUT_MS).toBe(15_000)
      vi.useFakeTimers()
      try {
        stubFetch(hangingFetch)
        const outcome = vi.fn()
        void sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }).catch(outcome)
        await vi.advanceTimersByTimeAsync(14_999)
        expect(outcome).not.toHaveBeenCalled()
        await vi.advanceTimersByTimeAsync(1)
        expect(outcome).toHaveBeenCalledWith(expect.objectContaining({ code: 'timeout' }))
      } finally {
        vi.useRealTimers()
      }
    })

    it('R3: leaves no timer and no abort listener behind once the answer is read', async () => {
      vi.useFakeTimers()
      try {
        stubFetch(async () => new Response('{}'))
        const signal = new AbortController().signal
        const add = vi.spyOn(signal, 'addEventListener')
        const remove = vi.spyOn(signal, 'removeEventListener')
        await sendJson({ url: URL_START, body: {}, signal })
        expect(vi.getTimerCount()).toBe(0)
        expect(remove.mock.calls.map(([type, listener]) => [type, listener])).toEqual(
          add.mock.calls.map(([type, listener]) => [type, listener]),
        )
      } finally {
        vi.useRealTimers()
      }
    })

    // Safari before 16 has neither AbortSignal.timeout nor AbortSignal.any; before 17.4, no `any`.
    it.each(['timeout', 'any'] as const)(
      'R3: works without AbortSignal.%s: sends, times out and aborts',
      async (missing) => {
        vi.spyOn(AbortSignal, missing).mockImplementation(() => {
          throw new TypeError(`AbortSignal.${missing} is not a function`)
        })
        stubFetch(async () => new Response('{"ok":1}'))
        await expect(
          sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }),
        ).resolves.toMatchObject({ body: { ok: 1 } })
        stubFetch(hangingFetch)
        await expect(
          sendJson({ url: URL_START, body: {}, timeoutMs: 20, signal: new AbortController().signal }),
        ).rejects.toMatchObject({
          code: 'timeout',
        })
        const controller = new AbortController()
        const promise = sendJson({ url: URL_START, body: {}, timeoutMs: 60_000, signal: controller.signal })
        controller.abort(new Error('stop'))
        await expect(promise).rejects.toThrow('stop')
      },
    )

    it('R3: a body that stalls after the headers still times out', async () => {
      stubFetch(async (_url, init) => {
        const body = new ReadableStream({
          start(stream) {
            stream.enqueue(new TextEncoder().encode('{"partial":'))
            init.signal!.addEventListener('abort', () => stream.error(init.signal!.reason))
          },
        })
        return new Response(body, { status: 200 })
      })
      await expect(
        sendJson({ url: URL_START, body: {}, timeoutMs: 20, signal: new AbortController().signal }),
      ).rejects.toMatchObject({
        code: 'timeout',
      })
    })

    it('passes a signal that aborts when the caller aborts', async () => {
      const fetchMock = stubFetch(hangingFetch)
      const controller = new AbortController()
      const promise = sendJson({ url: URL_START, body: {}, signal: controller.signal }).catch(() => undefined)
      const [, init] = fetchMock.mock.calls[0]!
      expect(init.signal!.aborted).toBe(false)
      controller.abort(new Error('stop'))
      await promise
      expect(init.signal!.aborted).toBe(true)
    })
  })

  describe('failures before a response', () => {
    it('R3: a network error becomes ResetError network with the original as cause', async () => {
      const failure = new TypeError('Failed to fetch')
      stubFetch(async () => {
        throw failure
      })
      const error = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'network', message: 'network', cause: failure })
    })

    it('R3: a request slower than timeoutMs becomes ResetError timeout', async () => {
      stubFetch(hangingFetch)
      const error = await sendJson({
        url: URL_START,
        body: {},
        timeoutMs: 20,
        signal: new AbortController().signal,
      }).catch((caught: unknown) => caught)
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'timeout' })
    })

    it('R3: a timeoutMs beyond what setTimeout can hold (2^31 - 1 ms) does not time out at once', async () => {
      stubFetch(hangingFetch)
      const controller = new AbortController()
      const outcome = vi.fn()
      const done = sendJson({
        url: URL_START,
        body: {},
        timeoutMs: Number.MAX_SAFE_INTEGER,
        signal: controller.signal,
      }).catch(outcome)
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(outcome).not.toHaveBeenCalled()
      controller.abort()
      await done
    })

    it('R5: an external abort rejects with the abort reason, not a ResetError', async () => {
      stubFetch(hangingFetch)
      const controller = new AbortController()
      const reason = new DOMException('unmounted', 'AbortError')
      const promise = sendJson({ url: URL_START, body: {}, timeoutMs: 60_000, signal: controller.signal })
      controller.abort(reason)
      const error = await promise.catch((caught: unknown) => caught)
      expect(error).toBe(reason)
      expect(error).not.toBeInstanceOf(ResetError)
    })

    it("R5: rejects with the caller's abort reason even when fetch rejects with an AbortError of its own", async () => {
      // Older fetch implementations reject with a plain AbortError, whatever reason the signal carries.
      stubFetch(
        (_url, init) =>
          new Promise((_, reject) => {
            init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), {
              once: true,
            })
          }),
      )
      const controller = new AbortController()
      const reason = new Error('unmounted')
      const promise = sendJson({ url: URL_START, body: {}, timeoutMs: 60_000, signal: controller.signal })
      controller.abort(reason)
      await expect(promise).rejects.toBe(reason)
    })

    it('R5: an already aborted signal rejects with its reason and sends nothing over the wire', async () => {
      const fetchMock = stubFetch(hangingFetch)
      const controller = new AbortController()
      const reason = new Error('already gone')
      controller.abort(reason)
      await expect(sendJson({ url: URL_START, body: {}, signal: controller.signal })).rejects.toBe(reason)
      expect(fetchMock.mock.calls[0]![1].signal!.aborted).toBe(true)
    })

    it('R3: a real unreachable host (msw network error) becomes ResetError network', async () => {
      server.use(http.post(URL_START, () => HttpResponse.error()))
      await expect(sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })).rejects.toMatchObject({
        name: 'ResetError',
        code: 'network',
      })
    })
  })

  describe('the response (msw)', () => {
    it('sends the JSON body with its content type and parses a JSON answer', async () => {
      const received = vi.fn()
      server.use(
        http.post(URL_START, async ({ request }) => {
          received(request.headers.get('content-type'), await request.json())
          return HttpResponse.json({ request_id: 'r-1' }, { status: 200 })
        }),
      )
      const response = await sendJson({
        url: URL_START,
        body: { email: 'ada@example.com' },
        signal: new AbortController().signal,
      })
      expect(received).toHaveBeenCalledWith('application/json', { email: 'ada@example.com' })
      expect(response).toEqual({ status: 200, ok: true, body: { request_id: 'r-1' }, retryAfterSeconds: undefined })
    })

    it('R4: never throws for an HTTP error status and returns its JSON body', async () => {
      server.use(
        http.post(URL_START, () => HttpResponse.json({ error_type: 'reset_password_not_found' }, { status: 404 })),
      )
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response).toEqual({
        status: 404,
        ok: false,
        body: { error_type: 'reset_password_not_found' },
        retryAfterSeconds: undefined,
      })
    })

    it.each([300, 301, 302, 303, 307, 308])(
      'refuses to follow a %i redirect: ResetError misconfigured',
      async (status) => {
        server.use(
          http.post(
            URL_START,
            () => new HttpResponse(null, { status, headers: { Location: 'https://evil.example/collect' } }),
          ),
        )
        const error = await sendJson({
          url: URL_START,
          body: { token: 't', password: 'p' },
          signal: new AbortController().signal,
        }).catch((caught: unknown) => caught)
        expect(error).toBeInstanceOf(ResetError)
        expect(error).toMatchObject({ code: 'misconfigured' })
      },
    )

    it("refuses a browser's opaque redirect (status 0 under redirect: 'manual'): ResetError misconfigured", async () => {
      const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), text: async () => '' }
      stubFetch(async () => opaque as Response)
      const error = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }).catch(
        (caught: unknown) => caught,
      )
      expect(error).toBeInstanceOf(ResetError)
      expect(error).toMatchObject({ code: 'misconfigured' })
    })

    it('explains a redirect in the cause in development, and keeps only "redirect" in production builds', async () => {
      server.use(http.post(URL_START, () => new HttpResponse(null, { status: 302, headers: { Location: '/x' } })))
      const send = () =>
        sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }).catch(
          (caught: ResetError) => (caught.cause as Error).message,
        )
      expect(await send()).toBe('The endpoint answered with a redirect (302); configure its final URL.')
      vi.stubEnv('NODE_ENV', 'production')
      try {
        expect(await send()).toBe('redirect')
      } finally {
        vi.unstubAllEnvs()
      }
    })

    it('R4: a non-JSON body (an HTML error page) becomes undefined', async () => {
      server.use(
        http.post(URL_START, () =>
          HttpResponse.html('<html><body><img src=x onerror=alert(1)>Bad gateway</body></html>', { status: 502 }),
        ),
      )
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response.status).toBe(502)
      expect(response.ok).toBe(false)
      expect(response.body).toBeUndefined()
    })

    it('R4: an empty 200 has an undefined body', async () => {
      server.use(http.post(URL_START, () => new HttpResponse(null, { status: 200 })))
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response).toEqual({ status: 200, ok: true, body: undefined, retryAfterSeconds: undefined })
    })

    it.each([
      [
        'an app shell',
        '<!doctype html><html><head><title>My app</title></head><body><div id="root"></div></body></html>',
      ],
      ['an HTML page after blank lines', '\n\n  <html><body>Welcome</body></html>'],
    ])(
      "a 2xx HTML page (%s: a host's catch-all for a path with no endpoint) rejects with misconfigured, never reads as success",
      async (_, page) => {
        server.use(http.post(URL_START, () => HttpResponse.html(page)))
        const error = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }).catch(
          (caught: unknown) => caught,
        )
        expect(error).toBeInstanceOf(ResetError)
        expect(error).toMatchObject({ code: 'misconfigured' })
      },
    )

    it('explains a 2xx HTML page in the cause in development, and keeps only "html" in production builds', async () => {
      server.use(http.post(URL_START, () => HttpResponse.html('<!doctype html><title>App</title>', { status: 203 })))
      const send = () =>
        sendJson({ url: URL_START, body: {}, signal: new AbortController().signal }).catch(
          (caught: ResetError) => (caught.cause as Error).message,
        )
      expect(await send()).toBe('The endpoint answered 203 with an HTML page, not JSON; check its URL.')
      vi.stubEnv('NODE_ENV', 'production')
      try {
        expect(await send()).toBe('html')
      } finally {
        vi.unstubAllEnvs()
      }
    })

    it.each([
      ['plain text sent as text/html (Express `res.send("ok")`)', HttpResponse.html('ok')],
      ['plain text', HttpResponse.text('OK')],
      ['no body (204)', new HttpResponse(null, { status: 204 })],
    ])('a 2xx that is not HTML nor JSON (%s) still answers, with an undefined body', async (_, answer) => {
      server.use(http.post(URL_START, () => answer.clone()))
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response).toMatchObject({ ok: true, body: undefined })
    })

    it('an HTML error page with an error status is still returned for the adapter to map', async () => {
      server.use(http.post(URL_START, () => HttpResponse.html('<!doctype html><h1>Not found</h1>', { status: 404 })))
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response).toMatchObject({ status: 404, ok: false, body: undefined })
    })

    it('R1: reads Retry-After seconds', async () => {
      server.use(http.post(URL_START, () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '120' } })))
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response.retryAfterSeconds).toBe(120)
    })

    it('R1: reads X-Retry-After when there is no Retry-After', async () => {
      server.use(http.post(URL_START, () => HttpResponse.json({}, { status: 429, headers: { 'X-Retry-After': '30' } })))
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response.retryAfterSeconds).toBe(30)
    })

    it('R1: prefers Retry-After over X-Retry-After', async () => {
      server.use(
        http.post(URL_START, () =>
          HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '10', 'X-Retry-After': '99' } }),
        ),
      )
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response.retryAfterSeconds).toBe(10)
    })

    it('R1: falls back to X-Retry-After when Retry-After is unreadable', async () => {
      server.use(
        http.post(URL_START, () =>
          HttpResponse.json({}, { status: 429, headers: { 'Retry-After': 'soon', 'X-Retry-After': '45' } }),
        ),
      )
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response.retryAfterSeconds).toBe(45)
    })

    it('R1: reads an HTTP-date Retry-After against the current time', async () => {
      const inMinute = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000).toUTCString()
      server.use(
        http.post(URL_START, () => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': inMinute } })),
      )
      const response = await sendJson({ url: URL_START, body: {}, signal: new AbortController().signal })
      expect(response.retryAfterSeconds).toBeGreaterThanOrEqual(59)
      expect(response.retryAfterSeconds).toBeLessThanOrEqual(61)
    })
  })
})

describe('errorForStatus', () => {
  function response(status: number, overrides: Partial<SendJsonResponse> = {}): SendJsonResponse {
    return {
      status,
      ok: status >= 200 && status < 300,
      body: { error_message: 'User ada@example.com is locked' },
      retryAfterSeconds: undefined,
      ...overrides,
    }
  }

  it('R1: 429 becomes rate_limited with the wait and the body as cause', () => {
    const source = response(429, { retryAfterSeconds: 90 })
    const error = errorForStatus(source)
    expect(error).toBeInstanceOf(ResetError)
    expect(error).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 90, message: 'rate_limited' })
    expect(error.cause).toBe(source.body)
  })

  it('R1: 429 without a header leaves retryAfterSeconds undefined for the caller default', () => {
    expect(errorForStatus(response(429)).retryAfterSeconds).toBeUndefined()
  })

  it.each([500, 502, 503, 504])('R4: %i becomes server', (status) => {
    const error = errorForStatus(response(status))
    expect(error.code).toBe('server')
    expect(error.message).toBe('server')
  })

  it.each([400, 401, 403, 404, 422])('R4: %i becomes unknown, never showing the backend message', (status) => {
    const error = errorForStatus(response(status))
    expect(error.code).toBe('unknown')
    expect(error.message).not.toContain('ada@example.com')
  })
})
