import { act, render, screen, waitFor, within } from '@testing-library/react'
import { onlineManager, QueryClient, QueryClientProvider, useMutation } from '@tanstack/react-query'
import userEvent from '@testing-library/user-event'
import { Component, type ReactNode, useEffect } from 'react'
import { ResetError, type ResetErrorCode } from '../../src/core/ResetError'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { expectNoAxeViolations } from './expectNoAxeViolations'

const REDIRECT_URL = 'https://app.example.com/reset-password'
const VERIFIER_KEY = 'reset-kit:test:verifier'
const RETRY_KEY = 'reset-kit:test:retry-at'
const INVALID_EMAIL = 'Enter an email address in the form name@example.com.'

function fakeAdapter(options: { pkce?: boolean; startReset?: ResetAdapter['startReset'] } = {}) {
  return {
    id: 'test',
    pkce: options.pkce ?? false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(options.startReset ?? (async () => {})),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

function deferred() {
  let resolve!: () => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Catches what a component throws while rendering, as an app's error boundary would. */
class Catch extends Component<{ children: ReactNode; onError: (error: unknown) => void }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error)
  }
  override render() {
    return this.state.failed ? null : this.props.children
  }
}

/**
 * Every non-empty text the alert shows from now on, in order. The first one is read when it is
 * rendered, so a slow machine cannot let the countdown tick before the test looks.
 */
function alertTexts(): string[] {
  const alert = screen.getByRole('alert')
  const texts: string[] = []
  const observer = new MutationObserver(() => {
    if (alert.textContent) texts.push(alert.textContent)
  })
  observer.observe(alert, { subtree: true, childList: true, characterData: true })
  return texts
}

function emailField() {
  return screen.getByRole('textbox', { name: 'Email address' })
}

