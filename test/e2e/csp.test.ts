import type { Browser, BrowserContext, Page } from 'playwright-core'
import { latestEmail, newDemoContext, resetEmulators, stytchSignIn, type DemoBackend } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// The built demo served with a strict Content-Security-Policy: no inline script, no inline style
// (attributes included), nothing from another origin. Violations are caught twice: the
// `securitypolicyviolation` event each page fires, and the console error Chromium logs for it.

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

interface Violation {
  directive: string
  blocked: string
  sample: string
}

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

/** Collects every CSP violation and CSP console error of every page in `context`. */
async function watchViolations(context: BrowserContext): Promise<{ violations: Violation[]; consoleErrors: string[] }> {
  const violations: Violation[] = []
  const consoleErrors: string[] = []
  // A binding and an init script are installed over CDP, outside the page's policy.
  await context.exposeBinding('__reportCspViolation', (_source, violation: Violation) => {
    violations.push(violation)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation(violation: unknown): void }).__reportCspViolation
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample })
    })
  })
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleErrors.push(message.text())
  })
  return { violations, consoleErrors }
}

async function resetThrough(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link)
  await page.locator('[data-reset-kit][data-state="ready"]').waitFor()
  const passwords = page.locator('[data-reset-kit] input[autocomplete="new-password"]')
  await passwords.nth(0).fill(password)
  await passwords.nth(1).fill(password)
  // The show/hide toggle and the strength hint change the markup as the user types.
  await page.locator('[data-reset-kit] button[aria-pressed]').click()
  await page.locator('[data-reset-kit] button[type="submit"]').click()
  await page.locator('[data-reset-kit][data-state="success"]').waitFor()
}

describe('under a strict Content-Security-Policy, in Chromium', () => {
  it('serves the page with the policy', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const response = await page.goto(`${demo.url}/reset`)
    expect(response?.headers()['content-security-policy']).toBe(POLICY)
    await context.close()
  })

  it.each<{ backend: DemoBackend; locale: string }>([
    { backend: 'stytch', locale: 'en-US' },
    { backend: 'stytch', locale: 'fr-FR' },
    { backend: 'stack-auth', locale: 'pt-BR' },
    { backend: 'supabase', locale: 'es-ES' },
    { backend: 'better-auth', locale: 'en-US' },
  ])('X2: a full $backend flow in $locale runs with 0 violations', async ({ backend, locale }) => {
    const context = await newDemoContext(browser, { backend, locale })
    const { violations, consoleErrors } = await watchViolations(context)
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    // A field error first, then the request, the confirmation and its cooldown.
    await page.locator('[data-reset-kit] button[type="submit"]').click()
    await page.locator('[data-reset-kit] input[aria-invalid="true"]').waitFor()
    await page.locator('[data-reset-kit] input[type="email"]').fill('ada@example.com')
    await page.locator('[data-reset-kit] button[type="submit"]').click()
    await page.locator('[data-reset-kit][data-state="sent"]').waitFor()
    const { link } = await latestEmail(demo, 'ada@example.com', backend)

    await resetThrough(await context.newPage(), link, 'a brand new passphrase')
    if (backend === 'stytch') expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    expect(violations).toEqual([])
    expect(consoleErrors).toEqual([])
    await context.close()
  })

  it('the watch catches a violation when there is one (inline style attribute, inline script)', async () => {
    const context = await browser.newContext()
    const { violations, consoleErrors } = await watchViolations(context)
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await page.locator('[data-reset-kit]').waitFor()
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
