import type { Browser, BrowserContext, Page } from 'playwright-core'
import { signInRequest } from '../../demo/signIn'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// The built demo with the Stack Auth, Supabase and own-endpoint backends, each emulated on the preview server.

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo(), launchChromium()])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(async () => {
  await fetch(`${demo.url}/__emulator/outbox`, { method: 'DELETE' })
})

type Backend = 'stack-auth' | 'supabase' | 'http'

interface OutboxEmail {
  backend: string
  to: string
  link: string
}

/** A fresh browser profile whose demo switcher is already on `backend`. */
async function contextFor(backend: Backend): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.addInitScript((chosen) => window.localStorage.setItem('demo:backend', chosen), backend)
  return context
}

async function latestEmail(backend: Backend, address: string): Promise<OutboxEmail> {
  const emails = (await (await fetch(`${demo.url}/__emulator/outbox`)).json()) as OutboxEmail[]
  const email = emails.find((candidate) => candidate.backend === backend && candidate.to === address)
  if (!email) throw new Error(`no ${backend} email to ${address} in the outbox`)
  return email
}

async function requestLink(page: Page, address: string): Promise<void> {
  await page.goto(`${demo.url}/`)
  await page.getByRole('textbox', { name: 'Email address' }).fill(address)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
}

async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
}

/** Stack Auth's password sign-in on the emulator: 200 when `password` is the current one. */
async function stackSignIn(email: string, password: string): Promise<number> {
  return (await fetch(signInRequest('stack-auth', demo.url, email, password))).status
}

/** Supabase's password grant on the emulator: 200 when `password` is the current one. */
async function supabaseSignIn(email: string, password: string): Promise<number> {
  return (await fetch(signInRequest('supabase', demo.url, email, password))).status
}

/** The own endpoint's sign-in on the emulator: 200 when `password` is the current one. */
async function ownSignIn(email: string, password: string): Promise<number> {
  return (await fetch(signInRequest('http', demo.url, email, password))).status
}

