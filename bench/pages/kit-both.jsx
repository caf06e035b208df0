// reset-kit: both routes of the flow in one bundle (an app without route splitting), on Stytch,
// with the opt-in stylesheet. The other locales stay lazy chunks.
import { createRoot } from 'react-dom/client'
import { ForgotPasswordForm, ResetPasswordPage } from 'reset-kit'
import { createStytchAdapter } from 'reset-kit/stytch'
import 'reset-kit/styles.css'

const stytch = createStytchAdapter({ publicToken: 'public-token-live-00000000-0000-0000-0000-000000000000' })

function App() {
  return window.location.pathname === '/reset-password' ? (
    <ResetPasswordPage adapter={stytch} forgotPasswordUrl="/forgot-password" signInUrl="/sign-in" />
  ) : (
    <ForgotPasswordForm adapter={stytch} redirectUrl="https://app.example.com/reset-password" />
  )
}

createRoot(document.getElementById('root')).render(<App />)
