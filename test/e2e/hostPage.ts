import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'esbuild'
import type { BrowserContext } from 'playwright-core'
import type { HostConfig } from './hosts/HostConfig'

const ENTRY = resolve(import.meta.dirname, 'hosts/hostApp.tsx')
const STYLESHEET = resolve(import.meta.dirname, '../../src/styles/reset-kit.css')
const SCRIPT_PATH = '/__host/app.js'

/** test/e2e/hosts/hostApp.tsx bundled for the browser, React included (development build). */
export async function bundleHostApp(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  })
  return result.outputFiles[0]!.text
}

/** A host page: where it is served, its `<base href>` if any, and how the app renders the kit. */
export interface HostPage {
  /** Every document under this path is the host page, as a single-page app's server does. */
  prefix: string
  config: HostConfig
  /** A `<base href>` in the page's head. */
  baseHref?: string
  /** Attributes of `<html>`, such as `data-theme`. */
  htmlAttributes?: string
  /** CSS of the host page's own, outside any shadow root. */
  pageCss?: string
  /** Attributes of the element holding the kit (or its shadow root), such as a class. */
  hostAttributes?: string
  /** The host's own markup around that element (a `<dialog>`, a `<form>`), given its HTML. */
  around?: (host: string) => string
}

/**
 * Serves `pages` on `origin` in `context` (the demo's origin, so the Stytch emulator answers the
 * kit's calls): every document under a page's prefix, and the bundled app script.
 */
export async function routeHostPages(
  context: BrowserContext,
  origin: string,
  script: string,
  pages: readonly HostPage[],
): Promise<void> {
  const css = readFileSync(STYLESHEET, 'utf8')
  await context.route(
    (url) => url.origin === origin && url.pathname === SCRIPT_PATH,
    (route) => route.fulfill({ contentType: 'text/javascript', body: script }),
  )
  for (const page of pages) {
    await context.route(
      (url) => url.origin === origin && url.pathname.startsWith(page.prefix),
      (route) =>
        route.request().resourceType() === 'document'
          ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html(page, css) })
          : route.fallback(),
    )
  }
}

function html(page: HostPage, css: string): string {
  return `<!doctype html>
<html lang="en" ${page.htmlAttributes ?? ''}>
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    ${page.baseHref === undefined ? '' : `<base href="${page.baseHref}" />`}
    <title>Host app</title>
    ${page.pageCss === undefined ? '' : `<style>${page.pageCss}</style>`}
  </head>
  <body>
    <main>
      <h1>Host app</h1>
      ${(page.around ?? String)(`<div id="host" ${page.hostAttributes ?? ''}></div>`)}
    </main>
    <template id="kit-styles"><style>${css}</style></template>
    <script type="application/json" id="host-config">${JSON.stringify(page.config)}</script>
    <script type="module" src="${SCRIPT_PATH}"></script>
  </body>
</html>`
}
