import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ResetPasswordPage } from '../src'
import { tooManyRequests, weakPassword } from '../test/adapters/fixtures/stytch'
import {
  answerWith,
  ENDPOINTS,
  KNOWN_EMAIL,
  neverAnswers,
  openLink,
  recorded,
  REDIRECT_URL,
  requestStackAuthLink,
  requestStytchLink,
  stackAuthBackend,
  stytchBackend,
} from './support/backends'
import { messagesFor } from './support/messages'

/**
 * Each story "opens" a real emailed link: its loader asks an emulator (demo/emulator, behind msw)
 * for a reset email through the adapter, stores the PKCE verifier with the core APIs where the
 * backend uses PKCE (Stytch), and puts the link's params in the address bar. Stack Auth (no PKCE,
 * a check that does not spend the link) plays the states only it can tell apart: checking, expired,
 * used and unknown links.
 */
const meta = {
  title: 'Components/ResetPasswordPage',
  component: ResetPasswordPage,
  tags: ['autodocs'],
  args: {
    forgotPasswordUrl: '/forgot-password',
    signInUrl: '/sign-in',
    onSuccess: fn(),
    onError: fn(),
  },
  argTypes: {
    adapter: { control: false },
    messages: { control: false },
    classNames: { control: 'object' },
    token: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The page the emailed link opens. The view is in `data-state` on the root (`checking`, `ready`, `success`, `link_invalid`, `link_expired`, `link_used`, `verifier_missing`, `check_failed`), with `data-pending` while the new password is sent and `data-invalid` on a field with an error. On this page each preview shows where its story starts; the states a story reaches by typing and clicking play when you open it from the sidebar.',
      },
    },
  },
} satisfies Meta<typeof ResetPasswordPage>

export default meta
type Story = StoryObj<typeof meta>

const WAIT = { timeout: 5000 }

/** Waits for a view by its heading in the story's locale, and checks `data-state`. */
async function expectView(canvasElement: HTMLElement, heading: string, state: string) {
  await within(canvasElement).findByRole('heading', { name: heading }, WAIT)
  await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('data-state', state)
}

/** Types into both fields and submits. */
async function submitPasswords(canvasElement: HTMLElement, locale: unknown, password: string, confirmation = password) {
  const m = messagesFor(locale)
  const canvas = within(canvasElement)
  await expectView(canvasElement, m.reset.title, 'ready')
  await userEvent.type(canvas.getByLabelText(m.reset.passwordLabel), password)
  await userEvent.type(canvas.getByLabelText(m.reset.confirmLabel), confirmation)
  await userEvent.click(canvas.getByRole('button', { name: m.reset.submit }))
  return { m, canvas }
}

const checking = stackAuthBackend('reset-checking')

/** Stack Auth is asked about the link and has not answered yet. */
export const CheckingLink: Story = {
  args: { adapter: checking.adapter },
  parameters: {
    msw: {
      handlers: [http.post(ENDPOINTS.stackCheckCode, neverAnswers()), ...checking.handlers],
    },
  },
  loaders: [checking.fresh, async () => openLink(await requestStackAuthLink(checking))],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.checkingTitle, 'checking')
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('aria-busy', 'true')
  },
}

const ready = stytchBackend('reset-ready')

/**
 * A fresh Stytch link in the browser that asked for it: the form. The token has already left the
 * address bar.
 */
export const Ready: Story = {
  args: { adapter: ready.adapter },
  parameters: { msw: { handlers: ready.handlers } },
  loaders: [ready.fresh, async () => openLink(await requestStytchLink(ready))],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.title, 'ready')
    await expect(new URL(window.location.href).searchParams.has('token')).toBe(false)
    await expect(within(canvasElement).getByRole('button', { name: m.reset.showPassword })).toHaveAttribute(
      'aria-pressed',
      'false',
    )
  },
}

const shown = stytchBackend('reset-password-shown')

