import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError } from '../../src/core/ResetError'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'

const REDIRECT_URL = 'https://app.example.com/reset-password'

function fakeAdapter(id: string, startReset: ResetAdapter['startReset'] = async () => {}) {
  return {
    id,
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(startReset),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

/** An adapter whose every request is refused with a 429 naming `seconds`. */
function limitedAdapter(id: string, seconds: number) {
  return fakeAdapter(id, async () => {
    throw new ResetError('rate_limited', { retryAfterSeconds: seconds })
  })
}

function Form({ adapter }: { adapter: ResetAdapter }) {
  return <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
}

const submitButton = () => screen.getByRole('button', { name: 'Send reset link' })

/** Sends an address and waits for the 429 to be shown. */
async function send() {
  const user = userEvent.setup()
  await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
  await user.click(submitButton())
  await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^Too many attempts/))
}

beforeEach(() => {
  sessionStorage.clear()
  // A clock that moves only when the test moves it, so a wait's last millisecond can be reached;
  // timers stay real, so the request still settles.
  vi.useFakeTimers({ toFake: ['Date'] })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('the rate-limit wait across reloads and adapters', () => {
  it('a wait restored after a reload is named in whole seconds rounded up, never understated', () => {
    sessionStorage.setItem('reset-kit:a:retry-at', String(Date.now() + 90_500))

    render(<Form adapter={fakeAdapter('a')} />)

    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 91 seconds, then try again.')
  })

  it('a reload in the last millisecond of a wait still holds the form', async () => {
    const { unmount } = render(<Form adapter={limitedAdapter('a', 2)} />)
    const sentAt = Date.now()
    await send()
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 2 seconds, then try again.')
    unmount()

    vi.setSystemTime(sentAt + 1999)
    render(<Form adapter={limitedAdapter('a', 2)} />)

    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 1 second, then try again.')
  })

  it('switching to an adapter with a wait of its own holds the form for that wait', () => {
    sessionStorage.setItem('reset-kit:b:retry-at', String(Date.now() + 30_000))
    const { rerender } = render(<Form adapter={fakeAdapter('a')} />)
    expect(submitButton()).not.toHaveAttribute('aria-disabled')

    rerender(<Form adapter={fakeAdapter('b')} />)

    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 30 seconds, then try again.')
  })

  it('a 429 from the adapter switched to is kept for that adapter across a reload, not for the one it replaced', async () => {
    const { rerender, unmount } = render(<Form adapter={fakeAdapter('a')} />)
    rerender(<Form adapter={limitedAdapter('b', 30)} />)
    await send()
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    unmount()

    const reloaded = render(<Form adapter={fakeAdapter('b')} />)
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    reloaded.unmount()

    render(<Form adapter={fakeAdapter('a')} />)
    expect(submitButton()).not.toHaveAttribute('aria-disabled')
  })
})
