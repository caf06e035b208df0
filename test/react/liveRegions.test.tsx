import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { createPkcePair } from '../../src/core/pkce'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError } from '../../src/core/ResetError'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'

const REDIRECT_URL = 'https://app.example.com/reset-password'

function fakeAdapter(overrides: Partial<ResetAdapter> = {}) {
  return {
    id: 'live',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
    ...overrides,
  } satisfies ResetAdapter
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.useRealTimers()
})

describe('<ForgotPasswordForm> live regions', () => {
  it('A3/R2: the rate-limit alert names the wait once and changes only when the wait is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter({
      startReset: vi.fn(async () => {
        throw new ResetError('rate_limited', { retryAfterSeconds: 5 })
      }),
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    const alert = await screen.findByText('Too many attempts. Please wait 5 seconds, then try again.')

    const texts: string[] = []
    const observer = new MutationObserver(() => texts.push(alert.textContent ?? ''))
    observer.observe(alert, { subtree: true, childList: true, characterData: true })
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000)
    })
    expect(texts).toEqual([])
    await act(async () => {
      await vi.advanceTimersByTimeAsync(3000)
    })
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. You can try again now.')
    observer.disconnect()
  })

  it('A3: the cooldown status region exists before the confirmation fills it', async () => {
    const user = userEvent.setup()
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    const regionsBefore = screen.getAllByRole('status')
    expect(regionsBefore).toHaveLength(2)
    expect(regionsBefore[1]).toBeEmptyDOMElement()

    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    await screen.findByRole('heading', { name: 'Check your email' })
    const regionsAfter = screen.getAllByRole('status')
    expect(regionsAfter[1]).toBe(regionsBefore[1])
    expect(regionsAfter[1]).toHaveTextContent('You can ask for another email once the countdown ends.')
  })

  it('names the link lifetime through Intl when expiresInMinutes is set', async () => {
    const user = userEvent.setup()
    render(
      <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} expiresInMinutes={30} minDurationMs={0} />,
    )
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('The link works for 30 minutes.')
  })
})

describe('<ResetPasswordPage> link checks', () => {
  it('P5: a link the backend reports dead at check time drops the stored verifier and token at once', async () => {
    const store = createWebStorageVerifierStore()
    const pair = await createPkcePair()
    await store.save({ v: 1, ...pair, createdAt: Date.now(), expiresAt: Date.now() + 3_600_000, adapterId: 'live' })
    window.history.replaceState(null, '', '/reset?token=tok_123')
    const adapter = fakeAdapter({
      pkce: true,
      checkToken: vi.fn(async () => {
        throw new ResetError('token_used')
      }),
    })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" />)
    await screen.findByRole('heading', { name: 'This link has already been used' })
    expect(await store.load('live')).toBeUndefined()
    expect(sessionStorage.getItem('reset-kit:live:token')).toBeNull()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('T5: a link that says it expired (validateCallbackParams) shows the expired screen', async () => {
    window.history.replaceState(null, '', '/reset?error=otp_expired')
    const adapter = fakeAdapter({
      validateCallbackParams: (params) => {
        if (params.get('error') === 'otp_expired') throw new ResetError('token_expired')
      },
    })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" />)
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/forgot')
  })

  it('a link a custom adapter rejects with a code that has no link screen shows the check-failed screen at once, never the invalid-link one first', async () => {
    window.history.replaceState(null, '', '/reset?error=server_misconfigured')
    const adapter = fakeAdapter({
      validateCallbackParams: (params) => {
        if (params.has('error')) throw new ResetError('misconfigured')
      },
    })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" />)
    // Before the check's microtask: the first screen shown is already the final one.
    expect(screen.getByRole('heading', { name: "We couldn't check your link" })).toBeInTheDocument()
    expect(
      await screen.findByText("Password reset isn't set up correctly on this site. Please contact support."),
    ).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: "This link doesn't work" })).not.toBeInTheDocument()
  })

  it("A2: the password field's description always points at an element that exists", async () => {
    window.history.replaceState(null, '', '/reset?token=tok_123')
    render(<ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl="/forgot" />)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    const ids = screen.getByLabelText('New password').getAttribute('aria-describedby')?.split(' ') ?? []
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) expect(document.getElementById(id)).not.toBeNull()
  })
})

describe('<ResetPasswordPage> in Strict Mode', () => {
  it('checks the link once, though Strict Mode mounts its effects twice', async () => {
    const { StrictMode } = await import('react')
    window.history.replaceState(null, '', '/reset?code=abc')
    const adapter = fakeAdapter({ tokenParams: ['code'], checkToken: vi.fn(async () => {}) })
    render(
      <StrictMode>
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" />
      </StrictMode>,
    )
    await screen.findByRole('heading', { name: 'Choose a new password' })
    expect(adapter.checkToken).toHaveBeenCalledTimes(1)
  })
})

describe('language of parts (WCAG 3.1.2)', () => {
  it('marks each component with the language its text is in', async () => {
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} locale="fr-CA" />)
    expect(await screen.findByRole('heading', { name: 'Réinitialisez votre mot de passe' })).toBeInTheDocument()
    expect(screen.getByRole('region')).toHaveAttribute('lang', 'fr')
  })
})
