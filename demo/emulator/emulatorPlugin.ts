import type { Plugin } from 'vite'
import { createBetterAuthServer } from '../betterAuth/createBetterAuthServer'
import { createEmulatorClock } from './createEmulatorClock'
import { createEmulatorMiddleware } from './createEmulatorMiddleware'
import { createEmulatorSuite, type EmulatorSuite, type EmulatorSuiteOptions } from './createEmulatorSuite'
import { createOutbox } from './createOutbox'
import { BETTER_AUTH_BASE_PATH } from './mountPaths'
import type { StytchEmulator, StytchEmulatorOptions } from './StytchEmulator'

export {
  BETTER_AUTH_BASE_PATH,
  CLOCK_PATH,
  CONFIG_PATH,
  createEmulatorMiddleware,
  HTTP_MOUNT_PATH,
  OUTBOX_PATH,
  STACK_AUTH_MOUNT_PATH,
  STYTCH_MOUNT_PATH,
  SUPABASE_MOUNT_PATH,
} from './createEmulatorMiddleware'
export type { EmulatorMiddleware } from './createEmulatorMiddleware'

/** Options for {@link emulatorPlugin}: the Stytch emulator's own options apply to the suite's Stytch. */
export interface EmulatorPluginOptions extends StytchEmulatorOptions {
  /** Serve only this Stytch emulator (the plugin's original behaviour), so a test can inspect it. */
  emulator?: StytchEmulator
  /** Serve this suite as it is, without a Better Auth server, so a test can inspect it. */
  suite?: EmulatorSuite
  /** Options for the suite the plugin creates when neither `emulator` nor `suite` is given. */
  suiteOptions?: Omit<EmulatorSuiteOptions, 'clock' | 'outbox' | 'mounts'>
  /**
   * Mount a real Better Auth server at `/api/auth` with the demo users, its emails in the outbox.
   * @default true
   */
  betterAuth?: boolean
}

/** The emulators plus the demo's real Better Auth server, writing to one outbox. */
function createDemoSuite(options: EmulatorPluginOptions): EmulatorSuite {
  const { suiteOptions = {}, betterAuth, now, users, outbox: givenOutbox, ...stytchOptions } = options
  const outbox = givenOutbox ?? createOutbox()
  const clock = createEmulatorClock(now ?? suiteOptions.now)
  const mounts = []
  if (betterAuth !== false) {
    const server = createBetterAuthServer({
      // The dev server may move to another port, so the base URL follows the request's host.
      baseURL: { allowedHosts: ['localhost:*', '127.0.0.1:*'], protocol: 'http', fallback: 'http://localhost:5173' },
      basePath: BETTER_AUTH_BASE_PATH,
      onResetEmail({ user, url }) {
        outbox.send({
          backend: 'better-auth',
          to: user.email,
          subject: 'Reset your password',
          locale: 'en',
          link: url,
          createdAt: new Date(clock.now()).toISOString(),
        })
      },
    })
    mounts.push(server)
  }
  return createEmulatorSuite({
    ...suiteOptions,
    users: users ?? suiteOptions.users,
    stytch: { ...stytchOptions, ...suiteOptions.stytch },
    clock,
    outbox,
    mounts,
  })
}

/**
 * A Vite plugin that serves the emulated backends (Stytch, Stack Auth, Supabase, the own endpoint), the demo's real
 * Better Auth server, the outbox and the config and clock endpoints from the dev server (and
 * `vite preview`), ahead of Vite's own middlewares and SPA fallback. Nothing is created until a
 * server starts, so `vite build` does not boot Better Auth.
 *
 * @example
 * export default defineConfig({ plugins: [react(), emulatorPlugin()] })
 */
export function emulatorPlugin(options: EmulatorPluginOptions = {}): Plugin {
  const { emulator, suite, ...rest } = options
  let middleware: ReturnType<typeof createEmulatorMiddleware> | undefined
  const getMiddleware = () => {
    middleware ??= createEmulatorMiddleware(emulator ?? suite ?? createDemoSuite(rest))
    return middleware
  }
  return {
    name: 'reset-kit:emulator',
    configureServer(server) {
      server.middlewares.use(getMiddleware())
    },
    configurePreviewServer(server) {
      server.middlewares.use(getMiddleware())
    },
  }
}
