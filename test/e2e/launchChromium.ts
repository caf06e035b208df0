import { chromium, type Browser } from 'playwright-core'
import { inject } from 'vitest'
import { assertChromium, chromiumLaunchOptions } from '../../scripts/chromium.mjs'

/** Options for {@link launchChromium}; either one, set, starts a Chromium of the file's own. */
export interface LaunchChromiumOptions {
  /**
   * Keep Chromium's back/forward cache on. Playwright turns it off by default (its `goBack` waits
   * for a `load` that a page restored from the cache never fires): a test that asks for it goes
   * back with `waitUntil: 'commit'` and waits for the `pageshow` itself. The headless shell has no
   * such cache, so this is always the full browser.
   */
  backForwardCache?: boolean
  /**
   * The full browser a person runs (Debian's `chromium`) rather than the headless shell the files
   * share: the same engine, without the browser around it (scripts/chromium.mjs).
   */
  fullBrowser?: boolean
}

/**
 * Headless Chromium with the flags this offline, root-run machine needs (scripts/chromium.mjs): in
 * the e2e project, a connection to the headless shell every file shares
 * (test/e2e/shareChromium.ts); elsewhere, or with `backForwardCache` or `fullBrowser` set, a full
 * Chromium of its own.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  const shared = inject('chromiumWsEndpoint')
  if (shared && !options.backForwardCache && !options.fullBrowser) return chromium.connect(shared)
  assertChromium()
  return chromium.launch({
    ...chromiumLaunchOptions(),
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  })
}
