// @vitest-environment node
import { createInstance } from 'i18next'
import type { ReactElement } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import en from '../../locales/en/reset-kit.json'
import enXA from '../../locales/en-XA/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import { eventually, inBrowser, type Kit, onServer, renderToStream, renderToString, settle } from './serverThenBrowser'

// The first case of a file loads jsdom and the kit afresh: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

// The server's HTML, made in this Node process with no window, then hydrated in a fresh jsdom
// window with the kit loaded afresh, as a browser loads the bundle. Any hydration mismatch is a
// recoverable error (React 18 and 19) and, in React 18, a console.error too: both must stay empty.

const MESSAGES = { en, es, fr, 'pt-BR': ptBR, 'en-XA': enXA } as const
type Locale = keyof typeof MESSAGES
const LOCALES = Object.keys(MESSAGES) as Locale[]
// A browser preference that resolves to each locale.
const BROWSER: Record<Locale, string[]> = {
  en: ['en-US'],
  es: ['es-MX', 'en'],
  fr: ['fr-CA', 'en'],
  'pt-BR': ['pt-PT', 'en'],
  'en-XA': ['en-XA'],
}

function fakeAdapter(): ResetAdapter {
  return {
    id: 'test',
    pkce: false,
    tokenParams: ['token'],
    startReset: async () => {},
    completeReset: async () => {},
  }
}

type Component = 'forgot' | 'reset'
const REDIRECT = 'https://app.example.com/reset-password'

function component(kit: Kit, which: Component, props: Record<string, unknown> = {}): ReactElement {
  return which === 'forgot' ? (
    <kit.ForgotPasswordForm redirectUrl={REDIRECT} minDurationMs={0} {...props} />
  ) : (
    <kit.ResetPasswordPage forgotPasswordUrl="/forgot-password" {...props} />
  )
}

// What each view shows first on a server: the form, or the link being checked.
const serverTitle = (which: Component, locale: Locale) =>
  which === 'forgot' ? MESSAGES[locale].forgot.title : MESSAGES[locale].reset.checkingTitle
// What the browser shows once the kit has run: the form, or (a token in the URL) the password form.
const clientTitle = (which: Component, locale: Locale) =>
  which === 'forgot' ? MESSAGES[locale].forgot.title : MESSAGES[locale].reset.title

interface Case {
  name: string
  which: Component
  element: (kit: Kit) => ReactElement
  languages?: string[]
  session?: Record<string, string>
  historyState?: unknown
  url?: string
  /** The language the server renders. */
  server: Locale
  /** The language on screen once the client has settled. */
  client: Locale
  /** More to check once settled. */
  then?: (root: HTMLElement) => void
}

