import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  choosePassword,
  latestEmail,
  requestLink,
  recordRequests,
  resetEmulators,
  STYTCH_COMPLETE,
  stytchSignIn,
} from './demoFlow'
import { axeViolations } from './axeViolations'
import { bundleHostApp, type HostPage, routeHostPages } from './hostPage'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// The kit in host pages the demo is not: rendered into an open shadow root with its stylesheet
// inside it (a web component, a widget), and under `<base href>` with a router basename. The
// pages come from test/e2e/hosts/hostApp.tsx, served on the demo's origin so the kit talks to the
// demo's Stytch emulator.

const SHADOW: HostPage = {
  prefix: '/shadow/',
  config: { shadow: true, basename: '/shadow', forgotPasswordUrl: '/shadow/' },
}
const BASE: HostPage = {
  prefix: '/app/',
  baseHref: '/app/',
  config: { shadow: false, basename: '/app', forgotPasswordUrl: 'forgot-password' },
}
// A brand theme and dark mode set on an ancestor of the kit, as the README's Theming shows.
const THEMED_CSS = '.checkout { --rk-color-primary: #7c3aed; }'
const THEMED = (shadow: boolean): HostPage => ({
  prefix: shadow ? '/themed-shadow/' : '/themed/',
  htmlAttributes: 'data-theme="dark" class="checkout"',
  pageCss: THEMED_CSS,
  config: { shadow, basename: shadow ? '/themed-shadow' : '/themed', forgotPasswordUrl: '/' },
})
// The same, set on the shadow host itself.
const THEMED_HOST: HostPage = {
  prefix: '/themed-host/',
  hostAttributes: 'data-theme="dark" class="checkout"',
  pageCss: THEMED_CSS,
  config: { shadow: true, basename: '/themed-host', forgotPasswordUrl: '/' },
}
const LIGHT_HOST: HostPage = {
  prefix: '/light-host/',
  hostAttributes: 'data-theme="light"',
  config: { shadow: true, basename: '/light-host', forgotPasswordUrl: '/' },
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
  const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'reduce' })
  await routeHostPages(context, demo.url, script, [SHADOW, BASE, THEMED(false), THEMED(true), THEMED_HOST, LIGHT_HOST])
  return context
}

/** What has focus: the element inside the kit's shadow root if there is one, else the document's. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.getElementById('host')!
    const active = host.shadowRoot ? host.shadowRoot.activeElement : document.activeElement
    if (!active) return `nothing in the shadow root (document: ${document.activeElement?.tagName ?? 'none'})`
    return `${active.tagName.toLowerCase()} ${active.getAttribute('name') ?? active.textContent ?? ''}`.trim()
  })
}

/** Computed values on the kit's root (inside the shadow root when there is one). */
async function kitStyle(page: Page): Promise<{ primary: string; submitBackground: string; background: string }> {
  return page.evaluate(() => {
    const host = document.getElementById('host')!
    const scope = host.shadowRoot ?? document
    const root = scope.querySelector('[data-reset-kit]')!
    const submit = scope.querySelector('[data-part="submit"]')!
    return {
      primary: getComputedStyle(root).getPropertyValue('--rk-color-primary').trim(),
      submitBackground: getComputedStyle(submit).backgroundColor,
      background: getComputedStyle(root).backgroundColor,
    }
  })
}

