// @supabase/auth-ui-react: its ForgottenPassword view and, for the emailed link, UpdatePassword,
// with the Supabase theme and the supabase-js client they require. Styles are CSS-in-JS (stitches).
import { createClient } from '@supabase/supabase-js'
import { ForgottenPassword, UpdatePassword } from '@supabase/auth-ui-react'
import { ThemeSupa } from '@supabase/auth-ui-shared'
import { createRoot } from 'react-dom/client'

const supabase = createClient('https://abcdefghijklmnop.supabase.co', 'sb_publishable_0000000000000000000000')

function App() {
  return window.location.pathname === '/reset-password' ? (
    <UpdatePassword supabaseClient={supabase} appearance={{ theme: ThemeSupa }} />
  ) : (
    <ForgottenPassword
      supabaseClient={supabase}
      appearance={{ theme: ThemeSupa }}
      redirectTo="https://app.example.com/reset-password"
    />
  )
}

createRoot(document.getElementById('root')).render(<App />)
