import type { Plugin } from 'vite'
import { createEmulatorMiddleware } from './createEmulatorMiddleware'
import { createStytchEmulator } from './createStytchEmulator'
import type { StytchEmulator, StytchEmulatorOptions } from './StytchEmulator'

export { CONFIG_PATH, createEmulatorMiddleware, OUTBOX_PATH, STYTCH_MOUNT_PATH } from './createEmulatorMiddleware'
export type { EmulatorMiddleware } from './createEmulatorMiddleware'

/** Options for {@link emulatorPlugin}: the emulator's own, or a ready-made emulator. */
export interface EmulatorPluginOptions extends StytchEmulatorOptions {
  /** Serve this instance instead of creating one, so a test runner can inspect its state. */
  emulator?: StytchEmulator
}

/**
 * A Vite plugin that serves the Stytch emulator, its outbox and its config endpoints from the
 * dev server (and `vite preview`), ahead of Vite's own middlewares and SPA fallback.
 *
 * @example
 * export default defineConfig({ plugins: [react(), emulatorPlugin()] })
 */
export function emulatorPlugin(options: EmulatorPluginOptions = {}): Plugin {
  const { emulator: given, ...emulatorOptions } = options
  const middleware = createEmulatorMiddleware(given ?? createStytchEmulator(emulatorOptions))
  return {
    name: 'reset-kit:emulator',
    configureServer(server) {
      server.middlewares.use(middleware)
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware)
    },
  }
}
