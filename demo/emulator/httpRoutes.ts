/**
 * The paths of the demo's own-endpoint emulator, under its mount point: the three URLs a
 * `createHttpAdapter` is given, and the app's sign-in. Small so the browser bundle can import it.
 */
export const HTTP_ROUTES = {
  start: '/api/password-reset/start',
  check: '/api/password-reset/check',
  complete: '/api/password-reset/complete',
  signIn: '/api/sign-in',
} as const
