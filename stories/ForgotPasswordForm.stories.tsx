import type { Meta, StoryObj } from '@storybook/react-vite'
import { http, HttpResponse } from 'msw'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { ForgotPasswordForm } from '../src'
import { createPkcePair } from '../src/core'
import { internalServerError } from '../test/adapters/fixtures/stytch'
import {
  answerWith,
  ENDPOINTS,
  KNOWN_EMAIL,
  neverAnswers,
  recorded,
  REDIRECT_URL,
  stytchBackend,
} from './support/backends'
import { messagesFor, pattern } from './support/messages'

/**
 * Every story runs against the Stytch emulator (demo/emulator) behind msw, so the adapter sends
 * and reads Stytch's real wire format; stories for failures the emulator cannot produce answer
 * with a recorded Stytch payload or a dropped connection instead.
 */
const meta = {
  title: 'Components/ForgotPasswordForm',
  component: ForgotPasswordForm,
  tags: ['autodocs'],
  args: {
    redirectUrl: REDIRECT_URL,
    onSent: fn(),
    onError: fn(),
  },
  argTypes: {
    adapter: { control: false },
    messages: { control: false },
    classNames: { control: 'object' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Asks for the email address and sends the reset link, then shows the same neutral confirmation whether or not the account exists. State is in `data-state` (`form` | `sent`) and `data-pending` on the root, `data-invalid` on the field and input. On this page each preview shows where its story starts; the states a story reaches by typing and clicking play when you open it from the sidebar.',
      },
    },
  },
} satisfies Meta<typeof ForgotPasswordForm>

export default meta
type Story = StoryObj<typeof meta>

/** The confirmation never appears sooner than a second after submit, so wait a little longer. */
const SENT_TIMEOUT = { timeout: 5000 }

/** "Send the email again" once the confirmation shows and its cooldown is over. */
async function resendWhenReady(canvas: ReturnType<typeof within>, m: ReturnType<typeof messagesFor>) {
  const resend = await canvas.findByRole('button', { name: m.forgot.resend }, SENT_TIMEOUT)
  await waitFor(() => expect(resend).not.toHaveAttribute('aria-disabled'), SENT_TIMEOUT)
  return resend
}

async function fillEmail(canvasElement: HTMLElement, locale: unknown, email: string) {
  const m = messagesFor(locale)
  const canvas = within(canvasElement)
  // The heading in the story's locale means its strings have loaded.
  await canvas.findByRole('heading', { name: m.forgot.title }, SENT_TIMEOUT)
  const input = canvas.getByRole('textbox', { name: m.forgot.emailLabel })
  await userEvent.clear(input)
  await userEvent.type(input, email)
  return { m, canvas, input }
}

const idle = stytchBackend('forgot-idle')

/** The first view: one email field and the send button. */
export const Idle: Story = {
  args: { adapter: idle.adapter },
  parameters: { msw: { handlers: idle.handlers } },
  loaders: [idle.fresh],
  play: async ({ canvasElement, globals }) => {
    const m = messagesFor(globals.locale)
    const canvas = within(canvasElement)
    await canvas.findByRole('heading', { name: m.forgot.title }, SENT_TIMEOUT)
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('data-state', 'form')
    await expect(canvas.getByRole('button', { name: m.forgot.submit })).toBeEnabled()
  },
}

const fieldErrors = stytchBackend('forgot-field-errors')

/** An address that cannot be one: the field says so and takes focus; nothing is sent. */
export const FieldErrors: Story = {
  args: { adapter: fieldErrors.adapter },
  parameters: { msw: { handlers: fieldErrors.handlers } },
  loaders: [fieldErrors.fresh],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas, input } = await fillEmail(canvasElement, globals.locale, 'ada@example')
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await expect(await canvas.findByText(m.errors.invalid_email)).toBeVisible()
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    await expect(input).toHaveAttribute('data-invalid')
    await waitFor(() => expect(input).toHaveFocus())
    await expect(fieldErrors.emulator.outbox).toHaveLength(0)
    await expect(args.onSent).not.toHaveBeenCalled()
  },
}

const submitting = stytchBackend('forgot-submitting')

/** The request is on its way (this backend never answers): the button says so and holds. */
export const Submitting: Story = {
  args: { adapter: submitting.adapter },
  parameters: {
    msw: {
      handlers: [http.post(ENDPOINTS.stytchStart, neverAnswers())],
    },
  },
  loaders: [submitting.fresh],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    const button = await canvas.findByRole('button', { name: m.forgot.submitting })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('data-pending')
  },
}

const sent = stytchBackend('forgot-sent')

/**
 * The neutral confirmation, with "send again" held for the cooldown. The emulator really "sent"
 * the email: its outbox holds the link.
 */
export const SentWithCooldown: Story = {
  args: { adapter: sent.adapter, expiresInMinutes: 30 },
  parameters: { msw: { handlers: sent.handlers } },
  loaders: [sent.fresh],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await canvas.findByRole('heading', { name: m.forgot.sentTitle }, SENT_TIMEOUT)
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('data-state', 'sent')
    await expect(canvas.getByRole('button', { name: m.forgot.resend })).toHaveAttribute('aria-disabled', 'true')
    await expect(canvas.getByText(pattern(m.forgot.resendIn))).toBeVisible()
    await expect(canvas.getByRole('button', { name: m.forgot.useAnotherEmail })).toBeEnabled()
    await expect(args.onSent).toHaveBeenCalledWith({ email: KNOWN_EMAIL, resent: false })
    await expect(sent.emulator.outbox).toHaveLength(1)
  },
}

const cooldownOver = stytchBackend('forgot-cooldown-over')

