/** The backends the demo can talk to; each email in the shared outbox says which one sent it. */
export type EmulatorBackend = 'stytch' | 'stack-auth' | 'supabase' | 'better-auth' | 'http'

/** One HTTP request as an emulator sees it, whatever server or mock delivered it. */
export interface EmulatorRequest {
  /** HTTP method, any case. */
  method: string
  /**
   * The path after the mount prefix, such as `/sdk/v1/passwords/email/reset/start`, with the query
   * string when there is one (`/auth/v1/token?grant_type=pkce`).
   */
  path: string
  /** Request headers; names are matched case-insensitively. */
  headers: Record<string, string>
  /** The parsed JSON body, or `undefined` when there was none or it was not JSON. */
  body: unknown
}

/** The answer to send back; `body` is serialised as JSON by the caller, `undefined` sends none. */
export interface EmulatorResponse {
  status: number
  headers: Record<string, string>
  body: unknown
}

/** An email an emulator (or the demo's Better Auth server) "sent", kept instead of leaving the machine. */
export interface OutboxEmail {
  /** Stable id for list keys. */
  id: string
  /** Which backend sent it. */
  backend: EmulatorBackend
  /** The recipient, as stored on the user. */
  to: string
  /** Subject line; Stytch's and the own endpoint's follow the requested locale, the others are always English. */
  subject: string
  /** The locale the email was written in: from the request for Stytch and the own endpoint, `en` for the others. */
  locale: string
  /** The link the email carries, exactly as the backend would write it. */
  link: string
  /** When it was sent, as an ISO 8601 string. */
  createdAt: string
}

/** What a sender hands to {@link Outbox.send}; the outbox adds the id. */
export type NewOutboxEmail = Omit<OutboxEmail, 'id'>

/** The emails every backend of the demo "sent", newest first. */
export interface Outbox {
  /** Emails so far, newest first; a fresh copy on every read. */
  readonly emails: readonly OutboxEmail[]
  /** Stores an email and returns it with its id. */
  send(email: NewOutboxEmail): OutboxEmail
  /** Forgets the emails of one backend, or all of them. */
  clear(backend?: EmulatorBackend): void
}

/** A clock the emulators share, so a test can move time forward for all of them at once. */
export interface EmulatorClock {
  /** Milliseconds since the epoch: the base clock plus the offset. */
  now(): number
  /** Moves time forward by `ms` (never backwards). */
  advance(ms: number): void
  /** How far {@link advance} has moved time so far. */
  readonly offsetMs: number
  /** Sets the offset back to zero. */
  reset(): void
}

/** A seeded demo account: the same list seeds every backend. */
export interface DemoUser {
  email: string
  password: string
}