describe('Stack Auth (emulated) through the demo, in Chromium', () => {
  it('resets the password from a link opened in a new page', async () => {
    const context = await contextFor('stack-auth')
    const page = await context.newPage()
    await requestLink(page, 'ada@example.com')
    const { link } = await latestEmail('stack-auth', 'ada@example.com')
    expect(new URL(link).searchParams.get('code')).toMatch(/^[0-9a-z]{45}$/)

    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(new URL(tab.url()).searchParams.has('code')).toBe(false)
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    expect(await stackSignIn('ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(await stackSignIn('ada@example.com', 'correct horse battery')).toBe(400)
    await context.close()
  })

  it('says a used link has been used before showing any form, after checking the code', async () => {
    const context = await contextFor('stack-auth')
    const page = await context.newPage()
    await requestLink(page, 'grace@example.com')
    const { link } = await latestEmail('stack-auth', 'grace@example.com')
    const first = await context.newPage()
    await first.goto(link)
    await choosePassword(first, 'a brand new passphrase')
    await first.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    const second = await context.newPage()
    const calls: string[] = []
    second.on('request', (request) => {
      if (request.url().includes('/api/v1/auth/password/'))
        calls.push(new URL(request.url()).pathname.split('/password/')[1] ?? '')
    })
    await second.goto(link)
    await second.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    expect(await second.getByLabel('New password', { exact: true }).count()).toBe(0)
    // Only the non-consuming check ran: nothing tried to reset with the dead code.
    expect(calls).toContain('reset/check-code')
    expect(calls.filter((call) => call !== 'reset/check-code')).toEqual([])
    expect(await stackSignIn('grace@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })
})

describe('Supabase (emulated) through the demo, in Chromium', () => {
  it('resets the password from a link opened in a new page of the same browser', async () => {
    const context = await contextFor('supabase')
    const page = await context.newPage()
    await requestLink(page, 'ada@example.com')
    const { link } = await latestEmail('supabase', 'ada@example.com')
    // The email links to GoTrue's verify endpoint, which redirects to the reset page with ?code=.
    expect(new URL(link).pathname).toBe('/__emulator/supabase/auth/v1/verify')

    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(new URL(tab.url()).pathname).toBe('/reset')
    expect(new URL(tab.url()).searchParams.has('code')).toBe(false)
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    expect(await supabaseSignIn('ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(await supabaseSignIn('ada@example.com', 'correct horse battery')).toBe(400)
    const leftovers = await tab.evaluate(() =>
      [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.startsWith('reset-kit:')),
    )
    // Nothing but the spent code's hash, for the link opened again here.
    expect(leftovers).toEqual(['reset-kit:supabase:spent'])

    // Opening the email again: Supabase's verify endpoint redirects with error_code=otp_expired.
    const again = await context.newPage()
    await again.goto(link)
    await again.getByRole('heading', { name: 'This link has expired' }).waitFor()
    expect(await again.getByLabel('New password', { exact: true }).count()).toBe(0)
    await context.close()
  })

  it('shows the verifier screen for a link opened in another browser, and exchanges nothing', async () => {
    const asking = await contextFor('supabase')
    await requestLink(await asking.newPage(), 'grace@example.com')
    const { link } = await latestEmail('supabase', 'grace@example.com')

    // Another browser profile, its switcher untouched: the link itself names the backend.
    const elsewhere = await browser.newContext()
    const page = await elsewhere.newPage()
    const exchanges: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/auth/v1/token') || request.url().includes('/auth/v1/user'))
        exchanges.push(request.url())
    })
    await page.goto(link)
    await page.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(await page.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(await page.getByLabel('Backend').inputValue()).toBe('supabase')
    expect(exchanges).toEqual([])
    expect(await supabaseSignIn('grace@example.com', 'hopper-1906')).toBe(200)
    await asking.close()
    await elsewhere.close()
  })
})

describe('Your own endpoint (emulated) through the demo, in Chromium', () => {
  it('resets the password with the PKCE verifier; the used link, opened after a newer request, says so asking nothing, and the newer link works', async () => {
    const context = await contextFor('http')
    const page = await context.newPage()
    const starts: Array<string | null> = []
    page.on('request', (request) => {
      if (request.url().endsWith('/__emulator/http/api/password-reset/start')) starts.push(request.postData())
    })
    await requestLink(page, 'ada@example.com')
    const [startBody] = starts.map((body) => JSON.parse(body ?? '{}') as Record<string, unknown>)
    expect(startBody).toEqual({
      email: 'ada@example.com',
      redirectUrl: `${demo.url}/reset?backend=http`,
      locale: 'en',
      codeChallenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      codeChallengeMethod: 'S256',
    })
    const { link } = await latestEmail('http', 'ada@example.com')
    expect(new URL(link).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(new URL(tab.url()).searchParams.has('token')).toBe(false)
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await ownSignIn('ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(await ownSignIn('ada@example.com', 'correct horse battery')).toBe(401)

    // A newer request stores a new verifier. The old link is known here by its kept hash: it says
    // used before asking anything, so the backend's own "used" cannot cost the newer link its
    // verifier.
    await requestLink(page, 'ada@example.com')
    const { link: newer } = await latestEmail('http', 'ada@example.com')
    const again = await context.newPage()
    const calls: string[] = []
    again.on('request', (request) => {
      if (request.url().includes('/__emulator/http/api/password-reset/'))
        calls.push(new URL(request.url()).pathname.split('/password-reset/')[1] ?? '')
    })
    await again.goto(link)
    await again.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    expect(await again.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(calls).toEqual([])

    await again.goto(newer)
    await choosePassword(again, 'another new passphrase')
    await again.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(calls).toEqual(['check', 'complete'])
    expect(await ownSignIn('ada@example.com', 'another new passphrase')).toBe(200)
    await context.close()
  })

  it('puts the endpoint’s password rule on the field and keeps the link usable', async () => {
    const context = await contextFor('http')
    await requestLink(await context.newPage(), 'grace@example.com')
    const { link } = await latestEmail('http', 'grace@example.com')

    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    // The form knows only the minimum; the 128-character maximum is the endpoint's answer.
    await choosePassword(tab, 'a'.repeat(129))
    await tab.getByText('Use at most 128 characters.').waitFor()
    expect(await ownSignIn('grace@example.com', 'hopper-1906')).toBe(200)

    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await ownSignIn('grace@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })
})
