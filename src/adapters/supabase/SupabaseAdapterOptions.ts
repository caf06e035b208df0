/**
 * The session Supabase Auth (GoTrue) issues when it exchanges the emailed code: the body of
 * `POST /auth/v1/token?grant_type=pkce`, the object supabase-js calls a `Session`. Hand it to
 * supabase-js with `supabase.auth.setSession(session)` to sign the user in.
 */
export interface SupabaseSession {
  /** The JWT that authorises requests as the user, sent as `Authorization: Bearer <access_token>`. */
  access_token: string
  /** Exchanges for a new access token once this one expires; supabase-js's `setSession` needs it. */
  refresh_token: string
  /** Always `bearer`. */
  token_type: string
  /** Lifetime of the access token in seconds. */
  expires_in: number
  /** When the access token expires, in seconds since the epoch. */
  expires_at?: number | undefined
  /** The user the session belongs to, as Supabase Auth describes it. */
  user?: Record<string, unknown> | undefined
}

/**
 * Options of `createSupabaseAdapter`. The browser calls Supabase Auth's REST API directly with the
 * project's public key; supabase-js is not needed.
 */
export interface SupabaseAdapterOptions {
  /** The project URL, such as `https://abcdefghijklmnop.supabase.co` (without `/auth/v1`). */
  url: string
  /**
   * The project's public key: the publishable key (`sb_publishable_…`) or the legacy `anon` key.
   * Never a secret key (`sb_secret_…`) or the `service_role` key.
   */
  anonKey: string
  /**
   * Names this adapter in storage keys; change it only to run two Supabase projects on one origin.
   * @default 'supabase'
   */
  id?: string | undefined
  /**
   * How long one request may take before it fails with `timeout`.
   * @default 15000
   */
  timeoutMs?: number | undefined
  /**
   * Keep the user signed in after the new password is set, instead of ending the session the
   * exchange created. Requires `onSession`, which receives that session.
   * @default false
   */
  keepSession?: boolean | undefined
  /**
   * Receives the session after the password was changed; called only with `keepSession: true`.
   * A returned promise is awaited before the reset resolves. The reset has succeeded whatever this
   * does: an error it throws or rejects with goes to `reportError`, not to the page.
   */
  onSession?: ((session: SupabaseSession) => void | Promise<unknown>) | undefined
}
