// A <ForgotPasswordForm> the host re-keys while its email is on its way (`key={locale}` on a
// language switch, a router re-keying the route) is a new form: the old one, gone, hears the
// answer, so the new one takes the request up rather than offer an empty form for a second email.
import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetError } from '../../src/core/ResetError'
import { ForgotPasswordForm, type ForgotPasswordFormProps } from '../../src/react/ForgotPasswordForm'

const REDIRECT_URL = 'https://app.example.com/reset-password'

type StartInput = Parameters<ResetAdapter['startReset']>[0]

/** An adapter whose start requests the test answers by hand, like a server taking its time. */
function answeredByHand(id = 'test') {
  const calls: { input: StartInput; resolve: () => void; reject: (reason: unknown) => void }[] = []
  const adapter = {
    id,
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn(
      (input: StartInput) => new Promise<void>((resolve, reject) => void calls.push({ input, resolve, reject })),
    ),
    completeReset: vi.fn(async () => {}),
  } satisfies ResetAdapter
  return { adapter, calls }
}

function Form(props: Partial<ForgotPasswordFormProps> & Pick<ForgotPasswordFormProps, 'adapter'>) {
  return <ForgotPasswordForm redirectUrl={REDIRECT_URL} minDurationMs={0} {...props} />
}

/** Sends a link to `email` from the form in `scope` (the whole screen by default). */
async function send(
  user: ReturnType<typeof userEvent.setup>,
  email = 'ada@example.com',
  scope: ReturnType<typeof within> = screen,
) {
  await user.type(scope.getByRole('textbox', { name: 'Email address' }), email)
  await user.click(scope.getByRole('button', { name: 'Send reset link' }))
  await scope.findByRole('button', { name: 'Sending link…' })
}

/** Renders a form keyed "en", sends a link, answers it and sends it again: the resend is on its way. */
async function resending(
  user: ReturnType<typeof userEvent.setup>,
  adapter: ResetAdapter,
  calls: ReturnType<typeof answeredByHand>['calls'],
) {
  const view = render(<Form key="en" adapter={adapter} resendCooldownSeconds={0} />)
  await send(user)
  await act(async () => calls[0]!.resolve())
  await user.click(await screen.findByRole('button', { name: 'Send the email again' }))
  await screen.findByRole('button', { name: 'Sending link…' })
  return view
}

/** The form in `scope` shows its own first screen, and the host heard of no email from it. */
function expectOwnForm(scope: ReturnType<typeof within>, onSent: ReturnType<typeof vi.fn>) {
  expect(scope.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
  expect(onSent).not.toHaveBeenCalled()
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)))

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/forgot')
})

afterEach(() => {
  vi.useRealTimers()
})

