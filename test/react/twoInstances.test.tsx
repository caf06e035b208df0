import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ResetAdapter } from '../../src/core/ResetAdapter'
import { ForgotPasswordForm } from '../../src/react/ForgotPasswordForm'
import { ResetPasswordPage } from '../../src/react/ResetPasswordPage'
import { expectNoAxeViolations } from './expectNoAxeViolations'

// Two kit instances on one page with one adapter, as an app has them: a modal's form over the
// page's own form, or a "forgot password" card beside the reset page. The verifier one of them
// stored serves the other; what each shows stays its own.

const REDIRECT_URL = 'https://app.example.com/reset-password'
const VERIFIER_KEY = 'reset-kit:test:verifier'

function fakeAdapter(options: { pkce?: boolean; startReset?: ResetAdapter['startReset'] } = {}) {
  return {
    id: 'test',
    pkce: options.pkce ?? false,
    tokenParams: ['token'],
    startReset: vi.fn<ResetAdapter['startReset']>(options.startReset ?? (async () => {})),
    completeReset: vi.fn<ResetAdapter['completeReset']>(async () => {}),
  } satisfies ResetAdapter
}

/** The two regions, by their accessible names: each is a labelled section with its own heading. */
function twoForms() {
  const [modal, page] = screen.getAllByRole('region')
  return { modal: within(modal!), page: within(page!) }
}

/** Every id in the document that is used more than once. */
function duplicateIds(): string[] {
  const seen = new Map<string, number>()
  for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1)
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id)
}

beforeEach(() => {
  sessionStorage.clear()
  localStorage.clear()
  window.history.replaceState(null, '', '/')
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('two <ForgotPasswordForm>s with one adapter', () => {
  it('have no duplicate id, and each label names its own input', async () => {
    const adapter = fakeAdapter()
    const { container } = render(
      <>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </>,
    )
    const { modal, page } = twoForms()

    expect(duplicateIds()).toEqual([])
    const inputs = screen.getAllByRole('textbox', { name: 'Email address' })
    expect(inputs).toHaveLength(2)
    expect(modal.getByRole('textbox', { name: 'Email address' })).toBe(inputs[0])
    expect(page.getByRole('textbox', { name: 'Email address' })).toBe(inputs[1])
    for (const label of container.querySelectorAll('label'))
      expect(label.closest('section')).toBe(document.getElementById(label.htmlFor)?.closest('section'))
    await expectNoAxeViolations(container)
  })

  it("one form's confirmation and field error stay in that form", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    render(
      <>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </>,
    )
    const { modal, page } = twoForms()

    await user.click(page.getByRole('button', { name: 'Send reset link' }))
    expect(page.getByRole('textbox', { name: 'Email address' })).toHaveAttribute('aria-invalid', 'true')
    expect(modal.getByRole('textbox', { name: 'Email address' })).not.toHaveAttribute('aria-invalid')

    await user.type(modal.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(modal.getByRole('button', { name: 'Send reset link' }))
    await modal.findByRole('heading', { name: 'Check your email' })
    expect(page.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(page.getByRole('textbox', { name: 'Email address' })).toHaveAttribute('aria-invalid', 'true')
    expect(duplicateIds()).toEqual([])
  })

  it("a second form's request reuses the first one's verifier, so both emails carry a working link", async () => {
    const user = userEvent.setup()
    const adapter = fakeAdapter({ pkce: true })
    render(
      <>
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} />
      </>,
    )
    const { modal, page } = twoForms()

    await user.type(modal.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(modal.getByRole('button', { name: 'Send reset link' }))
    await modal.findByRole('heading', { name: 'Check your email' })
    await user.type(page.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(page.getByRole('button', { name: 'Send reset link' }))
    await page.findByRole('heading', { name: 'Check your email' })

    const [first, second] = adapter.startReset.mock.calls.map(([input]) => input.codeChallenge)
    expect(first).toBeDefined()
    expect(second).toBe(first)
    expect(JSON.parse(localStorage.getItem(VERIFIER_KEY)!)).toMatchObject({ challenge: first })
  })
})

describe('<ForgotPasswordForm> beside <ResetPasswordPage>', () => {
  it("the page's success and the form's confirmation stay their own, with no duplicate id", async () => {
    window.history.replaceState(null, '', '/reset?token=tok_1')
    const user = userEvent.setup()
    const adapter = fakeAdapter()
    const onSent = vi.fn()
    const onSuccess = vi.fn()
    const { container } = render(
      <>
        <ResetPasswordPage adapter={adapter} forgotPasswordUrl="/forgot" onSuccess={onSuccess} />
        <ForgotPasswordForm adapter={adapter} redirectUrl={REDIRECT_URL} minDurationMs={0} onSent={onSent} />
      </>,
    )
    await screen.findByRole('heading', { name: 'Choose a new password' })
    expect(duplicateIds()).toEqual([])
    await expectNoAxeViolations(container)

    await user.type(screen.getByLabelText('New password'), 'a long new passphrase')
    await user.type(screen.getByLabelText('Confirm new password'), 'a long new passphrase')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    await screen.findByRole('heading', { name: 'Your password has been changed' })
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
    expect(onSent).not.toHaveBeenCalled()

    await user.type(screen.getByRole('textbox', { name: 'Email address' }), 'ada@example.com')
    await user.click(screen.getByRole('button', { name: 'Send reset link' }))
    await screen.findByRole('heading', { name: 'Check your email' })
    expect(screen.getByRole('heading', { name: 'Your password has been changed' })).toBeInTheDocument()
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(duplicateIds()).toEqual([])
  })
})
