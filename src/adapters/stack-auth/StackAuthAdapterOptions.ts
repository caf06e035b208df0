/**
 * Options of `createStackAuthAdapter`. The browser calls Stack Auth's client API directly with the
 * project's publishable client key, the same way Stack's own client SDK does.
 */
export interface StackAuthAdapterOptions {
  /**
   * The project ID from the Stack Auth dashboard (a UUID, or `internal` on a local Stack server).
   */
  projectId: string
  /**
   * The project's publishable client key (`pck_…`), which is meant to be public. Never the secret
   * server key (`ssk_…`) or the super secret admin key (`sak_…`).
   */
  publishableClientKey: string
  /**
   * Where the Stack Auth API lives, without `/api/v1`: a self-hosted Stack server or a local
   * emulator such as `http://127.0.0.1:5173/__emulator/stack-auth`.
   * @default 'https://api.stack-auth.com'
   */
  baseUrl?: string | undefined
  /**
   * Names this adapter in storage keys; change it only to run two Stack projects on one origin.
   * @default 'stack-auth'
   */
  id?: string | undefined
  /**
   * How long one request may take before it fails with `timeout`.
   * @default 15000
   */
  timeoutMs?: number | undefined
}