/** "Show password" pressed: both fields show their text, and the toggle says it is on. */
export const PasswordShown: Story = {
  args: { adapter: shown.adapter },
  parameters: { msw: { handlers: shown.handlers } },
  loaders: [shown.fresh, async () => openLink(await requestStytchLink(shown))],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    const canvas = within(canvasElement)
    await expectView(canvasElement, m.reset.title, 'ready')
    await userEvent.type(canvas.getByLabelText(m.reset.passwordLabel), 'correct horse battery')
    await userEvent.click(canvas.getByRole('button', { name: m.reset.showPassword }))
    await expect(canvas.getByRole('button', { name: m.reset.showPassword })).toHaveAttribute('aria-pressed', 'true')
    await expect(canvas.getByLabelText(m.reset.passwordLabel)).toHaveAttribute('type', 'text')
    await expect(canvas.getByLabelText(m.reset.confirmLabel)).toHaveAttribute('type', 'text')
  },
}

/** A story that types `password` in the new-password field only, and ends with the strength meter at `level`. */
function strengthStory(name: string, password: string, level: string): Story {
  const backend = stytchBackend(name)
  return {
    args: { adapter: backend.adapter },
    parameters: { msw: { handlers: backend.handlers } },
    loaders: [backend.fresh, async () => openLink(await requestStytchLink(backend))],
    play: async ({ canvasElement, globals }) => {
      const m = messagesFor(globals.locale)
      await expectView(canvasElement, m.reset.title, 'ready')
      await userEvent.type(within(canvasElement).getByLabelText(m.reset.passwordLabel), password)
      await expect(canvasElement.querySelector('[data-part="strength"]')).toHaveAttribute('data-strength', level)
      // Nothing is reported until submit, however short.
      await expect(canvasElement.querySelector('[data-invalid]')).toBeNull()
    },
  }
}

/** Typing, still under the minimum: a quarter of the meter, in the error colour. Nothing is reported until submit. */
export const StrengthTooShort: Story = strengthStory('reset-strength-too-short', 'horse', 'tooShort')

/** Long enough, only just (10 characters): half the meter. */
export const StrengthFair: Story = strengthStory('reset-strength-fair', 'horse play', 'fair')

/** Twelve characters or more: three quarters of the meter, in the primary colour. */
export const StrengthGood: Story = strengthStory('reset-strength-good', 'correct horse', 'good')

/** Sixteen characters or more: the whole meter, in the success colour. */
export const StrengthStrong: Story = strengthStory('reset-strength-strong', 'correct horse battery', 'strong')

const changing = stytchBackend('reset-submitting')

/** The new password is on its way (this backend never answers): the button says so, with a spinner, and holds. */
export const Submitting: Story = {
  args: { adapter: changing.adapter },
  parameters: {
    msw: {
      handlers: [http.post(ENDPOINTS.stytchReset, neverAnswers()), ...changing.handlers],
    },
  },
  loaders: [changing.fresh, async () => openLink(await requestStytchLink(changing))],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await submitPasswords(canvasElement, globals.locale, 'correct horse battery')
    const button = await canvas.findByRole('button', { name: m.reset.submitting }, WAIT)
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('data-pending')
  },
}

const resetLimited = stytchBackend('reset-rate-limited')

/** Stytch answers the new password with 429 and `Retry-After`: the alert names the wait and the button holds. */
export const RateLimited: Story = {
  args: { adapter: resetLimited.adapter },
  parameters: {
    msw: { handlers: [http.post(ENDPOINTS.stytchReset, recorded(tooManyRequests)), ...resetLimited.handlers] },
  },
  loaders: [resetLimited.fresh, async () => openLink(await requestStytchLink(resetLimited))],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await submitPasswords(canvasElement, globals.locale, 'correct horse battery')
    const alert = canvasElement.querySelector('[data-part="alert"]')
    await waitFor(() => expect(alert).not.toBeEmptyDOMElement(), WAIT)
    await expect(canvas.getByRole('button', { name: m.reset.submit })).toHaveAttribute('aria-disabled', 'true')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited' }))
  },
}

const tooShort = stytchBackend('reset-too-short')

/**
 * Shorter than the minimum and submitted: refused in the browser with a field error, so the link
 * is not spent. (While typing, the meter says so: Strength Too Short.)
 */
