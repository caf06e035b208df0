import { mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, preview, type Plugin, type PreviewServer } from 'vite'

/** A built demo served by `vite preview` with its emulator, on a free loopback port. */
export interface DemoServer {
  url: string
  close(): Promise<void>
}

/** A production build of the demo in a temporary folder. */
export interface DemoBuild {
  /** Folder holding `index.html` and `assets/`. */
  outDir: string
  /** Deletes the folder. */
  remove(): void
}

const configFile = resolve(import.meta.dirname, '../../demo/vite.config.ts')

/** Builds the demo app into a fresh temporary folder, for a test that serves it itself. */
export async function buildDemo(): Promise<DemoBuild> {
  const outDir = mkdtempSync(join(tmpdir(), 'reset-kit-demo-'))
  await build({ configFile, configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true } })
  return { outDir, remove: () => rmSync(outDir, { recursive: true, force: true }) }
}

/** Options for {@link startDemo}; with none it serves the demo as `vite preview` does. */
export interface StartDemoOptions {
  /**
   * Response headers for the page and every asset (not the emulators' answers), such as a
   * `Content-Security-Policy`.
   */
  headers?: Record<string, string>
  /** Sees every request the server receives, the emulators' included, before anything answers it. */
  onRequest?: (request: IncomingMessage) => void
}

/** A preview-server plugin that shows each request to `onRequest` ahead of every other middleware. */
function requestObserver(onRequest: (request: IncomingMessage) => void): Plugin {
  return {
    name: 'reset-kit:e2e-request-observer',
    enforce: 'pre',
    configurePreviewServer(server) {
      server.middlewares.use((request, _response, next) => {
        onRequest(request)
        next()
      })
    },
  }
}

/**
 * Builds the demo once and serves the build: a production bundle never reloads itself while a
 * test runs, which Vite's dev server may do when it discovers a dependency.
 */
export async function startDemo(options: StartDemoOptions = {}): Promise<DemoServer> {
  const demoBuild = await buildDemo()
  const server: PreviewServer = await preview({
    configFile,
    configLoader: 'runner',
    logLevel: 'silent',
    build: { outDir: demoBuild.outDir },
    plugins: options.onRequest ? [requestObserver(options.onRequest)] : [],
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false, headers: options.headers },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  return {
    url: url.replace(/\/$/, ''),
    async close() {
      await server.close()
      demoBuild.remove()
    },
  }
}
