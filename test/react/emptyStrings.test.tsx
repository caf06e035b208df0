import { render, screen } from '@testing-library/react'
import { createInstance } from 'i18next'
import { inject } from 'vitest'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'
import en from '../../locales/en/reset-kit.json'

declare module 'vitest' {
  interface ProvidedContext {
    /** The i18next major the project resolves `i18next` to (vitest.config.ts). */
    i18nextMajor: number
  }
}

// i18next 27 reads "" as a missing string by default, where 26 returned it. The kit's own
// instance pins 26's reading, so an empty override means the same on either version; a host
// instance keeps whatever it says. The i18next27 project runs this file on 27.

const adapter: ResetAdapter = {
  id: 'empty',
  pkce: false,
  tokenParams: ['token'],
  startReset: async () => {},
  completeReset: async () => {},
}

/** The form is there, and its description shows neither the English sentence nor its key. */
function expectDescriptionBlank() {
  expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
  expect(screen.queryByText(en.forgot.description)).not.toBeInTheDocument()
  expect(screen.queryByText('forgot.description')).not.toBeInTheDocument()
}

it('runs on the i18next major its project names', async () => {
  const host = createInstance()
  await host.init({ lng: 'en' })
  // 27's default is false, 26's true: this tells which i18next the alias resolved.
  expect(host.options.returnEmptyString).toBe(inject('i18nextMajor') === 26)
})

it('an empty string in `messages` shows nothing, never the English sentence or the key', () => {
  render(
    <ForgotPasswordForm
      adapter={adapter}
      redirectUrl="https://app.example.com/reset"
      messages={{ forgot: { description: '' } }}
    />,
  )

  expectDescriptionBlank()
})

it('an empty string in a host instance that returns empty strings shows nothing either', async () => {
  const host = createInstance()
  await host.init({
    lng: 'en',
    returnEmptyString: true,
    resources: { en: { 'reset-kit': { forgot: { description: '' } } } },
  })
  render(
    <ResetKitProvider i18n={host}>
      <ForgotPasswordForm adapter={adapter} redirectUrl="https://app.example.com/reset" />
    </ResetKitProvider>,
  )

  expectDescriptionBlank()
})
