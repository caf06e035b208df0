import type { SendJsonRequest } from '../../core/sendJson'

/** Options of `createBetterAuthAdapter`: where your Better Auth server answers. */
export interface BetterAuthAdapterOptions {
  /**
   * The origin (and any path prefix) of the Better Auth server, without `basePath`, such as
   * `https://auth.example.com` — the `baseURL` of its config. Leave it out when Better Auth
   * answers on the page's own origin, as its own client does.
   * @default the page's origin
   */
  baseUrl?: string | undefined
  /**
   * The path Better Auth is mounted under — the `basePath` of its config.
   * @default '/api/auth'
   */
  basePath?: string | undefined
  /**
   * Names this adapter in storage keys; change it only to run two Better Auth servers on one origin.
   * @default 'better-auth'
   */
  id?: string | undefined
  /**
   * How long one request may take before it fails with `timeout`.
   * @default 15000
   */
  timeoutMs?: number | undefined
  /**
   * Whether cookies go with the requests. Neither request needs them; with `'include'` across
   * origins Better Auth also checks the page's origin against `trustedOrigins`.
   * @default 'same-origin'
   */
  credentials?: SendJsonRequest['credentials']
  /**
   * The server's `emailAndPassword.minPasswordLength`: `<ResetPasswordPage>`'s default
   * `minLength`, and the number the "too short" message quotes when Better Auth refuses a password
   * (it does not say its limit).
   * @default 8 (Better Auth's default)
   */
  minPasswordLength?: number | undefined
  /**
   * The server's `emailAndPassword.maxPasswordLength`: `<ResetPasswordPage>`'s default
   * `maxLength`, and the number the "too long" message quotes when Better Auth refuses a password.
   * @default 128 (Better Auth's default)
   */
  maxPasswordLength?: number | undefined
}
