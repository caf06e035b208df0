import type { Browser } from 'playwright-core'
import {
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

// Impatient hands in a real browser: a double click and Enter on top of it, all before React has
// re-rendered the busy state. Each kind of request must still go out exactly once.

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

describe('double submits in Chromium', () => {
  it('T6: a double click plus Enter on "Send reset link" sends one start request and one email', async () => {
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    const starts = recordRequests(page, STYTCH_START)
    await page.goto(`${demo.url}/`)
    const email = page.getByRole('textbox', { name: 'Email address' })
    await email.fill('ada@example.com')

    await page.getByRole('button', { name: 'Send reset link' }).dblclick()
    await email.press('Enter')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    // Whatever was still queued has had time to go out.
    await page.waitForTimeout(500)
    expect(starts).toHaveLength(1)
    expect(await readOutbox(demo)).toHaveLength(1)
    await context.close()
  })

  it('T6: a double click on "Send the email again" once the cooldown is over sends one more request', async () => {
    const context = await newDemoContext(browser)
    const page = await context.newPage()
    await page.clock.install()
    const starts = recordRequests(page, STYTCH_START)
    await requestLink(page, demo, 'ada@example.com')

    await page.clock.fastForward('01:01')
    const resend = page.getByRole('button', { name: 'Send the email again' })
    await resend.waitFor()
    await resend.dblclick()
    await expect.poll(() => readOutbox(demo).then((emails) => emails.length)).toBe(2)
    await page.waitForTimeout(500)
    expect(starts).toHaveLength(2)
    await context.close()
  })

  it('T6: a double click plus Enter on "Change password" sends one completion', async () => {
    const context = await newDemoContext(browser)
    await requestLink(await context.newPage(), demo, 'grace@example.com')
    const { link } = await latestEmail(demo, 'grace@example.com')
    const tab = await context.newPage()
    const completions = recordRequests(tab, STYTCH_COMPLETE)
    await tab.goto(link)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await tab.getByLabel('New password', { exact: true }).fill('a brand new passphrase')
    const confirm = tab.getByLabel('Confirm new password')
    await confirm.fill('a brand new passphrase')

    await tab.getByRole('button', { name: 'Change password' }).dblclick()
    // Focus stays on the button: Enter presses it again (the form may already be gone, so no locator).
    await tab.keyboard.press('Enter')
    await tab.keyboard.press('Enter')
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    await tab.waitForTimeout(500)
    expect(completions).toHaveLength(1)
    expect(await stytchSignIn(demo, 'grace@example.com', 'a brand new passphrase')).toBe(200)
    await context.close()
  })
})
