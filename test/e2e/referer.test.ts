import type { IncomingMessage } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import fr from '../../locales/fr/reset-kit.json'
import { latestEmail, newDemoContext, resetEmulators, type DemoBackend } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// The Referer header is how a reset token in a URL usually leaks: to the page's own scripts'
// hosts, its API, analytics. Every request is checked twice: as Chromium sent it (all headers, at
// the network layer) and as the server received it. The browser runs in French so the locale's
// strings are fetched lazily, after the token has left the address bar.

interface Seen {
  method?: string
  url: string
  referer: string | undefined
}

let demo: DemoServer
let browser: Browser
const atServer: Seen[] = []

beforeAll(async () => {
  const onRequest = (request: IncomingMessage) =>
    atServer.push({ url: request.url ?? '', referer: request.headers.referer })
  ;[demo, browser] = await Promise.all([startDemo({ onRequest }), launchChromium()])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(async () => {
  await resetEmulators(demo)
  atServer.length = 0
})

/** Every request `page` makes, with the Referer Chromium actually put on the wire. */
function refererLog(page: Page): Promise<Seen>[] {
  const seen: Promise<Seen>[] = []
  page.on('request', (request) => {
    seen.push(
      request
        .allHeaders()
        .then((headers) => ({ method: request.method(), url: request.url(), referer: headers.referer })),
    )
  })
  return seen
}

/** Values of `token` and `code` params in any URL: the secrets a link carries or redirects with. */
function secretsIn(urls: string[]): Set<string> {
  const secrets = new Set<string>()
  for (const url of urls) {
    for (const name of ['token', 'code']) {
      for (const value of new URL(url).searchParams.getAll(name)) if (value.length >= 16) secrets.add(value)
    }
  }
  return secrets
}

describe('Referer in Chromium', () => {
  it.each<DemoBackend>(['stytch', 'stack-auth', 'supabase', 'better-auth'])(
    'T2, T3: no request of the %s reset page sends a Referer with the token, and the token is never rendered, logged, stored in localStorage or cookies, or put in a query string',
    async (backend) => {
      const context = await newDemoContext(browser, { backend, locale: 'fr-FR' })
      // The page speaks French: its names come from the French strings.
      const asking = await context.newPage()
      await asking.goto(`${demo.url}/`)
      await asking.getByRole('textbox', { name: fr.forgot.emailLabel }).fill('ada@example.com')
      await asking.getByRole('button', { name: fr.forgot.submit }).click()
      await asking.getByRole('heading', { name: fr.forgot.sentTitle }).waitFor()
      const { link } = await latestEmail(demo, 'ada@example.com', backend)

      const tab = await context.newPage()
      const inBrowser = refererLog(tab)
      const urls: string[] = []
      const kitRequests: string[] = []
      tab.on('request', (request) => {
        urls.push(request.url())
        if (['fetch', 'xhr'].includes(request.resourceType())) kitRequests.push(request.url())
      })
      const logged: string[] = []
      context.on('console', (message) => logged.push(message.text()))
      await tab.goto(link)
      await tab.getByRole('heading', { name: fr.reset.title }).waitFor()
      await tab.getByLabel(fr.reset.passwordLabel, { exact: true }).fill('une nouvelle phrase de passe')
      await tab.getByLabel(fr.reset.confirmLabel, { exact: true }).fill('une nouvelle phrase de passe')
      await tab.getByRole('button', { name: fr.reset.submit }).click()
      await tab.getByRole('heading', { name: fr.reset.successTitle }).waitFor()
      // An asset requested now, as a late image or analytics beacon would be.
      await tab.evaluate(() => fetch('/favicon.svg?late', { cache: 'no-store' }).then((response) => response.text()))

      const seen = await Promise.all(inBrowser)
      const secrets = secretsIn(urls)
      expect(secrets.size).toBeGreaterThan(0)
      // The kit's POSTs go out with the origin at most; the page's assets, the lazily loaded French
      // strings and the late asset with no Referer at all (the page's no-referrer policy).
      expect(seen.filter((request) => request.method === 'POST').length).toBeGreaterThan(0)
      for (const request of seen) {
        if (request.referer !== undefined) expect(request.referer, request.url).toBe(`${demo.url}/`)
      }
      expect(seen.filter((request) => /\/assets\/.+\.js$/.test(request.url)).length).toBeGreaterThan(1)
      expect(seen.some((request) => request.url.endsWith('/favicon.svg?late'))).toBe(true)

      for (const request of [...seen, ...atServer]) {
        for (const secret of secrets) expect(request.referer ?? '', request.url).not.toContain(secret)
        expect(request.referer ?? '', request.url).not.toMatch(/[?&](token|code)=/)
      }

      // T3: the token travels only in POST bodies, and nowhere else.
      const html = await tab.content()
      const localValues = await tab.evaluate(() => Object.values(localStorage).join('\n'))
      const cookies = JSON.stringify(await context.cookies())
      expect(kitRequests.length).toBeGreaterThan(1)
      for (const secret of secrets) {
        for (const url of kitRequests) expect(url).not.toContain(secret)
        expect(html).not.toContain(secret)
        expect(localValues).not.toContain(secret)
        expect(cookies).not.toContain(secret)
        for (const line of logged) expect(line).not.toContain(secret)
      }
      await context.close()
    },
  )
})
