import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useEffect } from 'react'
import { ResetError } from '../../src/core/ResetError'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import type { VerifierStore } from '../../src/core/VerifierStore'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'
import { errorMessage } from '../../src/react/errorMessage'
import {
  useResetPassword,
  type UseResetPasswordOptions,
  type UseResetPasswordReturn,
} from '../../src/react/useResetPassword'

const TOKEN_KEY = 'reset-kit:test:token'

function fakeAdapter(options: { pkce?: boolean; completeReset?: ResetAdapter['completeReset'] } = {}) {
  return {
    id: 'test',
    pkce: options.pkce ?? false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(options.completeReset ?? (async () => {})),
  } satisfies ResetAdapter
}

/** A custom UI built only from what the hook returns. */
function CustomReset(props: UseResetPasswordOptions) {
  const reset = useResetPassword(props)
  return (
    <main>
      <h1>{reset.view}</h1>
      {reset.view === 'ready' ? (
        <form {...reset.getFormProps()} aria-label="New password form">
          <label>
            Password
            <input
              {...reset.getPasswordInputProps()}
              aria-describedby={reset.passwordError ? 'password-error' : undefined}
            />
          </label>
          {reset.passwordError ? <p id="password-error">{reset.passwordError}</p> : null}
          {reset.requireConfirmation ? (
            <label>
              Again
              <input {...reset.getConfirmInputProps()} />
            </label>
          ) : null}
          {reset.confirmError ? <p>{reset.confirmError}</p> : null}
          <button {...reset.getToggleButtonProps()}>Reveal</button>
          <button {...reset.getSubmitButtonProps()}>{reset.pending ? 'Saving' : 'Save'}</button>
        </form>
      ) : null}
      <p role="alert">{reset.error ? reset.error.code : ''}</p>
      {reset.view === 'check_failed' ? (
        <button type="button" onClick={reset.retryCheck}>
          Retry
        </button>
      ) : null}
    </main>
  )
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/reset?token=tok_123&utm_source=mail')
})

afterEach(() => {
  vi.restoreAllMocks()
  window.history.replaceState(null, '', '/')
})

