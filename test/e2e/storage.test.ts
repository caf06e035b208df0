import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  choosePassword,
  latestEmail,
  readOutbox,
  recordRequests,
  requestLink,
  resetEmulators,
  STYTCH_COMPLETE,
  STYTCH_START,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// Web Storage the way browsers really break it, installed before any of the page's scripts run:
// blocked site data makes the `sessionStorage` / `localStorage` getters throw a SecurityError;
// a full or zero quota (private modes) makes `setItem` throw a QuotaExceededError.

const STORAGE_UNAVAILABLE =
  'Your browser is blocking the storage this page needs. Allow this site to store data, then try again.'

type Fault = 'both getters throw' | 'the localStorage getter throws' | 'setItem throws'

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

/** A browser profile whose storage fails as `fault` says, on every page, before the app loads. */
async function contextWith(fault: Fault, options: { backend?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext()
  await context.addInitScript(
    ({ fault, backend }) => {
      if (backend) window.localStorage.setItem('demo:backend', backend)
      const block = (name: 'sessionStorage' | 'localStorage') =>
        Object.defineProperty(window, name, {
          configurable: true,
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        })
      if (fault === 'both getters throw') {
        block('sessionStorage')
        block('localStorage')
      } else if (fault === 'the localStorage getter throws') {
        block('localStorage')
      } else {
        Storage.prototype.setItem = function setItem() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
      }
    },
    { fault, backend: options.backend },
  )
  return context
}

/** Collects uncaught page errors: a storage fault must never surface as one. */
function pageErrors(page: Page): Error[] {
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  return errors
}

describe('storage faults in Chromium', () => {
  it.each<Fault>(['both getters throw', 'the localStorage getter throws', 'setItem throws'])(
    'S1: when %s, no challenge is sent, the user is told why, and nothing throws',
    async (fault) => {
      const context = await contextWith(fault)
      const page = await context.newPage()
      const errors = pageErrors(page)
      const starts = recordRequests(page, STYTCH_START)
      await page.goto(`${demo.url}/`)
      await page.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
      await page.getByRole('button', { name: 'Send reset link' }).click()

      await expect.poll(() => page.getByRole('alert').textContent()).toBe(STORAGE_UNAVAILABLE)
      expect(await page.getByRole('heading', { name: 'Check your email' }).count()).toBe(0)
      expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe('ada@example.com')
      expect(starts).toEqual([])
      expect(await readOutbox(demo)).toEqual([])
      expect(errors).toEqual([])
      await context.close()
    },
  )

  it('S1, P7: a link opened where storage is blocked shows the same-browser screen and sends nothing', async () => {
    const asking = await browser.newContext()
    await requestLink(await asking.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com')

    const blocked = await contextWith('both getters throw')
    const page = await blocked.newPage()
    const errors = pageErrors(page)
    const completions = recordRequests(page, STYTCH_COMPLETE)
    await page.goto(link)
    await page.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
    expect(completions).toEqual([])
    expect(errors).toEqual([])
    await asking.close()
    await blocked.close()
  })

  it('S1, P10: with storage full, a backend without PKCE (Stack Auth) still resets end to end', async () => {
    const context = await contextWith('setItem throws', { backend: 'stack-auth' })
    const page = await context.newPage()
    const errors = pageErrors(page)
    await requestLink(page, demo, 'grace@example.com')
    const { link } = await latestEmail(demo, 'grace@example.com', 'stack-auth')

    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})
