import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Activity, Component, type ReactNode } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError } from '../../src/core/ResetError'
import type { VerifierStore } from '../../src/core/VerifierStore'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import { choosePassword } from './choosePassword'

// React 19.2's <Activity> hides a tree by cleaning up its effects, keeps its state and DOM, and
// runs the effects again when it is shown. Next.js keeps visited routes in one (`cacheComponents`),
// so a user who leaves the page mid-request and comes Back meets the same instance again. (React
// 18 has no <Activity>: the react18 project leaves this file out.)

const REDIRECT_URL = 'https://app.example.com/reset-password'
const FORGOT_URL = '/forgot-password'

type Call<I> = { input: I; resolve: () => void; reject: (reason: unknown) => void }

/** An adapter method whose calls the test answers by hand, like a server taking its time. */
function answeredByHand<I extends { signal: AbortSignal }>() {
  const calls: Call<I>[] = []
  const method = vi.fn(
    (input: I) => new Promise<void>((resolve, reject) => void calls.push({ input, resolve, reject })),
  )
  return { method, calls }
}

function adapterWith(methods: Partial<ResetAdapter> = {}): ResetAdapter {
  return {
    id: 'test',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn(async () => {}),
    completeReset: vi.fn(async () => {}),
    ...methods,
  }
}

/** Renders `ui` inside <Activity>, with `hide` and `show` to flip it. */
function inActivity(ui: () => ReactNode) {
  const tree = (mode: 'visible' | 'hidden') => <Activity mode={mode}>{ui()}</Activity>
  const view = render(tree('visible'))
  return {
    hide: () => act(async () => view.rerender(tree('hidden'))),
    show: () => act(async () => view.rerender(tree('visible'))),
  }
}

function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((settle, fail) => ((resolve = settle), (reject = fail)))
  return { promise, resolve, reject }
}

/** A host's error boundary: what it catches replaces the page. */
class Boundary extends Component<{ children: ReactNode }, { failed?: unknown }> {
  override state: { failed?: unknown } = {}
  static getDerivedStateFromError(failed: unknown) {
    return { failed }
  }
  override render() {
    return this.state.failed ? <p>The page crashed</p> : this.props.children
  }
}