describe('useResetPassword', () => {
  it('T1: reads the token during the first commit, then becomes ready with prop getters', async () => {
    const adapter = fakeAdapter()
    const { result } = renderHook(() => useResetPassword({ adapter }))

    expect(window.location.search).toBe('?utm_source=mail')
    await waitFor(() => expect(result.current.view).toBe('ready'))
    expect(result.current).toMatchObject({
      error: undefined,
      passwordError: undefined,
      confirmError: undefined,
      pending: false,
      showPassword: false,
      minLength: 8,
      maxLength: undefined,
      requireConfirmation: true,
      locale: 'en',
      adapter,
    })
    expect(result.current.getPasswordInputProps()).toMatchObject({
      name: 'password',
      type: 'password',
      autoComplete: 'new-password',
      required: true,
    })
    expect(result.current.getPasswordInputProps()).not.toHaveProperty('maxLength')
    expect(result.current.getConfirmInputProps()).toMatchObject({ name: 'confirmPassword', type: 'password' })
    expect(result.current.getToggleButtonProps()).toMatchObject({ type: 'button', 'aria-pressed': false })
    expect(result.current.getSubmitButtonProps()).toEqual({ type: 'submit', 'aria-disabled': undefined })
    expect(result.current.t('reset.title')).toBe('Choose a new password')
  })

  it('checks the link once when the adapter object is re-created on every render', async () => {
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {})
    const { result, rerender } = renderHook(() => useResetPassword({ adapter: { ...fakeAdapter(), checkToken } }))

    await waitFor(() => expect(result.current.view).toBe('ready'))
    rerender()
    rerender()

    expect(result.current.view).toBe('ready')
    expect(checkToken).toHaveBeenCalledTimes(1)
  })

  it('checks the link again with the adapter of the latest render, not the first', async () => {
    const user = userEvent.setup()
    const first = {
      ...fakeAdapter(),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
        throw new ResetError('server')
      }),
    }
    const latest = { ...fakeAdapter(), checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}) }
    const { rerender } = render(<CustomReset adapter={first} />)
    await screen.findByRole('heading', { name: 'check_failed' })

    rerender(<CustomReset adapter={latest} />)
    await user.click(screen.getByRole('button', { name: 'Retry' }))

    await screen.findByRole('heading', { name: 'ready' })
    expect(first.checkToken).toHaveBeenCalledTimes(1)
    expect(latest.checkToken).toHaveBeenCalledTimes(1)
  })

  it('reads the link again for a new adapter id, and checks the token that adapter finds', async () => {
    const withId = (id: string) => ({
      ...fakeAdapter(),
      id,
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}),
    })
    const first = withId('first')
    const second = withId('second')
    const { result, rerender } = renderHook((adapter: ResetAdapter) => useResetPassword({ adapter }), {
      initialProps: first,
    })
    await waitFor(() => expect(result.current.view).toBe('ready'))

    window.history.replaceState(null, '', '/reset?token=tok_456')
    rerender(second)

    await waitFor(() => expect(second.checkToken).toHaveBeenCalledTimes(1))
    expect(second.checkToken.mock.calls[0]?.[0].token).toBe('tok_456')
    await waitFor(() => expect(result.current.view).toBe('ready'))
    expect(window.location.search).toBe('')
    expect(first.checkToken).toHaveBeenCalledTimes(1)
  })

  it('calls the onSuccess of the latest render, not the one it was first given', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const firstOnSuccess = vi.fn()
    const latestOnSuccess = vi.fn()
    const { rerender } = render(<CustomReset adapter={adapter} onSuccess={firstOnSuccess} />)
    await screen.findByRole('heading', { name: 'ready' })

    rerender(<CustomReset adapter={adapter} onSuccess={latestOnSuccess} />)
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Again'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { name: 'success' })
    expect(latestOnSuccess).toHaveBeenCalledTimes(1)
    expect(firstOnSuccess).not.toHaveBeenCalled()
  })

  it('S2: sweeps expired verifier records from both storage areas when it reads the link, keeping live ones', async () => {
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

    const { result } = renderHook(() => useResetPassword({ adapter: fakeAdapter() }))
    await waitFor(() => expect(result.current.view).toBe('ready'))

    expect(sessionStorage.getItem('reset-kit:expired:verifier')).toBeNull()
    expect(localStorage.getItem('reset-kit:expired:verifier')).toBeNull()
    expect(localStorage.getItem('reset-kit:live:verifier')).not.toBeNull()
  })

  it('P5: a link found dead at check time shows its screen only once an async verifier store has removed the record', async () => {
    let finishRemoval!: () => void
    const store: VerifierStore = {
      load: async () => undefined,
      save: async () => {},
      remove: vi.fn(() => new Promise<void>((resolve) => (finishRemoval = resolve))),
    }
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
      throw new ResetError('token_expired')
    })
    render(
      <ResetKitProvider verifierStorage={store}>
        <CustomReset adapter={{ ...fakeAdapter({ pkce: true }), checkToken }} />
      </ResetKitProvider>,
    )

    await waitFor(() => expect(store.remove).toHaveBeenCalledWith('test'))
    await act(async () => {})
    expect(screen.getByRole('heading', { name: 'checking' })).toBeInTheDocument()

    await act(async () => finishRemoval())
    expect(screen.getByRole('heading', { name: 'link_expired' })).toBeInTheDocument()
  })

  it('A4: toggleShowPassword switches both inputs between hidden and shown', async () => {
    const { result } = renderHook(() => useResetPassword({ adapter: fakeAdapter() }))
    await waitFor(() => expect(result.current.view).toBe('ready'))

    act(() => result.current.toggleShowPassword())
    expect(result.current.showPassword).toBe(true)
    expect(result.current.getPasswordInputProps().type).toBe('text')
    expect(result.current.getConfirmInputProps().type).toBe('text')
    expect(result.current.getToggleButtonProps()['aria-pressed']).toBe(true)

    act(() => result.current.getToggleButtonProps().onClick())
    expect(result.current.getPasswordInputProps().type).toBe('password')
  })

  it('uses a token handed over by the router instead of reading the URL', async () => {
    window.history.replaceState(null, '', '/reset?utm_source=mail')
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<CustomReset adapter={adapter} token="tok_from_router" />)

    await screen.findByRole('heading', { name: 'ready' })
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Again'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { name: 'success' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok_from_router' }))
  })

  it('B2: maxLength reports a longer password instead of cutting it, and sends nothing', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<CustomReset adapter={adapter} maxLength={64} />)
    await screen.findByRole('heading', { name: 'ready' })
    const long = 'a'.repeat(65)

    await user.click(screen.getByLabelText('Password'))
    await user.paste(long)
    await user.click(screen.getByLabelText('Again'))
    await user.paste(long)
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('password_too_long')).toBeInTheDocument()
    expect(screen.getByLabelText('Password')).toHaveValue(long)
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('maxlength')
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('B2: sixty-four characters pass a maxLength of 64', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<CustomReset adapter={adapter} maxLength={64} requireConfirmation={false} />)
    await screen.findByRole('heading', { name: 'ready' })

    await user.click(screen.getByLabelText('Password'))
    await user.paste('😀'.repeat(64))
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { name: 'success' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ password: '😀'.repeat(64) }))
  })

  it('B2: a mismatch is a confirmError and nothing is sent', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<CustomReset adapter={adapter} />)
    await screen.findByRole('heading', { name: 'ready' })

    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Again'), 'Correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(await screen.findByText('password_mismatch')).toBeInTheDocument()
    expect(screen.getByLabelText('Again')).toHaveAttribute('aria-invalid', 'true')
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('exposes a failed check and retries it on retryCheck()', async () => {
    const user = userEvent.setup()
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {})
    checkToken.mockRejectedValueOnce(new ResetError('server'))
    render(<CustomReset adapter={{ ...fakeAdapter(), checkToken }} />)

    expect(screen.getByRole('heading', { name: 'checking' })).toBeInTheDocument()
    await screen.findByRole('heading', { name: 'check_failed' })
    expect(screen.getByRole('alert')).toHaveTextContent('server')

    await user.click(screen.getByRole('button', { name: 'Retry' }))

    await screen.findByRole('heading', { name: 'ready' })
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    expect(checkToken).toHaveBeenCalledTimes(2)
  })

  it('R3: a form error goes when the user edits a field, and when the password is sent again', async () => {
    const user = userEvent.setup()
    let finish!: () => void
    const adapter = fakeAdapter()
    adapter.completeReset
      .mockRejectedValueOnce(new ResetError('network'))
      .mockRejectedValueOnce(new ResetError('network'))
      .mockImplementationOnce(() => new Promise<void>((resolve) => (finish = resolve)))
    render(<CustomReset adapter={adapter} requireConfirmation={false} />)
    await user.type(await screen.findByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('network'))

    await user.type(screen.getByLabelText('Password'), '!')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()

    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('network'))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(screen.getByRole('button', { name: 'Saving' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    await act(async () => finish())
    await screen.findByRole('heading', { name: 'success' })
  })

  it("T3: stops the browser's own submission of the form, which would put the password in the address bar", async () => {
    const user = userEvent.setup()
    const submits: boolean[] = []
    const onSubmit = (event: Event) => submits.push(event.defaultPrevented)
    document.addEventListener('submit', onSubmit)
    try {
      render(<CustomReset adapter={fakeAdapter()} requireConfirmation={false} />)
      await user.type(await screen.findByLabelText('Password'), 'correct horse battery')
      await user.click(screen.getByRole('button', { name: 'Save' }))
      await screen.findByRole('heading', { name: 'success' })
    } finally {
      document.removeEventListener('submit', onSubmit)
    }

    expect(submits).toEqual([true])
  })

  it('P7: a PKCE adapter without a stored verifier ends in verifier_missing', async () => {
    const onError = vi.fn()
    const { result } = renderHook(() => useResetPassword({ adapter: fakeAdapter({ pkce: true }), onError }))

    await waitFor(() => expect(result.current.view).toBe('verifier_missing'))
    expect(result.current.error?.code).toBe('verifier_missing')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'verifier_missing' }))
  })

  it('T4: no token ends in link_invalid with code token_missing', async () => {
    window.history.replaceState(null, '', '/reset')
    const onError = vi.fn()
    const { result } = renderHook(() => useResetPassword({ adapter: fakeAdapter(), onError }))

    await waitFor(() => expect(result.current.view).toBe('link_invalid'))
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_missing' }))
  })

  it('A6: the submit button is aria-disabled while the password is being sent', async () => {
    const user = userEvent.setup()
    let finish!: () => void
    const adapter = fakeAdapter({ completeReset: () => new Promise<void>((resolve) => (finish = resolve)) })
    render(<CustomReset adapter={adapter} />)
    await screen.findByRole('heading', { name: 'ready' })

    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Again'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(screen.getByRole('button', { name: 'Saving' })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('form', { name: 'New password form' })).toHaveAttribute('aria-busy', 'true')
    await act(async () => finish())
    await screen.findByRole('heading', { name: 'success' })
  })
})

