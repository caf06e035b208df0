import { chromium, type Browser } from 'playwright-core'
import { inject } from 'vitest'
import { assertChromium, chromiumLaunchOptions } from '../../scripts/chromium.mjs'

/** Options for {@link launchChromium}. */
export interface LaunchChromiumOptions {
  /**
   * Keep Chromium's back/forward cache on. Playwright turns it off by default (its `goBack` waits
   * for a `load` that a page restored from the cache never fires): a test that asks for it goes
   * back with `waitUntil: 'commit'` and waits for the `pageshow` itself.
   */
  backForwardCache?: boolean
}

/**
 * Headless Chromium with the flags this offline, root-run machine needs (scripts/chromium.mjs): in
 * the e2e project, a connection to the one it shares (test/e2e/shareChromium.ts); elsewhere, or
 * with the back/forward cache on, a Chromium of its own.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const shared = inject('chromiumWsEndpoint')
  // The shared one has the default flags: any option asks for a Chromium of its own.
  if (shared && Object.keys(options).length === 0) return chromium.connect(shared)
  assertChromium()
  return chromium.launch({
    ...chromiumLaunchOptions(),
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  })
}
