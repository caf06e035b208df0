// @vitest-environment node
import { lazy, Suspense, version, type ComponentType, type ReactElement } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import en from '../../locales/en/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import { eventually, inBrowser, type Kit, onServer, renderToStream, settle } from './serverThenBrowser'

// The first case of a file loads jsdom and the kit afresh: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

// Streaming server rendering with Suspense, then hydration in a browser (jsdom running the
// server's inline scripts as a browser would).

function fakeAdapter(): ResetAdapter {
  return { id: 'test', pkce: false, tokenParams: ['token'], startReset: async () => {}, completeReset: async () => {} }
}

const REDIRECT = 'https://app.example.com/reset-password'
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A component React.lazy loads after `ms`, as a code-split chunk arrives. */
function lazyAfter<P extends object>(ms: number, make: () => ComponentType<P> | Promise<ComponentType<P>>) {
  return lazy(async () => {
    await later(ms)
    return { default: await make() }
  })
}

async function hydrate(
  html: string,
  element: (kit: Kit) => ReactElement,
  options: { languages?: readonly string[]; url?: string },
  then: (container: HTMLElement, headings: string[]) => Promise<void>,
) {
  const recoverable: string[] = []
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    await inBrowser({ html, url: options.url, languages: options.languages }, async (kit, client) => {
      const container = window.document.getElementById('root')!
      // Every heading text the user could see, from the server's HTML on.
      const headings: string[] = []
      const seen = () => {
        const now = [...container.querySelectorAll('[data-part="heading"]')]
          .map((heading) => heading.textContent ?? '')
          .join(' | ')
        if (headings.at(-1) !== now) headings.push(now)
      }
      seen()
      const observer = new MutationObserver(seen)
      observer.observe(container, { subtree: true, childList: true, characterData: true })
      const root = client.hydrateRoot(container, element(kit), {
        onRecoverableError: (error) => recoverable.push(String(error)),
      })
      try {
        await then(container, headings)
      } finally {
        observer.disconnect()
        root.unmount()
        await settle()
      }
    })
    return { recoverable, consoleErrors: consoleError.mock.calls.map((call) => call.map(String).join(' ')) }
  } finally {
    consoleError.mockRestore()
  }
}

const page = (body: string) => `<!DOCTYPE html><html><head></head><body><div id="root">${body}</div></body></html>`