/**
 * A custom UI whose form stays on screen in every view, with the view as its status. `onRender`
 * counts its renders; `watch` gets `watchPassword` once it is stable.
 */
function KeptForm({
  onRender,
  watch,
  ...props
}: UseResetPasswordOptions & {
  onRender?: () => void
  watch?: (watchPassword: UseResetPasswordReturn['watchPassword']) => void
}) {
  onRender?.()
  const reset = useResetPassword(props)
  const { watchPassword } = reset
  useEffect(() => watch?.(watchPassword), [watch, watchPassword])
  return (
    <form {...reset.getFormProps()} aria-label="Kept form">
      <p role="status">{reset.view}</p>
      <label>
        Password
        <input {...reset.getPasswordInputProps()} />
      </label>
      <label>
        Again
        <input {...reset.getConfirmInputProps()} />
      </label>
      <button {...reset.getSubmitButtonProps()}>Save</button>
    </form>
  )
}

describe('useResetPassword while typing', () => {
  it("watchPassword hears each edit of the new password, and the hook's component does not re-render", async () => {
    const user = userEvent.setup()
    const heard: string[] = []
    let renders = 0
    let stop = () => {}
    const watch = (watchPassword: UseResetPasswordReturn['watchPassword']) => {
      stop = watchPassword((password) => heard.push(password))
    }
    render(<KeptForm adapter={fakeAdapter()} onRender={() => (renders += 1)} watch={watch} />)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ready'))
    const rendersWhenReady = renders

    await user.type(screen.getByLabelText('Password'), 'abc')
    await user.type(screen.getByLabelText('Again'), 'abc')
    stop()
    await user.type(screen.getByLabelText('Password'), 'd')

    expect(heard).toEqual(['a', 'ab', 'abc'])
    expect(renders).toBe(rendersWhenReady)
  })
})

