import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode, Suspense, useEffect } from 'react'
import { createWebStorageVerifierStore } from '../../src/core/createWebStorageVerifierStore'
import { createPkcePair } from '../../src/core/pkce'
import { ResetError, type ResetErrorCode } from '../../src/core/ResetError'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { createSupabaseAdapter } from '../../src/adapters/supabase'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetKitProvider } from '../../src/react/ResetKitProvider'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import { SuspendingSibling } from './SuspendingSibling'
import { expectNoAxeViolations } from './expectNoAxeViolations'

const LINK = '/reset?token=tok_123&utm_source=mail'
const FORGOT_URL = '/forgot-password'
const VERIFIER_KEY = 'reset-kit:test:verifier'
const TOKEN_KEY = 'reset-kit:test:token'
const TOO_SHORT = 'Use at least 8 characters.'
const MISMATCH = "The passwords don't match. Type the same password in both fields."

function fakeAdapter(options: { pkce?: boolean; completeReset?: ResetAdapter['completeReset'] } = {}) {
  return {
    id: 'test',
    pkce: options.pkce ?? false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(options.completeReset ?? (async () => {})),
  } satisfies ResetAdapter
}

/**
 * Stores a live verifier record the way the forgot-password step does, and returns it; `sends`
 * is how many emails carry its challenge (2 after a resend).
 */