function cases(): Case[] {
  const all: Case[] = []
  for (const which of ['forgot', 'reset'] as const) {
    const url = which === 'reset' ? 'https://app.example.com/reset-password?token=abc123&utm=x' : undefined
    for (const locale of LOCALES) {
      const bundle = MESSAGES[locale]
      all.push(
        {
          name: `${which} ${locale}: locale prop, no provider`,
          which,
          url,
          server: 'en',
          client: locale,
          element: (kit) => component(kit, which, { adapter: fakeAdapter(), locale }),
        },
        {
          name: `${which} ${locale}: provider locale, no resources`,
          which,
          url,
          server: 'en',
          client: locale,
          element: (kit) => (
            <kit.ResetKitProvider adapter={fakeAdapter()} locale={locale}>
              {component(kit, which)}
            </kit.ResetKitProvider>
          ),
        },
        {
          name: `${which} ${locale}: provider locale and resources`,
          which,
          url,
          server: locale,
          client: locale,
          element: (kit) => (
            <kit.ResetKitProvider adapter={fakeAdapter()} locale={locale} resources={{ [locale]: bundle }}>
              {component(kit, which)}
            </kit.ResetKitProvider>
          ),
        },
        {
          name: `${which} ${locale}: browser languages, no provider`,
          which,
          url,
          languages: BROWSER[locale],
          server: 'en',
          client: locale,
          element: (kit) => component(kit, which, { adapter: fakeAdapter() }),
        },
        {
          name: `${which} ${locale}: browser languages, provider resources`,
          which,
          url,
          languages: BROWSER[locale],
          server: 'en',
          client: locale,
          element: (kit) => (
            <kit.ResetKitProvider adapter={fakeAdapter()} resources={{ [locale]: bundle }}>
              {component(kit, which)}
            </kit.ResetKitProvider>
          ),
        },
        {
          name: `${which} ${locale}: host i18next instance in that language with the kit's strings`,
          which,
          url,
          // The host's own language wins over the browser's.
          languages: ['de-DE'],
          server: locale,
          client: locale,
          element: (kit) => {
            const host = createInstance()
            void host.init({
              lng: locale,
              resources: { [locale]: { app: { hello: 'hi' }, [kit.NAMESPACE]: bundle } },
              initAsync: false,
            })
            return (
              <kit.ResetKitProvider adapter={fakeAdapter()} i18n={host}>
                {component(kit, which)}
              </kit.ResetKitProvider>
            )
          },
        },
      )
    }
    const retryAt = String(Date.now() + 120_000)
    all.push(
      {
        name: `${which}: a rate-limit wait restored from sessionStorage`,
        which,
        url,
        session: { [which === 'forgot' ? 'reset-kit:test:retry-at' : 'reset-kit:test:reset:retry-at']: retryAt },
        server: 'fr',
        client: 'fr',
        element: (kit) => (
          <kit.ResetKitProvider adapter={fakeAdapter()} locale="fr" resources={{ fr }}>
            {component(kit, which)}
          </kit.ResetKitProvider>
        ),
        then: (root) => {
          expect(root.querySelector('[data-part="alert"]')?.textContent).toMatch(/\d/)
          expect(root.querySelector('[data-part="submit"]')?.getAttribute('aria-disabled')).toBe('true')
        },
      },
      {
        name: `${which}: per-instance messages and appearance props`,
        which,
        url,
        server: 'en',
        client: 'en',
        element: (kit) =>
          component(kit, which, {
            adapter: fakeAdapter(),
            messages: { forgot: { description: 'Tenant A' }, reset: { description: 'Tenant A' } },
            classNames: { root: 'card', heading: 'title' },
            headingLevel: 1,
            unstyled: true,
            ...(which === 'forgot'
              ? { defaultEmail: "o'brien@example.com", expiresInMinutes: 30 }
              : { minLength: 12, returnTo: '/next' }),
          }),
      },
    )
  }
  all.push(
    {
      name: 'reset: a token prop from the host router',
      which: 'reset',
      server: 'en',
      client: 'en',
      element: (kit) => component(kit, 'reset', { adapter: fakeAdapter(), token: 'abc123' }),
    },
    {
      name: 'reset: a reload after success (the verdict in history.state)',
      which: 'reset',
      historyState: { 'reset-kit:test:link': 'done' },
      server: 'en',
      client: 'en',
      element: (kit) => component(kit, 'reset', { adapter: fakeAdapter() }),
      then: (root) => expect(root.getAttribute('data-state')).toBe('success'),
    },
    {
      // React 19 hoists it into <head>; React 18 leaves it where it is.
      name: 'reset: the host renders <meta name="referrer"> beside the page',
      which: 'reset',
      url: 'https://app.example.com/reset-password?token=abc123&utm=x',
      server: 'en',
      client: 'en',
      element: (kit) => (
        <>
          <meta name="referrer" content="no-referrer" />
          {component(kit, 'reset', { adapter: fakeAdapter() })}
        </>
      ),
      then: () =>
        expect(window.document.querySelectorAll('meta[name="referrer"][content="no-referrer"]').length).toBeGreaterThan(
          0,
        ),
    },
    {
      name: 'reset: no token anywhere',
      which: 'reset',
      server: 'en',
      client: 'en',
      element: (kit) => component(kit, 'reset', { adapter: fakeAdapter() }),
      then: (root) => expect(root.getAttribute('data-state')).toBe('link_invalid'),
    },
  )
  return all
}