describe('<ForgotPasswordForm> re-keyed while its email is on its way', () => {
  it('the new form shows itself sending, then the confirmation for that address, and calls its own onSent once', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = { en: vi.fn(), fr: vi.fn() }
    const { rerender } = render(<Form key="en" adapter={adapter} onSent={onSent.en} />)
    await send(user)

    rerender(<Form key="fr" adapter={adapter} onSent={onSent.fr} />)
    expect(await screen.findByRole('button', { name: 'Sending link…' })).toHaveAttribute('aria-disabled', 'true')
    await act(async () => calls[0]!.resolve())

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
    expect(screen.getByText(/If an account exists for ada@example\.com,/)).toBeInTheDocument()
    expect(screen.getByText('You can send the email again in 60 seconds.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Send the email again' })).toHaveAttribute('aria-disabled', 'true')
    await settle()
    expect(onSent.fr).toHaveBeenCalledExactlyOnceWith({ email: 'ada@example.com', resent: false })
    expect(onSent.en).not.toHaveBeenCalled()
    expect(adapter.startReset).toHaveBeenCalledOnce()
  })

  it('in Strict Mode, the new form reports the answer once', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = vi.fn()
    const { rerender } = render(
      <StrictMode>
        <Form key="en" adapter={adapter} />
      </StrictMode>,
    )
    await send(user)
    rerender(
      <StrictMode>
        <Form key="fr" adapter={adapter} onSent={onSent} />
      </StrictMode>,
    )
    await screen.findByRole('button', { name: 'Sending link…' })
    await act(async () => calls[0]!.resolve())

    await screen.findByRole('heading', { name: 'Check your email' })
    await settle()
    expect(onSent).toHaveBeenCalledOnce()
  })

  it("a failure shows in the new form as in the sender's, and a rate limit holds its button", async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onError = { en: vi.fn(), fr: vi.fn() }
    const { rerender } = render(<Form key="en" adapter={adapter} onError={onError.en} />)
    await send(user)
    rerender(<Form key="fr" adapter={adapter} onError={onError.fr} />)
    await act(async () => calls[0]!.reject(new ResetError('rate_limited', { retryAfterSeconds: 30 })))

    expect(await screen.findByText('Too many attempts. Please wait 30 seconds, then try again.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Send reset link' })).toHaveAttribute('aria-disabled', 'true')
    await settle()
    expect(onError.fr).toHaveBeenCalledOnce()
    expect(onError.en).not.toHaveBeenCalled()
  })

  it('an email sent again: the new form reports it as resent', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = vi.fn()
    const { rerender } = await resending(user, adapter, calls)

    rerender(<Form key="fr" adapter={adapter} resendCooldownSeconds={0} onSent={onSent} />)
    await act(async () => calls[1]!.resolve())
    await settle()
    expect(onSent).toHaveBeenCalledExactlyOnceWith({ email: 'ada@example.com', resent: true })
  })

  it.each([
    ['throws after the success (an error reporter that is down)', 'throws'],
    ['waits (an invalidateQueries)', 'waits'],
  ] as const)(
    "a host QueryClient whose MutationCache onSettled %s: the new form shows the kit's answer, as the sender would",
    async (_, host) => {
      const user = userEvent.setup()
      const { adapter, calls } = answeredByHand()
      let done!: () => void
      const invalidation = { promise: new Promise<void>((resolve) => (done = resolve)), resolve: () => done() }
      const client = new QueryClient({
        mutationCache: new MutationCache({
          onSettled: (_data, error) => {
            if (host === 'waits') return invalidation.promise
            if (!error) throw new Error('reporter down')
          },
        }),
      })
      const onSent = vi.fn()
      const onError = vi.fn()
      const ui = (key: string) => (
        <QueryClientProvider client={client}>
          <Form key={key} adapter={adapter} onSent={onSent} onError={onError} />
        </QueryClientProvider>
      )
      const { rerender } = render(ui('en'))
      await send(user)
      rerender(ui('fr'))
      await act(async () => calls[0]!.resolve())

      expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
      await settle()
      expect(onSent).toHaveBeenCalledOnce()
      expect(onError).not.toHaveBeenCalled()
      await act(async () => invalidation.resolve())
    },
  )

  it("a host onSent that throws in the new form leaves from a timer, to the window's error handler, and the confirmation stays", async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const throwing = () => {
      throw new Error('host bug')
    }
    const { rerender } = render(<Form key="en" adapter={adapter} />)
    await send(user)
    rerender(<Form key="fr" adapter={adapter} onSent={throwing} />)
    await screen.findByRole('button', { name: 'Sending link…' })
    vi.useFakeTimers()
    await act(async () => calls[0]!.resolve())
    // The answer reaches the new form from a timer, where the host's throw leaves (to the window's
    // error handler in a browser), not a promise that nothing handles.
    await expect(act(() => vi.runAllTimersAsync())).rejects.toThrow('host bug')
    vi.useRealTimers()
    await settle()
    expect(screen.getByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
  })

  it('a form mounted after the answer shows the plain form', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = vi.fn()
    const first = render(<Form adapter={adapter} />)
    await send(user)
    first.unmount()
    await act(async () => calls[0]!.resolve())
    await settle()

    render(<Form adapter={adapter} onSent={onSent} />)
    await settle()
    expectOwnForm(screen, onSent)
    expect(screen.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
  })

  it('the new form drops the request it took up when its own adapter changes before the answer', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const other = answeredByHand('other').adapter
    const onSent = vi.fn()
    const { rerender } = render(<Form key="en" adapter={adapter} />)
    await send(user)
    rerender(<Form key="fr" adapter={adapter} onSent={onSent} />)
    await screen.findByRole('button', { name: 'Sending link…' })

    rerender(<Form key="fr" adapter={other} onSent={onSent} />)
    await act(async () => calls[0]!.resolve())
    await settle()

    expectOwnForm(screen, onSent)
    expect(screen.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
  })

  it('a form for another adapter keeps its form', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = vi.fn()
    const { rerender } = render(<Form key="en" adapter={adapter} />)
    await send(user)
    rerender(<Form key="fr" adapter={answeredByHand('other').adapter} onSent={onSent} />)
    await settle()
    expect(screen.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
    await act(async () => calls[0]!.resolve())
    await settle()

    expectOwnForm(screen, onSent)
  })
})

