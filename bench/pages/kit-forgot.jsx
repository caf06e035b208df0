// reset-kit: the "forgot password" route of an app on Stytch, with the opt-in stylesheet.
import { createRoot } from 'react-dom/client'
import { ForgotPasswordForm } from 'reset-kit'
import { createStytchAdapter } from 'reset-kit/stytch'
import 'reset-kit/styles.css'

const stytch = createStytchAdapter({ publicToken: 'public-token-live-00000000-0000-0000-0000-000000000000' })

createRoot(document.getElementById('root')).render(
  <ForgotPasswordForm adapter={stytch} redirectUrl="https://app.example.com/reset-password" />,
)
