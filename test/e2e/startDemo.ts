import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build, preview, type PreviewServer } from 'vite'

/** A built demo served by `vite preview` with its emulator, on a free loopback port. */
export interface DemoServer {
  url: string
  close(): Promise<void>
}

const configFile = resolve(import.meta.dirname, '../../demo/vite.config.ts')

/**
 * Builds the demo once and serves the build: a production bundle never reloads itself while a
 * test runs, which Vite's dev server may do when it discovers a dependency.
 */
export async function startDemo(): Promise<DemoServer> {
  const outDir = mkdtempSync(join(tmpdir(), 'reset-kit-demo-'))
  await build({ configFile, configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true } })
  const server: PreviewServer = await preview({
    configFile,
    configLoader: 'runner',
    logLevel: 'silent',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  })
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview did not report a URL')
  return {
    url: url.replace(/\/$/, ''),
    async close() {
      await server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}
