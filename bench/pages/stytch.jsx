// @stytch/react: <StytchPasswordReset> (the page the emailed link opens) and the password login
// screen that starts a reset, in the StytchProvider with a client. Styles are injected by the SDK.
import { createStytchClient, Products, StytchLogin, StytchPasswordReset, StytchProvider } from '@stytch/react'
import { createRoot } from 'react-dom/client'

const stytch = createStytchClient('public-token-live-00000000-0000-0000-0000-000000000000')
const config = {
  products: [Products.passwords],
  passwordOptions: {
    loginRedirectURL: 'https://app.example.com/authenticate',
    resetPasswordRedirectURL: 'https://app.example.com/reset-password',
    resetPasswordExpirationMinutes: 30,
  },
}

function App() {
  const token = new URLSearchParams(window.location.search).get('token')
  return (
    <StytchProvider stytch={stytch}>
      {token ? <StytchPasswordReset config={config} passwordResetToken={token} /> : <StytchLogin config={config} />}
    </StytchProvider>
  )
}

createRoot(document.getElementById('root')).render(<App />)
