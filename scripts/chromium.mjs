// The Chromium every browser-driving tool launches, and the flags it needs here: the e2e tests
// (test/e2e/launchChromium.ts), check-consumers, the runtime bench, soak and screenshots. Its types
// are in chromium.d.mts, for the TypeScript tests.
import { existsSync } from 'node:fs'

/** Debian's Chromium; no test tool may download a browser of its own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Debian's headless shell (`apt-get install -y chromium-headless-shell`): the same Blink and V8 as
 * Debian's Chromium, built from the same source, without the browser around them. It is what
 * Playwright itself runs headless tests in. Here it opens a page and loads the demo in about half
 * the time, which took the e2e files from 592 s to 431 s. What needs the browser around the page
 * (the back/forward cache), and the main flow's proof in the browser a person runs, launch
 * {@link CHROMIUM_PATH}. Set `CHROMIUM_HEADLESS_SHELL_PATH` to use another shell; a
 * `CHROMIUM_PATH` set alone runs everything in that browser, so no test runs in a second version.
 */
export const HEADLESS_SHELL_PATH =
  process.env.CHROMIUM_HEADLESS_SHELL_PATH ??
  (process.env.CHROMIUM_PATH === undefined ? '/usr/bin/chromium-headless-shell' : undefined)

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
      `Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium chromium-headless-shell (or set CHROMIUM_PATH)`,
    )
  }
}

/**
 * Options for playwright-core's `chromium.launch`: headless {@link CHROMIUM_PATH} with
 * {@link CHROMIUM_ARGS}; with `shell`, {@link HEADLESS_SHELL_PATH} instead when there is one
 * (a machine with Chromium alone runs everything in Chromium, only slower).
 */
export function chromiumLaunchOptions({ shell = false } = {}) {
  const executablePath =
    shell && HEADLESS_SHELL_PATH !== undefined && existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH
  return { executablePath, headless: true, args: [...CHROMIUM_ARGS] }
}