function submitButton() {
  return screen.getByRole('button', { name: 'Send reset link' })
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('<ForgotPasswordForm>', () => {
  it('A1, A4: shows a titled form with a labelled email field (autocomplete=email) and a submit button', async () => {
    const { container } = render(
      <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />,
    )

    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(screen.getByRole('form', { name: 'Reset your password' })).toBeInTheDocument()
    expect(emailField()).toHaveAttribute('type', 'email')
    expect(emailField()).toHaveAttribute('autocomplete', 'email')
    expect(emailField()).toBeRequired()
    expect(emailField()).not.toHaveAttribute('aria-invalid')
    expect(submitButton()).toHaveAttribute('type', 'submit')
    expect(submitButton()).not.toHaveAttribute('aria-disabled')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    await expectNoAxeViolations(container)
  })

  it('A5: leaves focus where it is when it first shows, so a page load does not jump to the form', async () => {
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} />)
    await act(async () => {})

    expect(screen.getByRole('heading', { name: 'Reset your password' })).not.toHaveFocus()
    expect(document.body).toHaveFocus()
  })

  it('titles itself at the heading level the page asks for, fitting the page outline', () => {
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} headingLevel={1} minDurationMs={0} />)

    expect(screen.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeInTheDocument()
  })

  it('keeps its title out of the Tab order, so the first Tab reaches the email field', async () => {
    const user = userEvent.setup()
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.tab()

    expect(emailField()).toHaveFocus()
  })

  it('listens for other tabs finishing the flow once, however often the person sends', async () => {
    const user = userEvent.setup()
    // An id of its own: the store every form shares already watches the other tests' adapter.
    const adapter = { ...fakeAdapter({ pkce: true }), id: 'sends-twice' }
    const listen = vi.spyOn(window, 'addEventListener')
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await user.click(await screen.findByRole('button', { name: 'Use a different email address' }))
    await user.clear(emailField())
    await user.type(emailField(), 'grace@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(adapter.startReset).toHaveBeenCalledTimes(2)
    expect(listen.mock.calls.filter(([type]) => type === 'storage')).toHaveLength(1)
  })

  it('pre-fills the field from defaultEmail', () => {
    render(
      <ForgotPasswordForm
        adapter={fakeAdapter()}
        redirectUrl={REDIRECT_URL}
        defaultEmail="ada@example.com"
        minDurationMs={0}
      />,
    )

    expect(emailField()).toHaveValue('ada@example.com')
  })

  it.each(['', 'user@', 'a b@x.com', '@x.com'])(
    'B1, A2, A5: %j gets a field error tied to the field, takes focus and sends nothing',
    async (typed) => {
      const user = userEvent.setup()
      const adapter = fakeAdapter()
      const { container } = render(
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />,
      )

      if (typed) await user.type(emailField(), typed)
      await user.click(submitButton())

      expect(await screen.findByText(INVALID_EMAIL)).toBeInTheDocument()
      expect(emailField()).toHaveAttribute('aria-invalid', 'true')
      expect(emailField()).toHaveAccessibleDescription(INVALID_EMAIL)
      expect(emailField()).toHaveFocus()
      expect(adapter.startReset).not.toHaveBeenCalled()
      await expectNoAxeViolations(container)
    },
  )

  it('A2: clears the field error as soon as the user edits the address', async () => {
    const user = userEvent.setup()
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'user@')
    await user.click(submitButton())
    expect(await screen.findByText(INVALID_EMAIL)).toBeInTheDocument()

    await user.type(emailField(), 'e')

    expect(screen.queryByText(INVALID_EMAIL)).not.toBeInTheDocument()
    expect(emailField()).not.toHaveAttribute('aria-invalid')
    expect(emailField()).not.toHaveAttribute('aria-describedby')
  })

  it('A6, E1, A5, A1: shows a busy form while sending, then the neutral confirmation with focus on its heading', async () => {
    const user = userEvent.setup()
    const request = deferred()
    const onSent = vi.fn()
    const adapter = fakeAdapter({ startReset: () => request.promise })
    const { container } = render(
      <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} onSent={onSent} minDurationMs={0} />,
    )

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    const busyButton = screen.getByRole('button', { name: 'Sending link…' })
    expect(screen.getByRole('form', { name: 'Reset your password' })).toHaveAttribute('aria-busy', 'true')
    expect(busyButton).toHaveAttribute('aria-disabled', 'true')
    expect(busyButton).not.toBeDisabled()
    busyButton.focus()
    expect(busyButton).toHaveFocus()
    expect(onSent).not.toHaveBeenCalled()
    await expectNoAxeViolations(container)

    await act(async () => request.resolve())

    const heading = await screen.findByRole('heading', { name: 'Check your email' })
    // Focus moves in an effect after the commit that shows the heading.
    await waitFor(() => expect(heading).toHaveFocus())
    expect(
      screen
        .getByText(/If an account exists for ada@example\.com, we've sent a password reset link/)
        .closest('[role="status"]'),
    ).not.toBeNull()
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    expect(onSent).toHaveBeenCalledTimes(1)
    expect(onSent).toHaveBeenCalledWith({ email: 'ada@example.com', resent: false })
    await expectNoAxeViolations(container)
  })

  it('E1: the confirmation is the same markup whichever address was typed', async () => {
    const user = userEvent.setup()
    const confirmationFor = async (email: string) => {
      const { container, unmount } = render(
        <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />,
      )
      await user.type(emailField(), email)
      await user.click(submitButton())
      await screen.findByRole('heading', { name: 'Check your email' })
      const html = container.outerHTML
        .replaceAll(email, '<email>')
        .replace(/«[^»]+»|_r_[0-9a-z]+_|:r[0-9a-z]+:/g, '<id>')
      unmount()
      return html
    }

    expect(await confirmationFor('known@example.com')).toBe(await confirmationFor('nobody@example.org'))
  })

  it('B1, D1, P4: sends the trimmed address with case kept, the configured redirectUrl, locale en and the stored challenge, never the verifier', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({ pkce: true })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), "  O'Brien+tag@Sub.Example.co.uk ")
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(adapter.startReset).toHaveBeenCalledTimes(1)
    const [input] = adapter.startReset.mock.calls[0]!
    expect(input).toEqual({
      email: "O'Brien+tag@Sub.Example.co.uk",
      redirectUrl: REDIRECT_URL,
      locale: 'en',
      codeChallenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      signal: expect.any(AbortSignal),
    })
    const record = JSON.parse(sessionStorage.getItem(VERIFIER_KEY) ?? 'null') as { verifier: string; challenge: string }
    expect(record.challenge).toBe(input.codeChallenge)
    expect(JSON.stringify(input)).not.toContain(record.verifier)
    expect(localStorage.getItem(VERIFIER_KEY)).toBe(sessionStorage.getItem(VERIFIER_KEY))
    expect(sessionStorage.getItem(VERIFIER_KEY)).not.toContain('Brien')
  })

  it('P10: an adapter without PKCE gets no challenge and nothing is stored', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({ pkce: false })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} expiresInMinutes={15} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(adapter.startReset.mock.calls[0]![0]).not.toHaveProperty('codeChallenge')
    expect(adapter.startReset.mock.calls[0]![0]).toMatchObject({ expiresInMinutes: 15 })
    expect(sessionStorage.getItem(VERIFIER_KEY)).toBeNull()
    expect(localStorage.getItem(VERIFIER_KEY)).toBeNull()
  })

  it('T6: a double click sends exactly one request', async () => {
    // No pause between events: the second click lands before React has rendered the pending state.
    const user = userEvent.setup({ delay: null })
    const request = deferred()
    const adapter = fakeAdapter({ startReset: () => request.promise })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.dblClick(submitButton())
    await act(async () => request.resolve())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it('T6: pressing Enter twice sends exactly one request', async () => {
    const user = userEvent.setup({ delay: null })
    const request = deferred()
    const adapter = fakeAdapter({ startReset: () => request.promise })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com{Enter}{Enter}')
    await act(async () => request.resolve())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it('E2: with the default floor the confirmation is not shown at 900 ms and is shown at 1000 ms', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    let calledAt = 0
    const adapter = fakeAdapter({
      startReset: async () => {
        calledAt = Date.now()
      },
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    expect(adapter.startReset).toHaveBeenCalledTimes(1)

    await act(() => vi.advanceTimersByTimeAsync(calledAt + 900 - Date.now()))
    expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Sending link…' })).toBeInTheDocument()

    await act(() => vi.advanceTimersByTimeAsync(calledAt + 1000 - Date.now()))
    expect(screen.getByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
  })

  it('E2: minDurationMs sets another floor: not shown at 2900 ms of a 3000 ms floor, shown at 3000 ms', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    let calledAt = 0
    const adapter = fakeAdapter({
      startReset: async () => {
        calledAt = Date.now()
      },
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={3000} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await act(() => vi.advanceTimersByTimeAsync(calledAt + 2900 - Date.now()))
    expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument()
    await act(() => vi.advanceTimersByTimeAsync(calledAt + 3000 - Date.now()))
    expect(screen.getByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
  })

  it('R1, R2: a 429 on the resend holds it, and the cooldown status leaves the wait and its end to the alert', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter()
    adapter.startReset.mockImplementation(async () => {
      if (adapter.startReset.mock.calls.length > 1) throw new ResetError('rate_limited', { retryAfterSeconds: 90 })
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    const status = screen.getByText('You can ask for another email now.')

    await user.click(screen.getByRole('button', { name: 'Send the email again' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Please wait 90 seconds'))
    expect(screen.getByRole('button', { name: 'Send the email again' })).toHaveAttribute('aria-disabled', 'true')
    expect(status).toHaveTextContent(/^$/)

    await act(() => vi.advanceTimersByTimeAsync(91_000))
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. You can try again now.')
    expect(status).toHaveTextContent(/^$/)
  })

  it('R2, P6: resend waits out a visible 60 s cooldown, announces its end, then reuses the same challenge', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const onSent = vi.fn()
    const adapter = fakeAdapter({ pkce: true })
    const { container } = render(
      <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} onSent={onSent} minDurationMs={0} />,
    )

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    // The button keeps its name through the cooldown: a screen reader speaks every change to the
    // name of the focused control, so a countdown in it would be read out each second.
    const resend = screen.getByRole('button', { name: 'Send the email again' })
    expect(resend).toHaveAttribute('aria-disabled', 'true')
    const countdown = screen.getByText('You can send the email again in 60 seconds.')
    expect(countdown).toBeVisible()
    expect(countdown.closest('[role="status"], [role="alert"], [aria-live]')).toBeNull()
    expect(
      screen.getByText('You can ask for another email once the countdown ends.').closest('[role="status"]'),
    ).not.toBeNull()
    await expectNoAxeViolations(container)

    await user.click(resend)
    expect(adapter.startReset).toHaveBeenCalledTimes(1)

    await act(() => vi.advanceTimersByTimeAsync(30_000))
    expect(screen.getByRole('button', { name: 'Send the email again' })).toBe(resend)
    expect(resend).toHaveAttribute('aria-disabled', 'true')
    expect(countdown).toHaveTextContent('You can send the email again in 30 seconds.')
    expect(screen.getByText('You can ask for another email once the countdown ends.')).toBeInTheDocument()

    await act(() => vi.advanceTimersByTimeAsync(30_000))
    expect(screen.getByRole('button', { name: 'Send the email again' })).toBe(resend)
    expect(resend).not.toHaveAttribute('aria-disabled')
    expect(screen.queryByText(/You can send the email again in/)).not.toBeInTheDocument()
    expect(screen.getByText('You can ask for another email now.').closest('[role="status"]')).not.toBeNull()

    await user.click(resend)
    await screen.findByText('You can send the email again in 60 seconds.')
    expect(resend).toHaveAttribute('aria-disabled', 'true')

    expect(adapter.startReset).toHaveBeenCalledTimes(2)
    const [first, second] = adapter.startReset.mock.calls.map(([input]) => input)
    expect(second!.email).toBe('ada@example.com')
    expect(second!.codeChallenge).toBe(first!.codeChallenge)
    expect(onSent).toHaveBeenNthCalledWith(1, { email: 'ada@example.com', resent: false })
    expect(onSent).toHaveBeenNthCalledWith(2, { email: 'ada@example.com', resent: true })
  })

  it('R1, R2: countdowns start at their real wait however long the page was open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter()
    adapter.startReset
      .mockResolvedValueOnce()
      .mockRejectedValueOnce(new ResetError('rate_limited', { retryAfterSeconds: 120 }))
    const { container } = render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    // Every text the countdowns ever render, including frames that a later effect would correct.
    const seen: string[] = []
    const observer = new MutationObserver(() => {
      for (const part of container.querySelectorAll('[data-part="countdown"], [data-part="alert"]'))
        seen.push(part.textContent ?? '')
    })
    observer.observe(container, { subtree: true, childList: true, characterData: true })

    await act(() => vi.advanceTimersByTimeAsync(45_000))
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    await user.click(screen.getByRole('button', { name: 'Send the email again' }))
    await screen.findByText(/Too many attempts/)
    observer.disconnect()

    // In seconds; a wait shown in minutes counts as its upper bound.
    const waits = seen.flatMap((text) =>
      [...text.matchAll(/(\d+) (seconds?|minutes?)/g)].map(
        (match) => Number(match[1]) * (match[2]!.startsWith('minute') ? 60 : 1),
      ),
    )
    expect(waits).toContain(60)
    expect(waits).toContain(120)
    expect(waits.filter((wait) => wait !== 120 && wait > 60)).toEqual([])
  })

  it('"Use a different email address" goes back to the form with the address kept and focus on the heading', async () => {
    const user = userEvent.setup()
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    await user.click(screen.getByRole('button', { name: 'Use a different email address' }))

    expect(screen.getByRole('heading', { name: 'Reset your password' })).toHaveFocus()
    expect(emailField()).toHaveValue('ada@example.com')
    expect(submitButton()).not.toHaveAttribute('aria-disabled')
    expect(screen.queryByRole('button', { name: 'Send the email again' })).not.toBeInTheDocument()
  })

  it('R1: a 429 shows the wait, blocks submit, keeps the deadline across a remount and never retries on its own', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const onSent = vi.fn()
    const onError = vi.fn()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('rate_limited', { retryAfterSeconds: 120 })
      },
    })
    const { container, unmount } = render(
      <ForgotPasswordForm
        adapter={adapter}
        redirectUrl={REDIRECT_URL}
        onSent={onSent}
        onError={onError}
        minDurationMs={0}
      />,
    )

    const shown = alertTexts()
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() => expect(shown[0]).toBe('Too many attempts. Please wait 2 minutes, then try again.'))
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument()
    expect(onSent).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited', retryAfterSeconds: 120 }))
    const deadline = Number(sessionStorage.getItem(RETRY_KEY))
    expect(deadline - Date.now()).toBeGreaterThan(110_000)
    expect(deadline - Date.now()).toBeLessThanOrEqual(120_000)
    await expectNoAxeViolations(container)

    await user.click(submitButton())
    expect(adapter.startReset).toHaveBeenCalledTimes(1)

    unmount()
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} onSent={onSent} minDurationMs={0} />)

    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^Too many attempts\. Please wait (1[01]\d seconds|2 minutes), then try again\.$/,
    )
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    expect(adapter.startReset).toHaveBeenCalledTimes(1)

    await act(() => vi.advanceTimersByTimeAsync(121_000))

    expect(submitButton()).not.toHaveAttribute('aria-disabled')
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. You can try again now.')
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it("R1: another adapter neither shows nor waits out the last one's rate limit, which comes back with it", async () => {
    const user = userEvent.setup()
    const limited = fakeAdapter({
      startReset: async () => {
        throw new ResetError('rate_limited', { retryAfterSeconds: 120 })
      },
    })
    const other = { ...fakeAdapter(), id: 'other' }
    const form = (adapter: ResetAdapter) => (
      <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
    )
    const { rerender } = render(form(limited))
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Please wait 2 minutes'))

    // A host's backend switch (the demo's): the other backend has no wait, and nothing to say of one.
    rerender(form(other))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/^$/))
    expect(submitButton()).not.toHaveAttribute('aria-disabled')

    rerender(form(limited))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/Please wait (1[01]\d seconds|2 minutes)/))
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
  })

  it('R1: a 429 without Retry-After waits 60 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('rate_limited')
      },
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    const shown = alertTexts()

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() => expect(shown[0]).toBe('Too many attempts. Please wait 60 seconds, then try again.'))
  })

  it("R1: a custom adapter's 429 with a wait of NaN (Number() of an HTTP date) waits 60 seconds, and the form stays", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('rate_limited', { retryAfterSeconds: Number('Wed, 21 Oct 2026 07:28:00 GMT') })
      },
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    const shown = alertTexts()

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() => expect(shown[0]).toBe('Too many attempts. Please wait 60 seconds, then try again.'))
    expect(emailField()).toBeInTheDocument()
  })

  it.each([
    { code: 'server', text: 'Something went wrong on our side. Please try again in a moment.', id: 'E3' },
    { code: 'network', text: "We couldn't reach the server. Check your connection and try again.", id: 'R3' },
    { code: 'timeout', text: 'The server took too long to answer. Please try again.', id: 'R3' },
    {
      code: 'redirect_not_allowed',
      text: "We can't send reset emails right now. Please try again later or contact support.",
      id: 'D3',
    },
    { code: 'unknown', text: 'Something went wrong. Please try again.', id: 'R4' },
    {
      code: 'storage_unavailable',
      text: 'Your browser is blocking the storage this page needs. Allow this site to store data, then try again.',
      id: 'S1',
    },
    {
      code: 'insecure_context',
      text: "This page isn't secure, so we can't send a reset link from it. Open it over https.",
      id: 'P3',
    },
  ] as const)(
    '$id: $code shows its own alert, never the confirmation, and keeps the address',
    async ({ code, text }) => {
      const user = userEvent.setup()
      const onSent = vi.fn()
      const onError = vi.fn()
      const adapter = fakeAdapter({
        startReset: async () => {
          throw new ResetError(code)
        },
      })
      const { container } = render(
        <ForgotPasswordForm
          adapter={adapter}
          redirectUrl={REDIRECT_URL}
          onSent={onSent}
          onError={onError}
          minDurationMs={0}
        />,
      )

      await user.type(emailField(), 'ada@example.com')
      await user.click(submitButton())

      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text))
      expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument()
      expect(emailField()).toHaveValue('ada@example.com')
      expect(emailField()).not.toHaveAttribute('aria-invalid')
      expect(submitButton()).not.toHaveAttribute('aria-disabled')
      expect(onSent).not.toHaveBeenCalled()
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }))
      expect(adapter.startReset).toHaveBeenCalledTimes(1)
      await expectNoAxeViolations(container)
    },
  )

  it('R4: a ResetError whose code the kit has no string for (a custom adapter’s, a newer copy’s) shows the generic message, never its key', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('user_not_found' as ResetErrorCode)
      },
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Please try again.'))
    expect(screen.getByRole('alert')).not.toHaveTextContent(/errors\.|user_not_found/)
  })

  it('R3: after a network error the user can send again by hand, with the same challenge', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({ pkce: true })
    adapter.startReset.mockRejectedValueOnce(new ResetError('network'))
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByText("We couldn't reach the server. Check your connection and try again.")
    expect(adapter.startReset).toHaveBeenCalledTimes(1)

    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    const [first, second] = adapter.startReset.mock.calls.map(([input]) => input)
    expect(second!.codeChallenge).toBe(first!.codeChallenge)
  })

  it('A2: an email error from the backend lands on the field', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('invalid_email', { field: 'email' })
      },
    })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    expect(await screen.findByText(INVALID_EMAIL)).toBeInTheDocument()
    expect(emailField()).toHaveAttribute('aria-invalid', 'true')
    expect(emailField()).toHaveAccessibleDescription(INVALID_EMAIL)
    expect(emailField()).toHaveFocus()
  })

  it('S1: when storage refuses the verifier nothing is sent and the user is told why', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const adapter = fakeAdapter({ pkce: true })
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} onError={onError} minDurationMs={0} />)
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Your browser is blocking the storage this page needs. Allow this site to store data, then try again.',
      ),
    )
    expect(adapter.startReset).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'storage_unavailable' }))
    expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument()
    expect(emailField()).toHaveValue('ada@example.com')
  })

  it('X1: never renders markup or a backend message carried by the error', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('server', {
          cause: { error_message: '<img src=x onerror=alert(1)> user ada@example.com not found' },
          details: { message: '<img src=x onerror=alert(1)>' },
        })
      },
    })
    const { container } = render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Something went wrong on our side. Please try again in a moment.',
      ),
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container).not.toHaveTextContent('onerror')
    expect(container).not.toHaveTextContent('not found')
  })

  it('X1: an address with markup in it is shown as text', async () => {
    const user = userEvent.setup()
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)

    await user.type(emailField(), '<b>o&brien</b>@example.com')
    await user.click(submitButton())

    // The address is rejected by the check, so try one that passes it but still holds HTML-ish characters.
    await user.clear(emailField())
    await user.type(emailField(), "o'brien&co/x@example.com")
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(screen.getByText(/If an account exists for o'brien&co\/x@example\.com,/)).toBeInTheDocument()
    expect(document.querySelector('b')).toBeNull()
  })

  it('messages overrides a string for that instance only', () => {
    render(
      <>
        <ForgotPasswordForm
          adapter={fakeAdapter()}
          redirectUrl={REDIRECT_URL}
          messages={{ forgot: { title: 'Forgot your password?' } }}
          minDurationMs={0}
        />
        <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </>,
    )

    expect(screen.getByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument()
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(screen.getAllByRole('textbox', { name: 'Email address' })).toHaveLength(2)
    expect(screen.getAllByRole('button', { name: 'Send reset link' })).toHaveLength(2)
  })

  it('marks its root for the stylesheet unless unstyled, and adds classNames to each part', () => {
    const { container, rerender } = render(
      <ForgotPasswordForm
        adapter={fakeAdapter()}
        redirectUrl={REDIRECT_URL}
        classNames={{
          root: 'my-root',
          heading: 'my-heading',
          label: 'my-label',
          input: 'my-input',
          submit: 'my-submit',
          alert: 'my-alert',
        }}
        minDurationMs={0}
      />,
    )

    const root = container.querySelector('[data-part="root"]')
    expect(root).toHaveAttribute('data-reset-kit', '')
    expect(root).toHaveClass('my-root')
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toHaveClass('my-heading')
    expect(emailField()).toHaveClass('my-input')
    expect(screen.getByText('Email address')).toHaveClass('my-label')
    expect(submitButton()).toHaveClass('my-submit')
    expect(screen.getByRole('alert')).toHaveClass('my-alert')

    rerender(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} unstyled minDurationMs={0} />)

    expect(container.querySelector('[data-part="root"]')).not.toHaveAttribute('data-reset-kit')
    expect(container.querySelector('[data-part="root"]')).not.toHaveAttribute('class')
    expect(emailField()).toHaveAttribute('data-part', 'input')
    expect(screen.getByText('Email address')).toHaveAttribute('data-part', 'label')
  })

  it('carries its state in data-state, data-pending and data-invalid', async () => {
    const user = userEvent.setup()
    const request = deferred()
    const { container } = render(
      <ForgotPasswordForm
        adapter={fakeAdapter({ startReset: () => request.promise })}
        redirectUrl={REDIRECT_URL}
        minDurationMs={0}
      />,
    )
    const root = container.querySelector('[data-part="root"]')
    const field = container.querySelector('[data-part="field"]')

    expect(root).toHaveAttribute('data-state', 'form')
    expect(root).not.toHaveAttribute('data-pending')
    expect(field).not.toHaveAttribute('data-invalid')

    await user.click(submitButton())
    await screen.findByText(INVALID_EMAIL)
    expect(field).toHaveAttribute('data-invalid', '')
    expect(emailField()).toHaveAttribute('data-invalid', '')

    await user.type(emailField(), 'ada@example.com')
    expect(field).not.toHaveAttribute('data-invalid')
    await user.click(submitButton())
    expect(root).toHaveAttribute('data-pending', '')

    await act(async () => request.resolve())
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(root).toHaveAttribute('data-state', 'sent')
    expect(root).not.toHaveAttribute('data-pending')
  })

  it('throws a TypeError naming ResetKitProvider when no adapter is configured', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onError = vi.fn()

    render(
      <Catch onError={onError}>
        <ForgotPasswordForm redirectUrl={REDIRECT_URL} />
      </Catch>,
    )

    expect(onError).toHaveBeenCalledTimes(1)
    const [error] = onError.mock.calls[0]!
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toContain('ResetKitProvider')
    expect((error as TypeError).message).toContain('ForgotPasswordForm')
  })

  it.each(['/reset', 'http://example.com/reset', 'javascript:alert(1)', ''])(
    'D1: throws a TypeError for redirectUrl %j',
    (redirectUrl) => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const onError = vi.fn()

      render(
        <Catch onError={onError}>
          <ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={redirectUrl} />
        </Catch>,
      )

      expect(onError).toHaveBeenCalledTimes(1)
      expect(onError.mock.calls[0]![0]).toBeInstanceOf(TypeError)
      expect((onError.mock.calls[0]![0] as TypeError).message).toContain('redirectUrl')
    },
  )

  it('D1: accepts http only on localhost', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<ForgotPasswordForm adapter={adapter} redirectUrl="http://localhost:5173/reset" minDurationMs={0} />)

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })

    expect(adapter.startReset.mock.calls[0]![0].redirectUrl).toBe('http://localhost:5173/reset')
  })

  it.each([
    { outcome: 'resolves', settle: (request: ReturnType<typeof deferred>) => request.resolve() },
    { outcome: 'rejects', settle: (request: ReturnType<typeof deferred>) => request.reject(new ResetError('server')) },
  ])('R5: unmounting mid-request: a late answer that $outcome changes nothing', async ({ settle }) => {
    const consoleError = vi.spyOn(console, 'error')
    const user = userEvent.setup()
    const request = deferred()
    const onSent = vi.fn()
    const onError = vi.fn()
    const adapter = fakeAdapter({ startReset: () => request.promise })
    const { unmount } = render(
      <ForgotPasswordForm
        adapter={adapter}
        redirectUrl={REDIRECT_URL}
        onSent={onSent}
        onError={onError}
        minDurationMs={0}
      />,
    )

    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    const { signal } = adapter.startReset.mock.calls[0]![0]
    expect(signal.aborted).toBe(false)

    unmount()
    // Left to finish: a clean-up cannot tell an unmount from <Activity> hiding the form, where the
    // answer must still arrive (test/react/Activity.test.tsx).
    expect(signal.aborted).toBe(false)
    await act(async () => {
      settle(request)
      await new Promise((resolve) => setTimeout(resolve, 20))
    })

    expect(onSent).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
  })
})

