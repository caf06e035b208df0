import { useMutation } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { assertRedirectUrl } from '../core/assertRedirectUrl'
import { normalizeEmail } from '../core/normalizeEmail'
import { ResetError, type ResetErrorCode, toResetError } from '../core/ResetError'
import { DEFAULT_MIN_DURATION_MS, type StartResetResult } from '../core/startResetFlow'
import { startResetOptions } from '../core/startResetOptions'
import { sweepExpiredRecords } from '../core/sweepExpiredRecords'
import { focusField } from './focusField'
import { formField } from './formField'
import { formProps } from './formProps'
import { keepRateLimit } from './keepRateLimit'
import { useCountdown } from './useCountdown'
import { useRateLimitWait } from './useRateLimitWait'
import { useWhenLive } from './useWhenLive'
import { type ResetKitInstanceOptions, useResetKitSetup } from './useResetKitSetup'

/** Default wait before the same address may be sent another email. */
export const DEFAULT_RESEND_COOLDOWN_SECONDS = 60

type Answer = StartResetResult | ResetError
// A start request on its way: its adapter's id, its signal, whether it is a resend, and its answer.
type Flight = [id: string, signal: AbortSignal, resent: boolean, answer: Promise<Answer>]
// Each request's answer, told from the kit's own onSuccess/onError: a host's MutationCache
// callbacks run after those, and must neither change nor delay it.
const tell = new WeakMap<object, (answer: Answer) => void>()
// The request of a form that unmounted (or was hidden) in this commit, for a form mounting in the
// same commit, and only there: a form the host re-keys mid-request (`key={locale}`, a router)
// mounts as a new one, and only the old one, gone, would hear the answer. Set only by a form that
// sent a request, which a server render never does (it runs no effects).
let handed: Flight | undefined

/** Options of {@link useForgotPassword}; also the behaviour props of `<ForgotPasswordForm>`. */
export interface UseForgotPasswordOptions extends ResetKitInstanceOptions {
  /**
   * Absolute URL of the page that renders `<ResetPasswordPage>`; the emailed link leads there.
   * Configure it; never build it from `location` or query params. https, or http on localhost.
   */
  redirectUrl: string
  /**
   * How long the link stays valid, for backends that let the client choose: Stytch (5–10080) and
   * the HTTP adapter's start body. The confirmation states it (or, when unset, the lifetime the
   * adapter itself sets). Stack Auth, Supabase and Better Auth set it on the server: leave it unset
   * with them, or the screen promises a lifetime the backend does not keep. Anything but a number
   * above 0 (say NaN) fails the request as `misconfigured` before anything is sent.
   */
  expiresInMinutes?: number | undefined
  /** Pre-fills the email field when it first renders; a later change does not replace what is there (the field is uncontrolled). */
  defaultEmail?: string | undefined
  /** Seconds before "send again" is offered. @default 60 */
  resendCooldownSeconds?: number | undefined
  /** The confirmation never appears sooner than this after submit. @default 1000 */
  minDurationMs?: number | undefined
  /** Called after each request the backend accepted, the same whether or not the account exists. */
  onSent?: ((details: { email: string; resent: boolean }) => void) | undefined
  /** Called with every failure, as a typed error with a stable code. */
  onError?: ((error: ResetError) => void) | undefined
}

/**
 * Which screen is showing; `<ForgotPasswordForm>` renders it as `data-state` on its root.
 * - `form`: the email field.
 * - `sent`: the neutral "check your email" confirmation with resend.
 *
 * @selector [data-state="form"]
 * @selector [data-state="sent"]
 */
export type ForgotPasswordView = 'form' | 'sent'

/** Request state: `pending` while a request runs. */
export type ForgotPasswordStatus = 'idle' | 'pending' | 'error' | 'success'

/**
 * The headless "forgot password" state machine: email validation, the start request with PKCE,
 * the neutral confirmation, resend cooldown and rate limits. Returns state, actions and prop
 * getters; `<ForgotPasswordForm>` is one arrangement of them.
 *
 * @example
 * const forgot = useForgotPassword({ adapter, redirectUrl: 'https://app.example.com/reset' })
 * return forgot.view === 'sent'
 *   ? <p>{forgot.t('forgot.sentDescription', { email: forgot.sentTo })}</p>
 *   : <form {...forgot.getFormProps()}><input {...forgot.getEmailInputProps()} /></form>
 */
