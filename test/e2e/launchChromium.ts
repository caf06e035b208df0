import { chromium, type Browser } from 'playwright-core'
import { assertChromium, chromiumLaunchOptions } from '../../scripts/chromium.mjs'

/** Starts headless Chromium with the flags this offline, root-run machine needs (scripts/chromium.mjs). */
export async function launchChromium(): Promise<Browser> {
  assertChromium()
  return chromium.launch(chromiumLaunchOptions())
}
