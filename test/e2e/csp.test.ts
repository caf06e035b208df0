import type { Browser, Page } from 'playwright-core'
import en from '../../locales/en/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import { latestEmail, newDemoContext, resetEmulators, stytchSignIn, type DemoBackend } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'
import { STRICT_POLICY, watchCsp } from './watchCsp'

// The built demo served with a strict Content-Security-Policy: no inline script, no inline style
// (attributes included), nothing from another origin. Violations are caught twice: the
// `securitypolicyviolation` event each page fires, and the console error Chromium logs for it.

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([
    startDemo({ headers: { 'Content-Security-Policy': STRICT_POLICY } }),
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

async function resetThrough(page: Page, m: typeof en, link: string, password: string): Promise<void> {
  await page.goto(link)
  await page.getByRole('heading', { name: m.reset.title }).waitFor()
  await page.getByLabel(m.reset.passwordLabel, { exact: true }).fill(password)
  await page.getByLabel(m.reset.confirmLabel, { exact: true }).fill(password)
  // The show/hide toggle and the strength hint change the markup as the user types.
  await page.getByRole('button', { name: m.reset.showPassword }).click()
  await page.getByRole('button', { name: m.reset.submit }).click()
  await page.getByRole('heading', { name: m.reset.successTitle }).waitFor()
}

describe('under a strict Content-Security-Policy, in Chromium', () => {
  it('serves the page with the policy', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const response = await page.goto(`${demo.url}/reset`)
    expect(response?.headers()['content-security-policy']).toBe(STRICT_POLICY)
    await context.close()
  })

  it.each<{ backend: DemoBackend; locale: string; m: typeof en }>([
    { backend: 'stytch', locale: 'en-US', m: en },
    { backend: 'stytch', locale: 'fr-FR', m: fr },
    { backend: 'stack-auth', locale: 'pt-BR', m: ptBR },
    { backend: 'supabase', locale: 'es-ES', m: es },
    { backend: 'better-auth', locale: 'en-US', m: en },
  ])('X2: a full $backend flow in $locale runs with 0 violations', async ({ backend, locale, m }) => {
    const context = await newDemoContext(browser, { backend, locale })
    const { violations, consoleErrors } = await watchCsp(context)
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    // A field error first, then the request, the confirmation and its cooldown.
    await page.getByRole('button', { name: m.forgot.submit }).click()
    await page.getByRole('alert').filter({ hasText: m.errors.invalid_email }).waitFor()
    await page.getByRole('textbox', { name: m.forgot.emailLabel }).fill('ada@example.com')
    await page.getByRole('button', { name: m.forgot.submit }).click()
    await page.getByRole('heading', { name: m.forgot.sentTitle }).waitFor()
    const { link } = await latestEmail(demo, 'ada@example.com', backend)

    await resetThrough(await context.newPage(), m, link, 'a brand new passphrase')
    if (backend === 'stytch') expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(violations).toEqual([])
    expect(consoleErrors).toEqual([])
    await context.close()
  })

  it('the watch catches a violation when there is one (inline style attribute, inline script)', async () => {
    const context = await browser.newContext()
    const { violations, consoleErrors } = await watchCsp(context)
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await page.evaluate(() => {
      document.body.setAttribute('style', 'outline: 1px solid red')
      const script = document.createElement('script')
      script.textContent = 'window.__inline = true'
      document.body.append(script)
    })
    await expect
      .poll(() => violations.map((violation) => violation.directive).sort())
      .toEqual(['script-src-elem', 'style-src-attr'])
    expect(consoleErrors.length).toBeGreaterThan(0)
    expect(await page.evaluate(() => (window as { __inline?: boolean }).__inline)).toBeUndefined()
    await context.close()
  })
})
