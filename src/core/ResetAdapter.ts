/** Values a backend needs to send the reset email. */
export interface StartResetInput {
  /** The address the user typed, trimmed, case kept. */
  email: string
  /** Absolute URL of the page that renders `<ResetPasswordPage>`; the emailed link points here. */
  redirectUrl: string
  /** Active locale as a BCP 47 tag: one the kit ships (`en`, `es`, `fr`, `pt-BR`, `en-XA`) or one the host added. */
  locale: string
  /** base64url(SHA-256(verifier)); present only when the adapter has `pkce: true`. */
  codeChallenge?: string | undefined
  /** How long the link stays valid, when the backend lets the client choose. */
  expiresInMinutes?: number | undefined
  /** Aborts the request (the user chose another address, or the adapter changed). */
  signal: AbortSignal
}

/** Values for the non-consuming link check. */
export interface CheckTokenInput {
  /** The token taken from the link. */
  token: string
  /** Aborts the check (a new link, or the page unmounting or hidden: it is checked again when shown). */
  signal: AbortSignal
}

/** Values that finish the reset. */
export interface CompleteResetInput {
  /** The token taken from the link. */
  token: string
  /** Exactly as typed: never trimmed or truncated. */
  password: string
  /** The stored PKCE verifier; present only when the adapter has `pkce: true`. */
  codeVerifier?: string | undefined
  /** Aborts the request (a new link read by the page). */
  signal: AbortSignal
}

/**
 * The bridge between the components and one backend. Adapters translate every failure into a
 * `ResetError` with a stable code, and treat "no such user" as success so the UI cannot leak
 * which addresses have accounts.
 *
 * Writing your own: send every request with `sendJson` (from `reset-kit/core`), which gives it
 * the timeout, `cache: 'no-store'`, the origin-only referrer and the `network` / `timeout` codes
 * the built-in adapters have. The kit waits for each promise as long as it takes: one that never
 * settles leaves the form busy. Throw `ResetError`s; anything else reads as `unknown`.
 */
export interface ResetAdapter {
  /** Short stable name; namespaces storage keys so two apps on one origin do not collide. */
  readonly id: string
  /** Whether start and completion carry a PKCE challenge and verifier. */
  readonly pkce: boolean
  /** URL search params that may carry the token; a link that carries more than one token is refused. */
  readonly tokenParams: readonly string[]
  /**
   * Other URL params the link carries that mean nothing once read (Stytch's `stytch_token_type`,
   * Supabase's `error_code`…); removed from the address bar along with the token. Optional.
   */
  readonly callbackParams?: readonly string[] | undefined
  /**
   * How long the links it asks for stay valid, when the adapter itself sets that (Stytch's
   * `expiresInMinutes` option): the verifier is kept as long. Optional.
   */
  readonly linkLifetimeMinutes?: number | undefined
  /**
   * The fewest and most characters the backend accepts in a password, when the adapter knows them
   * (Better Auth's configured limits, Stack Auth's fixed ones): the reset page's `minLength` and
   * `maxLength` default to them, so the form checks what the backend will. Optional.
   */
  readonly minPasswordLength?: number | undefined
  /** The most characters the backend accepts in a password, when the adapter knows it. Optional. */
  readonly maxPasswordLength?: number | undefined
  /**
   * Looks at the callback URL's params before the token is used, and throws a `ResetError`
   * (usually `token_invalid`) when the link is of another kind, such as a Stytch link whose
   * `stytch_token_type` is not `reset_password`, or reports an error itself. Optional.
   */
  validateCallbackParams?: ((params: URLSearchParams) => void) | undefined
  /** Asks the backend to email a reset link. Resolves for unknown addresses too. */
  startReset(input: StartResetInput): Promise<void>
  /** Checks the token without consuming it, so a dead link shows its screen before typing. */
  checkToken?: ((input: CheckTokenInput) => Promise<void>) | undefined
  /** Sets the new password. */
  completeReset(input: CompleteResetInput): Promise<void>
}
