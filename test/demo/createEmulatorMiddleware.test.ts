// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import {
  createEmulatorSuite,
  createStytchEmulator,
  DEMO_STACK_AUTH_PROJECT,
  DEMO_SUPABASE_ANON_KEY,
  type NodeMount,
} from '../../demo/emulator'
import { createEmulatorMiddleware } from '../../demo/emulator/emulatorPlugin'

const PUBLIC_TOKEN = 'public-token-test-00000000-0000-0000-0000-000000000000'
const AUTH = `Basic ${btoa(`${PUBLIC_TOKEN}:${PUBLIC_TOKEN}`)}`

let server: Server
let base: string
const emulator = createStytchEmulator()

beforeAll(async () => {
  const middleware = createEmulatorMiddleware(emulator)
  server = createServer((request, response) => middleware(request, response))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
})

beforeEach(() => {
  emulator.reset()
  emulator.configure({ rateLimitPerMinute: 5 })
})

function startReset(
  body: unknown = { email: 'ada@example.com', reset_password_redirect_url: 'http://127.0.0.1:5173/reset' },
) {
  return fetch(`${base}/__emulator/stytch/sdk/v1/passwords/email/reset/start`, {
    method: 'POST',
    headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

describe('createEmulatorMiddleware', () => {
  it('serves the emulator under /__emulator/stytch with JSON and no-store', async () => {
    const response = await startReset()
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toMatchObject({ data: { status_code: 200 } })
  })

  it('passes headers through, lower-cased, so Basic auth is checked', async () => {
    const response = await fetch(`${base}/__emulator/stytch/sdk/v1/passwords/email/reset/start`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', reset_password_redirect_url: 'http://127.0.0.1:5173/reset' }),
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error_type: 'unauthorized_credentials' })
  })

  it('answers a body that is not JSON with bad_request', async () => {
    const response = await startReset('{not json')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error_type: 'bad_request' })
  })

  it('forwards Retry-After on 429', async () => {
    emulator.configure({ rateLimitPerMinute: 1 })
    expect((await startReset()).status).toBe(200)
    const limited = await startReset()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('lists the outbox with GET and resets the emulator with DELETE', async () => {
    await startReset()
    const listed = await fetch(`${base}/__emulator/outbox`)
    expect(listed.status).toBe(200)
    expect(listed.headers.get('cache-control')).toBe('no-store')
    const emails = (await listed.json()) as Array<{ to: string; link: string }>
    expect(emails).toHaveLength(1)
    expect(emails[0]?.to).toBe('ada@example.com')

    const cleared = await fetch(`${base}/__emulator/outbox`, { method: 'DELETE' })
    expect(cleared.status).toBe(204)
    expect(await (await fetch(`${base}/__emulator/outbox`)).json()).toEqual([])
  })

  it('changes the rate limit with POST /__emulator/config and rejects bad values', async () => {
    const changed = await fetch(`${base}/__emulator/config`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ rateLimitPerMinute: 50 }),
    })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toEqual({ rateLimitPerMinute: 50 })
    expect(emulator.config.rateLimitPerMinute).toBe(50)

    const bad = await fetch(`${base}/__emulator/config`, {
      method: 'POST',
      body: JSON.stringify({ rateLimitPerMinute: 0 }),
    })
    expect(bad.status).toBe(400)
    expect(emulator.config.rateLimitPerMinute).toBe(50)
  })

  it('answers 405 with Allow for other methods on the outbox', async () => {
    const response = await fetch(`${base}/__emulator/outbox`, { method: 'PUT' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, DELETE')
  })

  it('answers 404 for paths it does not own when there is no next middleware', async () => {
    const response = await fetch(`${base}/somewhere-else`)
    expect(response.status).toBe(404)
  })

  it('hands paths it does not own to next()', async () => {
    const middleware = createEmulatorMiddleware(emulator)
    const next = vi.fn()
    const fallthrough = createServer((request, response) =>
      middleware(request, response, () => {
        next()
        response.statusCode = 299
        response.end()
      }),
    )
    await new Promise<void>((resolve) => fallthrough.listen(0, '127.0.0.1', resolve))
    const port = (fallthrough.address() as AddressInfo).port
    try {
      const response = await fetch(`http://127.0.0.1:${port}/index.html`)
      expect(response.status).toBe(299)
      expect(next).toHaveBeenCalledTimes(1)
    } finally {
      await new Promise<void>((resolve) => fallthrough.close(() => resolve()))
    }
  })
})

describe('createEmulatorMiddleware with an emulator suite', () => {
  const STACK_HEADERS = {
    'Content-Type': 'application/json',
    'X-Stack-Project-Id': DEMO_STACK_AUTH_PROJECT.projectId,
    'X-Stack-Publishable-Client-Key': DEMO_STACK_AUTH_PROJECT.publishableClientKey,
    'X-Stack-Access-Type': 'client',
  }
  const mountRequests: Array<{ method: string; url: string; body: string }> = []
  const mount: NodeMount = {
    basePath: '/api/auth',
    async handler(request, response) {
      // Reads the stream itself: the middleware must hand it over unread.
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      mountRequests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        body: Buffer.concat(chunks).toString('utf8'),
      })
      response.statusCode = 200
      response.end('mounted')
    },
    reset: vi.fn(async () => undefined),
  }
  const suite = createEmulatorSuite({ mounts: [mount] })
  let suiteServer: Server
  let suiteBase: string

  beforeAll(async () => {
    const middleware = createEmulatorMiddleware(suite)
    suiteServer = createServer((request, response) => middleware(request, response))
    await new Promise<void>((resolve) => suiteServer.listen(0, '127.0.0.1', resolve))
    suiteBase = `http://127.0.0.1:${(suiteServer.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise<void>((resolve, reject) => suiteServer.close((error) => (error ? reject(error) : resolve())))
  })

  beforeEach(async () => {
    await suite.reset()
    mountRequests.length = 0
    vi.mocked(mount.reset).mockClear()
  })

  async function sendStackCode(): Promise<Response> {
    return fetch(`${suiteBase}/__emulator/stack-auth/api/v1/auth/password/send-reset-code`, {
      method: 'POST',
      headers: STACK_HEADERS,
      body: JSON.stringify({ email: 'ada@example.com', callback_url: `${suiteBase}/reset?backend=stack-auth` }),
    })
  }

  async function outbox(): Promise<Array<{ backend: string; to: string; link: string }>> {
    return (await (await fetch(`${suiteBase}/__emulator/outbox`)).json()) as Array<{
      backend: string
      to: string
      link: string
    }>
  }

  it('serves Stack Auth under /__emulator/stack-auth with its known-error header', async () => {
    expect(await (await sendStackCode()).json()).toEqual({ success: 'maybe, only if user with e-mail exists' })
    const refused = await fetch(`${suiteBase}/__emulator/stack-auth/api/v1/auth/password/reset/check-code`, {
      method: 'POST',
      headers: STACK_HEADERS,
      body: JSON.stringify({ code: 'x'.repeat(45) }),
    })
    expect(refused.status).toBe(404)
    expect(refused.headers.get('x-stack-known-error')).toBe('VERIFICATION_CODE_NOT_FOUND')
  })

  it('serves Supabase under /__emulator/supabase with the query string and Host, and forwards 303 redirects', async () => {
    const redirect = `${suiteBase}/reset?backend=supabase`
    const recovered = await fetch(
      `${suiteBase}/__emulator/supabase/auth/v1/recover?redirect_to=${encodeURIComponent(redirect)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', apikey: DEMO_SUPABASE_ANON_KEY },
        body: JSON.stringify({
          email: 'ada@example.com',
          code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
          code_challenge_method: 's256',
        }),
      },
    )
    expect(recovered.status).toBe(200)
    const [email] = await outbox()
    expect(email?.backend).toBe('supabase')
    expect(email?.link.startsWith(`${suiteBase}/__emulator/supabase/auth/v1/verify?`)).toBe(true)

    const verified = await fetch(email?.link ?? '', { redirect: 'manual' })
    expect(verified.status).toBe(303)
    const target = new URL(verified.headers.get('location') ?? '')
    expect(target.origin + target.pathname).toBe(`${suiteBase}/reset`)
    expect(target.searchParams.get('code')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('serves the own endpoint under /__emulator/http with 202 on start and { code } errors', async () => {
    const started = await fetch(`${suiteBase}/__emulator/http/api/password-reset/start`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'ada@example.com',
        redirectUrl: `${suiteBase}/reset?backend=http`,
        locale: 'en',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        codeChallengeMethod: 'S256',
      }),
    })
    expect(started.status).toBe(202)
    const [email] = await outbox()
    expect(email?.backend).toBe('http')
    const token = new URL(email?.link ?? '').searchParams.get('token')

    const mismatch = await fetch(`${suiteBase}/__emulator/http/api/password-reset/complete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password: 'a brand new passphrase', codeVerifier: 'x'.repeat(43) }),
    })
    expect(mismatch.status).toBe(403)
    expect(await mismatch.json()).toEqual({ code: 'verifier_mismatch' })
    const checked = await fetch(`${suiteBase}/__emulator/http/api/password-reset/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    })
    expect(checked.status).toBe(204)
  })

  it('lists every backend’s emails in one outbox, newest first', async () => {
    await sendStackCode()
    await fetch(`${suiteBase}/__emulator/stytch/sdk/v1/passwords/email/reset/start`, {
      method: 'POST',
      headers: { Authorization: AUTH, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'grace@example.com', reset_password_redirect_url: `${suiteBase}/reset` }),
    })
    expect((await outbox()).map((email) => [email.backend, email.to])).toEqual([
      ['stytch', 'grace@example.com'],
      ['stack-auth', 'ada@example.com'],
    ])
  })

  it('hands requests under a mount to its handler with the body unread', async () => {
    const response = await fetch(`${suiteBase}/api/auth/request-password-reset?x=1`, {
      method: 'POST',
      body: '{"email":"ada@example.com"}',
    })
    expect(await response.text()).toBe('mounted')
    expect(mountRequests).toEqual([
      { method: 'POST', url: '/api/auth/request-password-reset?x=1', body: '{"email":"ada@example.com"}' },
    ])
    // A path that only starts with the same letters is not under the mount.
    expect((await fetch(`${suiteBase}/api/authority`)).status).toBe(404)
  })

  it('DELETE /__emulator/outbox resets every backend, the mounts and the clock', async () => {
    await sendStackCode()
    await fetch(`${suiteBase}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 5000 }) })
    const cleared = await fetch(`${suiteBase}/__emulator/outbox`, { method: 'DELETE' })
    expect(cleared.status).toBe(204)
    expect(await outbox()).toEqual([])
    expect(mount.reset).toHaveBeenCalledTimes(1)
    expect(suite.clock.offsetMs).toBe(0)
  })

  it('moves the shared clock with POST /__emulator/clock, so links can expire in a running server', async () => {
    await sendStackCode()
    const code = new URL((await outbox())[0]?.link ?? '').searchParams.get('code')
    const check = () =>
      fetch(`${suiteBase}/__emulator/stack-auth/api/v1/auth/password/reset/check-code`, {
        method: 'POST',
        headers: STACK_HEADERS,
        body: JSON.stringify({ code }),
      })
    expect((await check()).status).toBe(200)

    const moved = await fetch(`${suiteBase}/__emulator/clock`, {
      method: 'POST',
      body: JSON.stringify({ advanceMs: 7 * 86_400_000 + 1 }),
    })
    expect(moved.status).toBe(200)
    expect(await moved.json()).toEqual({ now: expect.any(String), offsetMs: 7 * 86_400_000 + 1 })
    expect((await check()).headers.get('x-stack-known-error')).toBe('VERIFICATION_CODE_EXPIRED')

    const state = (await (await fetch(`${suiteBase}/__emulator/clock`)).json()) as { offsetMs: number }
    expect(state.offsetMs).toBe(7 * 86_400_000 + 1)
  })

  it.each([
    ['a negative advance', { advanceMs: -1 }],
    ['a string', { advanceMs: '5000' }],
    ['no body', undefined],
  ])('answers 400 to POST /__emulator/clock with %s', async (_name, body) => {
    const response = await fetch(`${suiteBase}/__emulator/clock`, {
      method: 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    expect(response.status).toBe(400)
    expect(suite.clock.offsetMs).toBe(0)
  })
})