describe("<ForgotPasswordForm> with late answers and a host's defaults", () => {
  async function reachConfirmation(user: ReturnType<typeof userEvent.setup>, email = 'old@example.com') {
    await user.type(emailField(), email)
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Check your email' })
  }

  it('A5: a refusal of the email moves focus to the field inside a shadow root too', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('invalid_email', { field: 'email' })
      },
    })
    const host = document.body.appendChild(document.createElement('div'))
    const container = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'))
    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />, { container })
    const field = within(container).getByRole('textbox', { name: 'Email address' })
    await user.type(field, 'ada@example.com')
    await user.click(within(container).getByRole('button', { name: 'Send reset link' }))

    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(host.shadowRoot!.activeElement).toBe(field)
    host.remove()
  })

  it("A5: a late refusal of the email shows on the field but leaves focus, and the user's typing, in the host's control", async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const adapter = fakeAdapter({
      startReset: async () => {
        await answer.promise
        throw new ResetError('invalid_email', { field: 'email' })
      },
    })
    render(
      <>
        <input aria-label="Search the help centre" />
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </>,
    )
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    const search = screen.getByRole('textbox', { name: 'Search the help centre' })
    await user.click(search)
    await user.keyboard('pass')

    await act(async () => answer.resolve())

    expect(await screen.findByText(INVALID_EMAIL)).toBeInTheDocument()
    expect(emailField()).toHaveAttribute('aria-invalid', 'true')
    expect(search).toHaveFocus()
    await user.keyboard('word')
    expect(search).toHaveValue('password')
    expect(emailField()).toHaveValue('ada@example.com')
  })

  it('R5: a resend still on its way when the user picks "Use a different email address" is aborted and changes nothing', async () => {
    const user = userEvent.setup()
    const resend = deferred()
    let calls = 0
    const adapter = fakeAdapter({
      startReset: async () => {
        calls += 1
        if (calls === 2) await resend.promise
      },
    })
    const onSent = vi.fn()
    render(
      <ForgotPasswordForm
        adapter={adapter}
        redirectUrl={REDIRECT_URL}
        minDurationMs={0}
        resendCooldownSeconds={0}
        onSent={onSent}
      />,
    )
    await reachConfirmation(user)
    await user.click(screen.getByRole('button', { name: 'Send the email again' }))
    await waitFor(() => expect(adapter.startReset).toHaveBeenCalledTimes(2))

    await user.click(screen.getByRole('button', { name: 'Use a different email address' }))
    expect(adapter.startReset.mock.calls[1]![0].signal.aborted).toBe(true)
    await user.clear(emailField())
    await user.type(emailField(), 'new@example.com')
    await act(async () => resend.resolve())

    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(emailField()).toHaveValue('new@example.com')
    expect(onSent).toHaveBeenCalledTimes(1)
  })

  it('R1: the rate-limit message stays after "Use a different email address", while its wait still holds the button', async () => {
    const user = userEvent.setup()
    let calls = 0
    const adapter = fakeAdapter({
      startReset: async () => {
        calls += 1
        if (calls === 2) throw new ResetError('rate_limited', { retryAfterSeconds: 120 })
      },
    })
    render(
      <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} resendCooldownSeconds={0} />,
    )
    await reachConfirmation(user)
    await user.click(screen.getByRole('button', { name: 'Send the email again' }))
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 2 minutes, then try again.'),
    )

    await user.click(screen.getByRole('button', { name: 'Use a different email address' }))

    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 2 minutes, then try again.')
  })

  it('R5: a request cancelled because the adapter changed is not reported as an error', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const first = fakeAdapter({
      startReset: ({ signal }) =>
        new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    })
    const second = { ...fakeAdapter(), id: 'second' }
    const { rerender } = render(
      <ForgotPasswordForm adapter={first} redirectUrl={REDIRECT_URL} minDurationMs={0} onError={onError} />,
    )
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())
    await waitFor(() => expect(first.startReset).toHaveBeenCalled())

    rerender(<ForgotPasswordForm adapter={second} redirectUrl={REDIRECT_URL} minDurationMs={0} onError={onError} />)
    await waitFor(() => expect(first.startReset.mock.calls[0]![0].signal.aborted).toBe(true))
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))

    expect(onError).not.toHaveBeenCalled()
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  })

  it("R3: inside a host's QueryClientProvider, a request made while the browser reports offline fails at once and is never sent again on its own", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('network')
      },
    })
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </QueryClientProvider>,
    )
    try {
      act(() => void window.dispatchEvent(new Event('offline')))
      await user.type(emailField(), 'ada@example.com')
      await user.click(submitButton())
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent("We couldn't reach the server."))
      expect(submitButton()).not.toHaveAttribute('aria-disabled')
      adapter.startReset.mockImplementation(async () => {})
    } finally {
      act(() => void window.dispatchEvent(new Event('online')))
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument()
  })

  it("R3: a host QueryClient whose mutations share one default scope, one of them paused offline, does not hold the kit's request", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const client = new QueryClient({ defaultOptions: { mutations: { scope: { id: 'app' } } } })
    function HostAutosave() {
      // TanStack Query's default networkMode ('online'): paused while the browser reports offline.
      const { mutate } = useMutation({ mutationFn: async () => {} })
      useEffect(() => mutate(), [mutate])
      return null
    }
    act(() => onlineManager.setOnline(false))
    try {
      render(
        <QueryClientProvider client={client}>
          <HostAutosave />
          <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </QueryClientProvider>,
      )
      await user.type(emailField(), 'ada@example.com')
      await user.click(submitButton())

      expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
      expect(adapter.startReset).toHaveBeenCalledTimes(1)
    } finally {
      act(() => onlineManager.setOnline(true))
    }
  })

  it("shows its own errors even when the host's QueryClient throws mutation errors to error boundaries", async () => {
    const user = userEvent.setup()
    const onCaught = vi.fn()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('rate_limited', { retryAfterSeconds: 30 })
      },
    })
    const client = new QueryClient({ defaultOptions: { mutations: { throwOnError: true, retry: 3 } } })
    render(
      <Catch onError={onCaught}>
        <QueryClientProvider client={client}>
          <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
        </QueryClientProvider>
      </Catch>,
    )
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Please wait 30 seconds, then try again.'),
    )
    expect(onCaught).not.toHaveBeenCalled()
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it.each([
    { minutes: 150, sentence: 'The link works for 150 minutes.' },
    { minutes: 3000, sentence: 'The link works for 50 hours.' },
    { minutes: 60, sentence: 'The link works for 60 minutes.' },
    { minutes: 2880, sentence: 'The link works for 2 days.' },
  ])('never overstates the link lifetime: $minutes minutes', async ({ minutes, sentence }) => {
    const user = userEvent.setup()
    render(
      <ForgotPasswordForm
        adapter={fakeAdapter()}
        redirectUrl={REDIRECT_URL}
        minDurationMs={0}
        expiresInMinutes={minutes}
      />,
    )
    await reachConfirmation(user)
    expect(screen.getByText(sentence)).toBeInTheDocument()
  })

  it('states the lifetime an adapter sets itself (Stytch’s expiresInMinutes), and the prop over it', async () => {
    const user = userEvent.setup()
    const adapter = { ...fakeAdapter(), linkLifetimeMinutes: 45 }
    const { unmount } = render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    await reachConfirmation(user)
    expect(screen.getByText('The link works for 45 minutes.')).toBeInTheDocument()
    unmount()

    render(<ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} expiresInMinutes={20} />)
    await reachConfirmation(user)
    expect(screen.getByText('The link works for 20 minutes.')).toBeInTheDocument()
    expect(screen.queryByText(/45 minutes/)).not.toBeInTheDocument()
  })

  it('a lifetime of NaN (an unset variable through Number()) says the reset is not set up, sends nothing and never crashes', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const onError = vi.fn()
    render(
      <Catch onError={onError}>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} expiresInMinutes={NaN} />
      </Catch>,
    )
    await user.type(emailField(), 'ada@example.com')
    await user.click(submitButton())

    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        "Password reset isn't set up correctly on this site. Please contact support.",
      ),
    )
    expect(adapter.startReset).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    expect(emailField()).toHaveValue('ada@example.com')
  })

  it('states no lifetime when neither the prop nor the adapter sets one', async () => {
    const user = userEvent.setup()
    render(<ForgotPasswordForm adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    await reachConfirmation(user)
    expect(screen.queryByText(/The link works for/)).not.toBeInTheDocument()
  })
})