describe('useResetPassword with a form that stays on screen', () => {
  it.each([
    { outcome: 'success', completeReset: async () => {} },
    {
      outcome: 'link_expired',
      completeReset: async () => {
        throw new ResetError('token_expired')
      },
    },
  ])(
    'empties both fields on $outcome, so the new password does not stay on the page',
    async ({ outcome, completeReset }) => {
      const user = userEvent.setup()
      render(<KeptForm adapter={fakeAdapter({ completeReset })} />)
      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ready'))

      await user.type(screen.getByLabelText('Password'), 'correct horse battery')
      await user.type(screen.getByLabelText('Again'), 'correct horse battery')
      await user.click(screen.getByRole('button', { name: 'Save' }))

      await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(outcome))
      expect(screen.getByLabelText('Password')).toHaveValue('')
      expect(screen.getByLabelText('Again')).toHaveValue('')
    },
  )
})

describe('useResetPassword clearing a form that stays on screen', () => {
  it('T7: tells watchPassword the password is gone once it has changed, so a strength hint beside the kept form empties too', async () => {
    const user = userEvent.setup()
    const heard: string[] = []
    const watch = (watchPassword: UseResetPasswordReturn['watchPassword']) => {
      watchPassword((password) => heard.push(password))
    }
    render(<KeptForm adapter={fakeAdapter()} watch={watch} />)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ready'))

    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Again'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('success'))
    expect(heard.at(-1)).toBe('')
  })
})

