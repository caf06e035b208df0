// A history entry's verdict on its link (`done` after success) must never outlive that link: a new
// link in the same entry drops it, and a `token` prop that already changed the password stays done.
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Suspense } from 'react'
import { ResetError } from '../../src/core/ResetError'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import { SuspendingSibling } from './SuspendingSibling'

const FORGOT_URL = '/forgot-password'

function fakeAdapter(completeReset: ResetAdapter['completeReset'] = async () => {}) {
  return {
    id: 'test',
    pkce: false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(async () => {}),
    completeReset: vi.fn<ResetAdapter['completeReset']>(completeReset),
  } satisfies ResetAdapter
}

/** Sets a new password in the page, or in the first page where a test renders several. */
async function submit(user: ReturnType<typeof userEvent.setup>) {
  await screen.findAllByRole('heading', { name: 'Choose a new password' })
  await user.type(screen.getAllByLabelText('New password')[0]!, 'correct horse battery')
  await user.type(screen.getAllByLabelText('Confirm new password')[0]!, 'correct horse battery')
  await user.click(screen.getAllByRole('button', { name: 'Change password' })[0]!)
}

beforeEach(() => {
  sessionStorage.clear()
  window.history.replaceState(null, '', '/reset')
})
afterEach(() => {
  window.history.replaceState(null, '', '/')
  // A test that fails with fake timers on must not leave them to the next.
  vi.useRealTimers()
})

describe('a done verdict and a new link in the same history entry', () => {
  it('a new token prop whose reset failed (retryable) is not reported as changed after a reload', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter(async ({ token }) => {
      if (token === 'tok_new') throw new ResetError('network')
    })
    const first = render(<ResetPasswordPage adapter={adapter} token="tok_old" forgotPasswordUrl={FORGOT_URL} />)
    await submit(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    // The host's router brings the next link into the same page (and entry).
    first.rerender(<ResetPasswordPage adapter={adapter} token="tok_new" forgotPasswordUrl={FORGOT_URL} />)
    await submit(user)
    await waitFor(() => expect(screen.getByRole('alert')).not.toBeEmptyDOMElement())
    first.unmount()

    // A reload: the router had already taken the token out of the URL, so none is passed.
    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Your password has been changed' })).not.toBeInTheDocument()
  })

  it('a new link in the URL of the same entry (a router keeping history.state) is not reported as changed once its token is gone', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    window.history.replaceState(null, '', '/reset?token=tok_old')
    const first = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await submit(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    first.unmount()

    // Same entry, state kept (as this kit's own replaceState does), a new link arrives.
    window.history.replaceState(window.history.state, '', '/reset?token=tok_new')
    const second = render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    await screen.findByRole('heading', { name: 'Choose a new password' })
    second.unmount()
    // The tab's copy of the token is gone (with blocked storage it lived only in memory, lost on reload).
    sessionStorage.clear()

    render(<ResetPasswordPage adapter={adapter} forgotPasswordUrl={FORGOT_URL} />)
    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
  })
})

describe('the success screen with a token prop', () => {
  it('stays after another part of its Suspense boundary suspends and resolves', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const page = (data?: Promise<string>) => (
      <Suspense fallback={<p>Loading…</p>}>
        <ResetPasswordPage adapter={adapter} token="tok_1" forgotPasswordUrl={FORGOT_URL} />
        <SuspendingSibling data={data} />
      </Suspense>
    )
    const { rerender } = render(page())
    await submit(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    let resolve!: (value: string) => void
    const data = new Promise<string>((settle) => (resolve = settle))
    await act(async () => rerender(page(data)))
    await act(async () => resolve('Footer'))
    expect(await screen.findByText('Footer')).toBeInTheDocument()
    await act(() => new Promise((r) => setTimeout(r, 20)))

    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
  })

  it('stays after the page is mounted again with the same token (a new key, Back in the app)', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const { rerender } = render(
      <ResetPasswordPage key="en" adapter={adapter} token="tok_2" forgotPasswordUrl={FORGOT_URL} />,
    )
    await submit(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })

    // The host re-keys the page (a language switch), its router still holding the spent token.
    rerender(<ResetPasswordPage key="fr" adapter={adapter} token="tok_2" forgotPasswordUrl={FORGOT_URL} />)
    await act(() => new Promise((r) => setTimeout(r, 20)))

    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })
})

