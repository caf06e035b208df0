import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import type axeCore from 'axe-core'
import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import type en from '../../locales/en/reset-kit.json'
import * as stackAuth from '../adapters/fixtures/stackAuth'
import { gate, resetEmulators, STYTCH_START } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// axe-core in Chromium on every state of both components, in every shipped locale, light and
// dark: the real layout and the real stylesheet, so colour contrast is measured, which jsdom
// cannot do. States that need a particular answer get it from page.route; the rest is the demo.

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const SCHEMES = ['light', 'dark'] as const
const LOCALES = [
  { browserLocale: 'en-US', tag: 'en' },
  { browserLocale: 'es-ES', tag: 'es' },
  { browserLocale: 'fr-FR', tag: 'fr' },
  { browserLocale: 'pt-BR', tag: 'pt-BR' },
  { browserLocale: 'en-XA', tag: 'en-XA' },
]

const STACK_CHECK = '**/__emulator/stack-auth/api/v1/auth/password/reset/check-code'
const STACK_RESET = '**/__emulator/stack-auth/api/v1/auth/password/reset'
const STACK_CODE = 'a'.repeat(45)

/** A locale's strings: every locale has English's keys (test/i18n checks it). */
type Messages = typeof en

interface Violation {
  id: string
  impact: string | null | undefined
  help: string
  nodes: string[]
}

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
 * The WCAG contrast ratio of two computed colours (`rgb()` or `rgba()`), to two decimals; 0 when
 * either is not fully opaque, as what shows through it is not known here.
 */
