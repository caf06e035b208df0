import type { Browser, BrowserContext, Page } from 'playwright-core'
import en from '../../locales/en/reset-kit.json'
import enXA from '../../locales/en-XA/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import {
  choosePassword,
  latestEmail,
  newDemoContext,
  requestLink,
  resetEmulators,
  setStytchRateLimit,
  STYTCH_COMPLETE,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'
import { STRICT_POLICY, watchCsp, type CspWatch } from './watchCsp'

// csp.test.ts runs the happy path under a strict policy. This one adds Trusted Types (no string
// may reach an HTML or script sink: innerHTML, eval, new Function, setTimeout(string)) and drives
// the states the happy path never shows: field errors, countdowns ticking, rate-limit waits, the
// strength hint at each level, server errors, dead links, another device, every locale, a reload
// after success. Every state must hold no inline `style` attribute in the kit's markup either.

const POLICY = `${STRICT_POLICY}; require-trusted-types-for 'script'; trusted-types 'none'`

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([
    startDemo({ headers: { 'Content-Security-Policy': POLICY } }),
    launchChromium(),
  ])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(async () => {
  await resetEmulators(demo)
})

interface Watch extends CspWatch {
  /** Kit markup carrying a style attribute, by state. */
  styled: string[]
}

async function watch(context: BrowserContext): Promise<Watch> {
  return Object.assign(await watchCsp(context), { styled: [] })
}

/** Notes any style attribute in the kit's markup now. */
async function noInlineStyle(page: Page, seen: Watch): Promise<void> {
  const styled = await page.evaluate(() =>
    [...document.querySelectorAll('[data-reset-kit], [data-reset-kit] *')]
      .filter((element) => element.hasAttribute('style'))
      .map(
        (element) =>
          `${element.closest('[data-state]')?.getAttribute('data-state')}: <${element.tagName.toLowerCase()} style="${element.getAttribute('style')}">`,
      ),
  )
  seen.styled.push(...styled)
}

const NONE = { violations: [], consoleErrors: [], pageErrors: [], styled: [] }

describe('under a strict policy with Trusted Types, in Chromium', () => {
  it('the watch catches a Trusted Types violation when there is one', async () => {
    const context = await browser.newContext()
    const seen = await watch(context)
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    const blocked = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>')
        return false
      } catch {
        return true
      }
    })
    expect(blocked).toBe(true)
    await expect
      .poll(() => seen.violations.map((violation) => violation.directive))
      .toEqual(['require-trusted-types-for'])
    await context.close()
  })

  it('the forgot-password form: field error, confirmation and its ticking cooldown, another address, a 429 wait ticking', async () => {
    await setStytchRateLimit(demo, 1)
    try {
      const context = await newDemoContext(browser)
      const seen = await watch(context)
      const page = await context.newPage()
      await page.goto(`${demo.url}/`)
      await page.getByRole('button', { name: 'Send reset link' }).click()
      await page
        .getByRole('alert')
        .filter({ hasText: 'Enter an email address in the form name@example.com.' })
        .waitFor()
      await noInlineStyle(page, seen)
      await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
      await page.getByRole('button', { name: 'Send reset link' }).click()
      await page.getByRole('heading', { name: 'Check your email' }).waitFor()
      // Two ticks of the resend countdown.
      await page.waitForTimeout(2200)
      await noInlineStyle(page, seen)
      await page.getByRole('button', { name: 'Use a different email address' }).click()
      await page.getByRole('button', { name: 'Send reset link' }).click()
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Too many attempts/)
      await page.waitForTimeout(1200)
      await noInlineStyle(page, seen)
      // A reload restores the wait from sessionStorage.
      await page.reload()
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Too many attempts/)
      await noInlineStyle(page, seen)
      expect(seen).toEqual(NONE)
      await context.close()
    } finally {
      await setStytchRateLimit(demo, 5)
    }
  })

  it('the reset page: strength hint at each level, field errors, show password, a 502, a 429, success, a reload after it, the link again', async () => {
    const context = await newDemoContext(browser)
    const seen = await watch(context)
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com')
    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    const password = tab.getByLabel('New password', { exact: true })
    for (const [typed, level] of [
      ['short', en.reset.strength.tooShort],
      ['ten chars!', en.reset.strength.fair],
      ['twelve chars', en.reset.strength.good],
      ['a very long passphrase indeed', en.reset.strength.strong],
    ] as const) {
      await password.fill(typed)
      await tab.getByRole('status').filter({ hasText: level }).waitFor()
      await noInlineStyle(tab, seen)
    }
    await tab.getByLabel('Confirm new password').fill('something else')
    await tab.getByRole('button', { name: 'Change password' }).click()
    await tab
      .getByRole('alert')
      .filter({ hasText: "The passwords don't match. Type the same password in both fields." })
      .waitFor()
    await tab.getByRole('button', { name: 'Show password' }).click()
    await noInlineStyle(tab, seen)

    let answer: 'bad-gateway' | 'rate-limited' | 'through' = 'bad-gateway'
    await tab.route(`**${STYTCH_COMPLETE}`, async (route) => {
      if (answer === 'through') return route.continue()
      if (answer === 'bad-gateway')
        return route.fulfill({
          status: 502,
          contentType: 'text/html',
          body: '<h1>Bad Gateway</h1><script>alert(1)</script>',
        })
      return route.fulfill({
        status: 429,
        headers: { 'Retry-After': '3' },
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
    await expect.poll(() => tab.getByRole('alert').textContent()).toMatch(/Something went wrong/)
    await noInlineStyle(tab, seen)
    answer = 'rate-limited'
    await choosePassword(tab, 'a brand new passphrase')
    await expect.poll(() => tab.getByRole('alert').textContent()).toMatch(/Too many attempts/)
    await expect.poll(() => tab.getByRole('alert').textContent(), { timeout: 8000 }).toMatch(/try again now/)
    await noInlineStyle(tab, seen)
    answer = 'through'
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    await noInlineStyle(tab, seen)
    await tab.reload()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    // The spent link again, in a new tab: its verifier is gone with the success, and its hash says it was used.
    const again = await context.newPage()
    await again.goto(link)
    await again.getByRole('heading', { name: 'This link has already been used' }).waitFor()
    await noInlineStyle(again, seen)
    expect(seen).toEqual(NONE)
    await context.close()
  })

  it.each([
    ['en-US', en],
    ['es-ES', es],
    ['fr-FR', fr],
    ['pt-BR', ptBR],
    ['en-XA', enXA],
  ])(
    'a link opened on another device, and the form, in %s (the locale chunk loads under the policy)',
    async (locale, m) => {
      const laptop = await newDemoContext(browser)
      await requestLink(await laptop.newPage(), demo, 'ada@example.com')
      const { link } = await latestEmail(demo, 'ada@example.com')
      const phone = await newDemoContext(browser, { locale })
      const seen = await watch(phone)
      const page = await phone.newPage()
      await page.goto(link)
      await page.getByRole('heading', { name: m.reset.verifierTitle }).waitFor()
      const expected = locale === 'en-XA' ? 'en-XA' : locale.split('-')[0] === 'pt' ? 'pt-BR' : locale.split('-')[0]
      await expect.poll(() => page.locator('[data-reset-kit]').getAttribute('lang')).toBe(expected)
      await noInlineStyle(page, seen)
      await page.goto(`${demo.url}/`)
      await expect.poll(() => page.locator('[data-reset-kit]').getAttribute('lang')).toBe(expected)
      await noInlineStyle(page, seen)
      expect(seen).toEqual(NONE)
      await laptop.close()
      await phone.close()
    },
  )
})