/** The cooldown is over (one second here, a minute by default): "send again" is offered, and screen readers are told. */
export const CooldownOver: Story = {
  args: { adapter: cooldownOver.adapter, resendCooldownSeconds: 1 },
  parameters: { msw: { handlers: cooldownOver.handlers } },
  loaders: [cooldownOver.fresh],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await canvas.findByRole('heading', { name: m.forgot.sentTitle }, SENT_TIMEOUT)
    await resendWhenReady(canvas, m)
    await expect(canvas.queryByText(pattern(m.forgot.resendIn))).toBeNull()
    await expect(canvasElement.querySelector('[data-part="cooldownStatus"]')).toHaveTextContent(m.forgot.cooldownEnded)
  },
}

const resending = stytchBackend('forgot-resending')
let answerNextStart = true

/** "Send the email again" pressed, and that request is on its way (it never answers): the button says so, with a spinner. */
export const Resending: Story = {
  args: { adapter: resending.adapter, resendCooldownSeconds: 1 },
  parameters: {
    msw: {
      handlers: [
        http.post(ENDPOINTS.stytchStart, ({ request }) => {
          if (!answerNextStart) return neverAnswers()()
          answerNextStart = false
          return answerWith(resending.emulator, request)
        }),
        ...resending.handlers,
      ],
    },
  },
  loaders: [
    resending.fresh,
    () => {
      answerNextStart = true
    },
  ],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await userEvent.click(await resendWhenReady(canvas, m))
    const button = await canvas.findByRole('button', { name: m.forgot.submitting })
    await expect(button).toHaveAttribute('aria-disabled', 'true')
    await expect(canvasElement.querySelector('[data-part="root"]')).toHaveAttribute('data-pending')
    await expect(args.onSent).toHaveBeenCalledTimes(1)
  },
}

const unknownAccount = stytchBackend('forgot-unknown-account')

/**
 * No account has this address (Stytch answers 404 `email_not_found`): the user sees exactly the
 * same confirmation, so the form cannot be used to find out who has an account.
 */
export const UnknownAccount: Story = {
  args: { adapter: unknownAccount.adapter },
  parameters: { msw: { handlers: unknownAccount.handlers } },
  loaders: [unknownAccount.fresh],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, 'nobody@example.com')
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await canvas.findByRole('heading', { name: m.forgot.sentTitle }, SENT_TIMEOUT)
    await expect(args.onSent).toHaveBeenCalledWith({ email: 'nobody@example.com', resent: false })
    await expect(unknownAccount.emulator.outbox).toHaveLength(0)
  },
}

// One request a minute, and the loader has already spent it.
const rateLimited = stytchBackend('forgot-rate-limited', { rateLimitPerMinute: 1 })

/**
 * Stytch answers 429 `too_many_requests` with `Retry-After`: the alert names the wait and the
 * button holds until it is over, across reloads.
 */
export const RateLimited: Story = {
  args: { adapter: rateLimited.adapter },
  parameters: { msw: { handlers: rateLimited.handlers } },
  loaders: [
    rateLimited.fresh,
    async () => {
      const { challenge } = await createPkcePair()
      await rateLimited.adapter.startReset({
        email: KNOWN_EMAIL,
        redirectUrl: REDIRECT_URL,
        locale: 'en',
        codeChallenge: challenge,
        signal: new AbortController().signal,
      })
    },
  ],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    const alert = canvasElement.querySelector('[data-part="alert"]')
    await waitFor(() => expect(alert).toHaveTextContent(pattern(m.errors.rate_limited)))
    await expect(canvas.getByRole('button', { name: m.forgot.submit })).toHaveAttribute('aria-disabled', 'true')
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'rate_limited' }))
  },
}

const offline = stytchBackend('forgot-offline')

/** The connection drops: a network error, and the form stays as typed for another try. */
export const Offline: Story = {
  args: { adapter: offline.adapter },
  parameters: { msw: { handlers: [http.post(ENDPOINTS.stytchStart, () => HttpResponse.error())] } },
  loaders: [offline.fresh],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas, input } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await waitFor(() => expect(canvasElement.querySelector('[data-part="alert"]')).toHaveTextContent(m.errors.network))
    await expect(input).toHaveValue(KNOWN_EMAIL)
  },
}

const serverError = stytchBackend('forgot-server-error')

/** Stytch answers 500 `internal_server_error` (a recorded payload): a translated alert, never Stytch's English. */
export const ServerError: Story = {
  args: { adapter: serverError.adapter },
  parameters: { msw: { handlers: [http.post(ENDPOINTS.stytchStart, recorded(internalServerError))] } },
  loaders: [serverError.fresh],
  play: async ({ canvasElement, globals, args }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await waitFor(() => expect(canvasElement.querySelector('[data-part="alert"]')).toHaveTextContent(m.errors.server))
    await expect(canvasElement).not.toHaveTextContent(internalServerError.body.error_message)
    await expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'server' }))
  },
}

const redirectNotAllowed = stytchBackend('forgot-redirect-not-allowed')

/**
 * The configured `redirectUrl` is not among the project's redirect URLs (Stytch's
 * `invalid_password_reset_redirect_url`): a setup mistake, shown the same for every address.
 */
export const RedirectNotAllowed: Story = {
  args: { adapter: redirectNotAllowed.adapter, redirectUrl: 'https://staging.example.com/reset-password' },
  parameters: { msw: { handlers: redirectNotAllowed.handlers } },
  loaders: [redirectNotAllowed.fresh],
  play: async ({ canvasElement, globals }) => {
    const { m, canvas } = await fillEmail(canvasElement, globals.locale, KNOWN_EMAIL)
    await userEvent.click(canvas.getByRole('button', { name: m.forgot.submit }))
    await waitFor(() =>
      expect(canvasElement.querySelector('[data-part="alert"]')).toHaveTextContent(m.errors.redirect_not_allowed),
    )
  },
}
