import type { Browser } from 'playwright-core'
import {
  choosePassword,
  kitStorageKeys,
  latestEmail,
  newDemoContext,
  readOutbox,
  recordRequests,
  requestLink,
  resetEmulators,
  STYTCH_COMPLETE,
  STYTCH_START,
  stytchSignIn,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// PKCE ties a link to the browser profile that asked for it. A Playwright browser context is a
// separate profile (its own localStorage and sessionStorage), so it stands for another device.

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

// What a browser keeps after a success: the spent token's hash, for the link opened again.
const SPENT_ONLY = { local: ['reset-kit:stytch:spent'], session: [] }

/** The `code_challenge` of each recorded Stytch start request. */
function challenges(starts: ReturnType<typeof recordRequests>): string[] {
  return starts.map((start) => (JSON.parse(start.body ?? '{}') as { code_challenge?: string }).code_challenge ?? '')
}

describe('a reset link and the browser that asked for it, in Chromium', () => {
  it('P7, P11: a link opened on another device shows the same-browser screen; a new link asked for there completes there', async () => {
    const laptop = await newDemoContext(browser)
    await requestLink(await laptop.newPage(), demo, 'ada@example.com')
    const { link: laptopLink } = await latestEmail(demo, 'ada@example.com')

    // The phone opens the laptop's link: no verifier here, so nothing may be sent.
    const phone = await newDemoContext(browser)
    const landing = await phone.newPage()
    const completions = recordRequests(landing, STYTCH_COMPLETE)
    await landing.goto(laptopLink)
    await landing.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(await landing.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(new URL(landing.url()).searchParams.has('token')).toBe(false)
    expect(completions).toEqual([])

    // Its way out: "Request a new link" leads to the form, in this browser.
    await landing.getByRole('link', { name: 'Request a new link' }).click()
    await landing.getByRole('heading', { name: 'Reset your password' }).waitFor()
    const starts = recordRequests(landing, STYTCH_START)
    await landing.getByRole('textbox', { name: 'Email address' }).fill('ada@example.com')
    await landing.getByRole('button', { name: 'Send reset link' }).click()
    await landing.getByRole('heading', { name: 'Check your email' }).waitFor()
    expect(starts).toHaveLength(1)
    await expect.poll(async () => (await readOutbox(demo)).length).toBe(2)
    const { link: phoneLink } = await latestEmail(demo, 'ada@example.com')
    expect(phoneLink).not.toBe(laptopLink)

    // The phone's own link, opened in a new tab of the phone, completes there.
    const tab = await phone.newPage()
    const tabCompletions = recordRequests(tab, STYTCH_COMPLETE)
    await tab.goto(phoneLink)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'changed from the phone')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(tabCompletions).toHaveLength(1)
    expect(await stytchSignIn(demo, 'ada@example.com', 'changed from the phone')).toBe(200)
    expect(await kitStorageKeys(tab)).toEqual(SPENT_ONLY)

    // The laptop's link still cannot be used from the phone: it asks for nothing and changes nothing.
    const again = await phone.newPage()
    const laterCompletions = recordRequests(again, STYTCH_COMPLETE)
    await again.goto(laptopLink)
    await again.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(laterCompletions).toEqual([])
    expect(await stytchSignIn(demo, 'ada@example.com', 'changed from the phone')).toBe(200)
    await laptop.close()
    await phone.close()
  })

  it('P8: a verifier the server refuses (pkce_mismatch) shows the same-browser screen after one completion, retries nothing and changes nothing', async () => {
    const context = await newDemoContext(browser)
    await requestLink(await context.newPage(), demo, 'grace@example.com')
    const { link } = await latestEmail(demo, 'grace@example.com')
    const tab = await context.newPage()
    const completions = recordRequests(tab, STYTCH_COMPLETE)
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()

    // Another verifier stands in this browser's place (RFC 7636's example): well-formed, live, wrong.
    await tab.evaluate(() => {
      const key = 'reset-kit:stytch:verifier'
      const record = {
        ...JSON.parse(localStorage.getItem(key) ?? '{}'),
        verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      }
      localStorage.setItem(key, JSON.stringify(record))
      sessionStorage.setItem(key, JSON.stringify(record))
    })
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    expect(await tab.getByLabel('New password', { exact: true }).count()).toBe(0)
    await tab.waitForTimeout(1_000)
    expect(completions).toHaveLength(1)
    expect(JSON.parse(completions[0]!.body ?? '{}')).toMatchObject({
      code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    })
    // Retired, not deleted: a mismatched link may be another request's, and this verifier's own
    // email may still be live. No new request will send its challenge.
    expect(await kitStorageKeys(tab)).toEqual({
      local: ['reset-kit:stytch:verifier'],
      session: ['reset-kit:stytch:verifier'],
    })
    expect(await tab.evaluate(() => JSON.parse(localStorage.getItem('reset-kit:stytch:verifier')!).retired)).toBe(true)
    expect(await stytchSignIn(demo, 'grace@example.com', 'hopper-1906')).toBe(200)
    await context.close()
  })

  it("P8: another browser's link opened where a request of its own is waiting costs that request nothing", async () => {
    const first = await newDemoContext(browser)
    await requestLink(await first.newPage(), demo, 'ada@example.com')
    const { link: adas } = await latestEmail(demo, 'ada@example.com')
    const second = await newDemoContext(browser)
    await requestLink(await second.newPage(), demo, 'grace@example.com')
    const { link: graces } = await latestEmail(demo, 'grace@example.com')

    // Ada's link in Grace's browser: the form shows (nothing here says whose link it is), and
    // Stytch refuses this browser's verifier for it.
    const tab = await second.newPage()
    await tab.goto(adas)
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: "This link can't be used in this browser" }).waitFor()
    // Grace's own link still works in her browser, and Ada's in hers.
    await tab.goto(graces)
    await choosePassword(tab, 'another new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await stytchSignIn(demo, 'grace@example.com', 'another new passphrase')).toBe(200)
    const own = await first.newPage()
    await own.goto(adas)
    await choosePassword(own, 'a brand new passphrase')
    await own.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await stytchSignIn(demo, 'ada@example.com', 'a brand new passphrase')).toBe(200)
    await first.close()
    await second.close()
  })

  it('P6, T7: after the link tab succeeds, the tab that asked keeps no verifier and its next request uses a fresh challenge', async () => {
    const context = await newDemoContext(browser)
    const asking = await context.newPage()
    const starts = recordRequests(asking, STYTCH_START)
    await requestLink(asking, demo, 'grace@example.com')
    const { link } = await latestEmail(demo, 'grace@example.com')

    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await kitStorageKeys(tab)).toEqual(SPENT_ONLY)
    // The tab that asked, still open, lets go of its own copy too.
    await expect.poll(() => kitStorageKeys(asking)).toEqual(SPENT_ONLY)

    // Back in the tab that asked (its "Check your email" still showing): a new request. The old
    // verifier went over the wire with the completion, so it must never be paired with a new link.
    await asking.getByRole('button', { name: 'Use a different email address' }).click()
    await asking.getByRole('button', { name: 'Send reset link' }).click()
    await asking.getByRole('heading', { name: 'Check your email' }).waitFor()
    const [first, second] = challenges(starts)
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(second).not.toBe(first)

    // And the new link works in a new tab, as any link does.
    await expect.poll(async () => (await readOutbox(demo)).length).toBe(2)
    const { link: next } = await latestEmail(demo, 'grace@example.com')
    const nextTab = await context.newPage()
    await nextTab.goto(next)
    await nextTab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(nextTab, 'and another passphrase')
    await nextTab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await stytchSignIn(demo, 'grace@example.com', 'and another passphrase')).toBe(200)
    await context.close()
  })
})
