import { createStytchAdapter } from '../src/adapters/stytch'

// The demo's integration config: what a host app writes once. It points the Stytch adapter at
// the local emulator instead of `test.stytch.com`.

/** A Stytch test-environment public token; the emulator accepts any `public-token-…`. */
export const DEMO_PUBLIC_TOKEN = 'public-token-test-00000000-0000-0000-0000-000000000000'

/** The emulator's mount point on this origin; the adapter appends `/sdk/v1/...`. */
export const DEMO_API_BASE_URL = new URL('/__emulator/stytch', window.location.origin).href

/** Absolute URL of the page the emailed link opens: configured, never taken from the address bar's path. */
export const DEMO_REDIRECT_URL = new URL('/reset', window.location.origin).href

/** The adapter every demo page shares. */
export const demoAdapter = createStytchAdapter({
  publicToken: DEMO_PUBLIC_TOKEN,
  apiBaseUrl: DEMO_API_BASE_URL,
})
