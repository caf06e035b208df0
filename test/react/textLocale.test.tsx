import { act, render, screen } from '@testing-library/react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import type * as loadLocaleModule from '../../src/i18n/loadLocale'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'

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
