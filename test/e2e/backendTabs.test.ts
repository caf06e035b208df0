import type { Browser, Page } from 'playwright-core'
import { choosePassword, latestEmail, resetEmulators, type DemoBackend } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// Tabs of one browser share the switcher's stored choice, so a link opened in one tab must pull the
// backend from under neither a reset page another link opened earlier nor the tab that asked.

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo(), launchChromium()])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(() => resetEmulators(demo))

/** Asks `backend` for a link to `email`, choosing it in the header's switcher as a person would. */
async function requestWith(page: Page, backend: DemoBackend, email: string): Promise<void> {
  await page.goto(`${demo.url}/`)
  await page.getByLabel('Backend').selectOption(backend)
  await page.getByRole('textbox', { name: 'Email address' }).fill(email)
  await page.getByRole('button', { name: 'Send reset link' }).click()
  await page.getByRole('heading', { name: 'Check your email' }).waitFor()
}

describe('reset links of two backends in two tabs', () => {
  it('keeps each tab on its own backend: both link tabs through the reset and its sign-in, and the asking tab halfway through another form', async () => {
    const context = await browser.newContext()
    const asking = await context.newPage()
    await requestWith(asking, 'stack-auth', 'ada@example.com')
    await requestWith(asking, 'better-auth', 'grace@example.com')
    const stackLink = (await latestEmail(demo, 'ada@example.com', 'stack-auth')).link
    const betterAuthLink = (await latestEmail(demo, 'grace@example.com', 'better-auth')).link
    // The asking tab goes on with a third backend, and its user starts typing.
    await asking.goto(`${demo.url}/`)
    await asking.getByLabel('Backend').selectOption('supabase')
    const typing = asking.getByRole('textbox', { name: 'Email address' })
    await typing.fill('grace@exam')

    const first = await context.newPage()
    await first.goto(stackLink)
    await first.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    const second = await context.newPage()
    await second.goto(betterAuthLink)
    await second.getByRole('heading', { name: 'Choose a new password' }).waitFor()

    // Opening a link pins its own tab, and leaves the choice the tabs share as the user made it.
    expect(await asking.evaluate(() => window.localStorage.getItem('demo:backend'))).toBe('supabase')
    expect(await asking.getByLabel('Backend').inputValue()).toBe('supabase')
    expect(await typing.inputValue()).toBe('grace@exam')
    expect(await first.getByLabel('Backend').inputValue()).toBe('stack-auth')
    expect(await second.getByLabel('Backend').inputValue()).toBe('better-auth')
    await choosePassword(first, 'stack tab one 2024')
    await first.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    await first.getByRole('link', { name: 'Sign in' }).last().click()
    await first.getByLabel('Email address').fill('ada@example.com')
    await first.getByLabel('Password').fill('stack tab one 2024')
    await first.getByRole('button', { name: 'Sign in' }).click()
    await first.getByText('Signed in as ada@example.com.').waitFor()
    await context.close()
  })
})
