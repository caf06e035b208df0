import { ForgotPasswordForm, ResetPasswordPage } from 'reset-kit'
import { createStytchAdapter } from 'reset-kit/stytch'
import 'reset-kit/styles.css'

// The host's pages as in the README; the tests stand in for Stytch with their own fetch.
const stytch = createStytchAdapter({ publicToken: 'public-token-test-00000000-0000-0000-0000-000000000000' })

export function ForgotPassword() {
  return <ForgotPasswordForm adapter={stytch} redirectUrl="https://app.example.com/reset-password" />
}

export function ResetPassword() {
  return <ResetPasswordPage adapter={stytch} locale="es" forgotPasswordUrl="/forgot-password" signInUrl="/sign-in" />
}
