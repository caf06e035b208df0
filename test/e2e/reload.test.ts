import type { Browser, Page } from 'playwright-core'
import {
  choosePassword,
  kitStorageKeys,
  latestEmail,
  newDemoContext,
  readOutbox,
  recordRequests,
  resetEmulators,
  STYTCH_COMPLETE,
  STYTCH_START,
  stytchSignIn,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// F5 and the back button at every step: a reload may lose what was on screen, but it must never
// resend anything, lose a link that is still good, or bring a spent one back.

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
  await resetEmulators(demo)
})

function challengeOf(body: string | null): string | undefined {
  return (JSON.parse(body ?? '{}') as { code_challenge?: string }).code_challenge
}

/** The kit's reset page once it has settled on a view other than `checking`. */
async function settledView(page: Page): Promise<string | null> {
  const root = page.locator('[data-reset-kit][data-state]:not([data-state="checking"])')
  await root.waitFor()
  return root.getAttribute('data-state')
}

describe('reloads and history in Chromium', () => {
  it('T1, P6: reloading the request page at the form and at the confirmation resends nothing, and a second request reuses the verifier so either email works', async () => {
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    const starts = recordRequests(page, STYTCH_START)
    await page.goto(`${demo.url}/`)
    await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await page.reload()
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    expect(starts).toEqual([])

    await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await page.waitForTimeout(500)
    expect(starts).toHaveLength(1)
    expect(await readOutbox(demo)).toHaveLength(1)

    // Asking again after the reload: the live verifier is reused, so both emails carry a working link.
    await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(starts).toHaveLength(2)
    expect(challengeOf(starts[1]!.body)).toBe(challengeOf(starts[0]!.body))
    const [second, first] = await readOutbox(demo)
    expect(first!.link).not.toBe(second!.link)

    const tab = await context.newPage()
    await tab.goto(first!.link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'from the first email')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await stytchSignIn(demo, 'ada@example.com', 'from the first email')).toBe(200)
    await context.close()
  })

  it('T1: a reload of the reset page, after the token left the address bar, shows the form again from the tab’s store and completes', async () => {
    const context = await newDemoContext(browser)
    const asking = await context.newPage()
    await asking.goto(`${demo.url}/`)
    await asking.getByRole('textbox', { name: 'Email address' }).fill('grace@example.com')
    await asking.getByRole('button', { name: 'Send reset link' }).click()
    await asking.getByRole('heading', { name: 'Check your email' }).waitFor()
    const { link } = await latestEmail(demo, 'grace@example.com')

    const tab = await context.newPage()
    const completions = recordRequests(tab, STYTCH_COMPLETE)
    await tab.goto(`${link}&utm_source=mail`)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    const cleaned = new URL(tab.url())
    expect(cleaned.pathname).toBe('/reset')
    expect([...cleaned.searchParams.keys()]).toEqual(['utm_source'])
    expect((await kitStorageKeys(tab)).session).toContain('reset-kit:stytch:token')

    await tab.reload()
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(tab.url()).toBe(cleaned.href)
    expect(completions).toEqual([])
    await choosePassword(tab, 'after a reload')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(completions).toHaveLength(1)
    expect(await stytchSignIn(demo, 'grace@example.com', 'after a reload')).toBe(200)
    await context.close()
  })

  it('T7: after success a reload shows the success screen again, and back and forward never resubmit or bring the token back', async () => {
    const context = await newDemoContext(browser)
    const asking = await context.newPage()
    await asking.goto(`${demo.url}/`)
    await asking.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await asking.getByRole('button', { name: 'Send reset link' }).click()
    await asking.getByRole('heading', { name: 'Check your email' }).waitFor()
    const { link } = await latestEmail(demo, 'ada@example.com')
    const token = new URL(link).searchParams.get('token')!

    // The tab has a page before the link, as a mail client's web view or a browser tab would.
    const tab = await context.newPage()
    const completions = recordRequests(tab, STYTCH_COMPLETE)
    await tab.goto(`${demo.url}/outbox`)
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(completions).toHaveLength(1)
    // The spent token's hash (never the token), for the link opened again in this browser.
    expect(await kitStorageKeys(tab)).toEqual({ local: ['reset-kit:stytch:spent'], session: [] })

    await tab.reload()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await tab.getByLabel('New password', { exact: true }).count()).toBe(0)

    await tab.goBack()
    await tab.getByRole('heading', { name: 'Outbox' }).waitFor()
    expect(tab.url()).not.toContain(token)
    await tab.goForward()
    // Restored from the back/forward cache or loaded afresh: the success screen either way, never
    // the form, and never another request.
    expect(await settledView(tab)).toBe('success')
    expect(tab.url()).not.toContain(token)
    await tab.waitForTimeout(500)
    expect(completions).toHaveLength(1)
    expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })
})
