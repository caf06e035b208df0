import type { Browser, Page } from 'playwright-core'
import en from '../../locales/en/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import { latestEmail, resetEmulators, stytchSignIn } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// A reset link is most often opened on a phone: the mail app hands it to the browser. Here the
// whole flow is driven by taps on a small phone's touch screen, and each screen is checked for
// what gets in a thumb's way.
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

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

/**
 * What on the kit's screen would hinder a phone user: the page scrolling sideways, a part of the
 * card past the screen's edge, a control under 44 px (Apple's and Android's touch target), or a
 * field whose text is under 16px (iOS Safari zooms into it).
 */
function thumbProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > width)
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width} px)`)
    const name = (element: Element) =>
      `${element.getAttribute('data-part') ?? element.tagName} "${element.textContent?.trim() ?? ''}"`
    for (const element of document.querySelectorAll('[data-reset-kit], [data-reset-kit] *')) {
      const box = element.getBoundingClientRect()
      if (box.width > 1 && (box.left < 0 || box.right > width)) problems.push(`${name(element)} runs past the screen`)
    }
    for (const control of document.querySelectorAll('[data-reset-kit] :is(input, button, a)')) {
      const box = control.getBoundingClientRect()
      if (box.width < 44 || box.height < 44)
        problems.push(`${name(control)} is ${Math.round(box.width)} × ${Math.round(box.height)} px`)
    }
    for (const input of document.querySelectorAll('[data-reset-kit] input')) {
      const size = getComputedStyle(input).fontSize
      if (parseFloat(size) < 16) problems.push(`${name(input)} has ${size} text`)
    }
    return problems
  })
}

describe('on a small phone, by touch, in Chromium', () => {
  it('P11: asks for a link, opens it in a new tab and sets the new password, with nothing out of reach on any screen', async () => {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    expect(await thumbProblems(page)).toEqual([])

    // An empty address first: the error shows beside the field, within reach.
    await page.getByRole('button', { name: 'Send reset link' }).tap()
    await page.getByText('Enter an email address in the form name@example.com.').waitFor()
    expect(await thumbProblems(page)).toEqual([])

    const email = page.getByRole('textbox', { name: 'Email address' })
    await email.tap()
    await email.fill('ada@example.com')
    await page.getByRole('button', { name: 'Send reset link' }).tap()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(await thumbProblems(page)).toEqual([])

    const tab = await context.newPage()
    await tab.goto((await latestEmail(demo, 'ada@example.com')).link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    const password = tab.getByLabel('New password', { exact: true })
    await password.tap()
    await password.fill('a phone-typed passphrase')
    const show = tab.getByRole('button', { name: 'Show password' })
    await show.tap()
    expect(await show.getAttribute('aria-pressed')).toBe('true')
    expect(await password.getAttribute('type')).toBe('text')
    await tab.getByLabel('Confirm new password').tap()
    await tab.getByLabel('Confirm new password').fill('a phone-typed passphrase')
    await tab.getByText('Strength: strong').waitFor()
    expect(await thumbProblems(tab)).toEqual([])

    await tab.getByRole('button', { name: 'Change password' }).tap()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await thumbProblems(tab)).toEqual([])
    expect(await stytchSignIn(demo, 'ada@example.com', 'a phone-typed passphrase')).toBe(200)
    await context.close()
  })

  it.each([
    ['en-US', en],
    ['es-ES', es],
    ['fr-FR', fr],
    ['pt-BR', ptBR],
  ])(
    'at 320 px in %s, the longest screens keep everything within reach: the email error, the confirmation and a link opened in another browser',
    async (locale, m) => {
      const narrowPhone = { ...PHONE, viewport: { width: 320, height: 568 }, locale }
      const context = await browser.newContext(narrowPhone)
      const page = await context.newPage()
      await page.goto(`${demo.url}/`)
      const root = page.locator('[data-reset-kit]')
      // The kit's words in that language, not English while its file loads.
      const lang = locale === 'pt-BR' ? 'pt-BR' : locale.slice(0, 2)
      await expect.poll(() => root.getAttribute('lang')).toBe(lang)
      await page.getByRole('button', { name: m.forgot.submit }).tap()
      await page.getByRole('alert').filter({ hasText: m.errors.invalid_email }).waitFor()
      expect(await thumbProblems(page)).toEqual([])

      await page.getByRole('textbox', { name: m.forgot.emailLabel }).fill('ada@example.com')
      await page.getByRole('button', { name: m.forgot.submit }).tap()
      // Sending takes at least a second: the label may wrap, and the spinner beside it stays round.
      const sending = page.getByRole('button', { name: m.forgot.submitting })
      const spinner = await sending.evaluate((element) => {
        const before = getComputedStyle(element, '::before')
        return { width: parseFloat(before.width), height: parseFloat(before.height) }
      })
      expect(spinner.width).toBeGreaterThan(12)
      expect(spinner.width).toBeCloseTo(spinner.height, 0)
      await page.getByRole('heading', { name: m.forgot.sentTitle }).waitFor()
      expect(await thumbProblems(page)).toEqual([])

      // A fresh profile has no verifier for the link: the screen with the longest text.
      const elsewhere = await browser.newContext(narrowPhone)
      const other = await elsewhere.newPage()
      await other.goto((await latestEmail(demo, 'ada@example.com')).link)
      await other.getByRole('heading', { name: m.reset.verifierTitle }).waitFor()
      await expect.poll(() => other.locator('[data-reset-kit]').getAttribute('lang')).toBe(lang)
      expect(await thumbProblems(other)).toEqual([])
      await elsewhere.close()
      await context.close()
    },
  )
})
