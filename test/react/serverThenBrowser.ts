import type { ReactElement } from 'react'
import type * as ReactDomClient from 'react-dom/client'
import { Writable } from 'node:stream'
import { builtinEnvironments } from 'vitest/runtime'
import type * as KitEntry from '../../src/index'

/** The package entry, as a module namespace. */
export type Kit = typeof KitEntry

/**
 * Runs `render` as a server would: in this Node process with no window, document or storage,
 * with the kit's modules loaded afresh (so nothing a browser-side run left in them is seen).
 * Only for files that say `// @vitest-environment node`.
 */
export async function onServer<T>(render: (kit: Kit) => T | Promise<T>): Promise<T> {
  if (typeof window !== 'undefined') throw new Error('onServer needs `// @vitest-environment node`')
  vi.resetModules()
  return render(await import('../../src/index'))
}

/** renderToString, from react-dom/server (Node's build). */
export async function renderToString(element: ReactElement): Promise<string> {
  const server = await import('react-dom/server')
  return server.renderToString(element)
}

/**
 * renderToPipeableStream, piped once everything has rendered (`onAllReady`, what a crawler or a
 * host without streaming gets) or as soon as the shell is ready (`onShellReady`, streaming). Returns
 * the chunks in the order React wrote them.
 */
export async function renderToStream(
  element: ReactElement,
  when: 'onAllReady' | 'onShellReady' = 'onAllReady',
  options: { nonce?: string } = {},
): Promise<string[]> {
  const server = await import('react-dom/server')
  return new Promise((resolve, reject) => {
    const chunks: string[] = []
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString())
        done()
      },
      final(done) {
        resolve(chunks)
        done()
      },
    })
    const stream = server.renderToPipeableStream(element, {
      ...options,
      [when]: () => stream.pipe(sink),
      onShellError: reject,
      onError: reject,
    })
  })
}

/** What the browser holds before the bundle runs. */
export interface BrowserPage {
  /** The whole document: the server's HTML goes in it, as the browser parsed it (scripts run). */
  html: string
  url?: string
  /** `navigator.languages`; `navigator.language` is the first. */
  languages?: readonly string[]
  /** This tab's sessionStorage. */
  session?: Record<string, string>
  /** `history.state` of the entry (a reload after success keeps the kit's verdict there). */
  historyState?: unknown
}

/**
 * Runs `run` in a fresh jsdom window holding `page`, with the kit's modules (and react-dom/client)
 * loaded afresh as a browser would load the bundle, then takes the window away again.
 */
export async function inBrowser<T>(
  page: BrowserPage,
  run: (kit: Kit, client: typeof ReactDomClient) => Promise<T>,
): Promise<T> {
  const environment = await builtinEnvironments.jsdom.setup(globalThis, {
    jsdom: { html: page.html, url: page.url ?? 'https://app.example.com/', runScripts: 'dangerously' },
  })
  try {
    if (page.languages) {
      const languages = Object.freeze([...page.languages])
      Object.defineProperty(window.navigator, 'languages', { configurable: true, get: () => languages })
      Object.defineProperty(window.navigator, 'language', { configurable: true, get: () => languages[0] })
    }
    for (const [key, value] of Object.entries(page.session ?? {})) sessionStorage.setItem(key, value)
    if (page.historyState !== undefined) history.replaceState(page.historyState, '')
    vi.resetModules()
    const kit = await import('../../src/index')
    const client = await import('react-dom/client')
    return await run(kit, client)
  } finally {
    await environment.teardown(globalThis)
  }
}

/** Polls `check` until it stops throwing (React schedules its work on real timers here). */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs
  for (;;) {
    try {
      check()
      return
    } catch (error) {
      if (Date.now() > end) throw error
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }
}

/** Lets React and the kit's effects run: a few macrotasks. */
export async function settle(ms = 50): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms))
}
