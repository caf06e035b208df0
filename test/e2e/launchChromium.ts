import { chromium, type Browser } from 'playwright-core'
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

/** Starts headless Chromium with the flags this offline, root-run machine needs (scripts/chromium.mjs). */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<Browser> {
  assertChromium()
  return chromium.launch({
    ...chromiumLaunchOptions(),
    ...(options.backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  })
}