export function useForgotPassword(options: UseForgotPasswordOptions) {
  const [adapter, locale, textLocale, t, queryClient, store] = useResetKitSetup(
    options,
    process.env.NODE_ENV !== 'production' && 'ForgotPasswordForm',
  )
  const redirectUrl = useMemo(() => assertRedirectUrl(options.redirectUrl), [options.redirectUrl])
  const cooldownSeconds = options.resendCooldownSeconds ?? DEFAULT_RESEND_COOLDOWN_SECONDS

  const [view, setView] = useState<ForgotPasswordView>('form')
  const [sentTo, setSentTo] = useState<string>()
  const [error, setError] = useState<ResetError>()
  // Errors appear on submit only, and go when the user edits the field.
  const [emailError, setEmailError] = useState<ResetErrorCode>()
  const [resendAt, setResendAt] = useState<number>()
  const resendSeconds = useCountdown(resendAt)
  const [retrySeconds, hold] = useRateLimitWait(adapter.id, setError)

  // One controller per adapter: a request for the one before must change nothing. Never aborted
  // by an effect's clean-up, which also runs when <Activity> hides the form: see useWhenLive.
  const controller = useRef<AbortController>(undefined)
  const controllerFor = useRef<string>(undefined)

  const latest = useRef(options)
  latest.current = options
  // Not `mutation.isPending`, which turns false a task after the answer's screen or error shows:
  // React 18 renders them apart, with "Sending link…" beside the result.
  const [pending, setPending] = useState(false)
  // This form's request (sent, or taken up) until its answer lands here. Set synchronously on send:
  // `pending` only turns true on a later render, so a fast double click or Enter twice would
  // otherwise start two requests (T6).
  const flight = useRef<Flight>(undefined)
  const whenLive = useWhenLive(() => {
    flight.current = undefined
    setPending(false)
  })
  // The field is uncontrolled, so typing re-renders nothing: what it held at the last submit comes
  // back when "use another email" shows the form again.
  const [typed, setTyped] = useState(options.defaultEmail)
  // Where a backend's field error puts the focus.
  const formElement = useRef<HTMLFormElement | null>(null)

  const succeed = (sent: StartResetResult, resent = view === 'sent') => {
    setSentTo(sent.email)
    setView('sent')
    setError(undefined)
    setResendAt(Date.now() + cooldownSeconds * 1000)
    latest.current.onSent?.({ email: sent.email, resent })
  }
  const fail = (thrown: unknown) => {
    const resetError = toResetError(thrown)
    if (resetError.code === 'rate_limited') hold(resetError)
    if (resetError.field === 'email' && view === 'form') {
      setEmailError(resetError.code)
      focusField(formElement.current, 'email')
    } else {
      setError(resetError)
    }
    latest.current.onError?.(resetError)
  }

  const mutation = useMutation(
    {
      ...startResetOptions({
        adapter,
        store,
        redirectUrl,
        locale,
        expiresInMinutes: options.expiresInMinutes,
        minDurationMs: options.minDurationMs ?? DEFAULT_MIN_DURATION_MS,
      }),
      // Each request carries its own signal: one aborted by "use another email" or a new adapter
      // must change nothing when its answer comes in.
      onSuccess: (sent, request) => {
        tell.get(request)?.(sent)
        whenLive(request, () => succeed(sent))
      },
      onError: (thrown, request) => {
        tell.get(request)?.(toResetError(thrown))
        whenLive(request, () => fail(thrown))
      },
    },
    queryClient,
  )

  useEffect(() => {
    sweepExpiredRecords()
    if (controllerFor.current !== adapter.id) {
      // Only as the form first mounts, not as its adapter changes (<Activity> showing it again gets
      // no further than the check above).
      const adopted = !controller.current && handed?.[0] === adapter.id && !handed[1].aborted && handed
      controller.current?.abort()
      // Aborted when this form's adapter changes, which drops the answer taken up.
      const own = { signal: (controller.current = new AbortController()).signal }
      controllerFor.current = adapter.id
      if (adopted) {
        // Pending, as the form that sent it was, so the user does not send a second email; and
        // handed on again if this form is re-keyed in turn.
        flight.current = adopted
        setPending(true)
        // From a timer, as useWhenLive shows a parked answer: a host onSent that throws goes to the
        // window's error handler, not an unhandled rejection. Not for a request abandoned since.
        void adopted[3].then((answer) =>
          setTimeout(
            whenLive,
            0,
            own,
            () => adopted[1].aborted || (answer instanceof ResetError ? fail(answer) : succeed(answer, adopted[2])),
          ),
        )
      }
    }
    return () => {
      if (flight.current) {
        handed = flight.current
        // React runs a commit's unmount and mount effects in one go: a form mounted by any later
        // commit was not handed this request.
        queueMicrotask(() => (handed = undefined))
      }
    }
    // Once per adapter. `succeed` and `fail` are this render's: pending until the answer, the form
    // cannot leave the `form` view they read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [adapter.id])

  const blocked = pending || retrySeconds > 0

  const send = useCallback(
    (email: string) => {
      if (blocked || flight.current || !controller.current) return
      setPending(true)
      setError(undefined)
      setEmailError(undefined)
      const request = { email, signal: controller.current.signal }
      flight.current = [
        adapter.id,
        request.signal,
        view === 'sent',
        new Promise<Answer>((resolve) => tell.set(request, resolve)),
      ]
      mutation.mutate(request)
    },
    [blocked, mutation, adapter.id, view],
  )

  const resend = useCallback(() => {
    if (sentTo !== undefined && resendSeconds === 0) send(sentTo)
  }, [send, sentTo, resendSeconds])

  const useAnotherEmail = useCallback(() => {
    // A resend still on its way was for the address the user is leaving.
    controller.current?.abort()
    controller.current = new AbortController()
    setView('form')
    setError(keepRateLimit)
    setResendAt(undefined)
    setEmailError(undefined)
  }, [])

  const status: ForgotPasswordStatus = pending
    ? 'pending'
    : error || emailError
      ? 'error'
      : view === 'sent'
        ? 'success'
        : 'idle'

  return {
    /** Which screen to show. A custom UI moves focus to its heading when this changes, as the component does. */
    view,
    /** The request's state, for styling or analytics. */
    status,
    /** The address the last email went to (as typed, trimmed). */
    sentTo,
    /** A form-level error (not tied to the email field). */
    error,
    /** The email field's error code, if any. */
    emailError,
    /** Seconds until "send again" is offered; 0 when it is. */
    resendSeconds,
    /** Seconds left of a rate-limit wait; 0 when there is none. */
    retrySeconds,
    /** True from submit until the request settles: show progress, and expect a second submit to be ignored. */
    pending,
    /** The resolved locale (prop, provider or browser), as sent to the backend. */
    locale,
    /** The language the strings on screen are in (English until `locale`'s have loaded): for `lang` and number formats. */
    textLocale,
    /** Translates the kit's keys (`forgot.title`, …) in `locale`, with this instance's `messages`; errors go through `errorMessage`. */
    t,
    /** The adapter in use (the prop's or the provider's). */
    adapter,
    /** Sends the email again to `sentTo`; does nothing during the cooldown or a request. */
    resend,
    /** Back to the form, with the last address filled in, to type another. */
    useAnotherEmail,
    /** Props for the `<form>`. */
    getFormProps: () =>
      formProps(pending, (form) => {
        if (blocked) return
        // A headless UI may send `defaultEmail` with no input on the page.
        const field = formField((formElement.current = form), 'email')
        const email = field?.value ?? typed ?? ''
        setTyped(email)
        try {
          // The same check the start flow makes, so the field never accepts what the request would refuse.
          normalizeEmail(email)
        } catch {
          setEmailError('invalid_email')
          return field?.focus()
        }
        send(email)
      }),
    /**
     * Props for the email `<input>`, inside the `<form>`: spread them after your own `id` and
     * `aria-describedby`. The value is read from the form by `name` on submit, so the input needs
     * no ref. They own `name` and `onChange`; to run a handler of your own, call theirs from it:
     * `onChange={(e) => { props.onChange(); mine(e) }}`.
     */
    getEmailInputProps: () => ({
      name: 'email' as const,
      // Only when there is something to clear: each call re-renders the whole form, and typing
      // must re-render nothing but the field.
      onChange: () => {
        if (emailError) setEmailError(undefined)
        if (error && error.code !== 'rate_limited') setError(undefined)
      },
      // In the server's HTML too; after "use another email", what was typed last.
      defaultValue: typed,
      type: 'email' as const,
      autoComplete: 'email',
      inputMode: 'email' as const,
      autoCapitalize: 'none',
      spellCheck: false,
      required: true,
      'aria-invalid': emailError ? (true as const) : undefined,
    }),
    /** Props for the submit button: it stays focusable while busy, with `aria-disabled`. */
    getSubmitButtonProps: () => ({
      type: 'submit' as const,
      'aria-disabled': blocked || undefined,
    }),
    /** Props for the "send again" button. */
    getResendButtonProps: () => ({
      type: 'button' as const,
      'aria-disabled': blocked || resendSeconds > 0 || undefined,
      onClick: resend,
    }),
  }
}

/** What {@link useForgotPassword} returns. */
export type UseForgotPasswordReturn = ReturnType<typeof useForgotPassword>
