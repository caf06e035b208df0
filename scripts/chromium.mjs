// The one Chromium every browser-driving tool launches: the e2e tests (test/e2e/launchChromium.ts),
// check-consumers, soak and screenshots. Its types are in chromium.d.mts, for the TypeScript tests.
import { existsSync } from 'node:fs'

/** Debian's Chromium; no test tool may download a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The flags this offline, root-run machine needs: root has no sandbox, there is no GPU, and
 * nothing may reach out to the network on its own (QUIC, updates, sync, first-run pages).
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
])

/** Throws, saying how to install it, when there is no Chromium at {@link CHROMIUM_PATH}. */
export function assertChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    )
  }
}

/** Options for playwright-core's `chromium.launch`: headless {@link CHROMIUM_PATH} with {@link CHROMIUM_ARGS}. */
export function chromiumLaunchOptions() {
  return { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] }
}
