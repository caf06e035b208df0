import type { Browser, Page } from 'playwright-core'
import { HTTP_MOUNT_PATH } from '../../demo/emulator/mountPaths'
import { HTTP_ROUTES } from '../../demo/emulator/httpRoutes'
import { choosePassword, latestEmail, newDemoContext, recordRequests, requestLink, resetEmulators } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// A single-page app that reaches the reset page without loading it: the link lands on another
// route, which moves to /reset?token=… with history.pushState (as a router's navigate() does).
// The demo is such an app (demo/usePathname.ts): its links push, Back and Forward are popstate,
// and each page mounts afresh. The own-endpoint backend checks each link, so each read shows.

const CHECK = HTTP_MOUNT_PATH + HTTP_ROUTES.check
const COMPLETE = HTTP_MOUNT_PATH + HTTP_ROUTES.complete

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

declare global {
  interface Window {
    /** Set once in the document; gone if anything loads the page again. */
    __sameDocument?: boolean
  }
}

/** The demo router's navigate(): pushState, then its own event. */
async function pushTo(page: Page, href: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to)
    window.dispatchEvent(new Event('demo:navigate'))
  }, href)
}

async function navTo(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Demo pages' }).getByRole('link', { name }).click()
}

describe('the reset page in a single-page app, in Chromium', () => {
  it('T1, T7: mounted by pushState to /reset?token=…, it strips the token at once, checks it once per mount, and Back and Forward keep the form, then the success screen, never the token', async () => {
    const context = await newDemoContext(browser, { backend: 'http' })
    const page = await context.newPage()
    const checks = recordRequests(page, CHECK)
    const completions = recordRequests(page, COMPLETE)
    await requestLink(page, demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com', 'http')
    const url = new URL(link)
    const token = url.searchParams.get('token')!
    expect(token).toBeTruthy()
    await page.evaluate(() => (window.__sameDocument = true))
    const entries = await page.evaluate(() => history.length)

    await pushTo(page, `${url.pathname}${url.search}`)
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    const cleaned = new URL(page.url())
    expect(cleaned.pathname).toBe('/reset')
    expect(cleaned.searchParams.has('token')).toBe(false)
    expect(await page.evaluate(() => history.length)).toBe(entries + 1)
    expect(checks).toHaveLength(1)

    // Away and Back before choosing: the same token, from the tab's store, checked again by the new mount.
    await navTo(page, 'Outbox')
    await page.getByRole('heading', { name: 'Outbox' }).waitFor()
    await page.goBack()
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(page.url()).toBe(cleaned.href)
    expect(checks).toHaveLength(2)
    expect(JSON.parse(checks[1]!.body!)).toEqual(JSON.parse(checks[0]!.body!))

    await choosePassword(page, 'a brand new passphrase')
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(completions).toHaveLength(1)

    // Away and Back after success: the entry's verdict, with nothing checked or sent.
    await navTo(page, 'Sign in')
    await page.getByRole('heading', { name: 'Sign in' }).first().waitFor()
    await page.goBack()
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await page.locator('[data-reset-kit] input').count()).toBe(0)
    // Back past the reset page to the form that asked, and Forward to it again.
    await page.goBack()
    await page
      .getByRole('heading', { name: 'Check your email' })
      .or(page.getByRole('heading', { name: 'Reset your password' }))
      .waitFor()
    await page.goForward()
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(page.url()).toBe(cleaned.href)
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true)

    // And a full reload of that entry.
    await page.reload()
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    await page.waitForTimeout(300)
    expect(checks).toHaveLength(2)
    expect(completions).toHaveLength(1)
    expect([...checks, ...completions].some((request) => request.url.includes(token))).toBe(false)
    await context.close()
  })
})
