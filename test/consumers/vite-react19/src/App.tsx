import { ForgotPasswordForm, ResetPasswordPage, type ResetError } from 'reset-kit'
import { createStytchAdapter } from 'reset-kit/stytch'

// No provider: each component brings its own TanStack Query client and i18next instance.
// The check script serves the Stytch emulator on this page's origin.
const adapter = createStytchAdapter({
  publicToken: 'public-token-test-00000000-0000-0000-0000-000000000000',
  apiBaseUrl: new URL('/__emulator/stytch', location.origin).href,
})

function reportError(error: ResetError) {
  console.error(`reset-kit error: ${error.code}`)
}

export function App() {
  if (location.pathname === '/reset-password') {
    return (
      <ResetPasswordPage
        adapter={adapter}
        forgotPasswordUrl="/forgot-password"
        signInUrl="/sign-in"
        onError={reportError}
      />
    )
  }
  return (
    <ForgotPasswordForm
      adapter={adapter}
      redirectUrl={new URL('/reset-password', location.origin).href}
      onError={reportError}
    />
  )
}