/** A host QueryClient whose MutationCache reporter throws after every success. */
function reporterThatThrows() {
  return new QueryClient({
    mutationCache: new MutationCache({
      onSettled: (_data, error) => {
        if (!error) throw new Error('reporter down')
      },
    }),
  })
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('<ForgotPasswordForm> hidden and shown again by <Activity>', () => {
  async function submit(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
  }

  it('a request answered while hidden shows its confirmation once shown, and reports it then, not before', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const start = answeredByHand<Parameters<ResetAdapter['startReset']>[0]>()
    const onSent = vi.fn()
    const activity = inActivity(() => (
      <ForgotPasswordForm
        adapter={adapterWith({ startReset: start.method })}
        redirectUrl={REDIRECT_URL}
        minDurationMs={0}
        onSent={onSent}
      />
    ))
    await submit(user)
    await activity.hide()
    expect(start.calls[0]!.input.signal.aborted).toBe(false)
    await act(async () => start.calls[0]!.resolve())
    await settle()
    expect(onSent).not.toHaveBeenCalled()

    await activity.show()
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(onSent).toHaveBeenCalledExactlyOnceWith({ email: 'ada@example.com', resent: false })
    expect(start.method).toHaveBeenCalledTimes(1)
  })

  it('an answer that came before hiding, still waiting out minDurationMs, shows its confirmation once shown', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const startReset = vi.fn(async () => {})
    const activity = inActivity(() => (
      <ForgotPasswordForm adapter={adapterWith({ startReset })} redirectUrl={REDIRECT_URL} minDurationMs={200} />
    ))
    await submit(user)
    await act(async () => {})
    expect(startReset).toHaveBeenCalledTimes(1)
    await activity.hide()
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)))
    await activity.show()
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(startReset).toHaveBeenCalledTimes(1)
  })

  it('a resend cooldown hidden for 20 of its 60 seconds reads 40 the moment it is shown', async () => {
    window.history.replaceState(null, '', '/forgot')
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const activity = inActivity(() => (
      <ForgotPasswordForm adapter={adapterWith()} redirectUrl={REDIRECT_URL} minDurationMs={0} />
    ))
    await submit(user)
    await screen.findByText('You can send the email again in 60 seconds.')
    await activity.hide()
    await act(() => vi.advanceTimersByTimeAsync(20_000))
    await activity.show()
    expect(screen.getByText(/You can send the email again in/)).toHaveTextContent('in 40 seconds')
  })

  it('a rate-limit alert is not rewritten (and so not announced again) when the form is shown again', async () => {
    window.history.replaceState(null, '', '/forgot')
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const startReset = vi.fn(async () => {
      throw new ResetError('rate_limited', { retryAfterSeconds: 30 })
    })
    const activity = inActivity(() => (
      <ForgotPasswordForm adapter={adapterWith({ startReset })} redirectUrl={REDIRECT_URL} minDurationMs={0} />
    ))
    await submit(user)
    const alert = await screen.findByText('Too many attempts. Please wait 30 seconds, then try again.')
    const rewrites: string[] = []
    const observer = new MutationObserver(() => rewrites.push(alert.textContent ?? ''))
    observer.observe(alert, { subtree: true, childList: true, characterData: true })
    await activity.hide()
    await act(() => vi.advanceTimersByTimeAsync(10_000))
    await activity.show()
    await act(() => vi.advanceTimersByTimeAsync(100))
    observer.disconnect()
    expect(rewrites).toEqual([])
    expect(screen.getByRole('button', { name: 'Send reset link' })).toHaveAttribute('aria-disabled', 'true')
  })
  it('a request for an adapter replaced while the form was hidden changes nothing when shown, as when visible', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const answer = deferred()
    const onSent = vi.fn()
    let adapter = adapterWith({ startReset: vi.fn(() => answer.promise) })
    const tree = (mode: 'visible' | 'hidden') => (
      <Activity mode={mode}>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} onSent={onSent} />
      </Activity>
    )
    const view = render(tree('visible'))
    await submit(user)
    await act(async () => view.rerender(tree('hidden')))
    adapter = { ...adapterWith(), id: 'other' }
    await act(async () => view.rerender(tree('hidden')))
    await act(async () => answer.resolve())
    await act(async () => view.rerender(tree('visible')))
    await settle()
    expect(onSent).not.toHaveBeenCalled()
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
  })

  it('a failure while hidden, across two hide-and-show rounds, is shown and reported once', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const answer = deferred()
    const onError = vi.fn()
    const activity = inActivity(() => (
      <ForgotPasswordForm
        adapter={adapterWith({ startReset: vi.fn(() => answer.promise) })}
        redirectUrl={REDIRECT_URL}
        minDurationMs={0}
        onError={onError}
      />
    ))
    await submit(user)
    await activity.hide()
    await activity.show()
    await activity.hide()
    await act(async () => answer.reject(new ResetError('network')))
    await settle()
    expect(onError).not.toHaveBeenCalled()
    await activity.show()
    await settle()
    await activity.hide()
    await activity.show()
    await settle()
    expect(onError).toHaveBeenCalledOnce()
    expect(screen.getByRole('alert')).toHaveTextContent("We couldn't reach the server.")
    expect(screen.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
  })

  it('a form mounted while the sender is hidden keeps its own form, and the sender, shown again, shows its answer once', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const start = answeredByHand<Parameters<ResetAdapter['startReset']>[0]>()
    const adapter = adapterWith({ startReset: start.method })
    const onSent = { sender: vi.fn(), other: vi.fn() }
    const tree = (mode: 'visible' | 'hidden', other: boolean) => (
      <>
        <Activity mode={mode}>
          <section aria-label="sender">
            <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} onSent={onSent.sender} />
          </section>
        </Activity>
        {other ? (
          <section aria-label="other">
            <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} onSent={onSent.other} />
          </section>
        ) : null}
      </>
    )
    const view = render(tree('visible', false))
    await submit(user)
    await act(async () => view.rerender(tree('hidden', false)))
    // Another route's form, in a later commit: the sender is still there to show its answer.
    await act(async () => view.rerender(tree('hidden', true)))
    const other = within(screen.getByRole('region', { name: 'other' }))
    expect(other.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
    await act(async () => start.calls[0]!.resolve())
    await settle()
    expect(onSent.sender).not.toHaveBeenCalled()

    await act(async () => view.rerender(tree('visible', true)))
    await settle()
    expect(screen.getByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
    expect(other.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(onSent.sender).toHaveBeenCalledExactlyOnceWith({ email: 'ada@example.com', resent: false })
    expect(onSent.other).not.toHaveBeenCalled()
    expect(start.method).toHaveBeenCalledOnce()
  })

  it('a request taken up by a form mounted as the sender was hidden, then abandoned by the sender, is dropped by both', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const start = answeredByHand<Parameters<ResetAdapter['startReset']>[0]>()
    // The adapter gives up on an aborted request, as fetch does.
    start.method.mockImplementation(
      (input) =>
        new Promise<void>((resolve, reject) => {
          start.calls.push({ input, resolve, reject })
          input.signal.addEventListener('abort', () => reject(input.signal.reason))
        }),
    )
    const adapter = adapterWith({ startReset: start.method })
    const onError = vi.fn()
    const onSent = vi.fn()
    const tree = (mode: 'visible' | 'hidden', other: boolean) => (
      <>
        <Activity mode={mode}>
          <section aria-label="sender">
            <ForgotPasswordForm
              adapter={adapter}
              redirectUrl={REDIRECT_URL}
              minDurationMs={0}
              resendCooldownSeconds={0}
            />
          </section>
        </Activity>
        {other ? (
          <section aria-label="other">
            <ForgotPasswordForm
              adapter={adapter}
              redirectUrl={REDIRECT_URL}
              minDurationMs={0}
              onSent={onSent}
              onError={onError}
            />
          </section>
        ) : null}
      </>
    )
    const view = render(tree('visible', false))
    await submit(user)
    await act(async () => start.calls[0]!.resolve())
    await user.click(await screen.findByRole('button', { name: 'Send the email again' }))
    // Hidden, and the other form mounted, in one commit: the other takes the resend up.
    await act(async () => view.rerender(tree('hidden', true)))
    const other = within(screen.getByRole('region', { name: 'other' }))
    expect(other.getByRole('button', { name: 'Sending link…' })).toBeInTheDocument()

    await act(async () => view.rerender(tree('visible', true)))
    const sender = within(screen.getByRole('region', { name: 'sender' }))
    await user.click(sender.getByRole('button', { name: 'Use a different email address' }))
    await settle()

    expect(other.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
    expect(other.getByRole('alert')).toBeEmptyDOMElement()
    expect(onError).not.toHaveBeenCalled()
    expect(onSent).not.toHaveBeenCalled()
  })

  it('a form beside the sender since before it sent, hidden and shown again mid-request, keeps its own form', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const start = answeredByHand<Parameters<ResetAdapter['startReset']>[0]>()
    const adapter = adapterWith({ startReset: start.method })
    const onSent = vi.fn()
    const tree = (mode: 'visible' | 'hidden') => (
      <>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
        <Activity mode={mode}>
          <section aria-label="beside">
            <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} onSent={onSent} />
          </section>
        </Activity>
      </>
    )
    const view = render(tree('visible'))
    await user.type(screen.getAllByRole('textbox', { name: 'Email address' })[0]!, 'ada@example.com')
    await user.click(screen.getAllByRole('button', { name: 'Send reset link' })[0]!)
    await act(async () => view.rerender(tree('hidden')))
    await act(async () => view.rerender(tree('visible')))
    const beside = within(screen.getByRole('region', { name: 'beside' }))
    expect(beside.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
    await act(async () => start.calls[0]!.resolve())
    await screen.findByRole('heading', { name: 'Check your email' })
    await settle()
    expect(beside.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(onSent).not.toHaveBeenCalled()
  })

  it('a form re-keyed mid-request, hidden when the answer comes, shows it once shown', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const start = answeredByHand<Parameters<ResetAdapter['startReset']>[0]>()
    const adapter = adapterWith({ startReset: start.method })
    const onSent = vi.fn()
    let key = 'en'
    const activity = inActivity(() => (
      <ForgotPasswordForm key={key} adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} onSent={onSent} />
    ))
    await submit(user)
    // The host re-keys the form (a language switch) while the email is on its way.
    key = 'fr'
    await activity.show()
    await activity.hide()
    await act(async () => start.calls[0]!.resolve())
    await settle()
    expect(onSent).not.toHaveBeenCalled()

    await activity.show()
    await screen.findByRole('heading', { name: 'Check your email' })
    await activity.hide()
    await activity.show()
    await settle()
    expect(onSent).toHaveBeenCalledExactlyOnceWith({ email: 'ada@example.com', resent: false })
  })
})

