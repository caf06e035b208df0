import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createInstance } from 'i18next'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import type * as loadLocaleModule from '../../src/i18n/loadLocale'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'

// A locale chunk that cannot load: offline, or an old tab after a deploy removed the file.
vi.mock('../../src/i18n/loadLocale', async (importOriginal) => ({
  ...(await importOriginal<typeof loadLocaleModule>()),
  loadLocale: vi.fn(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
}))

const adapter = {
  id: 'test',
  pkce: false,
  tokenParams: ['token'],
  startReset: async () => {},
  completeReset: async () => {},
} satisfies ResetAdapter

it('WCAG 3.1.2: when the French strings cannot load, the English on screen is marked lang="en", not "fr"', async () => {
  render(<ForgotPasswordForm adapter={adapter} redirectUrl="https://app.example.com/reset" locale="fr" />)
  await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Reset your password')
  expect(screen.getByRole('region')).toHaveAttribute('lang', 'en')
})

it.each([
  [
    'provider resources',
    (form: React.ReactNode) => (
      <ResetKitProvider resources={{ fr: { forgot: { title: 'Mot de passe oublié\u202f?' } } }}>
        {form}
      </ResetKitProvider>
    ),
  ],
  [
    "the host's own i18next strings",
    (form: React.ReactNode) => {
      const host = createInstance()
      void host.init({ lng: 'fr', initAsync: false, resources: {} })
      host.addResourceBundle('fr', 'reset-kit', { forgot: { title: 'Mot de passe oublié\u202f?' } }, true, true)
      return <ResetKitProvider i18n={host}>{form}</ResetKitProvider>
    },
  ],
])(
  'WCAG 3.1.2: one French string from %s, the rest English (French cannot load): lang="en" and English durations',
  async (_, wrap) => {
    const user = userEvent.setup()
    render(
      wrap(
        <ForgotPasswordForm
          adapter={adapter}
          redirectUrl="https://app.example.com/reset"
          locale="fr"
          minDurationMs={0}
          expiresInMinutes={30}
        />,
      ),
    )
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(screen.getByRole('region')).toHaveAttribute('lang', 'en')
    expect(screen.getByText(/The link works for/)).toHaveTextContent(/^The link works for 30\sminutes\.$/)
    expect(screen.getByText(/You can send the email again in/)).toHaveTextContent(
      /^You can send the email again in \d+\sseconds?\.$/,
    )
  },
)
