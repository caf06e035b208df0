import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'

// The README's floor is Safari 15, Chrome 91 and Firefox 90 (TanStack Query 5's stated floor, for its
// private class methods). Nothing newer may be needed on the way to a sent email: Safari
// before 15.4 has no structuredClone, and the kit once copied its English strings with it on the
// first render, which left a blank page there.
beforeEach(() => {
  vi.stubGlobal('structuredClone', undefined)
})

afterEach(() => {
  vi.unstubAllGlobals()
})

it('renders and sends the email without structuredClone (Safari 15.0 to 15.3)', async () => {
  const user = userEvent.setup()
  const startReset = vi.fn<ResetAdapter['startReset']>(async () => {})
  const adapter = { id: 'old', pkce: true, tokenParams: ['token'], startReset, completeReset: async () => {} }
  render(<ForgotPasswordForm adapter={adapter} redirectUrl="https://app.example.com/reset" minDurationMs={0} />)

  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
  await user.click(screen.getByRole('button', { name: 'Send reset link' }))

  expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
  expect(startReset).toHaveBeenCalledTimes(1)
})
