import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import type { Browser } from 'playwright-core'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/index'
import { launchChromium } from './launchChromium'

// A server-rendered form is on screen, and can be typed into and submitted, before its script
// has run: on a slow phone that can last seconds. The browser's own submission of a form with no
// method is a GET to the page's URL with the fields in the query string, where the address bar,
// history, server logs, analytics and the next page's Referer all keep the email. With scripts
// off, the page stays as the server sent it, however long the user takes.

const ORIGIN = 'https://app.example.test'
const PAGE = `${ORIGIN}/forgot-password`
const EMAIL = 'jo.bloggs@example.com'

const adapter: ResetAdapter = {
  id: 'test',
  pkce: true,
  tokenParams: ['token'],
  startReset: async () => {},
  completeReset: async () => {},
}

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

/** The page a server sends: the form's HTML, and a script that has not run. */
function serverPage(around: (form: string) => string = (form) => form): string {
  const form = renderToString(createElement(ForgotPasswordForm, { adapter, redirectUrl: `${ORIGIN}/reset-password` }))
  return `<!doctype html><html lang="en"><head><title>Forgot password</title></head><body><main>${around(form)}</main></body></html>`
}

/**
 * `serverPage(around)` open in a context with scripts off, and every request the page makes
 * (the first is the page itself).
 */
async function openServerPage(around?: (form: string) => string) {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const requests: string[] = []
  await context.route(`${ORIGIN}/**`, (route) => {
    requests.push(`${route.request().method()} ${route.request().url()}`)
    return route.fulfill({ contentType: 'text/html', body: serverPage(around) })
  })
  const page = await context.newPage()
  await page.goto(PAGE)
  expect(requests).toEqual([`GET ${PAGE}`])
  return { page, requests, close: () => context.close() }
}

describe('before hydration', () => {
  it('a submitted email goes nowhere and stays in its field', async () => {
    const { page, requests, close } = await openServerPage()

    const email = page.getByLabel('Email address')
    await email.fill(EMAIL)
    await email.press('Enter')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    // A submission starts its navigation at once; give a loaded machine time to show one.
    await page.waitForTimeout(1_000)

    expect(requests).toEqual([`GET ${PAGE}`])
    expect(page.url()).toBe(PAGE)
    await expect(email.inputValue()).resolves.toBe(EMAIL)
    await close()
  })

  it('inside a dialog the server rendered open, a submitted email goes nowhere either', async () => {
    // The form's method is `dialog`, so submitting it closes the dialog around it, as such a
    // form does: the price of nothing leaving the page. A dialog open before the page's script
    // runs is rare (a modal one needs that script), and its host can open it again.
    const { page, requests, close } = await openServerPage(
      (form) => `<dialog open aria-label="Account">${form}</dialog>`,
    )

    await page.getByLabel('Email address').fill(EMAIL)
    await page.getByLabel('Email address').press('Enter')
    await page.waitForTimeout(1_000)

    expect(requests).toEqual([`GET ${PAGE}`])
    expect(page.url()).toBe(PAGE)
    await close()
  })
})