describe('a page re-keyed while its new password is on its way', () => {
  // The host re-keys the page (a language switch) mid-request: the new page reads the link, still
  // unspent, and only the old page, now gone, hears the answer.
  async function rekeyMidRequest(token: string | undefined) {
    const user = userEvent.setup()
    let answer!: () => void
    const adapter = fakeAdapter(() => new Promise<void>((resolve) => (answer = resolve)))
    const onSuccess = vi.fn()
    const page = (key: string) => (
      <ResetPasswordPage
        key={key}
        adapter={adapter}
        token={token}
        onSuccess={onSuccess}
        forgotPasswordUrl={FORGOT_URL}
      />
    )
    const { rerender } = render(page('en'))
    await submit(user)
    await screen.findByRole('button', { name: 'Changing password…' })
    rerender(page('fr'))
    await screen.findByRole('heading', { name: 'Choose a new password' })
    await act(async () => answer())
    return { adapter, onSuccess }
  }

  it.each([
    ['from the token prop', 'tok_5'],
    ['from the address bar', undefined],
  ])('the new page shows the success screen and tells the host once (token %s)', async (_, token) => {
    if (token === undefined) window.history.replaceState(null, '', '/reset?token=tok_6')
    const { adapter, onSuccess } = await rekeyMidRequest(token)

    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it('a check of the link still on its way in the new page does not bring the form back', async () => {
    const user = userEvent.setup()
    let answer!: () => void
    let checked!: () => void
    const checks: string[] = []
    const adapter = {
      ...fakeAdapter(() => new Promise<void>((resolve) => (answer = resolve))),
      // The first page's check passes at once; the new page's waits until after the answer.
      checkToken: async ({ token }: { token: string }) => {
        checks.push(token)
        if (checks.length > 1) await new Promise<void>((resolve) => (checked = resolve))
      },
    }
    const page = (key: string) => (
      <ResetPasswordPage key={key} adapter={adapter} token="tok_9" forgotPasswordUrl={FORGOT_URL} />
    )
    const { rerender } = render(page('en'))
    await submit(user)
    rerender(page('fr'))
    await waitFor(() => expect(checks).toHaveLength(2))
    await act(async () => answer())
    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    await act(async () => checked())
    await act(() => new Promise((r) => setTimeout(r, 20)))

    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument()
  })

  it("a host's onSuccess that throws in one page keeps neither the sending page nor the others from their success", async () => {
    const user = userEvent.setup()
    let answer!: () => void
    const adapter = fakeAdapter(() => new Promise<void>((resolve) => (answer = resolve)))
    const onSuccess = vi.fn()
    const throwing = () => {
      throw new Error('host bug')
    }
    // Two pages whose host throws, so whichever hears it first would stop the other hearing it.
    render(
      <>
        <ResetPasswordPage adapter={adapter} token="tok_10" onSuccess={onSuccess} forgotPasswordUrl={FORGOT_URL} />
        <ResetPasswordPage adapter={adapter} token="tok_10" onSuccess={throwing} forgotPasswordUrl={FORGOT_URL} />
        <ResetPasswordPage adapter={adapter} token="tok_10" onSuccess={throwing} forgotPasswordUrl={FORGOT_URL} />
      </>,
    )
    await waitFor(() => expect(screen.getAllByRole('heading', { name: 'Choose a new password' })).toHaveLength(3))
    await submit(user)
    vi.useFakeTimers()
    await act(async () => answer())
    // The other pages hear it from timers: the host's throw leaves from there (to the window's
    // error handler in a browser).
    act(() => expect(() => vi.runOnlyPendingTimers()).toThrow('host bug'))
    vi.useRealTimers()

    expect(screen.getAllByRole('heading', { name: 'Your password has been changed' })).toHaveLength(3)
    for (const alert of screen.getAllByRole('alert')) expect(alert).toBeEmptyDOMElement()
    expect(onSuccess).toHaveBeenCalledOnce()
    expect(adapter.completeReset).toHaveBeenCalledOnce()
  })

  it('a page beside it with another link keeps its form', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(
      <>
        <ResetPasswordPage adapter={adapter} token="tok_7" forgotPasswordUrl={FORGOT_URL} />
        <section aria-label="other">
          <ResetPasswordPage adapter={adapter} token="tok_8" forgotPasswordUrl={FORGOT_URL} />
        </section>
      </>,
    )
    await waitFor(() => expect(screen.getAllByRole('heading', { name: 'Choose a new password' })).toHaveLength(2))
    await submit(user)

    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(screen.getAllByRole('heading', { name: 'Choose a new password' })).toHaveLength(1)
    expect(screen.getByRole('region', { name: 'other' })).toContainElement(
      screen.getByRole('heading', { name: 'Choose a new password' }),
    )
  })
})

describe("a token prop from the host's router that is null after a reload", () => {
  it('shows the success screen again and sends nothing', async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const first = render(<ResetPasswordPage adapter={adapter} token="tok_3" forgotPasswordUrl={FORGOT_URL} />)
    await submit(user)
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    first.unmount()

    // A reload: the router had taken the token out of the URL, so `searchParams.get('token')` is null.
    render(<ResetPasswordPage adapter={adapter} token={null} forgotPasswordUrl={FORGOT_URL} />)
    expect(await screen.findByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(adapter.completeReset).toHaveBeenCalledTimes(1)
  })

  it('without a reset before it, still shows the invalid-link screen', async () => {
    render(<ResetPasswordPage adapter={fakeAdapter()} token={null} forgotPasswordUrl={FORGOT_URL} />)
    expect(await screen.findByRole('heading', { name: "This link doesn't work" })).toBeInTheDocument()
  })
})
