import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import i18next from 'i18next'
import { ForgotPasswordForm, ResetKitProvider, ResetPasswordPage } from 'reset-kit'
import { createStytchAdapter } from 'reset-kit/stytch'

// A host that already has TanStack Query and i18next: the kit must use this QueryClient (found
// through QueryClientProvider, which only works when both share one @tanstack/react-query) and add
// its namespace to this i18next instance without changing the host's language or strings.
const queryClient = new QueryClient()
const i18n = i18next.createInstance()
void i18n.init({ lng: 'en', fallbackLng: 'en', resources: { en: { host: { greeting: 'Hello from the host' } } } })

// Read by scripts/check-consumers.mjs after the flow.
declare global {
  interface Window {
    host: { queryClient: QueryClient; i18n: typeof i18n }
  }
}
window.host = { queryClient, i18n }

const adapter = createStytchAdapter({
  publicToken: 'public-token-test-00000000-0000-0000-0000-000000000000',
  apiBaseUrl: new URL('/__emulator/stytch', location.origin).href,
})

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ResetKitProvider adapter={adapter} i18n={i18n}>
        <p>{i18n.t('greeting', { ns: 'host' })}</p>
        {location.pathname === '/reset-password' ? (
          <ResetPasswordPage forgotPasswordUrl="/forgot-password" signInUrl="/sign-in" />
        ) : (
          <ForgotPasswordForm redirectUrl={new URL('/reset-password', location.origin).href} />
        )}
      </ResetKitProvider>
    </QueryClientProvider>
  )
}