async function storeVerifier(sends = 1) {
  const { verifier, challenge } = await createPkcePair()
  await createWebStorageVerifierStore().save({
    v: 1,
    verifier,
    challenge,
    createdAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
    adapterId: 'test',
    sends,
  })
  return verifier
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function deferred() {
  let resolve!: () => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function passwordField() {
  return screen.getByLabelText('New password')
}

function confirmField() {
  return screen.getByLabelText('Confirm new password')
}

function submitButton() {
  return screen.getByRole('button', { name: 'Change password' })
}

/** Waits for the form, and for focus to land on its heading (A5) before anyone types. */
/**
 * The heading of the view named `name`, once focus has moved to it: focus moves in an effect
 * after the commit that shows the heading, so a check right after it appears can run too early.
 */
async function findFocusedHeading(name: string) {
  const heading = await screen.findByRole('heading', { name })
  await waitFor(() => expect(heading).toHaveFocus())
  return heading
}

async function findForm() {
  await findFocusedHeading('Choose a new password')
}

/** Waits for the form, types `password` in both fields, sends it and waits for the success screen. */
async function changePassword(user: ReturnType<typeof userEvent.setup>, password: string) {
  await findForm()
  await user.type(passwordField(), password)
  await user.type(confirmField(), password)
  await user.click(submitButton())
  await findFocusedHeading('Your password has been changed')
}

/** `url` opened in a new tab: an empty sessionStorage and a new history entry. */
function openInNewTab(url: string, adapter: ResetAdapter) {
  sessionStorage.clear()
  window.history.replaceState(null, '', url)
  return render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', LINK)
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  window.history.replaceState(null, '', '/')
})

describe('<ResetPasswordPage>', () => {
  it('T1, T3: takes the token out of the address bar before a parent effect runs, keeping other params', async () => {
    let searchSeenByHost: string | undefined
    function Host() {
      useEffect(() => {
        searchSeenByHost = window.location.search
      }, [])
      return <ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} />
    }
    const historyLength = window.history.length

    const { container } = render(<Host />)

    expect(searchSeenByHost).toBe('?utm_source=mail')
    expect(window.location.pathname).toBe('/reset')
    expect(window.history.length).toBe(historyLength)
    await findForm()
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe('tok_123')
    expect(Object.values(localStorage).join()).not.toContain('tok_123')
    expect(container).not.toContainHTML('tok_123')
  })

  it('A1, A4, B2: shows the new-password form with labelled fields, autocomplete=new-password and no maxlength', async () => {
    const { container } = render(<ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} />)

    await findForm()
    expect(screen.getByRole('form', { name: 'Choose a new password' })).toBeInTheDocument()
    expect(
      screen.getByText('Your new password needs at least 8 characters. A longer passphrase is stronger.'),
    ).toBeInTheDocument()
    for (const field of [passwordField(), confirmField()]) {
      expect(field).toHaveAttribute('type', 'password')
      expect(field).toHaveAttribute('autocomplete', 'new-password')
      expect(field).not.toHaveAttribute('maxlength')
      expect(field).not.toHaveAttribute('aria-invalid')
      expect(field).toBeRequired()
    }
    expect(submitButton()).toHaveAttribute('type', 'submit')
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    await expectNoAxeViolations(container)
  })

  it.each([
    { case: 'no token', url: '/reset?utm_source=mail' },
    { case: 'an empty token', url: '/reset?token=' },
    { case: 'a duplicated token', url: '/reset?token=a&token=b' },
    { case: 'a 3000-character token', url: `/reset?token=${'a'.repeat(3000)}` },
    { case: 'a token of the wrong shape', url: '/reset?token=%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  ])('T4: $case shows the invalid-link screen with a way to a new link and sends nothing', async ({ url }) => {
    window.history.replaceState(null, '', url)
    const onError = vi.fn()
    const adapter = { ...fakeAdapter(), checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}) }
    const { container } = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} onError={onError} />,
    )

    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.checkToken).not.toHaveBeenCalled()
    expect(adapter.completeReset).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: expect.stringMatching(/^token_(missing|invalid)$/) }),
    )
    expect(window.location.search).not.toContain('token')
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    await expectNoAxeViolations(container)
  })

  it.each([
    { case: 'an empty token prop', token: '' },
    { case: 'a 3000-character token prop', token: 'a'.repeat(3000) },
    { case: 'a token prop of the wrong shape', token: '<script>alert(1)</script>' },
  ])("T4: $case (from the host's router) shows the invalid-link screen and sends nothing", async ({ token }) => {
    const adapter = { ...fakeAdapter(), checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}) }
    render(<ResetPasswordPage adapter={adapter} token={token} forgotPasswordUrl={FORGOT_URL} />)

    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.checkToken).not.toHaveBeenCalled()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('T5: the PKCE link that changed the password here, opened again in a new tab, says it was used; another link still says another browser', async () => {
    const user = userEvent.setup()
    await storeVerifier()
    const adapter = fakeAdapter({ pkce: true })
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await changePassword(user, 'correct horse battery')
    first.unmount()

    // The email's link again, in a new tab.
    const again = openInNewTab(LINK, adapter)
    await findFocusedHeading('This link has already been used')
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
    again.unmount()

    openInNewTab('/reset?token=tok_456', adapter)
    await findFocusedHeading("This link can't be used in this browser")
    expect(adapter.completeReset).toHaveBeenCalledOnce()
  })

  it('P5, P6: the used link opened again after a newer request says used, asks nothing, and leaves the newer link working', async () => {
    const user = userEvent.setup()
    await storeVerifier()
    const used = new Set<string>()
    const adapter = {
      ...fakeAdapter({ pkce: true, completeReset: async ({ token }) => void used.add(token) }),
      // The backend's own answer for a used link, which would drop the newer request's verifier.
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async ({ token }) => {
        if (used.has(token)) throw new ResetError('token_used')
      }),
    }
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await changePassword(user, 'correct horse battery')
    first.unmount()
    // Days later the user asks again, then opens the old email first, in a new tab.
    const newer = await storeVerifier()
    adapter.checkToken.mockClear()
    const old = openInNewTab(LINK, adapter)
    await findFocusedHeading('This link has already been used')
    expect(adapter.checkToken).not.toHaveBeenCalled()
    old.unmount()

    openInNewTab('/reset?token=tok_456', adapter)
    await changePassword(user, 'another horse battery')
    expect(adapter.completeReset).toHaveBeenLastCalledWith(
      expect.objectContaining({ token: 'tok_456', codeVerifier: newer }),
    )
  })

  it('P7: a PKCE link opened without its verifier shows the other-browser screen, never the form, and sends nothing', async () => {
    const adapter = fakeAdapter({ pkce: true })
    const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    await findFocusedHeading("This link can't be used in this browser")
    expect(screen.getByText(/only in the browser where you asked for it/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.completeReset).not.toHaveBeenCalled()
    await expectNoAxeViolations(container)
  })

  it.each([
    { code: 'token_used' as const, heading: 'This link has already been used' },
    { code: 'token_expired' as const, heading: 'This link has expired' },
  ])(
    'P7: a $code link opened without its verifier says so, not "this browser", when the adapter can check links',
    async ({ code, heading }) => {
      const adapter = {
        ...fakeAdapter({ pkce: true }),
        checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
          throw new ResetError(code)
        }),
      }
      render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

      // Another link would not help in this browser either way, but "used" or "expired" is what happened.
      await findFocusedHeading(heading)
      expect(adapter.checkToken).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok_123' }))
      expect(adapter.completeReset).not.toHaveBeenCalled()
    },
  )

  it('P7: a live link opened without its verifier still gets the other-browser screen after its check', async () => {
    const adapter = {
      ...fakeAdapter({ pkce: true }),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}),
    }
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    await findFocusedHeading("This link can't be used in this browser")
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('P9: a corrupt or foreign verifier record counts as missing and is removed', async () => {
    localStorage.setItem(VERIFIER_KEY, '{"v":1,"verifier":"x"')
    sessionStorage.setItem(
      VERIFIER_KEY,
      JSON.stringify({
        v: 1,
        verifier: 'A'.repeat(43),
        challenge: 'B'.repeat(43),
        createdAt: 0,
        expiresAt: Date.now() + 60_000,
        adapterId: 'other',
      }),
    )
    const adapter = fakeAdapter({ pkce: true })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    await screen.findByRole('heading', { name: "This link can't be used in this browser" })
    expect(localStorage.getItem(VERIFIER_KEY)).toBeNull()
    expect(sessionStorage.getItem(VERIFIER_KEY)).toBeNull()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it.each([
    { typed: 'short12', label: 'seven ASCII characters' },
    { typed: '😀'.repeat(7), label: 'seven emoji (fourteen UTF-16 units)' },
  ])('B2, A2, A5: $label get a length error on New password and nothing is sent', async ({ typed }) => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.click(passwordField())
    await user.paste(typed)
    await user.click(confirmField())
    await user.paste(typed)
    await user.click(submitButton())

    expect(await screen.findByText(TOO_SHORT)).toBeInTheDocument()
    expect(passwordField()).toHaveAttribute('aria-invalid', 'true')
    expect(passwordField()).toHaveAccessibleDescription(new RegExp(TOO_SHORT.replace('.', '\\.')))
    expect(passwordField()).toHaveFocus()
    expect(confirmField()).not.toHaveAttribute('aria-invalid')
    expect(adapter.completeReset).not.toHaveBeenCalled()
    await expectNoAxeViolations(container)
  })

  it('B2: eight emoji are eight characters and are accepted', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.click(passwordField())
    await user.paste('😀'.repeat(8))
    await user.click(confirmField())
    await user.paste('😀'.repeat(8))
    await user.click(submitButton())

    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ password: '😀'.repeat(8) }))
  })

  it('B2: a 128-character password is accepted whole', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const long = 'correct horse battery staple '.repeat(5).slice(0, 128)
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.click(passwordField())
    await user.paste(long)
    await user.click(confirmField())
    await user.paste(long)
    await user.click(submitButton())

    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset.mock.calls[0]![0].password).toBe(long)
  })

  it('B2, A2: a confirmation that differs is reported on the confirm field before any request', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery ')
    await user.click(submitButton())

    expect(await screen.findByText(MISMATCH)).toBeInTheDocument()
    expect(confirmField()).toHaveAttribute('aria-invalid', 'true')
    expect(confirmField()).toHaveAccessibleDescription(MISMATCH)
    expect(confirmField()).toHaveFocus()
    expect(passwordField()).not.toHaveAttribute('aria-invalid')
    expect(adapter.completeReset).not.toHaveBeenCalled()
    await expectNoAxeViolations(container)

    await user.type(confirmField(), '{Backspace}')
    expect(screen.queryByText(MISMATCH)).not.toBeInTheDocument()
    expect(confirmField()).not.toHaveAttribute('aria-invalid')
  })

  it('P5, B2, T7, A5, A1: sends the password exactly as typed with the stored verifier, then shows success and forgets everything', async () => {
    const user = userEvent.setup()
    const verifier = await storeVerifier()
    const onSuccess = vi.fn()
    const adapter = fakeAdapter({ pkce: true })
    const { container, unmount } = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} signInUrl="/sign-in" onSuccess={onSuccess} />,
    )
    await findForm()

    await user.type(passwordField(), '  correct horse battery  ')
    await user.type(confirmField(), '  correct horse battery  ')
    await user.click(submitButton())

    await findFocusedHeading('Your password has been changed')
    expect(screen.getByText('You can now sign in with your new password.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
    expect(adapter.completeReset).toHaveBeenCalledWith({
      token: 'tok_123',
      password: '  correct horse battery  ',
      codeVerifier: verifier,
      signal: expect.any(AbortSignal),
    })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(sessionStorage.getItem(VERIFIER_KEY)).toBeNull()
    expect(localStorage.getItem(VERIFIER_KEY)).toBeNull()
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(container).not.toHaveTextContent('correct horse')
    await expectNoAxeViolations(container)

    // Coming back to the page (back button, reload) says the password changed, and finds nothing
    // to resubmit nor a success to report again.
    unmount()
    const again = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} signInUrl="/sign-in" onSuccess={onSuccess} />,
    )
    await findFocusedHeading('Your password has been changed')
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(again.container.querySelector('[data-part="root"]')).toHaveAttribute('data-state', 'success')
    await expectNoAxeViolations(again.container)
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('D2: without signInUrl, "Sign in" after success leads to the site root', async () => {
    const user = userEvent.setup()
    render(<ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />)
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.click(submitButton())

    await findFocusedHeading('Your password has been changed')
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/')
  })

  it("T3, T7: the token and password never reach the host's QueryClient: not its cache's callbacks, not the mutations it keeps", async () => {
    const user = userEvent.setup()
    await storeVerifier()
    const seen: unknown[] = []
    const client = new QueryClient({
      mutationCache: new MutationCache({
        onError: (_error, variables) => void seen.push(variables),
        onSuccess: (_data, variables) => void seen.push(variables),
      }),
    })
    const adapter = fakeAdapter({ pkce: true })
    adapter.completeReset.mockRejectedValueOnce(new ResetError('password_weak', { field: 'password' }))
    render(
      <QueryClientProvider client={client}>
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />
      </QueryClientProvider>,
    )
    await findForm()
    await user.type(passwordField(), 'Summer2024!!')
    await user.click(submitButton())
    await screen.findByText(
      "This password isn't strong enough. Add more words, or mix in capitals, numbers and symbols.",
    )
    await user.clear(passwordField())
    await user.type(passwordField(), 'correct horse battery')
    await user.click(submitButton())
    await findFocusedHeading('Your password has been changed')

    expect(adapter.completeReset.mock.calls.map(([input]) => [input.token, input.password])).toEqual([
      ['tok_123', 'Summer2024!!'],
      ['tok_123', 'correct horse battery'],
    ])
    // What an error reporter that logs a mutation's variables whole would send.
    expect(seen).toHaveLength(2)
    const kept = client.getMutationCache().getAll()
    expect(kept.length).toBeGreaterThan(0)
    for (const variables of [...seen, ...kept.map((mutation) => mutation.state.variables)]) {
      expect(JSON.stringify(variables)).not.toMatch(/tok_123|Summer2024|correct horse/)
      // Handed over once: asked again, the secret is gone from memory.
      expect((variables as { secret: () => unknown }).secret()).toBeUndefined()
    }
  })

  it("P6: an older email's link found expired leaves the verifier a resend shared, so the newer email's link opens the form", async () => {
    const verifier = await storeVerifier(2)
    const adapter = {
      ...fakeAdapter({ pkce: true }),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async ({ token }) => {
        if (token === 'tok_old') throw new ResetError('token_expired')
      }),
    }
    window.history.replaceState(null, '', '/reset?token=tok_old')
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findFocusedHeading('This link has expired')
    first.unmount()

    window.history.replaceState(null, '', '/reset?token=tok_new')
    const user = userEvent.setup()
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />)
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.click(submitButton())
    await findFocusedHeading('Your password has been changed')
    expect(adapter.completeReset).toHaveBeenCalledWith(
      expect.objectContaining({ token: 'tok_new', codeVerifier: verifier }),
    )
  })

  it("a dead link's clean-up, slow in its store, never shows its screen over the newer link the router passed since", async () => {
    const verifier = await storeVerifier(2)
    const store = createWebStorageVerifierStore()
    // A store that takes its time, as the 'session' mode waits for other tabs.
    const slowStore = { ...store, load: async (id: string) => (await later(300), store.load(id)) }
    const adapter = {
      ...fakeAdapter({ pkce: true }),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async ({ token }) => {
        if (token === 'tok_stale') throw new ResetError('token_expired')
      }),
    }
    const page = (token: string) => (
      <ResetKitProvider verifierStorage={token === 'tok_stale' ? slowStore : store}>
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} token={token} />
      </ResetKitProvider>
    )
    const { rerender } = render(page('tok_stale'))
    await waitFor(() => expect(adapter.checkToken).toHaveBeenCalledTimes(1))
    rerender(page('tok_fresh'))
    await findForm()
    await act(() => later(500))
    expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'This link has expired' })).not.toBeInTheDocument()
    expect(await store.load('test')).toMatchObject({ verifier, sends: 1, retired: true })
  })

  it('P5: a link found expired deletes the verifier when only its own email carried the challenge', async () => {
    await storeVerifier(1)
    const adapter = {
      ...fakeAdapter({ pkce: true }),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
        throw new ResetError('token_expired')
      }),
    }
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findFocusedHeading('This link has expired')
    await waitFor(() => expect(localStorage.getItem(VERIFIER_KEY)).toBeNull())
    expect(sessionStorage.getItem(VERIFIER_KEY)).toBeNull()
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
  })

  it('T7: the success screen stays when the host re-renders with a re-created adapter', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const { rerender } = render(<ResetPasswordPage adapter={{ ...adapter }} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    rerender(<ResetPasswordPage adapter={{ ...adapter }} forgotPasswordUrl={FORGOT_URL} />)

    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it('A6: the form is busy while the password is being changed, with a focusable button', async () => {
    const user = userEvent.setup()
    const request = deferred()
    const adapter = fakeAdapter({ completeReset: () => request.promise })
    const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())

    const busy = screen.getByRole('button', { name: 'Changing password…' })
    expect(screen.getByRole('form', { name: 'Choose a new password' })).toHaveAttribute('aria-busy', 'true')
    expect(busy).toHaveAttribute('aria-disabled', 'true')
    expect(busy).not.toBeDisabled()
    expect(container.querySelector('[data-part="root"]')).toHaveAttribute('data-pending', '')
    await expectNoAxeViolations(container)

    await act(async () => request.resolve())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
  })

  it.each([
    { code: 'token_expired', title: 'This link has expired' },
    { code: 'token_used', title: 'This link has already been used' },
    { code: 'token_invalid', title: "This link doesn't work" },
  ] as const)(
    'T5, P5: $code from the server shows "$title" with a new-link offer, clears the fields and forgets the verifier',
    async ({ code, title }) => {
      const user = userEvent.setup()
      await storeVerifier()
      const onError = vi.fn()
      const adapter = fakeAdapter({
        pkce: true,
        completeReset: async () => {
          throw new ResetError(code)
        },
      })
      const { container } = render(
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} onError={onError} />,
      )
      await findForm()

      await user.type(passwordField(), 'correct horse battery')
      await user.type(confirmField(), 'correct horse battery')
      await user.click(submitButton())

      await findFocusedHeading(title)
      expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
      expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
      expect(screen.queryByLabelText('Confirm new password')).not.toBeInTheDocument()
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }))
      expect(sessionStorage.getItem(VERIFIER_KEY)).toBeNull()
      expect(localStorage.getItem(VERIFIER_KEY)).toBeNull()
      expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
      expect(adapter.completeReset).toHaveBeenCalledTimes(1)
      await expectNoAxeViolations(container)
    },
  )

  it('P8: the server rejecting the verifier shows the other-browser screen and does not retry', async () => {
    const user = userEvent.setup()
    await storeVerifier()
    const adapter = fakeAdapter({
      pkce: true,
      completeReset: async () => {
        throw new ResetError('verifier_mismatch')
      },
    })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())

    await findFocusedHeading("This link can't be used in this browser")
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
    // Retired, not deleted: the link may be another request's, whose verifier's own email still works.
    expect(JSON.parse(localStorage.getItem(VERIFIER_KEY)!)).toMatchObject({ retired: true })
  })

  it.each([
    {
      code: 'password_weak',
      text: "This password isn't strong enough. Add more words, or mix in capitals, numbers and symbols.",
    },
    {
      code: 'password_breached',
      text: "This password has appeared in a data breach. Choose one you haven't used elsewhere.",
    },
  ] as const)(
    'B3, P5: $code, thrown with no field as a custom adapter may, puts its reason on New password and keeps token and verifier for another try',
    async ({ code, text }) => {
      const user = userEvent.setup()
      const verifier = await storeVerifier()
      const adapter = fakeAdapter({ pkce: true })
      adapter.completeReset.mockRejectedValueOnce(new ResetError(code))
      const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
      await findForm()

      await user.type(passwordField(), 'password1')
      await user.type(confirmField(), 'password1')
      await user.click(submitButton())

      expect(await screen.findByText(text)).toBeInTheDocument()
      // The length-based hint would say "good" beside the backend's verdict; it waits for the next edit.
      expect(screen.queryByText(/^Strength: /)).not.toBeInTheDocument()
      expect(passwordField()).toHaveAttribute('aria-invalid', 'true')
      expect(passwordField()).toHaveAccessibleDescription(new RegExp(text.replace(/[.?']/g, '.')))
      expect(passwordField()).toHaveFocus()
      expect(screen.getByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument()
      expect(localStorage.getItem(VERIFIER_KEY)).toContain(verifier)
      expect(sessionStorage.getItem(TOKEN_KEY)).toBe('tok_123')
      await expectNoAxeViolations(container)

      await user.clear(passwordField())
      await user.type(passwordField(), 'a much longer passphrase')
      expect(screen.queryByText(text)).not.toBeInTheDocument()
      expect(screen.getByText(/^Strength: /)).toBeInTheDocument()
      await user.clear(confirmField())
      await user.type(confirmField(), 'a much longer passphrase')
      await user.click(submitButton())

      await screen.findByRole('heading', { name: 'Your password has been changed' })
      expect(adapter.completeReset).toHaveBeenCalledTimes(2)
      expect(adapter.completeReset.mock.calls[1]![0]).toMatchObject({
        token: 'tok_123',
        password: 'a much longer passphrase',
        codeVerifier: verifier,
      })
    },
  )

  it.each([
    { code: 'network', text: "We couldn't reach the server. Check your connection and try again." },
    { code: 'server', text: 'Something went wrong on our side. Please try again in a moment.' },
    { code: 'timeout', text: 'The server took too long to answer. Please try again.' },
  ] as const)(
    'R3, P5: $code shows an alert, keeps what was typed and the verifier, and does not retry',
    async ({ code, text }) => {
      const user = userEvent.setup()
      const verifier = await storeVerifier()
      const onError = vi.fn()
      const adapter = fakeAdapter({ pkce: true })
      adapter.completeReset.mockRejectedValueOnce(new ResetError(code, { cause: '<img src=x onerror=alert(1)>' }))
      const { container } = render(
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} onError={onError} />,
      )
      await findForm()

      await user.type(passwordField(), 'correct horse battery')
      await user.type(confirmField(), 'correct horse battery')
      await user.click(submitButton())

      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(text))
      expect(passwordField()).toHaveValue('correct horse battery')
      expect(confirmField()).toHaveValue('correct horse battery')
      expect(localStorage.getItem(VERIFIER_KEY)).toContain(verifier)
      expect(sessionStorage.getItem(TOKEN_KEY)).toBe('tok_123')
      expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code }))
      expect(container.querySelector('img')).toBeNull()
      await expectNoAxeViolations(container)

      await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
      expect(adapter.completeReset).toHaveBeenCalledTimes(1)

      await user.click(submitButton())
      await screen.findByRole('heading', { name: 'Your password has been changed' })
      expect(adapter.completeReset.mock.calls[1]![0].codeVerifier).toBe(verifier)
    },
  )

  it('R1: a 429 shows the wait, blocks the button until it is over and never retries on its own', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('rate_limited', { retryAfterSeconds: 30 }))
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    // Read the alert as it is rendered, so a slow machine cannot let the countdown tick first.
    const alert = screen.getByRole('alert')
    const shown: string[] = []
    new MutationObserver(() => {
      if (alert.textContent) shown.push(alert.textContent)
    }).observe(alert, { subtree: true, childList: true, characterData: true })
    await user.click(submitButton())

    await waitFor(() => expect(shown[0]).toBe('Too many attempts. Please wait 30 seconds, then try again.'))
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    await user.click(submitButton())
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
    await user.type(confirmField(), '{Backspace}y')
    expect(screen.getByRole('alert')).toHaveTextContent(/Too many attempts\. Please wait \d+ seconds/)

    await act(() => vi.advanceTimersByTimeAsync(31_000))
    expect(submitButton()).not.toHaveAttribute('aria-disabled')
    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. You can try again now.')
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)

    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledTimes(2)
  })

  it('R1: a 429 on the new password holds this page only: "Request a new link" in the same tab can still ask for one', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('rate_limited', { retryAfterSeconds: 900 }))
    const page = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />,
    )
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.click(submitButton())
    await screen.findByText('Too many attempts. Please wait 15 minutes, then try again.')
    page.unmount()

    render(<ForgotPasswordForm adapter={adapter} redirectUrl="https://app.example.com/reset" />)
    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(adapter.startReset).toHaveBeenCalledTimes(1)
  })

  it('R1: the wait of a 429 survives a reload of the reset page (a remount), and nothing is sent until it is over', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const adapter = fakeAdapter()
    adapter.completeReset.mockRejectedValueOnce(new ResetError('rate_limited', { retryAfterSeconds: 90 }))
    const { unmount } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    await waitFor(() => expect(submitButton()).toHaveAttribute('aria-disabled', 'true'))
    expect(Number(sessionStorage.getItem('reset-kit:test:reset:retry-at')) - Date.now()).toBeGreaterThan(80_000)

    // A reload: the token comes back from the tab's store, and so does the wait.
    unmount()
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    expect(submitButton()).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('alert')).toHaveTextContent(
      /^Too many attempts\. Please wait [89]\d seconds, then try again\.$/,
    )
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)

    await act(() => vi.advanceTimersByTimeAsync(91_000))
    expect(submitButton()).not.toHaveAttribute('aria-disabled')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledTimes(2)
  })

  it('A4: "Show password" is a toggle button that reveals both fields and hides them again on submit', async () => {
    const user = userEvent.setup()
    const request = deferred()
    render(
      <ResetPasswordPage
        adapter={fakeAdapter({ completeReset: () => request.promise })}
        forgotPasswordUrl={FORGOT_URL}
      />,
    )
    await findForm()
    const toggle = screen.getByRole('button', { name: 'Show password' })

    expect(toggle).toHaveAttribute('type', 'button')
    expect(toggle).toHaveAttribute('aria-pressed', 'false')

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(passwordField()).toHaveAttribute('type', 'text')
    expect(confirmField()).toHaveAttribute('type', 'text')

    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(passwordField()).toHaveAttribute('type', 'password')

    await user.click(toggle)
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())

    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    expect(passwordField()).toHaveAttribute('type', 'password')
    expect(confirmField()).toHaveAttribute('type', 'password')
    await act(async () => request.resolve())
  })

  it('T6: a double click sends exactly one completion', async () => {
    const user = userEvent.setup({ delay: null })
    const request = deferred()
    const adapter = fakeAdapter({ completeReset: () => request.promise })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.dblClick(submitButton())
    await act(async () => request.resolve())
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it('T6: pressing Enter twice sends exactly one completion', async () => {
    const user = userEvent.setup({ delay: null })
    const request = deferred()
    const adapter = fakeAdapter({ completeReset: () => request.promise })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery{Enter}{Enter}')
    await act(async () => request.resolve())
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it.each([
    { returnTo: '/account', href: '/account' },
    { returnTo: '/account?tab=security#password', href: '/account?tab=security#password' },
    { returnTo: '//evil.com', href: '/sign-in' },
    { returnTo: 'https://evil.com', href: '/sign-in' },
    { returnTo: 'javascript:alert(1)', href: '/sign-in' },
    { returnTo: '/\\evil.com', href: '/sign-in' },
    { returnTo: null, href: '/sign-in' },
  ])('D2: returnTo $returnTo leads "Sign in" to $href', async ({ returnTo, href }) => {
    const user = userEvent.setup()
    render(
      <ResetPasswordPage
        adapter={fakeAdapter()}
        forgotPasswordUrl={FORGOT_URL}
        signInUrl="/sign-in"
        returnTo={returnTo}
      />,
    )
    await findForm()

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())

    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', href)
  })

  it('T5: a link the backend reports expired on check shows its screen without the form ever appearing', async () => {
    const check = deferred()
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(() => check.promise)
    const adapter = { ...fakeAdapter(), checkToken }
    const onError = vi.fn()
    const { container } = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} onError={onError} />,
    )
    let formEverShown = false
    const observer = new MutationObserver(() => {
      formEverShown ||= container.querySelector('input') !== null
    })
    observer.observe(container, { subtree: true, childList: true })

    expect(screen.getByRole('heading', { name: 'Checking your link…' })).toBeInTheDocument()
    expect(container.querySelector('[data-part="root"]')).toHaveAttribute('aria-busy', 'true')
    expect(screen.getByText('This only takes a moment.')).toBeInTheDocument()
    await expectNoAxeViolations(container)

    await act(async () => check.reject(new ResetError('token_expired')))

    await findFocusedHeading('This link has expired')
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
    observer.disconnect()
    expect(formEverShown).toBe(false)
    expect(checkToken).toHaveBeenCalledTimes(1)
    expect(checkToken).toHaveBeenCalledWith({ token: 'tok_123', signal: expect.any(AbortSignal) })
    expect(adapter.completeReset).not.toHaveBeenCalled()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_expired' }))
    await expectNoAxeViolations(container)
  })

  it('a link check that fails for a network reason offers "Try again", which checks again', async () => {
    const user = userEvent.setup()
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {})
    checkToken.mockRejectedValueOnce(new ResetError('network'))
    const adapter = { ...fakeAdapter(), checkToken }
    const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    await findFocusedHeading("We couldn't check your link")
    expect(screen.getByText("We couldn't reach the server. Check your connection and try again.")).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    await expectNoAxeViolations(container)

    await user.click(screen.getByRole('button', { name: 'Try again' }))

    await findForm()
    expect(checkToken).toHaveBeenCalledTimes(2)
    expect(checkToken.mock.calls[1]![0].token).toBe('tok_123')
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('T4: a link the adapter rejects by its params (a Stytch link of another type) shows the invalid screen', async () => {
    window.history.replaceState(null, '', '/reset?stytch_token_type=magic_links&token=tok_123')
    const adapter = {
      ...fakeAdapter(),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {}),
      validateCallbackParams: (params: URLSearchParams) => {
        if (params.get('stytch_token_type') !== 'reset_password') throw new ResetError('token_invalid')
      },
    }
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', FORGOT_URL)
    expect(window.location.search).toBe('?stytch_token_type=magic_links')
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(adapter.checkToken).not.toHaveBeenCalled()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('T1: a reload, with the token already gone from the URL, still finds it in the tab and shows the form', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    first.unmount()
    expect(window.location.search).toBe('?utm_source=mail')

    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())

    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ token: 'tok_123' }))
  })

  it('P7: a reload of the other-browser screen shows it again, not "This link doesn’t work"', async () => {
    const adapter = fakeAdapter({ pkce: true })
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findFocusedHeading("This link can't be used in this browser")
    first.unmount()

    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    await findFocusedHeading("This link can't be used in this browser")
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull()
    expect(adapter.completeReset).not.toHaveBeenCalled()
  })

  it('T5: a link that expired while the form was open still says so after a reload', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      completeReset: async () => {
        throw new ResetError('token_expired')
      },
    })
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    await findFocusedHeading('This link has expired')
    first.unmount()

    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

    await findFocusedHeading('This link has expired')
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it('shows the form again after another part of its Suspense boundary suspends and resolves', async () => {
    const adapter = fakeAdapter()
    const page = (data?: Promise<string>) => (
      <Suspense fallback={<p>Loading…</p>}>
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />
        <SuspendingSibling data={data} />
      </Suspense>
    )
    const { rerender } = render(page())
    await findForm()

    let resolve!: (value: string) => void
    const data = new Promise<string>((settle) => (resolve = settle))
    await act(async () => rerender(page(data)))
    expect(await screen.findByText('Loading…')).toBeInTheDocument()
    await act(async () => resolve('Footer'))
    expect(await screen.findByText('Footer')).toBeInTheDocument()

    await findForm()
    expect(screen.getByLabelText('New password')).toBeInTheDocument()
  })

  it('requireConfirmation={false} asks for the password once', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />)
    await findForm()

    expect(screen.queryByLabelText('Confirm new password')).not.toBeInTheDocument()
    await user.type(passwordField(), 'correct horse battery')
    await user.click(submitButton())

    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ password: 'correct horse battery' }))
  })

  it('minLength={12} changes the description and the check', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} minLength={12} />)
    await findForm()

    expect(
      screen.getByText('Your new password needs at least 12 characters. A longer passphrase is stronger.'),
    ).toBeInTheDocument()
    await user.type(passwordField(), 'elevenchars')
    await user.type(confirmField(), 'elevenchars')
    await user.click(submitButton())
    expect(await screen.findByText('Use at least 12 characters.')).toBeInTheDocument()
    expect(adapter.completeReset).not.toHaveBeenCalled()

    await user.type(passwordField(), '!')
    await user.type(confirmField(), '!')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ password: 'elevenchars!' }))
  })

  it("takes minLength and maxLength from the adapter's password limits when the page sets none, and its own props win", async () => {
    const user = userEvent.setup()
    const adapter = { ...fakeAdapter(), minPasswordLength: 10, maxPasswordLength: 12 }
    const { unmount } = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />,
    )
    await findForm()

    expect(
      screen.getByText('Your new password needs at least 10 characters. A longer passphrase is stronger.'),
    ).toBeInTheDocument()
    await user.type(passwordField(), 'ninechars')
    await user.click(submitButton())
    expect(await screen.findByText('Use at least 10 characters.')).toBeInTheDocument()
    await user.type(passwordField(), 'more')
    await user.click(submitButton())
    expect(await screen.findByText('Use at most 12 characters.')).toBeInTheDocument()
    expect(adapter.completeReset).not.toHaveBeenCalled()
    unmount()

    window.history.replaceState(null, '', LINK)
    render(
      <ResetPasswordPage
        adapter={adapter}
        forgotPasswordUrl={FORGOT_URL}
        requireConfirmation={false}
        minLength={4}
        maxLength={20}
      />,
    )
    await findForm()
    expect(
      screen.getByText('Your new password needs at least 4 characters. A longer passphrase is stronger.'),
    ).toBeInTheDocument()
    await user.type(passwordField(), 'thirteen char')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(adapter.completeReset).toHaveBeenCalledWith(expect.objectContaining({ password: 'thirteen char' }))
  })

  it('shows a length-based strength hint that is part of the field description', async () => {
    const user = userEvent.setup()
    render(<ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    expect(screen.queryByText(/^Strength|Too short/)).not.toBeInTheDocument()
    await user.type(passwordField(), 'abc')
    expect(screen.getByText('Strength: too short')).toBeInTheDocument()
    expect(passwordField()).toHaveAccessibleDescription('Strength: too short')
    await user.type(passwordField(), 'defgh')
    expect(screen.getByText('Strength: fair')).toBeInTheDocument()
    await user.type(passwordField(), 'ijkl')
    expect(screen.getByText('Strength: good')).toBeInTheDocument()
    await user.type(passwordField(), 'mnop')
    expect(screen.getByText('Strength: strong')).toBeInTheDocument()
    expect(passwordField()).toHaveAccessibleDescription('Strength: strong')
  })

  it.each([
    { minLength: 6, good: 12, strong: 16 },
    { minLength: 12, good: 16, strong: 20 },
  ])(
    'grades the strength hint from minLength $minLength: fair from it, good from $good, strong from $strong characters',
    async ({ minLength, good, strong }) => {
      const user = userEvent.setup()
      render(<ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} minLength={minLength} />)
      await findForm()
      const hint = () => passwordField().closest('[data-part="field"]')!.querySelector('[data-part="strength"]')
      const typeUpTo = async (length: number) => {
        await user.clear(passwordField())
        await user.click(passwordField())
        await user.paste('a'.repeat(length))
      }
      expect(hint()).toBeEmptyDOMElement()
      expect(hint()).not.toHaveAttribute('data-strength')

      await typeUpTo(minLength - 1)
      expect(hint()).toHaveTextContent('Strength: too short')
      await typeUpTo(minLength)
      expect(hint()).toHaveTextContent('Strength: fair')
      await typeUpTo(good - 1)
      expect(hint()).toHaveTextContent('Strength: fair')
      await typeUpTo(good)
      expect(hint()).toHaveTextContent('Strength: good')
      await typeUpTo(strong - 1)
      expect(hint()).toHaveTextContent('Strength: good')
      await typeUpTo(strong)
      expect(hint()).toHaveTextContent('Strength: strong')
      expect(hint()).toHaveAttribute('data-strength', 'strong')
    },
  )

  it("B3: hides the strength hint while the server's password error shows, so a 'strong' never sits beside 'not strong enough'", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      completeReset: async () => {
        throw new ResetError('password_weak', { field: 'password' })
      },
    })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />)
    await findForm()
    await user.type(passwordField(), 'password1234567890')
    expect(passwordField()).toHaveAccessibleDescription('Strength: strong')

    await user.click(submitButton())

    await waitFor(() => expect(passwordField()).toHaveAttribute('aria-invalid', 'true'))
    expect(passwordField()).toHaveAccessibleDescription(
      expect.stringContaining(
        "This password isn't strong enough. Add more words, or mix in capitals, numbers and symbols.",
      ),
    )
    expect(passwordField()).not.toHaveAccessibleDescription(expect.stringContaining('Strength'))
  })

  it('carries its state in data attributes, adds classNames and drops the stylesheet hook when unstyled', async () => {
    const user = userEvent.setup()
    const { container } = render(
      <ResetPasswordPage
        adapter={fakeAdapter()}
        forgotPasswordUrl={FORGOT_URL}
        unstyled
        classNames={{ root: 'my-root', input: 'my-input', toggle: 'my-toggle', submit: 'my-submit' }}
      />,
    )
    const root = container.querySelector('[data-part="root"]')
    expect(root).toHaveAttribute('data-state', 'checking')
    expect(root).not.toHaveAttribute('data-reset-kit')
    expect(root).toHaveClass('my-root')

    await findForm()
    expect(root).toHaveAttribute('data-state', 'ready')
    expect(passwordField()).toHaveClass('my-input')
    expect(screen.getByRole('button', { name: 'Show password' })).toHaveClass('my-toggle')
    expect(submitButton()).toHaveClass('my-submit')

    await user.click(submitButton())
    await screen.findByText(TOO_SHORT)
    expect(passwordField()).toHaveAttribute('data-invalid', '')
    expect(passwordField().closest('[data-part="field"]')).toHaveAttribute('data-invalid', '')

    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(root).toHaveAttribute('data-state', 'success')
  })

  it('R5: unmounting mid-request ignores the late answer', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const user = userEvent.setup()
    const request = deferred()
    const onSuccess = vi.fn()
    const onError = vi.fn()
    const adapter = fakeAdapter({ completeReset: () => request.promise })
    const { unmount } = render(
      <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} onSuccess={onSuccess} onError={onError} />,
    )
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    const { signal } = adapter.completeReset.mock.calls[0]![0]

    unmount()
    // Left to finish: a clean-up cannot tell an unmount from <Activity> hiding the page, where the
    // answer must still arrive (test/react/Activity.test.tsx).
    expect(signal.aborted).toBe(false)
    await act(async () => {
      request.reject(new ResetError('server'))
      await new Promise((resolve) => setTimeout(resolve, 20))
    })

    expect(onSuccess).not.toHaveBeenCalled()
    expect(onError).not.toHaveBeenCalled()
    expect(consoleError).not.toHaveBeenCalled()
  })

  it.each(['token_expired', 'token_used'] satisfies ResetErrorCode[])(
    'T3: the %s screen never renders the token',
    async (code) => {
      const adapter = {
        ...fakeAdapter(),
        checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
          throw new ResetError(code, { cause: 'token tok_123 is dead' })
        }),
      }
      const { container } = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)

      await screen.findByRole('link', { name: 'Request a new link' })
      expect(container).not.toContainHTML('tok_123')
    },
  )
})