describe('inside an open shadow root, in Chromium', () => {
  it("A5: <ForgotPasswordForm>: the stylesheet's :host values apply, focus goes to the invalid field and to each new view's heading, and axe finds nothing", async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.goto(`${demo.url}/shadow/`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    expect(
      await page.evaluate(() => document.getElementById('host')!.shadowRoot?.querySelector('[data-reset-kit]') != null),
    ).toBe(true)

    await page.emulateMedia({ colorScheme: 'light' })
    expect(await kitStyle(page)).toEqual({
      primary: '#1f5fd6',
      submitBackground: 'rgb(31, 95, 214)',
      background: 'rgb(255, 255, 255)',
    })
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await kitStyle(page)).toMatchObject({ primary: '#4493f8', background: 'rgb(13, 17, 23)' })
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('alert').filter({ hasText: 'Enter an email address in the form name@example.com.' }).waitFor()
    expect(await focused(page)).toBe('input email')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    await expect.poll(() => focused(page)).toBe('h2 Check your email')
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Use a different email address' }).click()
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await expect.poll(() => focused(page)).toBe('h2 Reset your password')
    await context.close()
  })

  it('A5: <ResetPasswordPage>: focus goes to the form, to each invalid field, then to the success heading, and axe finds nothing', async () => {
    const context = await hostContext()
    const asking = await context.newPage()
    await requestLink(asking, demo, 'ada@example.com', '/shadow/')
    const { link } = await latestEmail(demo, 'ada@example.com')
    expect(new URL(link).pathname).toBe('/shadow/reset')

    const page = await context.newPage()
    await page.goto(link)
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await expect.poll(() => focused(page)).toBe('h2 Choose a new password')
    expect(page.url()).not.toContain('token=')
    expect(await axeViolations(page)).toEqual([])

    await page.getByLabel('New password', { exact: true }).fill('short')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect.poll(() => focused(page)).toBe('input password')
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase')
    await page.getByLabel('Confirm new password').fill('something else entirely')
    await page.getByRole('button', { name: 'Change password' }).click()
    await expect.poll(() => focused(page)).toBe('input confirmPassword')
    expect(await axeViolations(page)).toEqual([])

    await choosePassword(page, 'a brand new passphrase')
    await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    await expect.poll(() => focused(page)).toBe('h2 Your password has been changed')
    expect(await axeViolations(page)).toEqual([])
    expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })

  it.each([
    { where: 'on <html>, the kit in the page', prefix: THEMED(false).prefix },
    { where: 'on the shadow host, the kit in its shadow root', prefix: THEMED_HOST.prefix },
  ])('a brand colour and data-theme="dark" set $where reach the kit', async ({ prefix }) => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${demo.url}${prefix}`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    expect(await kitStyle(page)).toEqual({
      primary: '#7c3aed',
      submitBackground: 'rgb(124, 58, 237)',
      background: 'rgb(13, 17, 23)',
    })
    await context.close()
  })

  it("the limit the stylesheet states: above the shadow host, an ancestor's brand colour and data-theme give way to its :host defaults", async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${demo.url}${THEMED(true).prefix}`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    expect(await kitStyle(page)).toEqual({
      primary: '#1f5fd6',
      submitBackground: 'rgb(31, 95, 214)',
      background: 'rgb(255, 255, 255)',
    })
    await context.close()
  })

  it('data-theme="light" on the shadow host keeps the kit light when the system is dark', async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto(`${demo.url}${LIGHT_HOST.prefix}`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    expect(await kitStyle(page)).toMatchObject({ primary: '#1f5fd6', background: 'rgb(255, 255, 255)' })
    await context.close()
  })
})

describe('under <base href="/app/"> with a router basename, in Chromium', () => {
  /** Asks for a link from /app/ and returns it, as emailed. */
  async function linkFromApp(context: BrowserContext): Promise<string> {
    const asking = await context.newPage()
    await requestLink(asking, demo, 'ada@example.com', '/app/')
    return (await latestEmail(demo, 'ada@example.com')).link
  }

  it.each([
    { returnTo: undefined, signIn: '/' },
    { returnTo: '/app/dashboard?tab=security#top', signIn: '/app/dashboard?tab=security#top' },
    { returnTo: 'dashboard', signIn: '/' },
    { returnTo: '//evil.example/app', signIn: '/' },
    { returnTo: 'https://evil.example/app', signIn: '/' },
  ])(
    'returnTo $returnTo: "Sign in" leads to $signIn, the token leaves the address bar, other params and the path stay, and a reload shows success',
    async ({ returnTo, signIn }) => {
      const context = await hostContext()
      const link = new URL(await linkFromApp(context))
      expect(link.pathname).toBe('/app/reset')
      if (returnTo !== undefined) link.searchParams.set('returnTo', returnTo)

      const page = await context.newPage()
      const completions = recordRequests(page, STYTCH_COMPLETE)
      await page.goto(link.href)
      await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
      const cleaned = new URL(page.url())
      expect(cleaned.pathname).toBe('/app/reset')
      expect(cleaned.searchParams.has('token')).toBe(false)
      expect(cleaned.searchParams.get('returnTo')).toBe(returnTo ?? null)

      await choosePassword(page, 'a brand new passphrase')
      await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
      const signInLink = page.getByRole('link', { name: 'Sign in' })
      expect(await signInLink.evaluate((a: HTMLAnchorElement) => a.href)).toBe(new URL(signIn, demo.url).href)
      expect(page.url()).toBe(cleaned.href)

      await page.reload()
      await page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
      expect(await signInLink.evaluate((a: HTMLAnchorElement) => a.href)).toBe(new URL(signIn, demo.url).href)
      expect(completions).toHaveLength(1)
      await context.close()
    },
  )

  it('a dead link\'s "Request a new link" is the forgotPasswordUrl given, resolved as any link of the page is (against <base>)', async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.goto(`${demo.url}/app/reset?token=not-a-real-token`)
    await page
      .getByRole('heading', { name: "This link can't be used in this browser" })
      .or(page.getByRole('heading', { name: "This link doesn't work" }))
      .waitFor()
    const request = page.getByRole('link', { name: 'Request a new link' })
    expect(await request.getAttribute('href')).toBe('forgot-password')
    expect(await request.evaluate((a: HTMLAnchorElement) => a.href)).toBe(`${demo.url}/app/forgot-password`)
    expect(new URL(page.url()).pathname).toBe('/app/reset')
    await context.close()
  })
})
