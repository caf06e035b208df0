// @vitest-environment node
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createBetterAuthServer, type BetterAuthResetEmail, type BetterAuthServer } from '../../demo/betterAuth'

const NEW_PASSWORD = 'a brand new passphrase'

interface Running {
  base: string
  auth: BetterAuthServer
  emails: BetterAuthResetEmail[]
  close(): Promise<void>
}

/** A real Better Auth server on a free loopback port, as the demo and the e2e tests run it. */
async function start(options: { rateLimit?: boolean } = {}): Promise<Running> {
  const emails: BetterAuthResetEmail[] = []
  // The server must listen before Better Auth can be told its URL, so the handler comes later.
  const mounted: { auth?: BetterAuthServer } = {}
  const server: Server = createServer((request, response) => {
    if (!mounted.auth) throw new Error('not ready')
    void mounted.auth.handler(request, response)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const auth = (mounted.auth = createBetterAuthServer({
    baseURL: base,
    onResetEmail: (email) => {
      emails.push(email)
    },
    rateLimit: options.rateLimit ?? false,
  }))
  await auth.ready
  return {
    base,
    auth,
    emails,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
}

function post(running: Running, path: string, body: unknown): Promise<Response> {
  return fetch(`${running.base}/api/auth${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: running.base },
    body: JSON.stringify(body),
  })
}

function signIn(running: Running, email: string, password: string): Promise<number> {
  return post(running, '/sign-in/email', { email, password }).then((response) => response.status)
}

let running: Running

afterEach(async () => {
  await running?.close()
})

describe('createBetterAuthServer', () => {
  it('signs the demo users up through Better Auth itself', async () => {
    running = await start()
    expect(await signIn(running, 'ada@example.com', 'correct horse battery')).toBe(200)
    expect(await signIn(running, 'grace@example.com', 'hopper-1906')).toBe(200)
    expect(await signIn(running, 'ada@example.com', 'hopper-1906')).toBe(401)
  })

  it('hands the reset email to onResetEmail with Better Auth’s own link', async () => {
    running = await start()
    const redirectTo = `${running.base}/reset?backend=better-auth`
    const response = await post(running, '/request-password-reset', { email: 'ada@example.com', redirectTo })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: true, message: expect.any(String) })
    expect(running.emails).toHaveLength(1)
    const [email] = running.emails
    expect(email?.user.email).toBe('ada@example.com')
    expect(email?.url).toBe(
      `${running.base}/api/auth/reset-password/${email?.token}?callbackURL=${encodeURIComponent(redirectTo)}`,
    )
  })

  it('answers the same 200 for an unknown email and sends nothing', async () => {
    running = await start()
    const response = await post(running, '/request-password-reset', {
      email: 'nobody@example.com',
      redirectTo: `${running.base}/reset`,
    })
    expect(response.status).toBe(200)
    expect(running.emails).toEqual([])
  })

  it('refuses a redirectTo outside the trusted origins with 403 INVALID_REDIRECT_URL', async () => {
    running = await start()
    const response = await post(running, '/request-password-reset', {
      email: 'ada@example.com',
      redirectTo: 'https://evil.example/reset',
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ code: 'INVALID_REDIRECT_URL' })
    expect(running.emails).toEqual([])
  })

  it('redirects the emailed link to redirectTo?token=…, and an unknown token to ?error=INVALID_TOKEN', async () => {
    running = await start()
    await post(running, '/request-password-reset', {
      email: 'ada@example.com',
      redirectTo: `${running.base}/reset?backend=better-auth`,
    })
    const followed = await fetch(running.emails[0]?.url ?? '', { redirect: 'manual' })
    expect(followed.status).toBe(302)
    const target = new URL(followed.headers.get('location') ?? '')
    expect(target.pathname).toBe('/reset')
    expect(target.searchParams.get('backend')).toBe('better-auth')
    expect(target.searchParams.get('token')).toBe(running.emails[0]?.token)

    const bogus = await fetch(
      `${running.base}/api/auth/reset-password/not-a-token?callbackURL=${encodeURIComponent(`${running.base}/reset`)}`,
      {
        redirect: 'manual',
      },
    )
    expect(new URL(bogus.headers.get('location') ?? '').search).toBe('?error=INVALID_TOKEN')
  })

  it('resets the password once; reset() brings the demo passwords back', async () => {
    running = await start()
    await post(running, '/request-password-reset', { email: 'ada@example.com', redirectTo: `${running.base}/reset` })
    const token = running.emails[0]?.token
    const short = await post(running, '/reset-password', { token, newPassword: 'short' })
    expect(short.status).toBe(400)
    expect(await short.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT' })

    expect((await post(running, '/reset-password', { token, newPassword: NEW_PASSWORD })).status).toBe(200)
    const again = await post(running, '/reset-password', { token, newPassword: 'yet another passphrase' })
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ code: 'INVALID_TOKEN' })
    expect(await signIn(running, 'ada@example.com', NEW_PASSWORD)).toBe(200)
    expect(await signIn(running, 'ada@example.com', 'correct horse battery')).toBe(401)

    await running.auth.reset()
    expect(await signIn(running, 'ada@example.com', 'correct horse battery')).toBe(200)
  })

  it('rate-limits reset requests to 3 a minute with 429 and X-Retry-After, until reset()', async () => {
    running = await start({ rateLimit: true })
    const request = () =>
      post(running, '/request-password-reset', { email: 'grace@example.com', redirectTo: `${running.base}/reset` })
    for (let i = 0; i < 3; i++) expect((await request()).status).toBe(200)
    const limited = await request()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('x-retry-after'))).toBeGreaterThan(0)
    await running.auth.reset()
    expect((await request()).status).toBe(200)
  })
})
