import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'
import { choosePassword, latestEmail, requestLink, resetEmulators } from './demoFlow'
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

// A reader's text zoom at 200%, as browsers that scale text only (not the page) apply it: every
// size in rem or em doubles, the viewport does not.
const TEXT_200: HostPage = {
  prefix: '/text-200/',
  pageCss: 'html { font-size: 200% }',
  config: { shadow: false, basename: '/text-200', forgotPasswordUrl: '/text-200/' },
}

// Small UI text, as in admin apps and design systems built on 14px (Ant Design's default).
const SMALL_TEXT: HostPage = {
  prefix: '/small-text/',
  pageCss: 'body { font-size: 14px }',
  config: { shadow: false, basename: '/small-text', forgotPasswordUrl: '/small-text/' },
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

async function hostContext(locale = 'en-US', options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale, reducedMotion: 'reduce', colorScheme: 'light', ...options })
  await routeHostPages(context, demo.url, script, [TEN_PX_REM, REBOOT, TEXT_200, SMALL_TEXT])
  return context
}

describe('in a host page with html { font-size: 62.5% }, in Chromium', () => {
  it("<ForgotPasswordForm>: the kit's text is the page's 16px, its heading 24px, its error 14px and its controls 44px tall", async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.goto(`${demo.url}${TEN_PX_REM.prefix}`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('alert').filter({ hasText: 'Enter an email address in the form name@example.com.' }).waitFor()

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
    await requestLink(asking, demo, 'ada@example.com', TEN_PX_REM.prefix)

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

describe('in a host page whose text is 14px, in Chromium', () => {
  // iOS Safari zooms into a field whose text is under 16px as it takes focus, and leaves the page
  // zoomed. Chromium cannot show that zoom; what it can show is the size that decides it.
  /** Opens the page once, and gives a reader of the text size of each part `selector` finds. */
  const fontSizes = async (context: BrowserContext) => {
    const page = await context.newPage()
    await page.goto(`${demo.url}${SMALL_TEXT.prefix}`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    return (selector: string) =>
      page
        .locator(`[data-reset-kit] :is(${selector})`)
        .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).fontSize))
  }

  it('on a touch screen (a phone) the email field’s text is 16px, and the rest keeps the page’s 14px', async () => {
    const context = await hostContext('en-US', {
      hasTouch: true,
      isMobile: true,
      viewport: { width: 390, height: 844 },
    })
    const sizes = await fontSizes(context)
    expect(await sizes('input')).toEqual(['16px'])
    expect(await sizes('label, [data-part="description"], button')).toEqual(['14px', '14px', '14px'])
    await context.close()
  })

  it('with a mouse, the email field keeps the page’s 14px', async () => {
    const context = await hostContext()
    const sizes = await fontSizes(context)
    expect(await sizes('input')).toEqual(['14px'])
    await context.close()
  })
})

describe("in a host page that colours every link (Bootstrap's Reboot), in Chromium", () => {
  it('a link that cannot work: "Request a new link" is readable, and axe finds nothing', async () => {
    const context = await hostContext()
    const page = await context.newPage()
    // A link opened where it was not asked for: no verifier here, so the kit says so at once.
    await page.goto(`${demo.url}${REBOOT.prefix}reset?token=opened-elsewhere`)
    await page.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(await axeViolations(page, '[data-reset-kit]')).toEqual([])
    await context.close()
  })

  it('success: "Sign in" is readable, and axe finds nothing', async () => {
    const context = await hostContext()
    const asking = await context.newPage()
    await requestLink(asking, demo, 'ada@example.com', REBOOT.prefix)

    const page = await context.newPage()
    await page.goto((await latestEmail(demo, 'ada@example.com')).link)
    await choosePassword(page, 'a brand new passphrase')
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await axeViolations(page, '[data-reset-kit]')).toEqual([])
    await context.close()
  })
})

describe('at 320 px wide with text at 200%, in Chromium', () => {
  // Long words at double size: the email error's example address, and single heading words such
  // as "Réinitialisez" or "contraseña".
  it.each([
    ['en-US', 'Reset your password', 'Send reset link', 'Enter an email address in the form name@example.com.'],
    ['es-ES', 'Restablece tu contraseña', 'Enviar enlace', 'Escribe un correo con el formato nombre@example.com.'],
    [
      'fr-FR',
      'Réinitialisez votre mot de passe',
      'Envoyer le lien',
      'Saisissez une adresse e-mail au format nom@example.com.',
    ],
    ['pt-BR', 'Redefina sua senha', 'Enviar link', 'Digite um e-mail no formato nome@example.com.'],
  ])(
    '<ForgotPasswordForm> in %s: the heading and the email error wrap inside the card',
    async (locale, title, submit, error) => {
      const context = await hostContext(locale)
      const page = await context.newPage()
      await page.setViewportSize({ width: 320, height: 640 })
      await page.goto(`${demo.url}${TEXT_200.prefix}`)
      const heading = page.getByRole('heading', { name: title })
      await heading.waitFor()
      await page.getByRole('button', { name: submit }).click()
      const fieldError = page.getByText(error)
      await fieldError.waitFor()

      // How far each one's text (not its box, which a long word can outgrow) reaches past the
      // card's content box.
      const overflow = (element: Element) => {
        const card = element.closest('[data-reset-kit]')!
        const style = getComputedStyle(card)
        const inner =
          card.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth)
        const text = document.createRange()
        text.selectNodeContents(element)
        return Math.max(0, Math.round(text.getBoundingClientRect().right - inner))
      }
      expect([await heading.evaluate(overflow), await fieldError.evaluate(overflow)]).toEqual([0, 0])
      await context.close()
    },
  )
})
