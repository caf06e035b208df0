import type { DemoUser, EmulatorRequest, EmulatorResponse, Outbox, OutboxEmail } from './Emulator'

export type { EmulatorRequest, EmulatorResponse, OutboxEmail } from './Emulator'

/** Options for {@link createHttpEmulator}. */
export interface HttpEmulatorOptions {
  /**
   * Clock in milliseconds since the epoch; inject one to test expiry and rate limits.
   * @default Date.now
   */
  now?: () => number
  /**
   * Accounts present from the start and restored by `reset()`.
   * @default the demo users (ada@example.com, grace@example.com)
   */
  users?: readonly DemoUser[]
  /**
   * Origins (`scheme://host:port`) a `redirectUrl` may point to: the server's own allow list.
   * @default any http or https origin on `localhost` or `127.0.0.1`, any port
   */
  allowedRedirectOrigins?: readonly string[]
  /**
   * How long a link works when the start request sends no `expiresInMinutes`.
   * @default 60
   */
  linkLifetimeMinutes?: number
  /**
   * Start requests allowed per email address in any 60-second window.
   * @default 5
   */
  rateLimitPerMinute?: number
  /**
   * The outbox to write to, shared with the other backends' emulators.
   * @default a private outbox
   */
  outbox?: Outbox
}

/**
 * An in-memory app server speaking the kit's own HTTP contract, the one `createHttpAdapter` sends.
 * A pure request handler, like the vendor emulators.
 */
export interface HttpEmulator {
  /** Answers one request; never throws for bad input, it answers with `{ code }`. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse>
  /** Emails this emulator sent so far, newest first. A fresh copy on every read. */
  readonly outbox: readonly OutboxEmail[]
  /** Current accounts, with passwords as they are now. A fresh copy on every read. */
  readonly users: readonly DemoUser[]
  /** Forgets its emails, tokens and rate-limit history and restores the seeded users' passwords. */
  reset(): void
}
