import type { DemoUser, EmulatorRequest, EmulatorResponse, Outbox, OutboxEmail } from './Emulator'

export type { EmulatorRequest, EmulatorResponse, OutboxEmail } from './Emulator'

/** A user account held by the emulator. */
export interface EmulatorUser {
  /** `user-test-<uuid>`, like Stytch's test-environment ids. */
  userId: string
  /** `email-test-<uuid>`. */
  emailId: string
  email: string
  /** Current password in clear text: this is a local test double, never a real store. */
  password: string
}

/** Settings that can change while the emulator runs (for tests driving the dev server). */
export interface StytchEmulatorConfig {
  /** Start requests allowed per client in any 60-second window. */
  rateLimitPerMinute: number
}

/** Options for {@link createStytchEmulator}. */
export interface StytchEmulatorOptions {
  /**
   * Clock in milliseconds since the epoch; inject one to test expiry and rate limits.
   * @default Date.now
   */
  now?: () => number
  /**
   * Start requests allowed per client (public token + email) in any 60-second window.
   * @default 5
   */
  rateLimitPerMinute?: number
  /**
   * Accounts present from the start and restored by `reset()`.
   * @default ada@example.com / "correct horse battery" and grace@example.com / "hopper-1906"
   */
  users?: readonly DemoUser[]
  /**
   * Origins (`scheme://host:port`) a `reset_password_redirect_url` or `login_redirect_url` may
   * point to, standing in for the redirect URLs registered in the Stytch dashboard.
   * @default any http or https origin on `localhost` or `127.0.0.1`, any port
   */
  allowedRedirectOrigins?: readonly string[]
  /**
   * The outbox to write to, shared with the other backends' emulators.
   * @default a private outbox
   */
  outbox?: Outbox
}

/**
 * An in-memory stand-in for Stytch's browser-SDK password-reset endpoints. It is a pure request
 * handler, so a Vite middleware, a plain Node server or an msw handler can all put it on the wire.
 */
export interface StytchEmulator {
  /** Answers one request; never throws for bad input, it answers with Stytch's error body. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse>
  /** Emails this emulator sent so far, newest first. A fresh copy on every read. */
  readonly outbox: readonly OutboxEmail[]
  /** Current accounts, with passwords as they are now. A fresh copy on every read. */
  readonly users: readonly EmulatorUser[]
  /** Current settings. */
  readonly config: StytchEmulatorConfig
  /** Changes settings at runtime; values not given stay as they are. */
  configure(config: Partial<StytchEmulatorConfig>): void
  /** Forgets its emails, tokens and rate-limit history and restores the seeded users' passwords. */
  reset(): void
}
