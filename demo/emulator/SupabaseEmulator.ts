import type { DemoUser, EmulatorRequest, EmulatorResponse, Outbox, OutboxEmail } from './Emulator'

/** A user account held by the Supabase emulator. */
export interface SupabaseUser {
  /** A UUID, like GoTrue's user ids. */
  id: string
  email: string
  /** Current password in clear text: this is a local test double, never a real store. */
  password: string
}

/** Options for {@link createSupabaseEmulator}; defaults are GoTrue's own unless noted. */
export interface SupabaseEmulatorOptions {
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
   * The project's anon key, required as the `apikey` header (or query param) by the API gateway.
   * @default DEMO_SUPABASE_ANON_KEY
   */
  anonKey?: string
  /**
   * GoTrue's `SITE_URL`: where links go when `redirect_to` is missing or not allowed, and whose
   * host is always allowed.
   * @default 'http://localhost:3000'
   */
  siteUrl?: string
  /**
   * Origins (`scheme://host:port`) `redirect_to` may point to: the dashboard's "Redirect URLs".
   * @default any http or https origin on `localhost` or `127.0.0.1`
   */
  allowedRedirectOrigins?: readonly string[]
  /**
   * The public URL of this emulated project (`SUPABASE_URL`), used to write the email's verify link.
   * @default `http://<Host header>/__emulator/supabase`
   */
  projectUrl?: string
  /**
   * Minimum password length in bytes of UTF-8 (`GOTRUE_PASSWORD_MIN_LENGTH`).
   * @default 6
   */
  minPasswordLength?: number
  /**
   * How long the emailed link works, in seconds (`GOTRUE_MAILER_OTP_EXP`).
   * @default 3600, the hosted projects' default
   */
  otpExpirySeconds?: number
  /**
   * How long a PKCE flow state lives from the `/recover` call, in seconds
   * (`GOTRUE_EXTERNAL_FLOW_STATE_EXPIRY_DURATION`).
   * @default 300
   */
  flowStateExpirySeconds?: number
  /**
   * Minimum time between two recovery emails to one user, in seconds (`GOTRUE_SMTP_MAX_FREQUENCY`).
   * @default 60
   */
  emailFrequencySeconds?: number
  /**
   * Emails the whole project may send per hour (`GOTRUE_RATE_LIMIT_EMAIL_SENT`).
   * @default 30
   */
  emailsPerHour?: number
  /**
   * Access token lifetime in seconds (`GOTRUE_JWT_EXP`).
   * @default 3600
   */
  jwtExpirySeconds?: number
  /**
   * The outbox to write to, shared with the other backends' emulators.
   * @default a private outbox
   */
  outbox?: Outbox
}

/**
 * An in-memory stand-in for a Supabase project's Auth (GoTrue) password-recovery API under
 * `/auth/v1`, behind the API gateway's `apikey` check. A pure request handler.
 */
export interface SupabaseEmulator {
  /** Answers one request; never throws for bad input, it answers with GoTrue's errors. */
  handle(request: EmulatorRequest): Promise<EmulatorResponse>
  /** Emails this emulator sent so far, newest first. A fresh copy on every read. */
  readonly outbox: readonly OutboxEmail[]
  /** Current accounts, with passwords as they are now. A fresh copy on every read. */
  readonly users: readonly SupabaseUser[]
  /** Forgets its emails, flow states, sessions and rate limits and restores the seeded passwords. */
  reset(): void
}