const htmlDocument = (body: string) =>
  `<!DOCTYPE html><html><head><meta name="referrer" content="no-referrer"></head><body><div id="root">${body}</div></body></html>`

async function hydrate(
  element: (kit: Kit) => ReactElement,
  page: Omit<Parameters<typeof inBrowser>[0], 'html'> & { body: string },
  then: (root: HTMLElement) => Promise<void>,
) {
  const recoverable: unknown[] = []
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  try {
    await inBrowser({ ...page, html: htmlDocument(page.body) }, async (kit, client) => {
      const container = window.document.getElementById('root')!
      const root = client.hydrateRoot(container, element(kit), {
        onRecoverableError: (error) => recoverable.push(error),
      })
      try {
        await settle()
        await then((container.querySelector('[data-part="root"]') ?? container.firstElementChild) as HTMLElement)
      } finally {
        root.unmount()
        // React's last work runs before the window goes.
        await settle()
      }
    })
    return {
      recoverable: recoverable.map(String),
      consoleErrors: consoleError.mock.calls.map((call) => call.map(String).join(' ')),
      consoleWarnings: consoleWarn.mock.calls.map((call) => call.map(String).join(' ')),
    }
  } finally {
    consoleError.mockRestore()
    consoleWarn.mockRestore()
  }
}

// Every case from renderToString; from the stream (which writes the same markup for a tree that
// never suspends), French and the cases with no locale of their own, to keep the file's time down.
const streamed = (c: Case) => !/ (en|es|pt-BR|en-XA):/.test(c.name)

describe.each(['renderToString', 'renderToPipeableStream'] as const)(
  'server HTML from %s, hydrated in a browser',
  (how) => {
    it.each(
      cases()
        .filter((c) => how === 'renderToString' || streamed(c))
        .map((c) => [c.name, c] as const),
    )('%s', async (_, c) => {
      const html = await onServer(async (kit) =>
        how === 'renderToString' ? renderToString(c.element(kit)) : (await renderToStream(c.element(kit))).join(''),
      )
      expect(html).toContain(
        serverTitle(c.which, c.server)
          .replace(/'/g, '&#x27;')
          .replace(/&(?!#)/g, '&amp;'),
      )
      expect(html).toContain(`lang="${c.server}"`)
      expect(html).not.toMatch(/<script|\sstyle=/i)
      // Neither the token nor anything from the URL or storage reaches the server's HTML.
      expect(html).not.toContain('abc123')

      const reported = await hydrate(
        c.element,
        { url: c.url, languages: c.languages, session: c.session, historyState: c.historyState, body: html },
        async (root) => {
          await eventually(() => {
            expect(root.getAttribute('lang')).toBe(c.client)
            if (c.which === 'forgot' || c.url || c.name.includes('token prop'))
              expect(root.querySelector('[data-part="heading"]')?.textContent).toBe(clientTitle(c.which, c.client))
          })
          if (c.url) expect(window.location.search).toBe('?utm=x')
          if (c.then) await eventually(() => c.then!(root))
        },
      )
      expect(reported).toEqual({ recoverable: [], consoleErrors: [], consoleWarnings: [] })
    })
  },
)

it('the harness sees a mismatch when there is one', async () => {
  const element = () => <p>{typeof window === 'undefined' ? 'server' : 'browser'}</p>
  const html = await onServer(() => renderToString(element()))
  const reported = await hydrate(element, { body: html }, async () => {})
  expect(reported.recoverable.join('\n')).toMatch(/Hydration failed|does not match|didn't match/)
})
