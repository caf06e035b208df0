// @daveyplate/better-auth-ui: ForgotPasswordForm and ResetPasswordForm in its AuthUIProvider with a
// better-auth client. Its styles are Tailwind utilities: bench/run.mjs compiles them with Tailwind
// v4 from better-auth-ui.css (shadcn/ui's default theme, the setup its docs ask for).
import { AuthUIProvider, ForgotPasswordForm, ResetPasswordForm } from '@daveyplate/better-auth-ui'
import { createAuthClient } from 'better-auth/react'
import { createRoot } from 'react-dom/client'
import 'virtual:better-auth-ui-tailwind.css'

const authClient = createAuthClient({ baseURL: 'https://app.example.com' })

function App() {
  return (
    <AuthUIProvider authClient={authClient} navigate={(href) => window.location.assign(href)}>
      {window.location.pathname === '/reset-password' ? (
        <ResetPasswordForm localization={{}} />
      ) : (
        <ForgotPasswordForm localization={{}} />
      )}
    </AuthUIProvider>
  )
}

createRoot(document.getElementById('root')).render(<App />)
