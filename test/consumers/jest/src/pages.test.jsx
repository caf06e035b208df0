import { cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { ForgotPassword, ResetPassword } from './pages'

// Run by Jest and by Vitest alike (their `test` and `expect` are globals in both), so no jest.fn.
function fakeStytch() {
  const sent = []
  globalThis.fetch = async (url, init) => {
    sent.push({ path: new URL(url).pathname, body: JSON.parse(init.body) })
    const body = { status_code: 200, request_id: `request-${sent.length}`, user_id: 'user-test-1' }
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  }
  return sent
}

test('asks for a link, then sets a new password from it in Spanish', async () => {
  const user = userEvent.setup()
  const sent = fakeStytch()
  render(<ForgotPassword />)
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
  await user.click(screen.getByRole('button', { name: 'Send reset link' }))
  // A second after the submit at the earliest, however fast the answer: above findBy's default wait.
  expect(await screen.findByRole('heading', { name: 'Check your email' }, { timeout: 3000 })).toBeTruthy()
  expect(sent).toHaveLength(1)
  expect(sent[0].body.email).toBe('ada@example.com')
  expect(sent[0].body.code_challenge).toMatch(/^[\w-]{43}$/)
  cleanup()

  // The emailed link, opened in this tab: the verifier the form kept is still here.
  window.history.replaceState(null, '', '/reset-password?token=reset-token-1&utm_source=email')
  render(<ResetPassword />)
  expect(window.location.search).toBe('?utm_source=email')
  await user.type(await screen.findByLabelText('Nueva contraseña'), 'a long enough passphrase')
  await user.type(screen.getByLabelText('Confirmar nueva contraseña'), 'a long enough passphrase')
  await user.click(screen.getByRole('button', { name: 'Cambiar contraseña' }))
  expect(await screen.findByRole('heading', { name: 'Contraseña cambiada' })).toBeTruthy()
  expect(sent).toHaveLength(2)
  expect(sent[1].body.token).toBe('reset-token-1')
  expect(sent[1].body.code_verifier).toMatch(/^[\w-]{43}$/)
})

test('shows an unreachable backend in the kit’s own words, with the email kept', async () => {
  const user = userEvent.setup()
  globalThis.fetch = async () => {
    throw new TypeError('Failed to fetch')
  }
  render(<ForgotPassword />)
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
  await user.click(screen.getByRole('button', { name: 'Send reset link' }))
  expect((await screen.findByRole('alert')).textContent).toBe(
    "We couldn't reach the server. Check your connection and try again.",
  )
  expect(screen.getByRole('textbox', { name: 'Email address' }).value).toBe('ada@example.com')
})