describe('useResetPassword after the token is spent', () => {
  it.each([
    { outcome: 'success', completeReset: async () => {} },
    {
      outcome: 'link_used',
      completeReset: async () => {
        throw new ResetError('token_used')
      },
    },
  ])('T7: a form that stays on screen sends nothing more after $outcome', async ({ outcome, completeReset }) => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({ completeReset })
    render(<KeptForm adapter={adapter} />)
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ready'))
    await user.type(screen.getByLabelText('Password'), 'correct horse battery')
    await user.type(screen.getByLabelText('Again'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(outcome))

    await user.type(screen.getByLabelText('Password'), 'another horse battery')
    await user.type(screen.getByLabelText('Again'), 'another horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })
})

describe('useResetPassword without a token', () => {
  it('a custom UI shows the kit’s own sentences for its error codes with the exported errorMessage', async () => {
    const user = userEvent.setup()
    function SentenceUi() {
      const reset = useResetPassword({ adapter: fakeAdapter(), minLength: 10 })
      const { t, textLocale } = reset
      if (reset.view !== 'ready') return null
      return (
        <form {...reset.getFormProps()}>
          <label>
            Password
            <input {...reset.getPasswordInputProps()} />
          </label>
          <label>
            Again
            <input {...reset.getConfirmInputProps()} />
          </label>
          <p>
            {reset.passwordError &&
              errorMessage(
                t,
                { code: reset.passwordError, details: { minLength: reset.minLength, ...reset.passwordDetails } },
                textLocale,
              )}
          </p>
          <p>{reset.confirmError && errorMessage(t, { code: reset.confirmError }, textLocale)}</p>
          <button {...reset.getSubmitButtonProps()}>Save</button>
        </form>
      )
    }
    render(<SentenceUi />)

    await user.type(await screen.findByLabelText('Password'), 'short')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Use at least 10 characters.')).toBeInTheDocument()

    await user.type(screen.getByLabelText('Password'), ' and longer')
    await user.type(screen.getByLabelText('Again'), 'something else')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(
      await screen.findByText("The passwords don't match. Type the same password in both fields."),
    ).toBeInTheDocument()
  })

  it('T5: exposes the error behind the link view a completion ends in, so a custom UI can tell a used link from an expired one', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      completeReset: async () => {
        throw new ResetError('token_used')
      },
    })
    render(<CustomReset adapter={adapter} requireConfirmation={false} />)
    await user.type(await screen.findByLabelText('Password'), 'correct horse battery')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByRole('heading', { name: 'link_used' })
    expect(screen.getByRole('alert')).toHaveTextContent('token_used')
  })

  it('exposes the error behind link_invalid, so a custom UI can tell a missing token from a bad one', async () => {
    window.history.replaceState(null, '', '/reset')
    const { result } = renderHook(() => useResetPassword({ adapter: fakeAdapter() }))
    await waitFor(() => expect(result.current.error?.code).toBe('token_missing'))
    expect(result.current.view).toBe('link_invalid')
  })
})