describe(`streaming with Suspense (React ${version})`, () => {
  it('a host that lazy-loads French strings and hands them to the provider: the server streams the fallback, then French; the client shows no English and hydrates without a mismatch', async () => {
    const app = (kit: Kit, ms: number) => {
      const French = lazyAfter(ms, async () => {
        const messages = (await import('../../locales/fr/reset-kit.json')).default
        return function French() {
          return (
            <kit.ResetKitProvider adapter={fakeAdapter()} locale="fr" resources={{ fr: messages }}>
              <kit.ForgotPasswordForm redirectUrl={REDIRECT} />
            </kit.ResetKitProvider>
          )
        }
      })
      return (
        <main>
          <p>The host's shell</p>
          <Suspense fallback={<p>Loading…</p>}>
            <French />
          </Suspense>
        </main>
      )
    }
    const chunks = await onServer((kit) => renderToStream(app(kit, 30), 'onShellReady'))
    // The shell: the fallback only.
    expect(chunks[0]).toContain('Loading…')
    expect(chunks[0]).not.toContain(fr.forgot.title)
    const html = chunks.join('')
    expect(html).toContain(fr.forgot.title)
    expect(html).not.toContain(en.forgot.title)
    // React's own inline script moves the late content in: a strict CSP needs the host to pass a nonce.
    expect(html).toMatch(/<script>/)
    const withNonce = (await onServer((kit) => renderToStream(app(kit, 30), 'onShellReady', { nonce: 'n0nce' }))).join(
      '',
    )
    expect(withNonce.match(/<script[^>]*>/g)?.every((tag) => tag.includes('nonce="n0nce"'))).toBe(true)

    // The client's chunk arrives later than the page.
    const result = await hydrate(
      page(html),
      (kit) => app(kit, 80),
      {},
      async (container, headings) => {
        await eventually(() =>
          expect(container.querySelector('[data-part="heading"]')?.textContent).toBe(fr.forgot.title),
        )
        await eventually(() => expect(container.querySelector('section')?.getAttribute('lang')).toBe('fr'))
        await settle(150)
        // Only French ever showed (the fallback has no heading).
        expect(headings.filter(Boolean)).toEqual([fr.forgot.title])
      },
    )
    expect(result).toEqual({ recoverable: [], consoleErrors: [] })
  })

  it('a lazy-loaded page with locale="fr" and no strings: English from the server, then French once the chunk arrives, without a mismatch', async () => {
    const app = (kit: Kit, ms: number) => {
      const Page = lazyAfter(ms, () => () => (
        <kit.ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT} locale="fr" />
      ))
      return (
        <Suspense fallback={<p>Loading…</p>}>
          <Page />
        </Suspense>
      )
    }
    const html = (await onServer((kit) => renderToStream(app(kit, 10), 'onShellReady'))).join('')
    expect(html).toContain(en.forgot.title)
    const result = await hydrate(
      page(html),
      (kit) => app(kit, 40),
      {},
      async (container, headings) => {
        await eventually(() => expect(container.querySelector('section')?.getAttribute('lang')).toBe('fr'))
        expect(headings.filter(Boolean)).toEqual([en.forgot.title, fr.forgot.title])
      },
    )
    expect(result).toEqual({ recoverable: [], consoleErrors: [] })
  })

  // One root, two kit components in French: the one outside the boundary hydrates first, the one
  // inside once its chunk is there. With the strings handed to the provider, as the README says
  // for server rendering in another language, both render French on the server and hydrate as is.
  it.each([
    ["the boundary's code arriving later", 150],
    ["the boundary's code already loaded", -1],
  ] as const)(
    'French handed to the provider: a kit component in a Suspense boundary hydrates after another without a mismatch, %s',
    async (_, clientMs) => {
      const app = (kit: Kit, ms: number) => {
        const Second = () => <kit.ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT} headingLevel={3} />
        const Reset = ms < 0 ? Second : lazyAfter(ms, () => Second)
        return (
          <kit.ResetKitProvider locale="fr" resources={{ fr }}>
            <kit.ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT} />
            <Suspense fallback={<p>Loading…</p>}>
              <Reset />
            </Suspense>
          </kit.ResetKitProvider>
        )
      }
      const html = (await onServer((kit) => renderToStream(app(kit, 0), 'onAllReady'))).join('')
      expect(html.match(new RegExp(fr.forgot.title, 'g'))).toHaveLength(2)
      const result = await hydrate(
        page(html),
        (kit) => app(kit, clientMs),
        {},
        async (container, headings) => {
          // The server's HTML is French already: wait for hydration to be over (unmounting a root
          // that has not hydrated is itself an "early update") and for the fetched chunk's update.
          await settle(clientMs + 300)
          expect([...container.querySelectorAll('section')].map((section) => section.getAttribute('lang'))).toEqual([
            'fr',
            'fr',
          ])
          expect(headings.join(' ')).not.toContain(en.forgot.title)
        },
      )
      expect(result).toEqual({ recoverable: [], consoleErrors: [] })
    },
  )
})

// The README's islands: separate roots, the second hydrated after the first, each with the French
// strings handed to its provider.
it('French handed to the provider: a second root (island) hydrated after the first hydrates without a mismatch', async () => {
  const island = (kit: Kit, level: 2 | 3) => (
    <kit.ResetKitProvider locale="fr" resources={{ fr }}>
      <kit.ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT} headingLevel={level} />
    </kit.ResetKitProvider>
  )
  const [first, second] = await onServer(async (kit) => [
    (await renderToStream(island(kit, 2))).join(''),
    (await renderToStream(island(kit, 3))).join(''),
  ])
  const recoverable: string[] = []
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  try {
    await inBrowser(
      { html: `<!DOCTYPE html><html><body><div id="a">${first}</div><div id="b">${second}</div></body></html>` },
      async (kit, client) => {
        const onRecoverableError = (error: unknown) => recoverable.push(String(error))
        const a = client.hydrateRoot(window.document.getElementById('a')!, island(kit, 2), { onRecoverableError })
        // French from the server already: let it hydrate, and fetch its chunk, before the second.
        await settle(300)
        const b = client.hydrateRoot(window.document.getElementById('b')!, island(kit, 3), { onRecoverableError })
        await settle(300)
        expect(window.document.querySelector('#b section')?.getAttribute('lang')).toBe('fr')
        a.unmount()
        b.unmount()
        await settle()
      },
    )
    expect({ recoverable, consoleErrors: consoleError.mock.calls.map((call) => call.map(String).join(' ')) }).toEqual({
      recoverable: [],
      consoleErrors: [],
    })
  } finally {
    consoleError.mockRestore()
  }
})
