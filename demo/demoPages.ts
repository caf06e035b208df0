/** The demo's pages as the header's nav lists them, in order: path and link text. */
export const DEMO_PAGES = [
  ['/', 'Forgot password'],
  ['/reset', 'Reset page'],
  ['/outbox', 'Outbox'],
  ['/sign-in', 'Sign in'],
] as const