describe("the kit's outcome inside a host QueryClient whose MutationCache callbacks throw or wait", () => {
  it('<ResetPasswordPage>: the success screen does not wait for a slow MutationCache onSettled (invalidateQueries)', async () => {
    window.history.replaceState(null, '', '/reset?token=tok_123')
    const user = userEvent.setup()
    const invalidation = deferred()
    const queryClient = new QueryClient({ mutationCache: new MutationCache({ onSettled: () => invalidation.promise }) })
    const onSuccess = vi.fn()
    render(
      <QueryClientProvider client={queryClient}>
        <ResetPasswordPage adapter={adapterWith()} forgotPasswordUrl={FORGOT_URL} onSuccess={onSuccess} />
      </QueryClientProvider>,
    )
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(onSuccess).toHaveBeenCalledOnce()
    await act(async () => invalidation.resolve())
  })

  it('<ForgotPasswordForm>: the email went out, so the confirmation shows and onSent is called', async () => {
    window.history.replaceState(null, '', '/forgot')
    const user = userEvent.setup()
    const onSent = vi.fn()
    const onError = vi.fn()
    render(
      <QueryClientProvider client={reporterThatThrows()}>
        <ForgotPasswordForm
          adapter={adapterWith()}
          redirectUrl={REDIRECT_URL}
          minDurationMs={0}
          onSent={onSent}
          onError={onError}
        />
      </QueryClientProvider>,
    )
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    await screen.findByRole('heading', { name: 'Check your email' })
    await settle()
    expect(onSent).toHaveBeenCalledOnce()
    expect(onError).not.toHaveBeenCalled()
  })

  it('<ResetPasswordPage>: the password changed, so the success screen shows and onSuccess is called', async () => {
    window.history.replaceState(null, '', '/reset?token=tok_123')
    const user = userEvent.setup()
    const onSuccess = vi.fn()
    const onError = vi.fn()
    render(
      <QueryClientProvider client={reporterThatThrows()}>
        <ResetPasswordPage
          adapter={adapterWith()}
          forgotPasswordUrl={FORGOT_URL}
          onSuccess={onSuccess}
          onError={onError}
        />
      </QueryClientProvider>,
    )
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    await settle()
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(onError).not.toHaveBeenCalled()
  })
})

