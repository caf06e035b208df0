import { chromium } from 'playwright-core'
import type { TestProject } from 'vitest/node'
import { assertChromium, chromiumLaunchOptions } from '../../scripts/chromium.mjs'

declare module 'vitest' {
  interface ProvidedContext {
    /** Where launchChromium connects to the one Chromium the e2e files share; e2e project only. */
    chromiumWsEndpoint: string | undefined
  }
}

/**
 * The e2e project's global setup: starts one Chromium for every file, which connects to it
 * (launchChromium) rather than starting its own (about 1.5 s each here). Each file works in
 * contexts of its own, and closing its connection closes them. It is the headless shell when it is
 * installed (scripts/chromium.mjs says why), else Chromium.
 */
export default async function shareChromium(project: TestProject): Promise<() => Promise<void>> {
  assertChromium()
  const server = await chromium.launchServer(chromiumLaunchOptions({ shell: true }))
  project.provide('chromiumWsEndpoint', server.wsEndpoint())
  return () => server.close()
}
