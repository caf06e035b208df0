import type { DemoUser, EmulatorRequest, EmulatorResponse, Outbox, OutboxEmail } from './Emulator'

/** A Stack Auth project the emulator knows, with the publishable client key the browser sends. */
export interface StackAuthProject {
  /** Sent as `x-stack-project-id`. */
  projectId: string
  /** Sent as `x-stack-publishable-client-key`. */
  publishableClientKey: string
  /** Appears in the reset email's subject, as in Stack's default template. */
  displayName: string
}

/** A user account held by the Stack Auth emulator. */
export interface StackAuthUser {
  /** A UUID, like Stack's user ids. */
  userId: string
  email: string
  /** Current password in clear text: this is a local test double, never a real store. */
  password: string
}

/** Options for {@link createStackAuthEmulator}. */
export interface StackAuthEmulatorOptions {
  /**
   * Clock in milliseconds since the epoch; inject one to test expiry.
   * @default Date.now
   */
  now?: () => number
  /**
   * Accounts present from the start and restored by `reset()`.
   * @default the demo users (ada@example.com, grace@example.com)
   */
  users?: readonly DemoUser[]
  /**
   * Projects whose client keys are accepted.
   * @default [DEMO_STACK_AUTH_PROJECT]
   */
  projects?: readonly StackAuthProject[]
  /**
   * Origins (`scheme://host:port`) a `callback_url` may point to: the project's trusted domains.
   * @default any http or https origin on `localhost` or `127.0.0.1` (Stack's "allow localhost")
   */
  allowedRedirectOrigins?: readonly string[]
  /**
   * How long a reset code stays valid, in milliseconds.
   * @default 7 days, Stack's default for verification codes
   */
  codeLifetimeMs?: number
  /**
   * The outbox to write to, shared with the other backends' emulators.
   * @default a private outbox
   */
  outbox?: Outbox
}

/**
 * An in-memory stand-in for Stack Auth's client-side password-reset API
 * (`/api/v1/auth/password/...`). A pure request handler, like the Stytch emulator.
 */
export interface StackAuthEmulator {
  /** Answers one request; never throws for bad input, it answers with Stack's known errors. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse>
  /** Emails this emulator sent so far, newest first. A fresh copy on every read. */
  readonly outbox: readonly OutboxEmail[]
  /** Current accounts, with passwords as they are now. A fresh copy on every read. */
  readonly users: readonly StackAuthUser[]
  /** Forgets its emails and codes and restores the seeded users' passwords. */
  reset(): void
}