describe('a request on its way leaves other forms alone', () => {
  it('a form the page opens later (a dialog, not a re-key) keeps its own form', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = vi.fn()
    const ui = (second: boolean) => (
      <>
        <section aria-label="A">
          <Form adapter={adapter} />
        </section>
        {second ? (
          <section aria-label="B">
            <Form adapter={adapter} onSent={onSent} />
          </section>
        ) : null}
      </>
    )
    const { rerender } = render(ui(false))
    await send(user, 'ada@example.com', within(screen.getByRole('region', { name: 'A' })))
    rerender(ui(true))
    const b = within(screen.getByRole('region', { name: 'B' }))
    expect(b.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
    await act(async () => calls[0]!.resolve())
    await settle()

    expectOwnForm(b, onSent)
  })

  it('a form unmounted with a request that never answers: a form mounted later is free to send', async () => {
    const user = userEvent.setup()
    const { adapter } = answeredByHand()
    const first = render(<Form adapter={adapter} />)
    await send(user)
    first.unmount()
    // Later, as a person opens the page again: not in the commit that unmounted the first.
    await settle()

    render(<Form adapter={adapter} />)
    await settle()
    expect(screen.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
  })

  it('a form whose adapter changes to the sending one keeps its form', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const other = answeredByHand('other').adapter
    const onSent = vi.fn()
    const ui = (second: ResetAdapter) => (
      <>
        <section aria-label="A">
          <Form adapter={adapter} />
        </section>
        <section aria-label="B">
          <Form adapter={second} onSent={onSent} />
        </section>
      </>
    )
    const { rerender } = render(ui(other))
    await send(user, 'ada@example.com', within(screen.getByRole('region', { name: 'A' })))
    rerender(ui(adapter))
    await settle()
    await act(async () => calls[0]!.resolve())
    await settle()

    expectOwnForm(within(screen.getByRole('region', { name: 'B' })), onSent)
  })

  it("two forms side by side since before it was sent: only the sender shows the confirmation, and the other's own request stays its own", async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = { a: vi.fn(), b: vi.fn() }
    render(
      <>
        <section aria-label="A">
          <Form adapter={adapter} onSent={onSent.a} />
        </section>
        <section aria-label="B">
          <Form adapter={adapter} onSent={onSent.b} />
        </section>
      </>,
    )
    const a = within(screen.getByRole('region', { name: 'A' }))
    const b = within(screen.getByRole('region', { name: 'B' }))
    await send(user, 'ada@example.com', a)
    await send(user, 'bob@example.com', b)
    await act(async () => calls[0]!.resolve())

    expect(await a.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument()
    await settle()
    expect(b.getByRole('button', { name: 'Sending link…' })).toBeInTheDocument()
    await act(async () => calls[1]!.resolve())
    expect(await b.findByText(/If an account exists for bob@example\.com,/)).toBeInTheDocument()
    expect(a.getByText(/If an account exists for ada@example\.com,/)).toBeInTheDocument()
    expect(onSent.a).toHaveBeenCalledExactlyOnceWith({ email: 'ada@example.com', resent: false })
    expect(onSent.b).toHaveBeenCalledExactlyOnceWith({ email: 'bob@example.com', resent: false })
  })

  it('a resend abandoned with "Use a different email address" is not taken up by the form that replaces it', async () => {
    const user = userEvent.setup()
    const { adapter, calls } = answeredByHand()
    const onSent = vi.fn()
    const { rerender } = await resending(user, adapter, calls)
    await user.click(screen.getByRole('button', { name: 'Use a different email address' }))

    rerender(<Form key="fr" adapter={adapter} onSent={onSent} />)
    await settle()
    expect(screen.getByRole('button', { name: 'Send reset link' })).not.toHaveAttribute('aria-disabled')
    await act(async () => calls[1]!.resolve())
    await settle()

    expectOwnForm(screen, onSent)
  })
})
