import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  choosePassword,
  latestEmail,
  newDemoContext,
  recordRequests,
  requestLink,
  resetEmulators,
  STYTCH_COMPLETE,
  STYTCH_START,
  stytchSignIn,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// Back to a page Chromium kept in its back/forward cache: the document comes back as it was left,
// JavaScript heap and timers included, with a `pageshow` whose `persisted` is true, and no React
// render or effect runs for it. reload.test.ts covers Back to a page loaded afresh (Playwright
// turns the cache off by default); this file turns it on, and fails rather than pass on a fresh
// load if Chromium did not use it.

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo(), launchChromium({ backForwardCache: true })])
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
    /** `persisted` of every `pageshow` this document saw. */
    __pageshows?: boolean[]
    /** Set just before the test leaves the page: still there when the page comes back from the cache. */
    __left?: boolean
  }
}

async function watchPageshow(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    window.addEventListener('pageshow', (event) => (window.__pageshows ??= []).push(event.persisted))
  })
}

/**
 * Leaves `page` for `leave()`'s full navigation, goes Back and returns once the page is shown
 * again. Throws, with Chromium's reasons, when the page was loaded afresh instead of restored.
 */
async function leaveAndComeBack(page: Page, leave: () => Promise<void>): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  const notUsed: unknown[] = []
  cdp.on('Page.backForwardCacheNotUsed', (event) => notUsed.push(event))
  await cdp.send('Page.enable')
  const shown = await page.evaluate(() => {
    window.__left = true
    return window.__pageshows?.length ?? 0
  })
  await leave()
  // A page restored from the cache fires no `load`, which goBack waits for by default.
  await page.goBack({ waitUntil: 'commit' })
  await page.waitForFunction((count) => (window.__pageshows?.length ?? 0) > (window.__left ? count : 0), shown)
  const restored = await page.evaluate(() => window.__left === true && window.__pageshows?.at(-1) === true)
  if (!restored) throw new Error(`not restored from the back/forward cache: ${JSON.stringify(notUsed)}`)
  await cdp.detach()
}

/** The values of every input in the page, shadow roots aside (the demo has none). */
async function inputValues(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input')].map((input) => input.value))
}

describe('the back/forward cache in Chromium', () => {
  it('T7: Back to the success screen from the sign-in page it links to: restored as left, no password in any field, nothing sent again', async () => {
    const context = await newDemoContext(browser)
    await watchPageshow(context)
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com')
    const token = new URL(link).searchParams.get('token')!

    const tab = await context.newPage()
    const completions = recordRequests(tab, STYTCH_COMPLETE)
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    await leaveAndComeBack(tab, async () => {
      // The kit's own link, a plain <a>: a full navigation, which puts this page in the cache.
      await tab
        .getByRole('region', { name: 'Your password has been changed' })
        .getByRole('link', { name: 'Sign in' })
        .click()
      await tab.waitForURL(`${demo.url}/sign-in`)
    })

    expect(await tab.locator('[data-reset-kit]').getAttribute('data-state')).toBe('success')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await tab.locator('[data-reset-kit] input').count()).toBe(0)
    expect(await inputValues(tab)).not.toContain('a brand new passphrase')
    expect(tab.url()).not.toContain(token)
    expect(await tab.evaluate(() => sessionStorage.getItem('reset-kit:stytch:token'))).toBeNull()
    await tab.waitForTimeout(500)
    expect(completions).toHaveLength(1)
    expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })

  it('T1: Back to the confirmation during its resend cooldown: restored as left, still held for the time that is left, nothing resent', async () => {
    const context = await newDemoContext(browser)
    await watchPageshow(context)
    const page = await context.newPage()
    const starts = recordRequests(page, STYTCH_START)
    await requestLink(page, demo, 'ada@example.com')
    const resend = page.getByRole('button', { name: 'Send the email again' })
    expect(await resend.getAttribute('aria-disabled')).toBe('true')
    const countdown = page.locator('[data-reset-kit] [data-part="countdown"]')
    const secondsLeft = async () => Number((await countdown.textContent())?.match(/\d+/)?.[0])
    const before = await secondsLeft()
    expect(before).toBeGreaterThan(50)

    await leaveAndComeBack(page, async () => {
      await page.goto(`${demo.url}/outbox`)
      await page.getByRole('heading', { name: 'Outbox' }).waitFor()
      await page.waitForTimeout(3000)
    })

    expect(await page.locator('[data-reset-kit]').getAttribute('data-state')).toBe('sent')
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(await resend.getAttribute('aria-disabled')).toBe('true')
    // The countdown goes by the clock: the time away counts.
    await page.waitForTimeout(1100)
    expect(await secondsLeft()).toBeLessThanOrEqual(before - 3)
    await resend.click({ force: true })
    await page.waitForTimeout(500)
    expect(starts).toHaveLength(1)
    await context.close()
  })
})
