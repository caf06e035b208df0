import { createHash } from 'node:crypto'
import type { Browser, Page } from 'playwright-core'
import { recordRequests, STYTCH_COMPLETE, stytchSignIn } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  // The full browser a person runs, where the other files share the headless shell: the same
  // engine, so the flow is proven in both.
  ;[demo, browser] = await Promise.all([startDemo(), launchChromium({ fullBrowser: true })])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(async () => {
  await fetch(`${demo.url}/__emulator/outbox`, { method: 'DELETE' })
})

interface OutboxEmail {
  to: string
  link: string
}

async function latestEmailTo(address: string): Promise<OutboxEmail> {
  const response = await fetch(`${demo.url}/__emulator/outbox`)
  const emails = (await response.json()) as OutboxEmail[]
  const email = emails.find((candidate) => candidate.to === address)
  if (!email) throw new Error(`no email to ${address} in the outbox`)
  return email
}

/** Types `password` in both fields of the reset form on `page`, sends it and waits for success. */
async function changePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('Confirm new password').fill(password)
  await page.getByRole('button', { name: 'Change password' }).click()
  await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
}

async function requestLink(page: Page, email: string): Promise<void> {
  await page.goto(`${demo.url}/`)
  await page.getByRole('textbox', { name: 'Email address' }).fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
}

describe('the demo reset flow in Chromium', () => {
  it('P11: a link opened in a new page of the same browser resets the password', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await requestLink(page, 'ada@example.com')
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('ada@example.com')

    // The outbox page lists the email; its link opens the reset page.
    await page.getByRole('navigation', { name: 'Demo pages' }).getByRole('link', { name: 'Outbox' }).click()
    const outboxLink = page.getByRole('link', { name: 'Open reset link' }).first()
    await outboxLink.waitFor()
    const { link } = await latestEmailTo('ada@example.com')
    expect(await outboxLink.getAttribute('href')).toBe(link)
    expect(new URL(link).searchParams.get('stytch_token_type')).toBe('reset_password')

    // A new page: its sessionStorage starts empty, as in the tab a mail client opens.
    const tab = await context.newPage()
    expect(await tab.evaluate(() => sessionStorage.length).catch(() => 0)).toBe(0)
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    // T1: the token has left the address bar.
    expect(new URL(tab.url()).searchParams.has('token')).toBe(false)

    await changePassword(tab, 'a brand new passphrase')

    expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(await stytchSignIn(demo, 'ada@example.com', 'correct horse battery')).toBe(401)
    // T7: nothing of the flow is left in either tab's storage but the spent token's hash.
    const leftovers = await tab.evaluate(() =>
      [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.startsWith('reset-kit:')),
    )
    expect(leftovers).toEqual(['reset-kit:stytch:spent'])
    // base64url(SHA-256) of the token, never the token.
    const token = new URL(link).searchParams.get('token')!
    expect(await tab.evaluate(() => localStorage.getItem('reset-kit:stytch:spent'))).toBe(
      createHash('sha256').update(token).digest('base64url'),
    )

    // The same link again, in this browser (the email clicked twice): its secret is gone with its
    // single use, and the screen says it was used rather than blaming another browser.
    const again = await context.newPage()
    const repeats = recordRequests(again, STYTCH_COMPLETE)
    await again.goto(link)
    await again.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    expect(repeats).toEqual([])
    expect(await again.getByRole('status').first().textContent()).toContain('works only once')
    expect(await again.getByLabel('New password', { exact: true }).count()).toBe(0)

    // Later Ada asks again, then clicks the old email first: it still says used and sends
    // nothing, and the new email's link, whose secret that left alone, still works.
    await fetch(`${demo.url}/__emulator/outbox`, { method: 'DELETE' })
    await requestLink(page, 'ada@example.com')
    const { link: newer } = await latestEmailTo('ada@example.com')
    const old = await context.newPage()
    const oldRequests = recordRequests(old, STYTCH_COMPLETE)
    await old.goto(link)
    await old.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    expect(oldRequests).toEqual([])
    const fresh = await context.newPage()
    await fresh.goto(newer)
    await changePassword(fresh, 'another new passphrase')
    expect(await stytchSignIn(demo, 'ada@example.com', 'another new passphrase')).toBe(200)
    await context.close()
  })

  it("P6: asked twice, the other email's link opened after the password changed says used, not another browser", async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await requestLink(page, 'ada@example.com')
    // Asked again for the same address: both emails' links pair with the one verifier.
    await page.getByRole('button', { name: 'Use a different email address' }).click()
    await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    const emails = (await (await fetch(`${demo.url}/__emulator/outbox`)).json()) as OutboxEmail[]
    const [newer, older] = emails.filter((email) => email.to === 'ada@example.com').map((email) => email.link)
    expect(older).toBeDefined()

    const first = await context.newPage()
    await first.goto(older!)
    await changePassword(first, 'a brand new passphrase')

    const second = await context.newPage()
    const sent = recordRequests(second, STYTCH_COMPLETE)
    await second.goto(newer!)
    await second.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    expect(sent).toEqual([])
    expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })

  it("the success screen's Sign in leads to the demo's sign-in page, which takes the new password and refuses the old one", async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await requestLink(page, 'grace@example.com')
    const { link } = await latestEmailTo('grace@example.com')
    await page.goto(link)
    await changePassword(page, 'a brand new passphrase')

    await page
      .getByRole('region', { name: 'Your password has been changed' })
      .getByRole('link', { name: 'Sign in' })
      .click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    const signInWith = async (password: string, answer: string) => {
      await page.getByLabel('Email address').fill('grace@example.com')
      await page.getByLabel('Password', { exact: true }).fill(password)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await page.getByRole('status').filter({ hasText: answer }).waitFor()
    }
    await signInWith('a brand new passphrase', 'Signed in as grace@example.com.')
    await signInWith('hopper-1906', 'That email address and password do not match.')
    await context.close()
  })

  it('P7: a link opened in another browser shows the verifier-missing screen and sends nothing', async () => {
    const asking = await browser.newContext()
    await requestLink(await asking.newPage(), 'grace@example.com')
    const { link } = await latestEmailTo('grace@example.com')

    const elsewhere = await browser.newContext()
    const page = await elsewhere.newPage()
    const completions: string[] = []
    page.on('request', (request) => {
      if (request.url().endsWith('/passwords/email/reset')) completions.push(request.url())
    })
    await page.goto(link)
    await page.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(await page.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(await page.getByRole('link', { name: 'Request a new link' }).getAttribute('href')).toBe('/')
    expect(completions).toEqual([])
    // The password is unchanged: the link could not be used from here.
    expect(await stytchSignIn(demo, 'grace@example.com', 'hopper-1906')).toBe(200)
    await asking.close()
    await elsewhere.close()
  })
})
