import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  interface ProvidedContext {
    /** The folder holding the demo's production build (`index.html` and `assets/`); e2e project only. */
    demoOutDir: string | undefined
  }
}

/** The demo's Vite config, for the build here and for startDemo's preview server. */
export const demoConfigFile = resolve(import.meta.dirname, '../../demo/vite.config.ts')

/**
 * The e2e project's global setup: builds the demo once, into a fresh temporary folder, before any
 * file runs, rather than once per file (about 2 s each on a two-core machine). Nothing writes to
 * the build; each file serves it from its own server with its own emulators.
 */
export default async function buildDemoOnce(project: TestProject): Promise<() => void> {
  const outDir = mkdtempSync(join(tmpdir(), 'reset-kit-demo-'))
  await build({
    configFile: demoConfigFile,
    configLoader: 'runner',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  })
  project.provide('demoOutDir', outDir)
  return () => rmSync(outDir, { recursive: true, force: true })
}
