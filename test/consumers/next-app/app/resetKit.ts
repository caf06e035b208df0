import { createStytchAdapter } from 'reset-kit/stytch'

// Imported only by "use client" components. On the server (the build's prerender) there is no
// origin yet and nothing is ever sent from there, so a loopback placeholder stands in; in the
// browser the check script serves the Stytch emulator on the page's own origin.
const origin = typeof window === 'undefined' ? 'http://127.0.0.1' : window.location.origin

export const adapter = createStytchAdapter({
  publicToken: 'public-token-test-00000000-0000-0000-0000-000000000000',
  apiBaseUrl: new URL('/__emulator/stytch', origin).href,
})

export const resetPasswordUrl = new URL('/reset-password', origin).href
