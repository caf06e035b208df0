import type { IncomingMessage, ServerResponse } from 'node:http'
import { createEmulatorClock } from './createEmulatorClock'
import { createHttpEmulator } from './createHttpEmulator'
import { createOutbox } from './createOutbox'
import { createStackAuthEmulator } from './createStackAuthEmulator'
import { createStytchEmulator } from './createStytchEmulator'
import { createSupabaseEmulator } from './createSupabaseEmulator'
import type { DemoUser, EmulatorClock, Outbox } from './Emulator'
import type { HttpEmulator, HttpEmulatorOptions } from './HttpEmulator'
import type { StackAuthEmulator, StackAuthEmulatorOptions } from './StackAuthEmulator'
import type { StytchEmulator, StytchEmulatorOptions } from './StytchEmulator'
import type { SupabaseEmulator, SupabaseEmulatorOptions } from './SupabaseEmulator'

/** A Node request handler mounted next to the emulators, such as the demo's Better Auth server. */
export interface NodeMount {
  /** Requests whose path is this or starts with it plus `/` go to {@link handler}. */
  basePath: string
  handler(request: IncomingMessage, response: ServerResponse): Promise<void>
  /** Called when the outbox is cleared, to restore the seeded state. */
  reset(): Promise<void>
}

type Shared = 'now' | 'outbox' | 'users'

/** Options for {@link createEmulatorSuite}. */
export interface EmulatorSuiteOptions {
  /**
   * The base clock; the suite's {@link EmulatorSuite.clock} adds an offset tests can advance.
   * @default Date.now
   */
  now?: () => number
  /** Share a clock created beforehand (so a {@link NodeMount} can date its emails by it); `now` is then unused. */
  clock?: EmulatorClock
  /** Share an outbox created beforehand (so a {@link NodeMount} can write to it too). */
  outbox?: Outbox
  /**
   * Accounts every backend starts with.
   * @default the demo users
   */
  users?: readonly DemoUser[]
  stytch?: Omit<StytchEmulatorOptions, Shared>
  stackAuth?: Omit<StackAuthEmulatorOptions, Shared>
  /** Supabase settings; the suite sets `minPasswordLength: 8` to match the other backends. */
  supabase?: Omit<SupabaseEmulatorOptions, Shared>
  /** Settings of the own-endpoint emulator, the app server behind `createHttpAdapter`. */
  http?: Omit<HttpEmulatorOptions, Shared>
  /** Extra handlers to mount, reset along with the emulators. */
  mounts?: readonly NodeMount[]
}

/** Every emulated backend of the demo, on one clock and one outbox. */
export interface EmulatorSuite {
  readonly clock: EmulatorClock
  readonly outbox: Outbox
  readonly stytch: StytchEmulator
  readonly stackAuth: StackAuthEmulator
  readonly supabase: SupabaseEmulator
  readonly http: HttpEmulator
  readonly mounts: readonly NodeMount[]
  /** Clears the outbox, every backend's state and the clock offset, and restores the seeded users. */
  reset(): Promise<void>
}

/**
 * Creates the Stytch, Stack Auth, Supabase and own-endpoint emulators with a shared clock and outbox.
 *
 * @example
 * const suite = createEmulatorSuite()
 * http.createServer(createEmulatorMiddleware(suite)).listen(8787)
 */
export function createEmulatorSuite(options: EmulatorSuiteOptions = {}): EmulatorSuite {
  const clock = options.clock ?? createEmulatorClock(options.now)
  const outbox = options.outbox ?? createOutbox()
  const shared = { now: clock.now, outbox, ...(options.users ? { users: options.users } : {}) }
  const stytch = createStytchEmulator({ ...options.stytch, ...shared })
  const stackAuth = createStackAuthEmulator({ ...options.stackAuth, ...shared })
  const supabase = createSupabaseEmulator({ minPasswordLength: 8, ...options.supabase, ...shared })
  const http = createHttpEmulator({ ...options.http, ...shared })
  const mounts = options.mounts ?? []
  return {
    clock,
    outbox,
    stytch,
    stackAuth,
    supabase,
    http,
    mounts,
    async reset() {
      outbox.clear()
      clock.reset()
      stytch.reset()
      stackAuth.reset()
      supabase.reset()
      http.reset()
      await Promise.all(mounts.map((mount) => mount.reset()))
    },
  }
}
