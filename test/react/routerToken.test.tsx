// A host that passes its router's own reading of the URL as `token` (Next's
// `useSearchParams().get('token')`), before anything took it out of the address bar. Next.js
// patches history.replaceState and re-renders useSearchParams from it; this host does the same.
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, useSyncExternalStore } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import { choosePassword } from './choosePassword'

const FORGOT_URL = '/forgot-password'
const listeners = new Set<() => void>()
const original = window.history.replaceState.bind(window.history)

function fakeAdapter() {
  return {
    id: 'router',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

function RouterPage({ adapter }: { adapter: ResetAdapter }) {
  const token = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => new URLSearchParams(window.location.search).get('token'),
  )
  return <ResetPasswordPage adapter={adapter} token={token} forgotPasswordUrl={FORGOT_URL} />
}

const open = (adapter: ResetAdapter) =>
  render(
    <StrictMode>
      <RouterPage adapter={adapter} />
    </StrictMode>,
  )

beforeEach(() => {
  sessionStorage.clear()
  window.history.replaceState = (...args) => {
    original(...args)
    for (const listener of listeners) listener()
  }
})
afterEach(() => {
  window.history.replaceState = original
  original(null, '', '/')
})

describe("a token prop read from the router's URL", () => {
  it('leaves the address bar, is checked once, and survives reloads before and after success', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    original(null, '', '/reset?lang=fr&token=tok_router')
    const first = open(adapter)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    expect(window.location.search).toBe('?lang=fr')
    expect(adapter.checkToken).toHaveBeenCalledTimes(1)
    first.unmount()

    // A reload before submitting: the router now reads no token.
    const second = open(adapter)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok_router' }))
    second.unmount()

    // A reload after success.
    open(adapter)
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible())
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it('a second link the router brings to the page it keeps mounted is read, taken out of the address bar and completed', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    original(null, '', '/reset?token=tok_first')
    open(adapter)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    // A deep-link handler pushes the next email's link; the page stays mounted.
    act(() => {
      window.history.pushState(null, '', '/reset?token=tok_second')
      for (const listener of listeners) listener()
    })
    await screen.findByRole('heading', { name: 'Choose a new password' })
    expect(window.location.search).toBe('')
    await choosePassword(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset.mock.calls.map(([input]) => input.token)).toEqual(['tok_first', 'tok_second'])
  })

  it('leaves the address bar when the token is malformed too, and says the link does not work, also after a reload', async () => {
    const adapter = fakeAdapter()
    original(null, '', '/reset?token=tok_router%3E&lang=fr')
    const first = open(adapter)
    await screen.findByRole('heading', { name: "This link doesn't work" })
    expect(window.location.search).toBe('?lang=fr')
    first.unmount()

    open(adapter)
    await screen.findByRole('heading', { name: "This link doesn't work" })
    expect(adapter.checkToken).not.toHaveBeenCalled()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })
})
