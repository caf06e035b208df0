import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component, type FormEvent, type ReactNode } from 'react'
import { ResetError } from '../../src/core/ResetError'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { useForgotPassword, type UseForgotPasswordOptions } from '../../src/react/useForgotPassword'

const REDIRECT_URL = 'https://app.example.com/reset-password'

function fakeAdapter(options: { startReset?: ResetAdapter['startReset'] } = {}) {
  return {
    id: 'test',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(options.startReset ?? (async () => {})),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

function submitEvent() {
  return { preventDefault: () => {}, persist: () => {} } as unknown as FormEvent<HTMLFormElement>
}

/** A custom UI built only from what the hook returns. */
function CustomForgot(props: UseForgotPasswordOptions) {
  const forgot = useForgotPassword(props)
  if (forgot.view === 'sent') {
    return (
      <div>
        <h1 tabIndex={-1}>Sent</h1>
        <p role="status">
          {forgot.sentTo} · {forgot.status}
        </p>
        <button {...forgot.getResendButtonProps()}>
          {forgot.resendSeconds > 0 ? `Wait ${forgot.resendSeconds}s` : 'Resend'}
        </button>
        <button type="button" onClick={forgot.useAnotherEmail}>
          Change address
        </button>
      </div>
    )
  }
  return (
    <form {...forgot.getFormProps()} aria-label="Custom reset">
      <label>
        Work email
        <input {...forgot.getEmailInputProps()} aria-describedby={forgot.emailError ? 'custom-error' : undefined} />
      </label>
      {forgot.emailError ? <p id="custom-error">{forgot.t(`errors.${forgot.emailError}`)}</p> : null}
      <p role="alert">{forgot.error ? forgot.error.code : ''}</p>
      <button {...forgot.getSubmitButtonProps()}>Go ({forgot.status})</button>
    </form>
  )
}

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

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useForgotPassword', () => {
  it('starts idle on the form view, with prop getters for a custom UI', () => {
    const adapter = fakeAdapter()
    const { result } = renderHook(() => useForgotPassword({ adapter, redirectUrl: REDIRECT_URL }))

    expect(result.current).toMatchObject({
      view: 'form',
      status: 'idle',
      pending: false,
      sentTo: undefined,
      error: undefined,
      emailError: undefined,
      resendSeconds: 0,
      retrySeconds: 0,
      locale: 'en',
      adapter,
    })
    expect(result.current.t('forgot.title')).toBe('Reset your password')
    expect(result.current.getFormProps()).toMatchObject({ noValidate: true })
    expect(result.current.getFormProps()['aria-busy']).toBeUndefined()
    expect(result.current.getEmailInputProps()).toMatchObject({
      name: 'email',
      type: 'email',
      autoComplete: 'email',
      inputMode: 'email',
      required: true,
    })
    expect(result.current.getEmailInputProps()['aria-invalid']).toBeUndefined()
    expect(result.current.getSubmitButtonProps()).toEqual({ type: 'submit', 'aria-disabled': undefined })
    expect(result.current.getResendButtonProps()).toMatchObject({ type: 'button' })
  })

  it('resolves the locale it is given', () => {
    const { result } = renderHook(() =>
      useForgotPassword({ adapter: fakeAdapter(), redirectUrl: REDIRECT_URL, locale: 'es-MX' }),
    )

    expect(result.current.locale).toBe('es')
  })

  it('sends defaultEmail headlessly, without any input on the page', async () => {
    const adapter = fakeAdapter()
    const onSent = vi.fn()
    const { result } = renderHook(() =>
      useForgotPassword({
        adapter,
        redirectUrl: REDIRECT_URL,
        defaultEmail: 'ada@example.com',
        onSent,
        minDurationMs: 0,
      }),
    )

    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))

    await waitFor(() => expect(result.current.view).toBe('sent'))
    expect(result.current.status).toBe('success')
    expect(result.current.sentTo).toBe('ada@example.com')
    expect(result.current.resendSeconds).toBe(60)
    expect(result.current.getResendButtonProps()['aria-disabled']).toBe(true)
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
    expect(onSent).toHaveBeenCalledWith({ email: 'ada@example.com', resent: false })
  })

  it('resend() does nothing before anything was sent', async () => {
    const adapter = fakeAdapter()
    const { result } = renderHook(() => useForgotPassword({ adapter, redirectUrl: REDIRECT_URL, minDurationMs: 0 }))

    act(() => result.current.resend())

    expect(result.current.pending).toBe(false)
    await act(async () => {})
    expect(result.current).toMatchObject({ status: 'idle', error: undefined, emailError: undefined })
    expect(adapter.startReset).not.toHaveBeenCalled()
  })

  it('honours resendCooldownSeconds', async () => {
    const { result } = renderHook(() =>
      useForgotPassword({
        adapter: fakeAdapter(),
        redirectUrl: REDIRECT_URL,
        defaultEmail: 'ada@example.com',
        resendCooldownSeconds: 10,
        minDurationMs: 0,
      }),
    )

    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))

    await waitFor(() => expect(result.current.view).toBe('sent'))
    expect(result.current.resendSeconds).toBe(10)
  })

  it('B1, A2: drives a custom UI through invalid, pending and sent', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<CustomForgot adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    const field = screen.getByRole('textbox', { name: 'Work email' })

    expect(screen.getByRole('button', { name: 'Go (idle)' })).toBeInTheDocument()
    await user.type(field, 'not-an-email')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))

    expect(await screen.findByRole('button', { name: 'Go (error)' })).toBeInTheDocument()
    expect(field).toHaveAttribute('aria-invalid', 'true')
    expect(field).toHaveAccessibleDescription('Enter an email address in the form name@example.com.')
    expect(field).toHaveFocus()
    expect(adapter.startReset).not.toHaveBeenCalled()

    await user.clear(field)
    await user.type(field, 'ada@example.com')
    expect(screen.getByRole('button', { name: 'Go (idle)' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))

    expect(await screen.findByRole('status')).toHaveTextContent('ada@example.com · success')
    expect(screen.getByRole('button', { name: 'Wait 60s' })).toHaveAttribute('aria-disabled', 'true')

    await user.click(screen.getByRole('button', { name: 'Change address' }))
    expect(screen.getByRole('textbox', { name: 'Work email' })).toHaveValue('ada@example.com')
  })

  it("typing an address does not re-render the hook's component; submit reads what the field holds", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    let renders = 0
    function Counted(props: UseForgotPasswordOptions) {
      renders += 1
      return <CustomForgot {...props} />
    }
    render(<Counted adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    const rendersBefore = renders

    await user.type(screen.getByLabelText('Work email'), 'ada@example.com')

    expect(renders).toBe(rendersBefore)
    await user.click(screen.getByRole('button', { name: /Go/ }))
    await screen.findByRole('heading', { name: 'Sent' })
    expect(adapter.startReset).toHaveBeenCalledWith(expect.objectContaining({ email: 'ada@example.com' }))
  })

  it("stops the browser's own submission of the form, which would put the address in the address bar", async () => {
    const user = userEvent.setup()
    const submits: boolean[] = []
    const onSubmit = (event: Event) => submits.push(event.defaultPrevented)
    document.addEventListener('submit', onSubmit)
    try {
      render(<CustomForgot adapter={fakeAdapter()} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
      await user.type(screen.getByRole('textbox', { name: 'Work email' }), 'ada@example.com')
      await user.click(screen.getByRole('button', { name: 'Go (idle)' }))
      await screen.findByRole('heading', { name: 'Sent' })
    } finally {
      document.removeEventListener('submit', onSubmit)
    }

    expect(submits).toEqual([true])
  })

  it('E3: reports a failure as an error code, never as sent', async () => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new ResetError('server', { cause: 'upstream said: user not found' })
      },
    })
    render(<CustomForgot adapter={adapter} redirectUrl={REDIRECT_URL} onError={onError} minDurationMs={0} />)

    await user.type(screen.getByRole('textbox', { name: 'Work email' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('server'))
    expect(screen.getByRole('button', { name: 'Go (error)' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Sent' })).not.toBeInTheDocument()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server' }))
  })

  it('wraps anything an adapter throws into a ResetError', async () => {
    const onError = vi.fn()
    const adapter = fakeAdapter({
      startReset: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const { result } = renderHook(() =>
      useForgotPassword({
        adapter,
        redirectUrl: REDIRECT_URL,
        defaultEmail: 'ada@example.com',
        onError,
        minDurationMs: 0,
      }),
    )

    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))

    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBeInstanceOf(ResetError)
    expect(result.current.error?.code).toBe('unknown')
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(ResetError)
    expect(result.current.view).toBe('form')
  })

  it('S2: sweeps expired verifier records from both storage areas on mount, keeping live ones', () => {
    const record = (expiresAt: number) =>
      JSON.stringify({
        v: 1,
        verifier: 'v'.repeat(43),
        challenge: 'c'.repeat(43),
        createdAt: 0,
        expiresAt,
        adapterId: 'other',
      })
    sessionStorage.setItem('reset-kit:expired:verifier', record(Date.now() - 1))
    localStorage.setItem('reset-kit:expired:verifier', record(Date.now() - 1))
    localStorage.setItem('reset-kit:live:verifier', record(Date.now() + 60_000))

    renderHook(() => useForgotPassword({ adapter: fakeAdapter(), redirectUrl: REDIRECT_URL }))

    expect(sessionStorage.getItem('reset-kit:expired:verifier')).toBeNull()
    expect(localStorage.getItem('reset-kit:expired:verifier')).toBeNull()
    expect(localStorage.getItem('reset-kit:live:verifier')).not.toBeNull()
  })

  it('D1: sends the redirectUrl and onSent of the latest render, not the ones it was first given', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const firstOnSent = vi.fn()
    const latestOnSent = vi.fn()
    const { rerender } = render(
      <CustomForgot adapter={adapter} redirectUrl={REDIRECT_URL} onSent={firstOnSent} minDurationMs={0} />,
    )

    rerender(
      <CustomForgot
        adapter={adapter}
        redirectUrl="https://app.example.com/new-reset"
        onSent={latestOnSent}
        minDurationMs={0}
      />,
    )
    await user.type(screen.getByRole('textbox', { name: 'Work email' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))

    await screen.findByRole('heading', { name: 'Sent' })
    expect(adapter.startReset).toHaveBeenCalledWith(
      expect.objectContaining({ redirectUrl: 'https://app.example.com/new-reset' }),
    )
    expect(latestOnSent).toHaveBeenCalledWith({ email: 'ada@example.com', resent: false })
    expect(firstOnSent).not.toHaveBeenCalled()
  })

  it('after useAnotherEmail, sends to the new address and confirms it, as a first send', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const onSent = vi.fn()
    render(<CustomForgot adapter={adapter} redirectUrl={REDIRECT_URL} onSent={onSent} minDurationMs={0} />)
    await user.type(screen.getByRole('textbox', { name: 'Work email' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))
    await screen.findByRole('heading', { name: 'Sent' })

    await user.click(screen.getByRole('button', { name: 'Change address' }))
    const field = screen.getByRole('textbox', { name: 'Work email' })
    await user.clear(field)
    await user.type(field, 'grace@example.com')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))

    expect(await screen.findByRole('status')).toHaveTextContent('grace@example.com · success')
    expect(screen.getByRole('button', { name: 'Wait 60s' })).toHaveAttribute('aria-disabled', 'true')
    expect(onSent).toHaveBeenLastCalledWith({ email: 'grace@example.com', resent: false })
  })

  it('R3: a form error goes when the user edits the address, and when the address is sent again', async () => {
    const user = userEvent.setup()
    let finish!: () => void
    const adapter = fakeAdapter()
    adapter.startReset
      .mockRejectedValueOnce(new ResetError('network'))
      .mockRejectedValueOnce(new ResetError('network'))
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
    render(<CustomForgot adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />)
    const field = screen.getByRole('textbox', { name: 'Work email' })
    await user.type(field, 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('network'))

    await user.type(field, '.uk')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()

    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('network'))
    await user.click(screen.getByRole('button', { name: 'Go (error)' }))
    expect(screen.getByRole('button', { name: 'Go (pending)' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    await act(async () => finish())
    await screen.findByRole('heading', { name: 'Sent' })
  })

  it("E3: an email error on a resend is shown as the form's error, since the sent view has no field", async () => {
    const adapter = fakeAdapter()
    adapter.startReset
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new ResetError('invalid_email', { field: 'email' }))
    const { result } = renderHook(() =>
      useForgotPassword({
        adapter,
        redirectUrl: REDIRECT_URL,
        defaultEmail: 'ada@example.com',
        resendCooldownSeconds: 0,
        minDurationMs: 0,
      }),
    )
    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))
    await waitFor(() => expect(result.current.view).toBe('sent'))

    act(() => result.current.resend())

    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error?.code).toBe('invalid_email')
    expect(result.current.emailError).toBeUndefined()
  })

  it('R1: a 429 on a resend holds "send again" too: it is aria-disabled and a click sends nothing', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    adapter.startReset
      .mockResolvedValueOnce(undefined)
      .mockRejectedValueOnce(new ResetError('rate_limited', { retryAfterSeconds: 120 }))
    render(<CustomForgot adapter={adapter} redirectUrl={REDIRECT_URL} resendCooldownSeconds={0} minDurationMs={0} />)
    await user.type(screen.getByRole('textbox', { name: 'Work email' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Go (idle)' }))
    await user.click(await screen.findByRole('button', { name: 'Resend' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ada@example.com · error'))

    expect(screen.getByRole('button', { name: 'Resend' })).toHaveAttribute('aria-disabled', 'true')
    await user.click(screen.getByRole('button', { name: 'Resend' }))
    expect(adapter.startReset).toHaveBeenCalledTimes(2)
  })

  it('useAnotherEmail drops the cooldown of the address left behind', async () => {
    const { result } = renderHook(() =>
      useForgotPassword({
        adapter: fakeAdapter(),
        redirectUrl: REDIRECT_URL,
        defaultEmail: 'ada@example.com',
        minDurationMs: 0,
      }),
    )
    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))
    await waitFor(() => expect(result.current.resendSeconds).toBe(60))

    act(() => result.current.useAnotherEmail())

    expect(result.current).toMatchObject({ view: 'form', status: 'idle', resendSeconds: 0 })
  })

  it("A2: a field error the backend gave goes when the address is sent again, so the sent view's status is success", async () => {
    const adapter = fakeAdapter()
    adapter.startReset.mockRejectedValueOnce(new ResetError('invalid_email', { field: 'email' }))
    const { result } = renderHook(() =>
      useForgotPassword({ adapter, redirectUrl: REDIRECT_URL, defaultEmail: 'ada@example.com', minDurationMs: 0 }),
    )
    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))
    await waitFor(() => expect(result.current.emailError).toBe('invalid_email'))

    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))

    await waitFor(() => expect(result.current.view).toBe('sent'))
    expect(result.current).toMatchObject({ status: 'success', emailError: undefined })
  })

  it("useAnotherEmail drops a resend's error", async () => {
    const adapter = fakeAdapter()
    adapter.startReset.mockResolvedValueOnce(undefined).mockRejectedValueOnce(new ResetError('server'))
    const { result } = renderHook(() =>
      useForgotPassword({
        adapter,
        redirectUrl: REDIRECT_URL,
        defaultEmail: 'ada@example.com',
        resendCooldownSeconds: 0,
        minDurationMs: 0,
      }),
    )
    await act(async () => result.current.getFormProps().onSubmitCapture(submitEvent()))
    await waitFor(() => expect(result.current.view).toBe('sent'))
    act(() => result.current.resend())
    await waitFor(() => expect(result.current.error?.code).toBe('server'))

    act(() => result.current.useAnotherEmail())

    expect(result.current).toMatchObject({ view: 'form', status: 'idle', error: undefined })
  })

  it('throws a TypeError naming ResetKitProvider when there is no adapter', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const onError = vi.fn()

    render(
      <Catch onError={onError}>
        <CustomForgot redirectUrl={REDIRECT_URL} />
      </Catch>,
    )

    expect(onError.mock.calls[0]![0]).toBeInstanceOf(TypeError)
    expect((onError.mock.calls[0]![0] as TypeError).message).toMatch(/ResetKitProvider/)
  })
})
