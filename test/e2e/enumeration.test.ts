import type { Browser, Page } from 'playwright-core'
import { newDemoContext, readOutbox, resetEmulators, STYTCH_START } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// What someone probing addresses can learn from the request page. The Stytch emulator answers a
// known address with 200 and sends an email, and an unknown one with 404 email_not_found at once.

const KNOWN = 'ada@example.com'
const UNKNOWN = 'nobody-here@example.com'

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

interface Outcome {
  /** The kit's markup, with the typed address replaced, so two addresses can be compared. */
  html: string
  /** Text of the element that has focus. */
  focused: string
  /** Milliseconds from the click to the outcome being on screen, as the page's clock saw it. */
  elapsedMs: number
}

/** Types `email`, submits, and waits for the confirmation (`sent`) or an alert (`alert`). */
async function submit(page: Page, email: string, until: 'sent' | 'alert'): Promise<Outcome> {
  await page.goto(`${demo.url}/`)
  await page.getByRole('textbox', { name: 'Email address' }).fill(email)
  // Clock, watch and click in one script run, so by the kit's markup rather than by role: a click
  // from the test would land a round trip after the clock started, and that delay would count.
  await page.evaluate(() => {
    const root = document.querySelector('[data-reset-kit]')
    const started = performance.now()
    // Stamped by the page itself the moment the outcome renders, so the test's own latency does not count.
    new MutationObserver((_records, observer) => {
      const done =
        root?.matches('[data-state="sent"]') || (root?.querySelector('[data-part="alert"]')?.textContent ?? '') !== ''
      if (done) {
        ;(window as unknown as { __elapsed: number }).__elapsed = performance.now() - started
        observer.disconnect()
      }
    }).observe(root!, { subtree: true, childList: true, attributes: true, characterData: true })
    ;(document.querySelector('[data-reset-kit] [data-part="submit"]') as HTMLButtonElement).click()
  })
  if (until === 'sent') await page.getByRole('heading', { name: 'Check your email' }).waitFor()
  else await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor()
  await page.waitForFunction(() => '__elapsed' in window)
  return page.evaluate((typed) => {
    const root = document.querySelector('[data-reset-kit]')!
    return {
      html: root.outerHTML.split(typed).join('<address>'),
      focused: document.activeElement?.textContent ?? '',
      elapsedMs: (window as unknown as { __elapsed: number }).__elapsed,
    }
  }, email)
}

describe('account enumeration in Chromium', () => {
  it('E1, E2: a known and an unknown address end in the same confirmation, the same focus, and neither sooner than 1 s', async () => {
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    const statuses: number[] = []
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === STYTCH_START) statuses.push(response.status())
    })

    const known = await submit(page, KNOWN, 'sent')
    const unknown = await submit(page, UNKNOWN, 'sent')

    // The backend did tell them apart; the page does not.
    expect(statuses).toEqual([200, 404])
    expect(unknown.html).toBe(known.html)
    expect(known.focused).toBe('Check your email')
    expect(unknown.focused).toBe('Check your email')
    expect(known.elapsedMs).toBeGreaterThanOrEqual(1_000)
    expect(unknown.elapsedMs).toBeGreaterThanOrEqual(1_000)
    expect((await readOutbox(demo)).map((email) => email.to)).toEqual([KNOWN])
    await context.close()
  })

  it('E3, D3: a redirect URL the backend refuses is shown as "can’t send", never as sent, and looks the same for any address', async () => {
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    await page.route(`**${STYTCH_START}`, (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          status_code: 400,
          request_id: 'request-id-test',
          error_type: 'invalid_password_reset_redirect_url',
          error_message: 'reset_password_redirect_url is not a valid redirect URL for this project.',
        }),
      }),
    )

    const known = await submit(page, KNOWN, 'alert')
    const unknown = await submit(page, UNKNOWN, 'alert')

    expect(await page.getByRole('alert').textContent()).toBe(
      "We can't send reset emails right now. Please try again later or contact support.",
    )
    expect(await page.locator('[data-reset-kit]').getAttribute('data-state')).toBe('form')
    expect(unknown.html).toBe(known.html)
    expect(await readOutbox(demo)).toEqual([])
    await context.close()
  })

  it('E3: a rate limit is shown, never masked as sent, and looks the same for any address', async () => {
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    await page.route(`**${STYTCH_START}`, (route) =>
      route.fulfill({
        status: 429,
        headers: { 'Retry-After': '30' },
        contentType: 'application/json',
        body: JSON.stringify({
          status_code: 429,
          request_id: 'r',
          error_type: 'too_many_requests',
          error_message: 'Too many requests.',
        }),
      }),
    )

    const known = await submit(page, KNOWN, 'alert')
    await page.evaluate(() => sessionStorage.clear())
    const unknown = await submit(page, UNKNOWN, 'alert')

    expect(known.html).toContain('Too many attempts. Please wait 30 seconds, then try again.')
    expect(unknown.html).toBe(known.html)
    await context.close()
  })
})
