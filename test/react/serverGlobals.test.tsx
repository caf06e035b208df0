// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import fr from '../../locales/fr/reset-kit.json'
import { onServer, renderToStream, renderToString } from './serverThenBrowser'

// The first case of a file loads jsdom and the kit afresh: more than the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

// What a server has none of. Each is a trap on globalThis that notes where it was read and answers
// `undefined`, as a missing global would to `typeof`. A read is fine only as that `typeof` guard:
// anything else would throw on a real server, or, inside the kit's try/catch, silently do nothing.
const BROWSER_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'history',
  'sessionStorage',
  'localStorage',
  'addEventListener',
  'removeEventListener',
  'matchMedia',
  'requestAnimationFrame',
  'HTMLElement',
  'MutationObserver',
  'getComputedStyle',
] as const

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

interface Read {
  name: string
  /** `src/…:line` of the first frame in the kit, if any. */
  site: string | undefined
  line: string | undefined
}

let reads: Read[] = []

beforeAll(() => {
  for (const name of BROWSER_GLOBALS) {
    if (name in globalThis) throw new Error(`${name} exists in this Node; the trap would hide it`)
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        // The frame that read it: the first below this getter.
        const frame = new Error().stack?.split('\n')[2]
        const match = frame?.match(/(?:file:\/\/)?(\/[^\s():]+):(\d+):(\d+)/)
        const file = match?.[1]
        const lineNumber = Number(match?.[2])
        const column = Number(match?.[3])
        let line: string | undefined
        try {
          line = file ? readFileSync(file, 'utf8').split('\n')[lineNumber - 1] : undefined
        } catch {
          line = undefined
        }
        reads.push({
          name,
          site: file
            ? `${file.startsWith(SRC) ? file.slice(SRC.length) : file.replace(/.*node_modules\//, '')}:${lineNumber}`
            : frame,
          // Around the read: minified dependencies put a whole file on one line.
          line: line?.slice(Math.max(0, column - 60), column + 40).trim(),
        })
        return undefined
      },
    })
  }
})

afterAll(() => {
  for (const name of BROWSER_GLOBALS) delete (globalThis as Record<string, unknown>)[name]
})

beforeEach(() => {
  reads = []
})

function fakeAdapter(): ResetAdapter {
  return { id: 'test', pkce: true, tokenParams: ['token'], startReset: async () => {}, completeReset: async () => {} }
}

/** The reads, the kit's and its dependencies' (TanStack Query asks `typeof window`), that are not a `typeof` guard of the global read. */
const unguarded = () =>
  reads.filter((read) => !read.line || !new RegExp(`typeof (window|globalThis)?\\.?${read.name}\\b`).test(read.line))

describe('on a server, the kit reads no browser global except to ask whether it exists', () => {
  it('the trap sees a read, and where it came from', () => {
    expect((globalThis as Record<string, unknown>).navigator).toBeUndefined()
    expect(reads).toEqual([
      {
        name: 'navigator',
        site: expect.stringContaining('serverGlobals.test.tsx'),
        line: expect.stringContaining('globalThis as Record'),
      },
    ])
  })

  it('importing every entry', async () => {
    await onServer(async () => {
      await import('../../src/index')
      await import('../../src/core/index')
      await import('../../src/adapters/http/index')
      await import('../../src/adapters/stytch/index')
      await import('../../src/adapters/supabase/index')
      await import('../../src/adapters/stack-auth/index')
      await import('../../src/adapters/better-auth/index')
    })
    expect(unguarded()).toEqual([])
  })

  it("making, at module level, the adapters that take paths on the page's own origin, with paths", async () => {
    const made = await onServer(async () => {
      const { createHttpAdapter } = await import('../../src/adapters/http/index')
      const { createStytchAdapter } = await import('../../src/adapters/stytch/index')
      const { createBetterAuthAdapter } = await import('../../src/adapters/better-auth/index')
      return [
        createHttpAdapter({
          id: 'acme',
          startUrl: '/api/password-reset/start',
          completeUrl: '/api/password-reset/complete',
          checkUrl: '/api/password-reset/check',
        }),
        createStytchAdapter({ baseUrl: '/api/stytch' }),
        createBetterAuthAdapter(),
      ].map((adapter) => adapter.id)
    })
    expect(made).toEqual(['acme', 'stytch', 'better-auth'])
    expect(unguarded()).toEqual([])
  })

  it.each(['renderToString', 'renderToPipeableStream'] as const)(
    'rendering every component, in every locale, with and without a provider (%s)',
    async (how) => {
      const html = await onServer(async (kit) => {
        const render = async (element: React.ReactElement) =>
          how === 'renderToString' ? renderToString(element) : (await renderToStream(element)).join('')
        const out: string[] = []
        for (const locale of [undefined, 'en', 'es', 'fr', 'pt-BR', 'en-XA', 'de']) {
          out.push(
            await render(
              <kit.ForgotPasswordForm
                adapter={fakeAdapter()}
                redirectUrl="https://app.example.com/reset"
                locale={locale}
                defaultEmail="a@example.com"
                expiresInMinutes={30}
              />,
            ),
            await render(
              <kit.ResetPasswordPage
                adapter={fakeAdapter()}
                forgotPasswordUrl="/forgot"
                locale={locale}
                returnTo="https://evil.example/"
              />,
            ),
            await render(
              <kit.ResetPasswordPage
                adapter={fakeAdapter()}
                forgotPasswordUrl="/forgot"
                locale={locale}
                token="abc123"
              />,
            ),
            await render(
              <kit.ResetKitProvider
                adapter={fakeAdapter()}
                locale={locale}
                resources={{ fr }}
                verifierStorage={kit.createWebStorageVerifierStore({ mode: 'session' })}
              >
                <kit.ForgotPasswordForm
                  redirectUrl="https://app.example.com/reset"
                  messages={{ forgot: { title: 'Hi' } }}
                />
                <kit.ResetPasswordPage forgotPasswordUrl="/forgot" token="" />
              </kit.ResetKitProvider>,
            ),
          )
        }
        return out.join('\n')
      })
      expect(html).toContain(fr.forgot.submit)
      expect(html).not.toContain('abc123')
      expect(unguarded()).toEqual([])
    },
  )

  it('rendering both components reads no clock and draws no random number (a prerender that does fails a Next.js `cacheComponents` build)', async () => {
    const now = vi.spyOn(Date, 'now')
    const random = vi.spyOn(Math, 'random')
    try {
      const html = await onServer(async (kit) =>
        [
          await renderToString(
            <kit.ForgotPasswordForm adapter={fakeAdapter()} redirectUrl="https://app.example.com/reset" />,
          ),
          await renderToString(<kit.ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl="/forgot" />),
        ].join('\n'),
      )
      expect(html).toContain('Reset your password')
      expect(now).not.toHaveBeenCalled()
      expect(random).not.toHaveBeenCalled()
    } finally {
      now.mockRestore()
      random.mockRestore()
    }
  })
})
