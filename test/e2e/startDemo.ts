import type { IncomingMessage } from 'node:http'
import { preview, type Plugin, type PreviewServer } from 'vite'
import { inject } from 'vitest'
import { demoConfigFile } from './buildDemoOnce'

/** A built demo served by `vite preview` with its emulator, on a free loopback port. */
export interface DemoServer {
  url: string
  close(): Promise<void>
}

/** The folder of the demo's build, which the e2e project's global setup (buildDemoOnce.ts) makes. */
export function demoBuildDir(): string {
  const outDir = inject('demoOutDir')
  if (!outDir) throw new Error("the demo is built by the e2e project's global setup: run this file in that project")
  return outDir
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
 * Serves the demo's production build (test/e2e/buildDemoOnce.ts makes it once per run): a
 * production bundle never reloads itself while a test runs, which Vite's dev server may do when it
 * discovers a dependency.
 */
export async function startDemo(options: StartDemoOptions = {}): Promise<DemoServer> {
  const outDir = demoBuildDir()
  const server: PreviewServer = await preview({
    configFile: demoConfigFile,
    configLoader: 'runner',
    logLevel: 'silent',
    build: { outDir },
    plugins: options.onRequest ? [requestObserver(options.onRequest)] : [],
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false, headers: options.headers },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  return {
    url: url.replace(/\/$/, ''),
    close: () => server.close(),
  }
}
