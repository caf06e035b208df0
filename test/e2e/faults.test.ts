import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import {
  advanceEmulatorClock,
  choosePassword,
  gate,
  kitStorageKeys,
  latestEmail,
  newDemoContext,
  readOutbox,
  recordRequests,
  requestLink,
  resetEmulators,
  setStytchRateLimit,
  STYTCH_COMPLETE,
  STYTCH_START,
  stytchSignIn,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// What the network can do to a reset: drop out, throttle, answer with a proxy's HTML page, or take
// its time. Each fault is real (offline emulation, the emulator's own rate limit) or injected at the
// browser's network layer with page.route, in front of the demo's emulated Stytch.

const NETWORK = "We couldn't reach the server. Check your connection and try again."
const SERVER = 'Something went wrong on our side. Please try again in a moment.'
const UNKNOWN = 'Something went wrong. Please try again.'
const MISCONFIGURED = "Password reset isn't set up correctly on this site. Please contact support."
const VERIFIER_KEY = 'reset-kit:stytch:verifier'

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

/** The forgot-password page, loaded, with `email` typed in. */
async function forgotForm(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${demo.url}/`)
  await page.getByRole('textbox', { name: 'Email address' }).fill(email)
  return page
}

/** Asks for a link in `context` and opens it in a new tab, up to the new-password form. */
async function openResetForm(context: BrowserContext, email: string): Promise<Page> {
  await requestLink(await context.newPage(), demo, email)
  const { link } = await latestEmail(demo, email)
  const tab = await context.newPage()
  await tab.goto(link)
  await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
  return tab
}

function alertOf(page: Page) {
  return page.getByRole('alert')
}

function challengeOf(body: string | null): string | undefined {
  return (JSON.parse(body ?? '{}') as { code_challenge?: string }).code_challenge
}

/** Collects uncaught page errors: none of these faults may crash the page. */
function pageErrors(page: Page): Error[] {
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  return errors
}

const PROXY_PAGE = [
  '<!doctype html><title>502 Bad Gateway</title>',
  '<h1>Bad Gateway</h1><p>upstream prematurely closed connection</p>',
  '<img src="x" onerror="window.__injected = true"><script>window.__injected = true</script>',
].join('')

/** Answers like a proxy whose upstream is down: 502 with an HTML page. */
async function badGateway(route: Route): Promise<void> {
  await route.fulfill({ status: 502, contentType: 'text/html; charset=utf-8', body: PROXY_PAGE })
}

/** Answers like a single-page host's fallback for a path with no endpoint: 200 with its index.html. */
async function appShell(route: Route): Promise<void> {
  await route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<!doctype html><html><head><title>Acme</title></head><body><div id="root"></div></body></html>',
  })
}

describe('offline', () => {
  it('R3: a request sent while offline says so, keeps the address and the verifier, retries nothing, and works once back online', async () => {
    const context = await newDemoContext(browser)
    const page = await forgotForm(context, 'ada@example.com')
    const starts = recordRequests(page, STYTCH_START)
    const errors = pageErrors(page)

    await context.setOffline(true)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect.poll(() => alertOf(page).textContent()).toBe(NETWORK)
    expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe('ada@example.com')
    expect(await page.getByRole('heading', { name: 'Check your email' }).count()).toBe(0)
    expect((await kitStorageKeys(page)).local).toEqual([VERIFIER_KEY])

    // Each start may send an email: nothing may resend on its own, now or when the network returns.
    await page.waitForTimeout(1_500)
    await context.setOffline(false)
    await page.waitForTimeout(1_500)
    expect(starts).toHaveLength(1)
    expect(await readOutbox(demo)).toEqual([])

    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(starts).toHaveLength(2)
    expect(challengeOf(starts[1]!.body)).toBe(challengeOf(starts[0]!.body))
    expect(await readOutbox(demo)).toHaveLength(1)
    expect(errors).toEqual([])
    await context.close()
  })

  it('R3: a new password sent while offline keeps both fields and the verifier, and goes through by hand once online', async () => {
    const context = await newDemoContext(browser)
    const tab = await openResetForm(context, 'grace@example.com')
    const completions = recordRequests(tab, STYTCH_COMPLETE)
    const errors = pageErrors(tab)

    await context.setOffline(true)
    await choosePassword(tab, 'typed while offline')
    await expect.poll(() => alertOf(tab).textContent()).toBe(NETWORK)
    expect(await tab.getByLabel('New password', { exact: true }).inputValue()).toBe('typed while offline')
    expect(await tab.getByLabel('Confirm new password').inputValue()).toBe('typed while offline')
    expect(await kitStorageKeys(tab)).toEqual({
      local: [VERIFIER_KEY],
      session: ['reset-kit:stytch:token', VERIFIER_KEY],
    })

    await tab.waitForTimeout(1_500)
    await context.setOffline(false)
    await tab.waitForTimeout(1_500)
    expect(completions).toHaveLength(1)

    await tab.getByRole('button', { name: 'Change password' }).click()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(completions).toHaveLength(2)
    expect(await stytchSignIn(demo, 'grace@example.com', 'typed while offline')).toBe(200)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('rate limits', () => {
  afterEach(async () => {
    await setStytchRateLimit(demo, 5)
  })

  it('R1: the emulator’s 429 shows the wait and holds the button, through a reload, until the wait is over', async () => {
    await setStytchRateLimit(demo, 1)
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    await page.clock.install()
    const starts = recordRequests(page, STYTCH_START)
    await requestLink(page, demo, 'ada@example.com')

    // A second request for the same address within the minute: Stytch answers 429 + Retry-After.
    await page.getByRole('button', { name: 'Use a different email address' }).click()
    await page.getByRole('button', { name: 'Send reset link' }).click()
    // Retry-After counts from the first request of the window, so a slow machine sees a little less.
    await expect
      .poll(() => alertOf(page).textContent())
      .toMatch(/^Too many attempts\. Please wait ([45]\d|60) seconds, then try again\.$/)
    const submit = page.getByRole('button', { name: 'Send reset link' })
    expect(await submit.getAttribute('aria-disabled')).toBe('true')

    // The wait is kept in this tab: a reload neither lifts it nor sends anything.
    await page.reload()
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await expect
      .poll(() => alertOf(page).textContent())
      .toMatch(/^Too many attempts\. Please wait \d+ seconds, then try again\.$/)
    expect(await submit.getAttribute('aria-disabled')).toBe('true')
    await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    // force: Playwright would wait for an aria-disabled button to enable; a person just clicks.
    await submit.click({ force: true })
    await page.getByRole('textbox', { name: 'Email address' }).press('Enter')
    expect(starts).toHaveLength(2)

    // A minute later (for the page and the emulator alike) the button works again, by hand only.
    await advanceEmulatorClock(demo, 61_000)
    await page.clock.fastForward('01:01')
    await expect.poll(() => alertOf(page).textContent()).toBe('Too many attempts. You can try again now.')
    expect(await submit.getAttribute('aria-disabled')).toBeNull()
    expect(starts).toHaveLength(2)
    await submit.click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(starts).toHaveLength(3)
    await context.close()
  })

  it('R1: a 429 on the new password holds the button through a reload of the reset page, and nothing retries', async () => {
    const context = await newDemoContext(browser)
    const tab = await openResetForm(context, 'ada@example.com')
    let completions = 0
    await tab.route(`**${STYTCH_COMPLETE}`, async (route) => {
      completions += 1
      await route.fulfill({
        status: 429,
        headers: { 'Retry-After': '90' },
        contentType: 'application/json',
        body: JSON.stringify({
          status_code: 429,
          request_id: 'r',
          error_type: 'too_many_requests',
          error_message: 'Slow down.',
        }),
      })
    })
    await choosePassword(tab, 'a brand new passphrase')
    await expect
      .poll(() => alertOf(tab).textContent())
      .toBe('Too many attempts. Please wait 90 seconds, then try again.')
    const submit = tab.getByRole('button', { name: 'Change password' })
    expect(await submit.getAttribute('aria-disabled')).toBe('true')

    await tab.reload()
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await expect
      .poll(() => alertOf(tab).textContent())
      .toMatch(/^Too many attempts\. Please wait \d+ seconds, then try again\.$/)
    expect(await submit.getAttribute('aria-disabled')).toBe('true')
    await tab.getByLabel('New password', { exact: true }).fill('a brand new passphrase')
    await tab.getByLabel('Confirm new password').fill('a brand new passphrase')
    await submit.click({ force: true })
    await tab.getByLabel('Confirm new password').press('Enter')
    await tab.waitForTimeout(500)
    expect(completions).toBe(1)
    await context.close()
  })
})

describe('answers that are not what the kit expects', () => {
  it('R4: a 502 HTML page on the request step shows the generic server message and renders none of the HTML', async () => {
    const context = await newDemoContext(browser)
    const page = await forgotForm(context, 'ada@example.com')
    const errors = pageErrors(page)
    await page.route(`**${STYTCH_START}`, badGateway)

    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect.poll(() => alertOf(page).textContent()).toBe(SERVER)
    expect(await page.getByRole('heading', { name: 'Check your email' }).count()).toBe(0)
    expect(await page.locator('body').innerText()).not.toMatch(/Bad Gateway|upstream/)
    expect(await page.locator('img[src="x"]').count()).toBe(0)
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined()
    expect(errors).toEqual([])
    await context.close()
  })

  it('R4: a 502 HTML page on the new password keeps the form, shows the generic message, and the next try succeeds', async () => {
    const context = await newDemoContext(browser)
    const tab = await openResetForm(context, 'ada@example.com')
    const errors = pageErrors(tab)
    await tab.route(`**${STYTCH_COMPLETE}`, badGateway)

    await choosePassword(tab, 'a brand new passphrase')
    await expect.poll(() => alertOf(tab).textContent()).toBe(SERVER)
    expect(await tab.locator('body').innerText()).not.toMatch(/Bad Gateway|upstream/)
    expect(await tab.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined()
    expect((await kitStorageKeys(tab)).local).toEqual([VERIFIER_KEY])

    await tab.unroute(`**${STYTCH_COMPLETE}`)
    await tab.getByRole('button', { name: 'Change password' }).click()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it("a single-page host's 200 index.html on the request step says the reset is not set up, never that an email was sent", async () => {
    const context = await newDemoContext(browser)
    const page = await forgotForm(context, 'ada@example.com')
    const errors = pageErrors(page)
    await page.route(`**${STYTCH_START}`, appShell)

    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect.poll(() => alertOf(page).textContent()).toBe(MISCONFIGURED)
    expect(await page.getByRole('heading', { name: 'Check your email' }).count()).toBe(0)
    expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe('ada@example.com')
    expect(errors).toEqual([])
    await context.close()
  })

  it("a single-page host's 200 index.html on the new password says the reset is not set up, never that the password changed, and keeps the link", async () => {
    const context = await newDemoContext(browser)
    const tab = await openResetForm(context, 'ada@example.com')
    const errors = pageErrors(tab)
    await tab.route(`**${STYTCH_COMPLETE}`, appShell)

    await choosePassword(tab, 'a brand new passphrase')
    await expect.poll(() => alertOf(tab).textContent()).toBe(MISCONFIGURED)
    expect(await tab.getByRole('heading', { name: 'Your password has been changed' }).count()).toBe(0)
    expect((await kitStorageKeys(tab)).local).toEqual([VERIFIER_KEY])

    await tab.unroute(`**${STYTCH_COMPLETE}`)
    await tab.getByRole('button', { name: 'Change password' }).click()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('R4, X1: an error code the kit does not know shows the generic message, never the server’s own text', async () => {
    const context = await newDemoContext(browser)
    const page = await forgotForm(context, 'ada@example.com')
    const errors = pageErrors(page)
    await page.route(`**${STYTCH_START}`, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          status_code: 400,
          request_id: 'r',
          error_type: 'a_code_from_next_year',
          error_message: '<b onmouseover="window.__injected = true">Your account is locked</b>',
        }),
      }),
    )

    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect.poll(() => alertOf(page).textContent()).toBe(UNKNOWN)
    expect(await page.locator('body').innerText()).not.toContain('locked')
    expect(await page.locator('b[onmouseover]').count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})

describe('slow answers', () => {
  it('A6, T6: while a slow request runs the form is busy, the button stays focusable with aria-disabled, and only one request goes out', async () => {
    const context = await newDemoContext(browser)
    const page = await forgotForm(context, 'ada@example.com')
    const held = gate()
    let starts = 0
    await page.route(`**${STYTCH_START}`, async (route) => {
      starts += 1
      await held.promise
      await route.continue()
    })

    const submit = page.getByRole('button', { name: 'Send reset link' })
    await submit.click()
    const busy = page.getByRole('button', { name: 'Sending link…' })
    await busy.waitFor()
    expect(await page.locator('form[aria-busy="true"]').count()).toBe(1)
    expect(await busy.getAttribute('aria-disabled')).toBe('true')
    expect(await busy.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(false)
    await busy.focus()
    expect(await busy.evaluate((button) => button === document.activeElement)).toBe(true)

    // Impatient presses while it runs change nothing.
    await busy.click({ force: true })
    await busy.press('Enter')
    await page.getByRole('textbox', { name: 'Email address' }).press('Enter')
    expect(starts).toBe(1)

    held.open()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(starts).toBe(1)
    expect(await readOutbox(demo)).toHaveLength(1)
    await context.close()
  })

  it('A6, T6: a slow password change keeps the form busy and sends one completion', async () => {
    const context = await newDemoContext(browser)
    const tab = await openResetForm(context, 'grace@example.com')
    const held = gate()
    let completions = 0
    await tab.route(`**${STYTCH_COMPLETE}`, async (route) => {
      completions += 1
      await held.promise
      await route.continue()
    })

    await choosePassword(tab, 'a brand new passphrase')
    const busy = tab.getByRole('button', { name: 'Changing password…' })
    await busy.waitFor()
    expect(await tab.locator('form[aria-busy="true"]').count()).toBe(1)
    expect(await busy.getAttribute('aria-disabled')).toBe('true')
    expect(await busy.evaluate((button) => (button as HTMLButtonElement).disabled)).toBe(false)
    await busy.click({ force: true })
    await tab.getByLabel('Confirm new password').press('Enter')
    expect(completions).toBe(1)

    held.open()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(completions).toBe(1)
    expect(await stytchSignIn(demo, 'grace@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })
})
