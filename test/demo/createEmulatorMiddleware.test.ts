// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createStytchEmulator } from '../../demo/emulator'
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

function startReset(body: unknown = { email: 'ada@example.com', reset_password_redirect_url: 'http://127.0.0.1:5173/reset' }) {
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

    const bad = await fetch(`${base}/__emulator/config`, { method: 'POST', body: JSON.stringify({ rateLimitPerMinute: 0 }) })
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
