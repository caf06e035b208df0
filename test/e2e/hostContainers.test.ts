import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  choosePassword,
  latestEmail,
  requestLink,
  recordRequests,
  resetEmulators,
  STYTCH_COMPLETE,
  STYTCH_START,
} from './demoFlow'
import { bundleHostApp, type HostPage, routeHostPages } from './hostPage'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// The kit with its stylesheet, untouched, inside containers host pages put it in: a flex row
// beside the page's own text, and a form of the host's own that wraps the whole page.

// A flex row: the kit's card beside a column of long text, as a page with an aside lays it out.
const FLEX_ROW: HostPage = {
  prefix: '/flex-row/',
  pageCss: '.row { display: flex; gap: 1rem }',
  around: (host) => `<div class="row">${host}<p>${'A paragraph of the page, beside the card. '.repeat(60)}</p></div>`,
  config: { shadow: false, basename: '/flex-row', forgotPasswordUrl: '/flex-row/' },
}
// A settings page whose React <form> holds the kit in its DOM. Invalid HTML that React only warns
// about in development: Chromium stops the kit's submit event at the host's form, before React's
// root hears it.
const HOST_FORM: HostPage = {
  prefix: '/host-form/',
  config: { shadow: false, basename: '/host-form', forgotPasswordUrl: '/host-form/', hostForm: 'nested' },
}
// The same form, the kit in a portal to <body> (a modal opened from the form): outside the form in
// the DOM, inside it in React's tree.
const HOST_FORM_PORTAL: HostPage = {
  prefix: '/host-form-portal/',
  config: { shadow: false, basename: '/host-form-portal', forgotPasswordUrl: '/host-form-portal/', hostForm: 'portal' },
}
// The same app without the host's form, where the reset test asks for its link.
const PLAIN: HostPage = {
  prefix: '/plain/',
  config: { shadow: false, basename: '/plain', forgotPasswordUrl: '/plain/' },
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
  const context = await browser.newContext({
    locale: 'en-US',
    reducedMotion: 'reduce',
    colorScheme: 'light',
    viewport: { width: 1440, height: 900 },
  })
  await routeHostPages(context, demo.url, script, [FLEX_ROW, HOST_FORM, HOST_FORM_PORTAL, PLAIN])
  return context
}

/** Resolves when the page loads a new document (the browser submitted a form itself). */
function nextDocument(page: Page): Promise<unknown> {
  return page.waitForEvent('domcontentloaded').catch(() => undefined)
}

describe('in a flex row beside long text, in Chromium', () => {
  it('<ForgotPasswordForm>: the card keeps whole words on a line: its three-word heading takes at most three lines and its button fits its text', async () => {
    const context = await hostContext()
    const page = await context.newPage()
    await page.goto(`${demo.url}${FLEX_ROW.prefix}`)
    const heading = page.getByRole('heading', { name: 'Reset your password' })
    await heading.waitFor()

    // 24px text at a line height of 1.25: three lines, one word each, are 90px.
    expect(await heading.evaluate((element) => element.getBoundingClientRect().height)).toBeLessThanOrEqual(90)
    const submit = page.getByRole('button', { name: 'Send reset link' })
    expect(await submit.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
    await context.close()
  })
})

describe("inside a host's own React <form>, in Chromium", () => {
  it("<ForgotPasswordForm>: Enter in the email field sends the link; the browser does not submit the kit's form (the address would go into the URL), nor the host's", async () => {
    const context = await hostContext()
    const page = await context.newPage()
    const starts = recordRequests(page, STYTCH_START)
    await page.goto(`${demo.url}${HOST_FORM.prefix}`)
    const email = page.getByRole('textbox', { name: 'Email address' })
    await email.fill('ada@example.com')

    const sent = page.getByRole('heading', { name: 'Check your email' }).waitFor()
    const reloaded = nextDocument(page)
    await email.press('Enter')
    await Promise.race([sent, reloaded])

    expect(page.url()).toBe(`${demo.url}${HOST_FORM.prefix}`)
    await sent
    expect(starts).toHaveLength(1)
    expect(await page.evaluate(() => document.documentElement.dataset.hostSubmits)).toBeUndefined()
    await context.close()
  })

  it("<ResetPasswordPage>: Change password changes it; the browser does not submit the kit's form (the new password would go into the URL)", async () => {
    const context = await hostContext()
    const asking = await context.newPage()
    await requestLink(asking, demo, 'ada@example.com', PLAIN.prefix)
    // The same origin keeps the PKCE verifier: the link opens on the host's page as well.
    const { link } = await latestEmail(demo, 'ada@example.com')

    const page = await context.newPage()
    const completes = recordRequests(page, STYTCH_COMPLETE)
    await page.goto(link.replace(PLAIN.prefix, HOST_FORM.prefix))
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()

    const changed = page.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
    const reloaded = nextDocument(page)
    await choosePassword(page, 'a brand new passphrase')
    await Promise.race([changed, reloaded])

    expect(page.url()).toBe(`${demo.url}${HOST_FORM.prefix}reset`)
    await changed
    expect(completes).toHaveLength(1)
    expect(await page.evaluate(() => document.documentElement.dataset.hostSubmits)).toBeUndefined()
    await context.close()
  })

  it("the limit the README states: in a portal from inside the host's form, the kit sends the link and React bubbles its submit to the host's onSubmit", async () => {
    const context = await hostContext()
    const page = await context.newPage()
    const starts = recordRequests(page, STYTCH_START)
    await requestLink(page, demo, 'ada@example.com', HOST_FORM_PORTAL.prefix)

    expect(page.url()).toBe(`${demo.url}${HOST_FORM_PORTAL.prefix}`)
    expect(starts).toHaveLength(1)
    expect(await page.evaluate(() => document.documentElement.dataset.hostSubmits)).toBe('1')
    await context.close()
  })
})
