import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createBetterAuthServer, type BetterAuthResetEmail, type BetterAuthServer } from '../../demo/betterAuth'
import { launchChromium } from './launchChromium'
import { serveStatic } from './serveStatic'
import { demoBuildDir } from './startDemo'

// A real Better Auth server (npm better-auth, memory adapter) started by this file on a free
// loopback port. The same node:http server serves the built demo, so the kit calls Better Auth on
// its own origin, as an app that mounts Better Auth at /api/auth does.

interface Site {
  url: string
  /** Reset emails Better Auth handed to `sendResetPassword`, oldest first, with when they came. */
  emails: Array<BetterAuthResetEmail & { at: number }>
  close(): Promise<void>
}

async function startSite(options: { resetPasswordTokenExpiresIn?: number } = {}): Promise<Site> {
  const emails: Site['emails'] = []
  const app = serveStatic(demoBuildDir())
  // The server must listen before Better Auth can be told its URL, so the handler comes later.
  const mounted: { auth?: BetterAuthServer } = {}
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://site.invalid')
    const { auth } = mounted
    const handle = auth && (pathname === auth.basePath || pathname.startsWith(`${auth.basePath}/`)) ? auth.handler : app
    handle(request, response).catch(() => {
      response.statusCode = 500
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const auth = (mounted.auth = createBetterAuthServer({
    baseURL: url,
    basePath: '/api/auth',
    resetPasswordTokenExpiresIn: options.resetPasswordTokenExpiresIn,
    onResetEmail: (email) => {
      emails.push({ ...email, at: Date.now() })
    },
  }))
  await auth.ready
  return {
    url,
    emails,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** Better Auth's own sign-in endpoint: the proof that a password is (or is not) the current one. */
async function signIn(site: Site, email: string, password: string): Promise<number> {
  const response = await fetch(`${site.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: site.url },
    body: JSON.stringify({ email, password }),
  })
  return response.status
}

async function newBetterAuthContext(): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.addInitScript(() => window.localStorage.setItem('demo:backend', 'better-auth'))
  return context
}

async function requestLink(page: Page, site: Site, email: string): Promise<Site['emails'][number]> {
  const before = site.emails.length
  await page.goto(`${site.url}/`)
  await page.getByRole('textbox', { name: 'Email address' }).fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  await expect.poll(() => site.emails.length).toBe(before + 1)
  const sent = site.emails.at(-1)
  if (!sent) throw new Error('Better Auth sent no email')
  return sent
}

async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
}

let browser: Browser
let site: Site

beforeAll(async () => {
  ;[site, browser] = await Promise.all([startSite(), launchChromium()])
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
})

describe('the demo against a real Better Auth server, in Chromium', () => {
  it('requests a link with the kit, opens Better Auth’s link and sets a password that then signs in', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${site.url}/`)
    // The switcher picks the backend, and the choice survives the reload that follows.
    await page.getByLabel('Backend').selectOption('better-auth')
    const sent = await requestLink(page, site, 'ada@example.com')
    expect(await page.getByLabel('Backend').inputValue()).toBe('better-auth')
    expect(sent.user.email).toBe('ada@example.com')
    expect(sent.url).toMatch(new RegExp(`^${site.url}/api/auth/reset-password/${sent.token}\\?callbackURL=`))
    expect(new URL(sent.url).searchParams.get('callbackURL')).toBe(`${site.url}/reset?backend=better-auth`)

    // A new page, as a mail client opens: Better Auth checks the token and redirects to the kit.
    const tab = await context.newPage()
    await tab.goto(sent.url)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(new URL(tab.url()).pathname).toBe('/reset')
    expect(new URL(tab.url()).searchParams.has('token')).toBe(false)

    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    expect(await signIn(site, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(await signIn(site, 'ada@example.com', 'correct horse battery')).toBe(401)
    await context.close()
  })

  it('shows the invalid-link screen for a token Better Auth redirects with ?error=INVALID_TOKEN', async () => {
    const context = await newBetterAuthContext()
    const page = await context.newPage()
    const callback = `${site.url}/reset?backend=better-auth`
    await page.goto(`${site.url}/api/auth/reset-password/not-a-real-token?callbackURL=${encodeURIComponent(callback)}`)
    await page.getByRole('heading', { name: "This link doesn't work" }).waitFor()
    expect(await page.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(await signIn(site, 'grace@example.com', 'hopper-1906')).toBe(200)
    await context.close()
  })

  it('refuses a token that expired while the form was open, and its link afterwards', async () => {
    const shortLived = await startSite({ resetPasswordTokenExpiresIn: 3 })
    try {
      const context = await newBetterAuthContext()
      const page = await context.newPage()
      const sent = await requestLink(page, shortLived, 'grace@example.com')
      await page.goto(sent.url)
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()

      // Better Auth reads the real clock: wait until the 3-second token has lapsed.
      const wait = sent.at + 3_500 - Date.now()
      if (wait > 0) await page.waitForTimeout(wait)
      await choosePassword(page, 'a brand new passphrase')
      // Better Auth answers an expired token with the same INVALID_TOKEN as an unknown one, so the
      // kit can only show the invalid-link screen here.
      await page.getByRole('heading', { name: "This link doesn't work" }).waitFor()
      expect(await page.getByLabel('New password', { exact: true }).count()).toBe(0)
      expect(await signIn(shortLived, 'grace@example.com', 'hopper-1906')).toBe(200)
      expect(await signIn(shortLived, 'grace@example.com', 'a brand new passphrase')).toBe(401)

      // The emailed link now redirects with ?error=INVALID_TOKEN.
      const again = await context.newPage()
      await again.goto(sent.url)
      await again.getByRole('heading', { name: "This link doesn't work" }).waitFor()
      await context.close()
    } finally {
      await shortLived.close()
    }
  })
})