describe('<ResetPasswordPage> hidden and shown again by <Activity>', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/reset?token=tok_123')
  })

  it('a password change answered while hidden shows success once shown, and reports it then, not before', async () => {
    const user = userEvent.setup()
    const complete = answeredByHand<Parameters<ResetAdapter['completeReset']>[0]>()
    const onSuccess = vi.fn()
    const activity = inActivity(() => (
      <ResetPasswordPage
        adapter={adapterWith({ completeReset: complete.method })}
        forgotPasswordUrl={FORGOT_URL}
        onSuccess={onSuccess}
      />
    ))
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await activity.hide()
    expect(complete.calls[0]!.input.signal.aborted).toBe(false)
    await act(async () => complete.calls[0]!.resolve())
    await settle()
    expect(onSuccess).not.toHaveBeenCalled()

    await activity.show()
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(complete.method).toHaveBeenCalledTimes(1)
  })

  it('a link already checked is not checked again when shown, and the typed passwords stay', async () => {
    const user = userEvent.setup()
    const checkToken = vi.fn(async () => {})
    const activity = inActivity(() => (
      <ResetPasswordPage adapter={adapterWith({ checkToken })} forgotPasswordUrl={FORGOT_URL} />
    ))
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await user.type(screen.getByLabelText('New password'), 'correct horse battery')
    for (let round = 0; round < 3; round++) {
      await activity.hide()
      await activity.show()
    }
    await settle()
    expect(checkToken).toHaveBeenCalledTimes(1)
    expect(screen.getByLabelText('New password')).toHaveValue('correct horse battery')
  })

  it('a check that hiding cut short is made again when shown', async () => {
    const check = answeredByHand<Parameters<NonNullable<ResetAdapter['checkToken']>>[0]>()
    const activity = inActivity(() => (
      <ResetPasswordPage adapter={adapterWith({ checkToken: check.method })} forgotPasswordUrl={FORGOT_URL} />
    ))
    await settle()
    expect(check.calls).toHaveLength(1)
    await activity.hide()
    expect(check.calls[0]!.input.signal.aborted).toBe(true)
    await activity.show()
    await settle()
    expect(check.calls).toHaveLength(2)
    await act(async () => check.calls[1]!.resolve())
    await screen.findByRole('heading', { name: 'Choose a new password' })
  })

  it('a dead link is reported once, and not checked again, however often it is shown', async () => {
    const checkToken = vi.fn(async () => {
      throw new ResetError('token_expired')
    })
    const onError = vi.fn()
    const activity = inActivity(() => (
      <ResetPasswordPage adapter={adapterWith({ checkToken })} forgotPasswordUrl={FORGOT_URL} onError={onError} />
    ))
    await screen.findByRole('heading', { name: 'This link has expired' })
    await activity.hide()
    await activity.show()
    await settle()
    expect(screen.getByRole('heading', { name: 'This link has expired' })).toBeInTheDocument()
    expect(checkToken).toHaveBeenCalledOnce()
    expect(onError).toHaveBeenCalledOnce()
  })

  it('the success screen stays when shown again after the host moved to a history entry of its own', async () => {
    const user = userEvent.setup()
    const activity = inActivity(() => <ResetPasswordPage adapter={adapterWith()} forgotPasswordUrl={FORGOT_URL} />)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    await activity.hide()
    window.history.pushState(null, '', '/elsewhere')
    await activity.show()
    await settle()
    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
  })

  it('a dead link hidden while its clean-up waits on a slow store gets its screen when shown, not "checking" for good', async () => {
    const load = deferred<undefined>()
    const store: VerifierStore = { load: () => load.promise, save: async () => {}, remove: async () => {} }
    const checkToken = vi.fn(async () => {
      throw new ResetError('token_expired')
    })
    const activity = inActivity(() => (
      <ResetKitProvider verifierStorage={store}>
        <ResetPasswordPage adapter={adapterWith({ pkce: true, checkToken })} forgotPasswordUrl={FORGOT_URL} />
      </ResetKitProvider>
    ))
    await settle()
    expect(checkToken).toHaveBeenCalledOnce()
    await activity.hide()
    await act(async () => load.resolve(undefined))
    await activity.show()
    await screen.findByRole('heading', { name: 'This link has expired' })
    expect(checkToken).toHaveBeenCalledOnce()
  })

  it("a host's onSuccess that throws, run when the page is shown, does not take the page down", async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const activity = inActivity(() => (
      <Boundary>
        <ResetPasswordPage
          adapter={adapterWith({ completeReset: vi.fn(() => answer.promise) })}
          forgotPasswordUrl={FORGOT_URL}
          onSuccess={() => {
            throw new Error('host bug')
          }}
        />
      </Boundary>
    ))
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    await activity.hide()
    await act(async () => answer.resolve())
    // The outcome runs from a timer once shown: the host's throw leaves from there (to the
    // window's error handler in a browser), not from a React effect.
    vi.useFakeTimers()
    await activity.show()
    act(() => expect(() => vi.runOnlyPendingTimers()).toThrow('host bug'))
    vi.useRealTimers()
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(screen.queryByText('The page crashed')).toBeNull()
  })

  it('a page re-keyed mid-request, its check cut short by the answer, does not check the spent link again when shown', async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const laterCheck = deferred()
    const checkToken = vi.fn(async () => {
      // The first page's check passes at once; the re-keyed page's waits until after the answer.
      if (checkToken.mock.calls.length > 1) await laterCheck.promise
    })
    const adapter = adapterWith({ completeReset: vi.fn(() => answer.promise), checkToken })
    let key = 'en'
    const activity = inActivity(() => (
      <ResetPasswordPage key={key} adapter={adapter} token="tok_rekeyed" forgotPasswordUrl={FORGOT_URL} />
    ))
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    // The host re-keys the page (a language switch) while the password is on its way.
    key = 'fr'
    await activity.show()
    await settle()
    expect(checkToken).toHaveBeenCalledTimes(2)
    await act(async () => answer.resolve())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    await act(async () => laterCheck.resolve())

    await activity.hide()
    await activity.show()
    await settle()
    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).toBeNull()
    expect(checkToken).toHaveBeenCalledTimes(2)
  })

  it('a success that comes in after an unmount still marks the link done for the same `token` prop', async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const adapter = adapterWith({ completeReset: vi.fn(() => answer.promise), checkToken: vi.fn(async () => {}) })
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} token="tok_path" />)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await choosePassword(user)
    first.unmount()
    await act(async () => answer.resolve())
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} token="tok_path" />)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
  })
})
