/** Debian's Chromium; no test tool may download a browser of its own. */
export declare const CHROMIUM_PATH: string

/**
 * Debian's headless shell, Chromium's engine without the browser around it, for the tests that
 * need no more: `CHROMIUM_HEADLESS_SHELL_PATH`, else none when `CHROMIUM_PATH` is set, else
 * `/usr/bin/chromium-headless-shell`.
 */
export declare const HEADLESS_SHELL_PATH: string | undefined

/** The flags this offline, root-run machine needs. */
export declare const CHROMIUM_ARGS: readonly string[]

/** Throws, saying how to install it, when there is no Chromium at {@link CHROMIUM_PATH}. */
export declare function assertChromium(): void

/**
 * Options for playwright-core's `chromium.launch`: headless {@link CHROMIUM_PATH} with
 * {@link CHROMIUM_ARGS}; with `shell`, {@link HEADLESS_SHELL_PATH} instead when there is one.
 */
export declare function chromiumLaunchOptions(options?: { shell?: boolean }): {
  executablePath: string
  headless: true
  args: string[]
}