function contrastRatio(first: string, second: string): number {
  const channels = [first, second].map((color) => (color.match(/[\d.]+/g) ?? []).map(Number))
  if (channels.some((rgba) => rgba.length < 3 || (rgba[3] ?? 1) < 1)) return 0
  const [lighter, darker] = channels
    .map((rgba) => {
      const [r, g, b] = rgba
        .slice(0, 3)
        .map((value) => value / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    })
    .sort((a, b) => b - a)
  return Math.round(((lighter! + 0.05) / (darker! + 0.05)) * 100) / 100
}

function messagesOf(tag: string): Messages {
  return JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../locales/${tag}/reset-kit.json`), 'utf8'),
  ) as Messages
}

/** axe on the kit's root, once per colour scheme; returns the violations by `state (scheme)`. */
async function axeStates(page: Page, state: string, found: Record<string, Violation[]>): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme })
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: typeof axeCore }).axe
      const results = await axe.run(
        { include: [['[data-reset-kit]']] },
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      )
      return results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
      }))
    }, TAGS)
    if (violations.length > 0) found[`${state} (${colorScheme})`] = violations
  }
}

/** A message with each placeholder (`{{duration}}`) standing for any text, to find it on the page. */
function filled(message: string): RegExp {
  const parts = message.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(parts.join('.+'))
}

/** Waits for the kit's view whose heading is `heading`, in the page's language (the locale has loaded). */
async function view(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { name: heading }).waitFor()
}

async function newContext(browserLocale: string): Promise<BrowserContext> {
  return browser.newContext({ locale: browserLocale, reducedMotion: 'reduce' })
}

describe('the axe harness', () => {
  it('switches the kit between light and dark, and reports a real contrast failure when there is one', async () => {
    const context = await newContext('en-US')
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await view(page, 'Reset your password')
    const background = () => page.locator('[data-reset-kit]').evaluate((root) => getComputedStyle(root).backgroundColor)
    await page.emulateMedia({ colorScheme: 'light' })
    const light = await background()
    await page.emulateMedia({ colorScheme: 'dark' })
    expect(await background()).not.toBe(light)

    await page.locator('[data-reset-kit] [data-part="description"]').evaluate((description) => {
      ;(description as HTMLElement).style.color = '#777'
    })
    const found: Record<string, Violation[]> = {}
    await axeStates(page, 'grey on white', found)
    expect(Object.keys(found)).toEqual(['grey on white (light)', 'grey on white (dark)'])
    expect(found['grey on white (light)']!.map((violation) => violation.id)).toEqual(['color-contrast'])
    await context.close()
  })
})

describe.each(LOCALES)('axe in Chromium, $tag', ({ browserLocale, tag }) => {
  const m = messagesOf(tag)

  it('A1: <ForgotPasswordForm> has no WCAG 2.2 AA violation in any state, light or dark', async () => {
    const context = await newContext(browserLocale)
    const page = await context.newPage()
    await page.clock.install()
    const found: Record<string, Violation[]> = {}
    const submit = page.getByRole('button', { name: m.forgot.submit })
    const held = gate()
    let answer: 'hold' | 'rate-limit' = 'hold'
    await page.route(`**${STYTCH_START}`, async (route: Route) => {
      if (answer === 'hold') {
        await held.promise
        await route.continue()
      } else {
        await route.fulfill({
          status: 429,
          headers: { 'Retry-After': '120' },
          contentType: 'application/json',
          body: JSON.stringify({
            status_code: 429,
            request_id: 'r',
            error_type: 'too_many_requests',
            error_message: 'Slow down.',
          }),
        })
      }
    })

    await page.goto(`${demo.url}/`)
    await view(page, m.forgot.title)
    await axeStates(page, 'form', found)

    await submit.click()
    await page.getByRole('alert').filter({ hasText: m.errors.invalid_email }).waitFor()
    await axeStates(page, 'field error', found)

    // Not a demo account: the answer is the same neutral confirmation, and no rate limit is shared.
    await page.getByRole('textbox', { name: m.forgot.emailLabel }).fill(`a11y-${tag}@example.com`)
    await submit.click()
    await page.getByRole('button', { name: m.forgot.submitting }).waitFor()
    await axeStates(page, 'sending', found)

    held.open()
    await view(page, m.forgot.sentTitle)
    await axeStates(page, 'sent, cooldown running', found)

    await page.clock.fastForward('01:01')
    await page.getByRole('status').filter({ hasText: m.forgot.cooldownEnded }).waitFor()
    await axeStates(page, 'sent, cooldown over', found)

    answer = 'rate-limit'
    await page.getByRole('button', { name: m.forgot.useAnotherEmail }).click()
    await view(page, m.forgot.title)
    await submit.click()
    await page
      .getByRole('alert')
      .filter({ hasText: filled(m.errors.rate_limited) })
      .waitFor()
    await axeStates(page, 'rate limited', found)

    expect(found).toEqual({})
    await context.close()
  })

  it('A1: <ResetPasswordPage> has no WCAG 2.2 AA violation in any state, light or dark', async () => {
    const context = await newContext(browserLocale)
    const page = await context.newPage()
    const found: Record<string, Violation[]> = {}
    const stackLink = `${demo.url}/reset?backend=stack-auth&code=${STACK_CODE}`

    // The link check and the password change answer as each state needs.
    let held = gate()
    let check: 'hold' | 'ok' | 'expired' | 'used' | 'down' = 'hold'
    let change: 'hold' | 'ok' | 'rate-limit' = 'hold'
    const known = (fixture: stackAuth.StackAuthFixture) => ({
      status: fixture.status,
      headers: fixture.headers,
      contentType: 'application/json',
      body: JSON.stringify(fixture.body),
    })
    await page.route(STACK_CHECK, async (route) => {
      if (check === 'hold') await held.promise
      if (check === 'expired') return route.fulfill(known(stackAuth.verificationCodeExpired))
      if (check === 'used') return route.fulfill(known(stackAuth.verificationCodeAlreadyUsed))
      if (check === 'down') return route.fulfill({ status: 503, contentType: 'application/json', body: '{}' })
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(stackAuth.checkCodeOk),
      })
    })
    await page.route(STACK_RESET, async (route) => {
      if (change === 'hold') {
        await held.promise
        return route.fulfill({ status: 503, contentType: 'application/json', body: '{}' })
      }
      if (change === 'rate-limit') {
        return route.fulfill({
          status: 429,
          headers: { 'Retry-After': '120' },
          contentType: 'application/json',
          body: '{}',
        })
      }
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ success: true }) })
    })
    const password = page.getByLabel(m.reset.passwordLabel, { exact: true })
    const confirm = page.getByLabel(m.reset.confirmLabel, { exact: true })
    const submit = page.getByRole('button', { name: m.reset.submit })

    await page.goto(stackLink)
    await view(page, m.reset.checkingTitle)
    await axeStates(page, 'checking', found)

    check = 'ok'
    held.open()
    await view(page, m.reset.title)
    await axeStates(page, 'ready', found)

    await password.fill('short')
    await confirm.fill('different')
    await submit.click()
    await page
      .getByRole('alert')
      .filter({ hasText: filled(m.errors.password_too_short_other) })
      .waitFor()
    await page.getByRole('alert').filter({ hasText: m.errors.password_mismatch }).waitFor()
    await axeStates(page, 'field errors', found)

    await page.getByRole('button', { name: m.reset.showPassword }).click()
    await page.getByRole('button', { name: m.reset.showPassword, pressed: true }).waitFor()
    await axeStates(page, 'password shown', found)

    held = gate()
    await password.fill('a brand new passphrase')
    await confirm.fill('a brand new passphrase')
    await submit.click()
    await page.getByRole('button', { name: m.reset.submitting }).waitFor()
    await axeStates(page, 'changing', found)

    held.open()
    await page.getByRole('alert').filter({ hasText: m.errors.server }).waitFor()
    await axeStates(page, 'server error', found)

    change = 'ok'
    await submit.click()
    await view(page, m.reset.successTitle)
    await axeStates(page, 'success', found)

    for (const [state, answer, heading] of [
      ['link_expired', 'expired', m.reset.expiredTitle],
      ['link_used', 'used', m.reset.usedTitle],
      ['check_failed', 'down', m.reset.checkFailedTitle],
    ] as const) {
      check = answer
      await page.goto(stackLink)
      await view(page, heading)
      await axeStates(page, state, found)
    }

    check = 'ok'
    change = 'rate-limit'
    await page.goto(stackLink)
    await view(page, m.reset.title)
    await password.fill('a brand new passphrase')
    await confirm.fill('a brand new passphrase')
    await submit.click()
    await page
      .getByRole('alert')
      .filter({ hasText: filled(m.errors.rate_limited) })
      .waitFor()
    await axeStates(page, 'rate limited', found)

    // A new tab: this one's sessionStorage still holds the last link's token, for reloads.
    const fresh = await context.newPage()
    await fresh.goto(`${demo.url}/reset?backend=stack-auth`)
    await view(fresh, m.reset.invalidTitle)
    await axeStates(fresh, 'link_invalid', found)

    // A PKCE link opened where no verifier was stored.
    await fresh.goto(`${demo.url}/reset?backend=stytch&stytch_token_type=reset_password&token=${'b'.repeat(43)}=`)
    await view(fresh, m.reset.verifierTitle)
    await axeStates(fresh, 'verifier_missing', found)

    expect(found).toEqual({})
    await context.close()
  })
})

describe('layout and focus in Chromium', () => {
  // WCAG 1.4.12's text spacing, applied by a user stylesheet.
  const TEXT_SPACING =
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }'

  /** How far (CSS px) any part of the kit reaches past its card's content box; 0 when nothing does. */
  function overflowPastCard(page: Page): Promise<number> {
    return page.locator('[data-reset-kit]').evaluate((root) => {
      const style = getComputedStyle(root)
      const inner =
        root.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth)
      const widest = Math.max(
        ...[...root.querySelectorAll('*')].map((element) => element.getBoundingClientRect().right),
      )
      return Math.max(0, Math.round(widest - inner))
    })
  }

  it.each(['fr-FR', 'en-XA'])(
    'A: at 320 px wide, in %s, nothing of the kit reaches past its card, with text spacing too (WCAG 1.4.10, 1.4.12)',
    async (browserLocale) => {
      const context = await browser.newContext({
        locale: browserLocale,
        reducedMotion: 'reduce',
        viewport: { width: 320, height: 640 },
      })
      const page = await context.newPage()
      await page.route(STACK_CHECK, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stackAuth.checkCodeOk) }),
      )
      const tag = LOCALES.find((locale) => locale.browserLocale === browserLocale)!.tag
      const m = messagesOf(tag)
      const measured: Record<string, number> = {}
      for (const [url, state, heading] of [
        [`${demo.url}/`, 'form', m.forgot.title],
        [`${demo.url}/reset?backend=stack-auth&code=${STACK_CODE}`, 'ready', m.reset.title],
      ] as const) {
        await page.goto(url)
        await view(page, heading)
        measured[state] = await overflowPastCard(page)
        await page.addStyleTag({ content: TEXT_SPACING })
        measured[`${state}, text spacing`] = await overflowPastCard(page)
      }
      expect(measured).toEqual({ form: 0, 'form, text spacing': 0, ready: 0, 'ready, text spacing': 0 })
      await context.close()
    },
  )

  it('the demo at 320 px wide scrolls only down, never sideways, on each of its pages (WCAG 1.4.10)', async () => {
    const context = await browser.newContext({
      locale: 'fr-FR',
      reducedMotion: 'reduce',
      viewport: { width: 320, height: 640 },
    })
    const page = await context.newPage()
    const sideways: Record<string, number> = {}
    for (const path of ['/', '/reset', '/outbox']) {
      await page.goto(`${demo.url}${path}`)
      await page.getByRole('main').waitFor()
      await page.waitForLoadState('networkidle')
      sideways[path] = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
    }
    expect(sideways).toEqual({ '/': 0, '/reset': 0, '/outbox': 0 })
    await context.close()
  })

  it('A: with motion allowed, focus animates the ring but never the outline, which would flash in the text colour', async () => {
    const context = await browser.newContext({ locale: 'en-US', reducedMotion: 'no-preference' })
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await view(page, 'Reset your password')
    const animated = await page
      .locator('[data-reset-kit] [data-part="submit"]')
      .evaluate((element) => getComputedStyle(element).transitionProperty)
    await context.close()
    expect(animated.split(', ')).toEqual(expect.arrayContaining(['box-shadow']))
    expect(animated).not.toMatch(/\ball\b|outline/)
  })

  it('A: the focus ring has at least 3:1 contrast against the card, light and dark (WCAG 1.4.11)', async () => {
    const context = await newContext('en-US')
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    await view(page, 'Reset your password')
    const input = page.locator('[data-reset-kit] [data-part="input"]')
    await input.focus()
    const ratios: Record<string, number> = {}
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme })
      const { ring, card } = await input.evaluate((element) => {
        // The outermost ring (the largest spread) is what shows against the card.
        const rings = getComputedStyle(element)
          .boxShadow.split(/,(?![^(]*\))/)
          .map((shadow) => ({
            color: shadow.match(/rgba?\([^)]*\)/)?.[0] ?? '',
            spread: Number(shadow.trim().split(/\s+/).at(-1)?.replace('px', '') ?? 0),
          }))
        return {
          ring: rings.sort((a, b) => b.spread - a.spread)[0]!.color,
          card: getComputedStyle(element.closest('[data-reset-kit]')!).backgroundColor,
        }
      })
      ratios[colorScheme] = contrastRatio(ring, card)
    }
    expect(ratios.light).toBeGreaterThanOrEqual(3)
    expect(ratios.dark).toBeGreaterThanOrEqual(3)
    // A brand colour set on an ancestor, as the README shows, recolours the ring too.
    await page.addStyleTag({ content: 'main { --rk-color-primary: #7c3aed; }' })
    expect(await input.evaluate((element) => getComputedStyle(element).boxShadow)).toContain('rgb(124, 58, 237)')
    await context.close()
  })

  it('A: in forced-colors mode the strength meter still shows its fill and the spinner stays an open arc (WCAG 1.4.11)', async () => {
    const context = await newContext('en-US')
    const page = await context.newPage()
    await page.emulateMedia({ forcedColors: 'active' })
    const held = gate()
    await page.route(STACK_CHECK, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(stackAuth.checkCodeOk) }),
    )
    await page.route(STACK_RESET, async (route) => {
      await held.promise
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ success: true }) })
    })
    await page.goto(`${demo.url}/reset?backend=stack-auth&code=${STACK_CODE}`)
    await view(page, 'Choose a new password')
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase')
    await page.getByLabel('Confirm new password').fill('a brand new passphrase')
    const meter = page.locator('[data-reset-kit] [data-strength]')
    const fills: Record<string, { image: string; height: string; fill: string; track: string; outline: string }> = {}
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ forcedColors: 'active', colorScheme })
      fills[colorScheme] = await meter.evaluate((element) => {
        const before = getComputedStyle(element, '::before')
        // The track is the gradient's one colour, painted over the content box.
        const track = before.backgroundImage.match(/rgba?\([^)]*\)/)?.[0] ?? ''
        const outline = before.outlineStyle === 'solid' ? before.outlineColor : ''
        return { image: before.backgroundImage, height: before.height, fill: before.backgroundColor, track, outline }
      })
    }
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByRole('button', { name: 'Changing password…' }).waitFor()
    const spinners: Record<string, { top: string; right: string; button: string }> = {}
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ forcedColors: 'active', colorScheme })
      spinners[colorScheme] = await page.locator('[data-reset-kit] [data-part="submit"]').evaluate((element) => {
        const before = getComputedStyle(element, '::before')
        return {
          top: before.borderTopColor,
          right: before.borderRightColor,
          button: getComputedStyle(element).backgroundColor,
        }
      })
    }
    held.open()
    await context.close()
    // Forced colors drop gradients and force every border to one system colour unless the part opts out.
    for (const fill of Object.values(fills)) {
      expect(fill.image).toMatch(/^linear-gradient/)
      expect(fill.height).toBe('4px')
      // The fill tells against the track beside it, in the user's system colours, and an outline
      // in the fill's system colour shows the track's full length.
      expect(contrastRatio(fill.fill, fill.track)).toBeGreaterThanOrEqual(3)
      expect(fill.outline).toBe(fill.fill)
    }
    for (const spinner of Object.values(spinners)) {
      expect(spinner.right).not.toBe(spinner.top)
      // Its arc in a system colour that shows on the button's forced background.
      expect(contrastRatio(spinner.top, spinner.button)).toBeGreaterThanOrEqual(3)
    }
  })
})