export const TooShort: Story = {
  name: 'Too Short, Submitted',
  args: { adapter: tooShort.adapter },
  parameters: { msw: { handlers: tooShort.handlers } },
  loaders: [tooShort.fresh, async () => openLink(await requestStytchLink(tooShort))],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await submitPasswords(canvasElement, globals.locale, 'short')
    const input = canvas.getByLabelText(m.reset.passwordLabel)
    await waitFor(() => expect(input).toHaveAttribute('aria-invalid', 'true'))
    await expect(canvasElement.querySelector('[data-part="fieldError"]')).toHaveTextContent(/8/)
    // The strength hint steps aside while the field shows its error, and comes back on the next edit.
    await expect(canvasElement.querySelector('[data-part="strength"]')).toBeEmptyDOMElement()
  },
}

const weak = stytchBackend('reset-weak-password')

/** Long enough, but Stytch finds it too easy to guess (a recorded `weak_password`); the link stays usable. */
export const WeakPassword: Story = {
  args: { adapter: weak.adapter },
  parameters: { msw: { handlers: [http.post(ENDPOINTS.stytchReset, recorded(weakPassword)), ...weak.handlers] } },
  loaders: [weak.fresh, async () => openLink(await requestStytchLink(weak))],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await submitPasswords(canvasElement, globals.locale, 'aaaaaaaaaaaa')
    await expect(await canvas.findByText(m.errors.password_weak, {}, WAIT)).toBeVisible()
    await expect(canvas.getByLabelText(m.reset.passwordLabel)).toHaveAttribute('aria-invalid', 'true')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'password_weak' }))
  },
}

const breached = stytchBackend('reset-breached-password')

/** The emulator, like Stytch, refuses a password known from data breaches. */
export const BreachedPassword: Story = {
  args: { adapter: breached.adapter },
  parameters: { msw: { handlers: breached.handlers } },
  loaders: [breached.fresh, async () => openLink(await requestStytchLink(breached))],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await submitPasswords(canvasElement, globals.locale, 'password1')
    await expect(await canvas.findByText(m.errors.password_breached, {}, WAIT)).toBeVisible()
  },
}

const mismatch = stytchBackend('reset-mismatch')

/** The confirmation differs: the second field says so, nothing is sent. */
export const ConfirmationMismatch: Story = {
  args: { adapter: mismatch.adapter },
  parameters: { msw: { handlers: mismatch.handlers } },
  loaders: [mismatch.fresh, async () => openLink(await requestStytchLink(mismatch))],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await submitPasswords(
      canvasElement,
      globals.locale,
      'correct horse battery staple',
      'correct horse battery stable',
    )
    await expect(await canvas.findByText(m.errors.password_mismatch)).toBeVisible()
    await expect(canvas.getByLabelText(m.reset.confirmLabel)).toHaveAttribute('aria-invalid', 'true')
  },
}

const success = stytchBackend('reset-success')
const NEW_PASSWORD = 'a much longer passphrase'

/** The main flow: a new password, sent with the token and the verifier; the emulator now has it. */
export const Success: Story = {
  args: { adapter: success.adapter },
  parameters: { msw: { handlers: success.handlers } },
  loaders: [success.fresh, async () => openLink(await requestStytchLink(success))],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await submitPasswords(canvasElement, globals.locale, NEW_PASSWORD)
    await expectView(canvasElement, m.reset.successTitle, 'success')
    await expect(canvas.getByRole('link', { name: m.reset.signIn })).toHaveAttribute('href', '/sign-in')
    await expect(args.onSuccess).toHaveBeenCalled()
    await expect(success.emulator.users.find((user) => user.email === KNOWN_EMAIL)?.password).toBe(NEW_PASSWORD)
  },
}

const expired = stackAuthBackend('reset-expired')

/** A Stack Auth code is good for 7 days; the emulator's clock has moved 8 days on. */
export const LinkExpired: Story = {
  args: { adapter: expired.adapter },
  parameters: { msw: { handlers: expired.handlers } },
  loaders: [
    expired.fresh,
    async () => {
      openLink(await requestStackAuthLink(expired))
      expired.clock.advance(8 * 24 * 60 * 60 * 1000)
    },
  ],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.expiredTitle, 'link_expired')
    await expect(within(canvasElement).getByRole('link', { name: m.reset.requestNewLink })).toHaveAttribute(
      'href',
      '/forgot-password',
    )
  },
}