describe('<ResetPasswordPage> with a new link, a rate-limited check and late answers', () => {
  it('a new token prop after a dead link checks the new link and shows the form without the old error', async () => {
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async ({ token }) => {
      if (token === 'tok_old') throw new ResetError('token_expired')
    })
    const adapter = { ...fakeAdapter(), checkToken }
    const { rerender } = render(<ResetPasswordPage adapter={adapter} token="tok_old" forgotPasswordUrl={FORGOT_URL} />)
    await screen.findByRole('heading', { name: 'This link has expired' })

    rerender(<ResetPasswordPage adapter={adapter} token="tok_new" forgotPasswordUrl={FORGOT_URL} />)
    await findForm()

    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  })

  it("T1: a router that reports the token as null only after the form shows (Next's useSearchParams catching up) does not check the link again", async () => {
    const user = userEvent.setup()
    // A token of its own: the page remembers the last token that changed the password (spent).
    window.history.replaceState(null, '', '/reset?token=tok_router&utm_source=mail')
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {})
    const adapter = { ...fakeAdapter(), checkToken }
    const { rerender } = render(
      <ResetPasswordPage adapter={adapter} token="tok_router" forgotPasswordUrl={FORGOT_URL} />,
    )
    await findForm()
    expect(window.location.search).toBe('?utm_source=mail')
    await user.type(passwordField(), 'correct horse battery')

    rerender(<ResetPasswordPage adapter={adapter} token={null} forgotPasswordUrl={FORGOT_URL} />)
    await act(async () => {})

    expect(passwordField()).toHaveValue('correct horse battery')
    expect(checkToken).toHaveBeenCalledTimes(1)
  })

  it('R1: a 429 while checking the link names the wait and holds "Try again" until it is over', async () => {
    const user = userEvent.setup()
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
      throw new ResetError('rate_limited', { retryAfterSeconds: 120 })
    })
    render(<ResetPasswordPage adapter={{ ...fakeAdapter(), checkToken }} forgotPasswordUrl={FORGOT_URL} />)
    await screen.findByRole('heading', { name: "We couldn't check your link" })

    expect(screen.getByText('Too many attempts. Please wait 2 minutes, then try again.')).toBeInTheDocument()
    const retry = screen.getByRole('button', { name: 'Try again' })
    expect(retry).toHaveAttribute('aria-disabled', 'true')
    await user.click(retry)
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(checkToken).toHaveBeenCalledTimes(1)
    expect(sessionStorage.getItem('reset-kit:test:reset:retry-at')).not.toBeNull()
  })

  it('R1: once the wait of a 429 on the check is over, "Try again" checks the link and the form shows with no stale alert', async () => {
    const user = userEvent.setup()
    let calls = 0
    const checkToken = vi.fn<NonNullable<ResetAdapter['checkToken']>>(async () => {
      calls += 1
      if (calls === 1) throw new ResetError('rate_limited', { retryAfterSeconds: 1 })
    })
    render(<ResetPasswordPage adapter={{ ...fakeAdapter(), checkToken }} forgotPasswordUrl={FORGOT_URL} />)
    const retry = await screen.findByRole('button', { name: 'Try again' })
    await waitFor(() => expect(retry).not.toHaveAttribute('aria-disabled'), { timeout: 3000 })

    await user.click(retry)
    await findForm()
    expect(checkToken).toHaveBeenCalledTimes(2)
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  })

  it("B3: the backend's own minimum, sent with password_too_short, is the number the user is told", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({
      completeReset: async () => {
        throw new ResetError('password_too_short', { field: 'password', details: { minLength: 12 } })
      },
    })
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} requireConfirmation={false} />)
    await findForm()

    await user.type(passwordField(), 'tenletters')
    await user.click(submitButton())

    await waitFor(() => expect(passwordField()).toHaveAttribute('aria-invalid', 'true'))
    expect(passwordField()).toHaveAccessibleDescription(expect.stringContaining('Use at least 12 characters.'))
  })

  it('R5: an answer that arrives after unmounting is ignored, even a success', async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const adapter = fakeAdapter({ completeReset: () => answer.promise })
    const onSuccess = vi.fn()
    const { unmount } = render(
      <ResetPasswordPage
        adapter={adapter}
        forgotPasswordUrl={FORGOT_URL}
        requireConfirmation={false}
        onSuccess={onSuccess}
      />,
    )
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.click(submitButton())
    await waitFor(() => expect(adapter.completeReset).toHaveBeenCalled())

    unmount()
    await act(async () => answer.resolve())

    expect(onSuccess).not.toHaveBeenCalled()
  })
})

