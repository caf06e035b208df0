import type { Browser } from 'playwright-core'
import { signInRequest } from '../../demo/signIn'
import {
  advanceEmulatorClock,
  choosePassword,
  latestEmail,
  newDemoContext,
  recordRequests,
  requestLink,
  resetEmulators,
  type DemoBackend,
} from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// Expired links through the demo, one emulated backend at a time: the emulators' clock moves past
// each service's own lifetime, and the page shows what that backend lets the kit know.

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

const MINUTE = 60_000

async function signIn(backend: DemoBackend, email: string, password: string): Promise<number> {
  return (await fetch(signInRequest(backend, demo.url, email, password))).status
}

describe('expired links through the demo, in Chromium', () => {
  it('Stytch: a link past its 30 minutes is refused when the password is sent, and nothing changes', async () => {
    const context = await newDemoContext(browser, { backend: 'stytch' })
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com', 'stytch')
    await advanceEmulatorClock(demo, 31 * MINUTE)

    // Stytch has no check that leaves a token unused, so the form shows; its one error for an
    // unknown, used or expired token is the invalid-link screen.
    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: "This link doesn't work" }).waitFor()
    expect(await tab.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(await signIn('stytch', 'ada@example.com', 'correct horse battery')).toBe(200)
    await context.close()
  })

  it('Stack Auth: a link past its 7 days shows the expired screen from check-code alone', async () => {
    const context = await newDemoContext(browser, { backend: 'stack-auth' })
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com', 'stack-auth')
    await advanceEmulatorClock(demo, 7 * 24 * 60 * MINUTE + 1_000)

    const tab = await context.newPage()
    const checks = recordRequests(tab, '/__emulator/stack-auth/api/v1/auth/password/reset/check-code')
    const resets = recordRequests(tab, '/__emulator/stack-auth/api/v1/auth/password/reset')
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'This link has expired' }).waitFor()
    expect(await tab.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(checks).toHaveLength(1)
    expect(resets).toEqual([])
    expect(await signIn('stack-auth', 'ada@example.com', 'correct horse battery')).toBe(200)
    await context.close()
  })

  it('Supabase: a link opened after the hour lands on otp_expired, and the expired screen shows', async () => {
    const context = await newDemoContext(browser, { backend: 'supabase' })
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com', 'supabase')
    await advanceEmulatorClock(demo, 61 * MINUTE)

    const tab = await context.newPage()
    const exchanges = recordRequests(tab, '/__emulator/supabase/auth/v1/token')
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'This link has expired' }).waitFor()
    expect(new URL(tab.url()).searchParams.has('error_code')).toBe(false)
    expect(await tab.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(exchanges).toEqual([])
    await context.close()
  })

  it('Supabase: a link opened in time but used after the 5-minute flow state is shown as expired', async () => {
    const context = await newDemoContext(browser, { backend: 'supabase' })
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com', 'supabase')
    await advanceEmulatorClock(demo, 6 * MINUTE)

    // The emailed token is still good, so /verify hands over a code; the exchange is too late.
    const tab = await context.newPage()
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(tab, 'a brand new passphrase')
    await tab.getByRole('heading', { name: 'This link has expired' }).waitFor()
    expect(await signIn('supabase', 'ada@example.com', 'correct horse battery')).toBe(200)
    await context.close()
  })

  it('P6, your own endpoint: after asking twice, the first email found expired leaves the second one working', async () => {
    const context = await newDemoContext(browser, { backend: 'http' })
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const first = (await latestEmail(demo, 'ada@example.com', 'http')).link
    await advanceEmulatorClock(demo, 40 * MINUTE)
    // Asked again from a new tab: the verifier in the browser is reused, so both links pair with it.
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const second = (await latestEmail(demo, 'ada@example.com', 'http')).link
    expect(second).not.toBe(first)
    await advanceEmulatorClock(demo, 25 * MINUTE)

    // The older email first, as a mail app that lists it first invites: 65 minutes old, expired.
    const old = await context.newPage()
    await old.goto(first)
    await old.getByRole('heading', { name: 'This link has expired' }).waitFor()
    const fresh = await context.newPage()
    await fresh.goto(second)
    await fresh.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await choosePassword(fresh, 'a brand new passphrase')
    await fresh.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    expect(await signIn('http', 'ada@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })

  it('Your own endpoint: a link past its hour shows the expired screen from the check alone', async () => {
    const context = await newDemoContext(browser, { backend: 'http' })
    await requestLink(await context.newPage(), demo, 'ada@example.com')
    const { link } = await latestEmail(demo, 'ada@example.com', 'http')
    await advanceEmulatorClock(demo, 60 * MINUTE)

    const tab = await context.newPage()
    const checks = recordRequests(tab, '/__emulator/http/api/password-reset/check')
    const completes = recordRequests(tab, '/__emulator/http/api/password-reset/complete')
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'This link has expired' }).waitFor()
    expect(await tab.getByLabel('New password', { exact: true }).count()).toBe(0)
    expect(checks).toHaveLength(1)
    expect(completes).toEqual([])
    expect(await signIn('http', 'ada@example.com', 'correct horse battery')).toBe(200)
    await context.close()
  })
})