const used = stackAuthBackend('reset-used')

/** The link already changed the password once (here, through the adapter in the loader). */
export const LinkUsed: Story = {
  args: { adapter: used.adapter },
  parameters: { msw: { handlers: used.handlers } },
  loaders: [
    used.fresh,
    async () => {
      const link = await requestStackAuthLink(used)
      const code = new URL(link).searchParams.get('code') ?? ''
      await used.adapter.completeReset({ token: code, password: NEW_PASSWORD, signal: new AbortController().signal })
      openLink(link)
    },
  ],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.usedTitle, 'link_used')
  },
}

const invalid = stackAuthBackend('reset-invalid')

/** A well-formed code Stack Auth never issued (or one cut short in a mail client). */
export const LinkInvalid: Story = {
  args: { adapter: invalid.adapter },
  parameters: { msw: { handlers: invalid.handlers } },
  loaders: [invalid.fresh, () => openLink(`${REDIRECT_URL}?code=${'0'.repeat(45)}`)],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.invalidTitle, 'link_invalid')
  },
}

const noToken = stytchBackend('reset-no-token')

/** The page opened without any token: nothing to check, nothing sent. */
export const LinkWithoutToken: Story = {
  args: { adapter: noToken.adapter },
  parameters: { msw: { handlers: noToken.handlers } },
  loaders: [noToken.fresh],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.invalidTitle, 'link_invalid')
  },
}

const verifierMissing = stytchBackend('reset-verifier-missing')

/**
 * A Stytch link asked for in another browser: this one has no PKCE verifier, so nothing is sent
 * and the page offers a new link from here.
 */
export const VerifierMissing: Story = {
  args: { adapter: verifierMissing.adapter },
  parameters: { msw: { handlers: verifierMissing.handlers } },
  loaders: [
    verifierMissing.fresh,
    async () => openLink(await requestStytchLink(verifierMissing, { keepVerifier: false })),
  ],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.verifierTitle, 'verifier_missing')
    await expect(verifierMissing.emulator.users.find((user) => user.email === KNOWN_EMAIL)?.password).toBe(
      'correct horse battery',
    )
  },
}

const checkFailed = stackAuthBackend('reset-check-failed')
let dropNextCheck = true

/** The check could not reach Stack Auth. "Try again" asks once more, and then it gets through. */
export const CheckFailed: Story = {
  args: { adapter: checkFailed.adapter },
  parameters: {
    msw: {
      handlers: [
        http.post(ENDPOINTS.stackCheckCode, ({ request }) => {
          if (!dropNextCheck) return answerWith(checkFailed.emulator, request)
          dropNextCheck = false
          return HttpResponse.error()
        }),
        ...checkFailed.handlers,
      ],
    },
  },
  loaders: [
    checkFailed.fresh,
    async () => {
      dropNextCheck = true
      openLink(await requestStackAuthLink(checkFailed))
    },
  ],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.checkFailedTitle, 'check_failed')
    await expect(canvasElement.querySelector('[data-part="description"]')).toHaveTextContent(m.errors.network)
    await expect(within(canvasElement).getByRole('button', { name: m.reset.retry })).toBeEnabled()
  },
}

const checkLimited = stackAuthBackend('reset-check-rate-limited')

/** Stack Auth answers the link check with 429 and `Retry-After`: the wait is named and "Try again" holds until it is over. */
export const CheckRateLimited: Story = {
  args: { adapter: checkLimited.adapter },
  parameters: {
    msw: {
      handlers: [
        http.post(ENDPOINTS.stackCheckCode, () =>
          HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '120' } }),
        ),
        ...checkLimited.handlers,
      ],
    },
  },
  loaders: [checkLimited.fresh, async () => openLink(await requestStackAuthLink(checkLimited))],
  play: async ({ canvasElement, globals, args }) => {
    const m = messagesFor(globals.locale)
    await expectView(canvasElement, m.reset.checkFailedTitle, 'check_failed')
    await expect(within(canvasElement).getByRole('button', { name: m.reset.retry })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited' }))
  },
}