describe('<ResetPasswordPage> in Strict Mode and for assistive technology', () => {
  it('reports a link with no token once under Strict Mode, with its code on the hook', async () => {
    window.history.replaceState(null, '', '/reset')
    const onError = vi.fn()
    render(
      <StrictMode>
        <ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} onError={onError} />
      </StrictMode>,
    )
    await screen.findByRole('heading', { name: "This link doesn't work" })
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_missing' }))
  })

  it('A5: a link check that answers while the user is in a control of the host page leaves focus there', async () => {
    const user = userEvent.setup()
    const check = deferred()
    const adapter = {
      ...fakeAdapter(),
      checkToken: vi.fn<NonNullable<ResetAdapter['checkToken']>>(() => check.promise),
    }
    render(
      <>
        <input aria-label="Search the help centre" />
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />
      </>,
    )
    const search = screen.getByRole('textbox', { name: 'Search the help centre' })
    await user.click(search)
    await user.keyboard('pass')

    await act(async () => check.resolve())

    await screen.findByRole('heading', { name: 'Choose a new password' })
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)))
    expect(search).toHaveFocus()
    await user.keyboard('word')
    expect(search).toHaveValue('password')
  })

  it("A5: a late refusal of the new password shows on the field but leaves focus, and the user's typing, in the host's control", async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const adapter = {
      ...fakeAdapter(),
      completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {
        await answer.promise
        throw new ResetError('password_weak', { field: 'password' })
      }),
    }
    render(
      <>
        <input aria-label="Search the help centre" />
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />
      </>,
    )
    await findForm()
    await user.type(passwordField(), 'correct horse battery')
    await user.type(confirmField(), 'correct horse battery')
    await user.click(submitButton())
    const search = screen.getByRole('textbox', { name: 'Search the help centre' })
    await user.click(search)
    await user.keyboard('pass')

    await act(async () => answer.resolve())

    await waitFor(() => expect(passwordField()).toHaveAttribute('aria-invalid', 'true'))
    expect(search).toHaveFocus()
    await user.keyboard('word')
    expect(search).toHaveValue('password')
    expect(passwordField()).toHaveValue('correct horse battery')
  })

  it('A2: the show-password toggle names every field it reveals in aria-controls', async () => {
    const user = userEvent.setup()
    render(<ResetPasswordPage adapter={fakeAdapter()} forgotPasswordUrl={FORGOT_URL} />)
    await findForm()
    const toggle = screen.getByRole('button', { name: 'Show password' })
    await user.click(toggle)
    expect(confirmField()).toHaveAttribute('type', 'text')
    expect(toggle.getAttribute('aria-controls')?.split(' ').sort()).toEqual(
      [passwordField().id, confirmField().id].sort(),
    )
  })

  it('a Supabase password over 72 bytes but within maxLength characters is not told "at most <maxLength>", and a later one over maxLength is', async () => {
    const user = userEvent.setup()
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const { verifier, challenge } = await createPkcePair()
    await createWebStorageVerifierStore().save({
      v: 1,
      verifier,
      challenge,
      createdAt: Date.now(),
      expiresAt: Date.now() + 3_600_000,
      adapterId: 'supabase',
    })
    window.history.replaceState(null, '', '/reset?code=0b7e5d1c-9a3f-4e2b-8c6d-1f2a3b4c5d6e')
    const adapter = createSupabaseAdapter({ url: 'https://abcdefghijklmnop.supabase.co', anonKey: 'sb_publishable_x' })
    render(
      <ResetPasswordPage
        adapter={adapter}
        forgotPasswordUrl={FORGOT_URL}
        requireConfirmation={false}
        maxLength={128}
      />,
    )
    await findForm()

    // 25 characters, 75 bytes: within the page's 128 characters, over Supabase's 72 bytes.
    await user.type(passwordField(), '€'.repeat(25))
    await user.click(submitButton())

    expect(await screen.findByText('This password is too long. Choose a shorter one.')).toBeInTheDocument()
    expect(screen.queryByText('Use at most 128 characters.')).not.toBeInTheDocument()
    expect(fetchSpy).not.toHaveBeenCalled()

    // Then over the page's own 128 characters: the page's number, not the backend's earlier "none".
    await user.clear(passwordField())
    await user.click(passwordField())
    await user.paste('x'.repeat(130))
    await user.click(submitButton())

    expect(await screen.findByText('Use at most 128 characters.')).toBeInTheDocument()
    expect(fetchSpy).not.toHaveBeenCalled()
  })
})
