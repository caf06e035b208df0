import type { Browser, BrowserContext } from 'playwright-core'
import { choosePassword, latestEmail, resetEmulators } from './demoFlow'
import { axeViolations } from './axeViolations'
import { bundleHostApp, type HostPage, routeHostPages } from './hostPage'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// The kit with its stylesheet, untouched, in host pages that bring common global CSS of their own.
// Host rules win over the kit's (zero specificity): what is checked here is that the rules a host
// writes for its whole page, not for the kit, leave the kit readable.

// The "10px rem": rem-based sizes in the host's CSS read as pixels / 10, and its text is set back
// to the browser's default size (16px) on <body>.
const TEN_PX_REM: HostPage = {
  prefix: '/ten-px-rem/',
  pageCss: 'html { font-size: 62.5% } body { font-size: 1.6rem }',
  config: { shadow: false, basename: '/ten-px-rem', forgotPasswordUrl: '/ten-px-rem/' },
}
// Bootstrap 5's Reboot, unlayered, colours every link (its --bs-link-color, #0d6efd).
const REBOOT: HostPage = {
  prefix: '/reboot/',
  pageCss: 'a { color: rgba(13, 110, 253, 1); text-decoration: underline } a:hover { color: rgba(10, 88, 202, 1) }',
  config: { shadow: false, basename: '/reboot', forgotPasswordUrl: '/reboot/' },
}

let demo: DemoServer
let browser: Browser
let script: string

beforeAll(async () => {
  ;[demo, browser, script] = await Promise.all([startDemo(), launchChromium(), bundleHostApp()])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(async () => {
  await resetEmulators(demo)
})

async function hostContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce', colorScheme: 'light' })
  await routeHostPages(context, demo.url, script, [TEN_PX_REM, REBOOT])
  return context
}

describe('in a host page with html { font-size: 62.5% }, in Chromium', () => {
  it("<ForgotPasswordForm>: the kit's text is the page's 16px, its heading 24px, its error 14px and its controls 44px tall", async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.goto(`${demo.url}${TEN_PX_REM.prefix}`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.locator('input[aria-invalid="true"]').waitFor()

    const size = (selector: string) =>
      page.locator(`[data-reset-kit] ${selector}`).evaluate((element) => getComputedStyle(element).fontSize)
    const height = (selector: string) =>
      page.locator(`[data-reset-kit] ${selector}`).evaluate((element) => element.getBoundingClientRect().height)
    expect(await size('[data-part="description"]')).toBe('16px')
    expect(await size('[data-part="heading"]')).toBe('24px')
    expect(await size('[data-part="fieldError"]')).toBe('14px')
    expect(await height('[data-part="input"]')).toBe(44)
    expect(await height('[data-part="submit"]')).toBe(44)
    await context.close()
  })

  it('<ResetPasswordPage>: the strength hint is 14px and the show-password toggle 44px tall', async () => {
    const context = await hostContext()
    const asking = await context.newPage()
    await asking.goto(`${demo.url}${TEN_PX_REM.prefix}`)
    await asking.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await asking.getByRole('button', { name: 'Send reset link' }).click()
    await asking.getByRole('heading', { name: 'Check your email' }).waitFor()

    const page = await context.newPage()
    await page.goto((await latestEmail(demo, 'ada@example.com')).link)
    await page.getByLabel('New password', { exact: true }).fill('correct horse')
    const strength = page.locator('[data-reset-kit] [data-part="strength"]:not(:empty)').first()
    expect(await strength.evaluate((element) => getComputedStyle(element).fontSize)).toBe('14px')
    const toggle = page.getByRole('button', { name: 'Show password' })
    expect(await toggle.evaluate((element) => element.getBoundingClientRect().height)).toBe(44)
    await context.close()
  })
})

describe("in a host page that colours every link (Bootstrap's Reboot), in Chromium", () => {
  it('a link that cannot work: "Request a new link" is readable, and axe finds nothing', async () => {
    const context = await hostContext()
    const page = await context.newPage()
    // A link opened where it was not asked for: no verifier here, so the kit says so at once.
    await page.goto(`${demo.url}${REBOOT.prefix}reset?token=opened-elsewhere`)
    await page.locator('[data-reset-kit][data-state="verifier_missing"]').waitFor()
    expect(await axeViolations(page, '[data-reset-kit]')).toEqual([])
    await context.close()
  })

  it('success: "Sign in" is readable, and axe finds nothing', async () => {
    const context = await hostContext()
    const asking = await context.newPage()
    await asking.goto(`${demo.url}${REBOOT.prefix}`)
    await asking.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await asking.getByRole('button', { name: 'Send reset link' }).click()
    await asking.getByRole('heading', { name: 'Check your email' }).waitFor()

    const page = await context.newPage()
    await page.goto((await latestEmail(demo, 'ada@example.com')).link)
    await choosePassword(page, 'a brand new passphrase')
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await axeViolations(page, '[data-reset-kit]')).toEqual([])
    await context.close()
  })
})
