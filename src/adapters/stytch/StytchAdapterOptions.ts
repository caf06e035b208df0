import type { SendJsonRequest } from '../../core/sendJson'

/** Options every Stytch adapter takes, whichever way it reaches Stytch. */
export interface StytchAdapterCommonOptions {
  /**
   * Names this adapter in storage keys; change it only to run two Stytch projects on one origin.
   * @default 'stytch'
   */
  id?: string | undefined
  /**
   * Where the "log in instead" link of Stytch's email leads (`login_redirect_url`). Must be in the
   * project's allowed redirect URLs.
   *
   * That link (`stytch_token_type=login`) is a magic link of the same PKCE flow as the reset link,
   * so whatever authenticates it must send this kit's `code_verifier`, which only the kit holds:
   * Stytch's SDK (`magicLinks.authenticate`) looks for the verifier in its own storage, finds none
   * and the call fails. The reset page refuses login links too, so point this at a page that asks
   * the user to use the reset link instead (a custom HTML template, `templateId`, may also leave
   * the button out).
   * @default the project's default login redirect URL
   */
  loginRedirectUrl?: string | undefined
  /**
   * How long an emailed link stays valid, a whole number of minutes from 5 to 10080 (7 days). A
   * component's `expiresInMinutes` prop wins over it.
   * @default 30 (Stytch's default)
   */
  expiresInMinutes?: number | undefined
  /**
   * A custom email template of the project (`reset_password_template_id`).
   * @default the project's default reset password template
   */
  templateId?: string | undefined
  /**
   * How long one request may take before it fails with `timeout`.
   * @default 15000
   */
  timeoutMs?: number | undefined
}

/**
 * Calls Stytch straight from the browser, through the endpoints its frontend SDK uses, with the
 * project's public token. The Passwords product must be enabled for the SDK and the page's domain
 * listed under the SDK's authorized domains in the Stytch dashboard.
 */
export interface StytchPublicTokenOptions extends StytchAdapterCommonOptions {
  /** The project's public token, `public-token-test-…` or `public-token-live-…`. */
  publicToken: string
  /**
   * The Stytch host to call instead of the one the token implies: a custom domain, or a local
   * emulator such as `http://127.0.0.1:5173/__emulator/stytch`.
   * @default 'https://test.stytch.com' for test tokens, else 'https://api.stytch.com'
   */
  apiBaseUrl?: string | undefined
  /** Only in server mode: a public token and a `baseUrl` exclude each other. */
  baseUrl?: undefined
  /** Only in server mode. */
  headers?: undefined
  /** Only in server mode; Stytch's SDK endpoints are always called without cookies. */
  credentials?: undefined
}

/**
 * Calls your own server, which forwards to Stytch's `/v1` endpoints with the project secret (the
 * secret must never reach a browser).
 */
export interface StytchServerOptions extends StytchAdapterCommonOptions {
  /**
   * Where your server exposes `POST /passwords/email/reset/start` and `POST /passwords/email/reset`:
   * an absolute URL such as `https://app.example.com/api/auth`, or a path on the page's own origin
   * such as `/api/auth`.
   */
  baseUrl: string
  /** Extra headers for both requests, such as a CSRF token. */
  headers?: Record<string, string> | undefined
  /**
   * Whether cookies go with the requests.
   * @default 'same-origin'
   */
  credentials?: SendJsonRequest['credentials']
  /** Only in browser mode: a `baseUrl` and a public token exclude each other. */
  publicToken?: undefined
  /** Only in browser mode. */
  apiBaseUrl?: undefined
}

/** Options of `createStytchAdapter`: one of the two ways to reach Stytch, never both. */
export type StytchAdapterOptions = StytchPublicTokenOptions | StytchServerOptions
