import { useMutation } from '@tanstack/react-query'
import { useCallback, useRef, useState, type FormEvent } from 'react'
import { useForm } from 'react-hook-form'
import { completeResetOptions } from '../core/completeResetOptions'
import { countCodePoints, DEFAULT_MIN_PASSWORD_LENGTH } from '../core/passwordPolicy'
import { TERMINAL_CODES } from '../core/completeResetFlow'
import { checkGivenToken, clearCallbackToken, readCallbackToken } from '../core/readCallbackToken'
import { ResetError, type ResetErrorCode, toResetError } from '../core/ResetError'
import { sweepExpiredRecords } from '../core/sweepExpiredRecords'
import { mutationDefaults } from './mutationDefaults'
import { useRateLimitWait } from './useRateLimitWait'
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect'
import { type ResetKitInstanceOptions, useResetKitSetup } from './useResetKitSetup'

/** Options of {@link useResetPassword}; also the behaviour props of `<ResetPasswordPage>`. */
export interface UseResetPasswordOptions extends ResetKitInstanceOptions {
  /** The reset token, when your router already took it from the URL. Otherwise it is read from the adapter's URL params. */
  token?: string
  /** Fewest characters, counted in code points. No composition rules. @default the adapter's `minPasswordLength`, else 8 */
  minLength?: number
  /** Most characters your backend accepts; longer is reported, never silently cut. @default the adapter's `maxPasswordLength`, if any */
  maxLength?: number
  /** Ask for the new password twice. @default true */
  requireConfirmation?: boolean
  /** Called once the password has changed. No automatic sign-in happens. */
  onSuccess?: () => void
  /** Called with every failure, as a typed error with a stable code. */
  onError?: (error: ResetError) => void
}

/**
 * Which screen is showing; `<ResetPasswordPage>` renders it as `data-state` on its root.
 * - `checking`: reading the link (and asking the backend about it, where it can check without using it up).
 * - `ready`: the new-password form.
 * - `success`: the password changed.
 * - `link_invalid` | `link_expired` | `link_used`: the link cannot work; offers a new one.
 * - `verifier_missing`: the link was opened in another browser or device than the one that asked.
 * - `check_failed`: the link could not be checked (offline, server error); offers a retry.
 *
 * @selector [data-state="checking"]
 * @selector [data-state="ready"]
 * @selector [data-state="success"]
 * @selector [data-state="link_invalid"]
 * @selector [data-state="link_expired"]
 * @selector [data-state="link_used"]
 * @selector [data-state="verifier_missing"]
 * @selector [data-state="check_failed"]
 */
export type ResetPasswordView =
  | 'checking'
  | 'ready'
  | 'success'
  | 'link_invalid'
  | 'link_expired'
  | 'link_used'
  | 'verifier_missing'
  | 'check_failed'

/** The values of the new-password form, as `control` holds them. */
export interface ResetPasswordValues {
  password: string
  confirmPassword: string
}

const LINK_VIEWS: Partial<Record<ResetErrorCode, ResetPasswordView>> = {
  token_missing: 'link_invalid',
  token_invalid: 'link_invalid',
  token_expired: 'link_expired',
  token_used: 'link_used',
  verifier_missing: 'verifier_missing',
  verifier_mismatch: 'verifier_missing',
}

/**
 * The headless "choose a new password" state machine: takes the token from the URL (and out of
 * the address bar), checks the PKCE verifier and, where the backend allows, the link, then sends
 * token, password and verifier once. Returns state, actions and prop getters.
 *
 * @example
 * const reset = useResetPassword({ adapter, minLength: 10 })
 * if (reset.view === 'verifier_missing') return <p>{reset.t('reset.verifierDescription')}</p>
 */
export function useResetPassword(options: UseResetPasswordOptions) {
  const { adapter, locale, textLocale, t, queryClient, store } = useResetKitSetup(options, 'ResetPasswordPage')
  const minLength = options.minLength ?? adapter.minPasswordLength ?? DEFAULT_MIN_PASSWORD_LENGTH
  const maxLength = options.maxLength ?? adapter.maxPasswordLength
  const requireConfirmation = options.requireConfirmation ?? true

  const form = useForm<ResetPasswordValues>({
    defaultValues: { password: '', confirmPassword: '' },
    // Errors appear on submit only, and go when the user edits a field (clearOnEdit).
    reValidateMode: 'onSubmit',
  })

  const [view, setView] = useState<ResetPasswordView>('checking')
  const [error, setError] = useState<ResetError>()
  const [showPassword, setShowPassword] = useState(false)
  const [attempt, setAttempt] = useState(0)
  // What the backend said with a password error (its own minLength…), for the field's message.
  const [passwordDetails, setPasswordDetails] = useState<ResetError['details']>()
  const { retrySeconds, hold } = useRateLimitWait(adapter.id, setError)
  // The token stays in memory (and in this tab's sessionStorage for reloads); never in state that renders.
  const token = useRef<string | undefined>(undefined)
  const controller = useRef<AbortController | null>(null)
  const latest = useRef(options)
  latest.current = options
  // Set synchronously on submit: `pending` only turns true on a later render, so a fast double
  // click or Enter twice would otherwise send the token twice (T6).
  const inFlight = useRef(false)

  const fail = useCallback((thrown: unknown) => {
    const resetError = toResetError(thrown)
    latest.current.onError?.(resetError)
    return resetError
  }, [])

  // Keyed by the adapter's id, not its identity: an adapter or a verifier store created inline in
  // a host's render must not restart the check (and call checkToken again, or lose the success
  // screen) on every render.
  const current = useRef({ adapter, store })
  current.current = { adapter, store }
  const adapterId = adapter.id

  // A layout effect, so the token leaves the address bar before the host's own effects run.
  useIsomorphicLayoutEffect(() => {
    const { adapter, store } = current.current
    const signal = (controller.current = new AbortController()).signal
    sweepExpiredRecords()
    const found = options.token === undefined ? readCallbackToken(adapter) : checkGivenToken(options.token)
    if (found.status !== 'found') {
      const code = found.status === 'invalid' ? found.code : 'token_missing'
      setView(LINK_VIEWS[code] ?? 'link_invalid')
      // Reported on the next microtask, like the check below, so Strict Mode's first mount does not report it too.
      void Promise.resolve().then(() => {
        if (!signal.aborted) setError(fail(new ResetError(code)))
      })
      return () => controller.current?.abort()
    }
    token.current = found.token
    // A new check (a new `token` prop, "Try again") starts clean. A rate limit restored on mount
    // is set after this, by a passive effect.
    setError(undefined)
    setView('checking')
    void (async () => {
      try {
        // Start on the next microtask: Strict Mode mounts, cleans up and mounts again in one go,
        // and the first mount's check must not reach the backend (Stack Auth counts each check
        // as an attempt on the code).
        await Promise.resolve()
        if (signal.aborted) return
        if (adapter.pkce && !(await store.load(adapter.id))) throw new ResetError('verifier_missing')
        await adapter.checkToken?.({ token: found.token, signal })
        if (!signal.aborted) setView('ready')
      } catch (thrown) {
        if (signal.aborted) return
        const resetError = fail(thrown)
        // A dead link can never succeed: drop what pairs with it now rather than at expiry.
        if (TERMINAL_CODES.has(resetError.code)) {
          clearCallbackToken(adapter.id)
          if (adapter.pkce) await store.remove(adapter.id).catch(() => undefined)
        }
        if (resetError.code === 'rate_limited') hold(resetError)
        setError(resetError)
        setView(LINK_VIEWS[resetError.code] ?? 'check_failed')
      }
    })()
    return () => controller.current?.abort()
  }, [adapterId, options.token, attempt, fail])

  const mutation = useMutation(
    {
      ...completeResetOptions({ adapter, store }),
      ...mutationDefaults,
      onSettled: () => {
        inFlight.current = false
      },
      // The request's own signal: one aborted by unmounting or a new link must change nothing.
      onSuccess: (_, { signal }) => {
        if (signal.aborted) return
        token.current = undefined
        form.reset()
        setError(undefined)
        setView('success')
        latest.current.onSuccess?.()
      },
      onError: (thrown, { signal }) => {
        if (signal.aborted) return
        const resetError = fail(thrown)
        const linkView = LINK_VIEWS[resetError.code]
        if (linkView) {
          token.current = undefined
          form.reset()
          setError(resetError)
          setView(linkView)
        } else if (resetError.field === 'password') {
          setPasswordDetails(resetError.details)
          form.setError('password', { type: resetError.code, message: resetError.code }, { shouldFocus: true })
        } else {
          if (resetError.code === 'rate_limited') hold(resetError)
          setError(resetError)
        }
      },
    },
    queryClient,
  )

  const pending = mutation.isPending
  const blocked = pending || retrySeconds > 0

  const submitForm = form.handleSubmit((values) => {
    const current = token.current
    if (blocked || inFlight.current || current === undefined || !controller.current) return
    inFlight.current = true
    setError(undefined)
    setShowPassword(false)
    mutation.mutate({ token: current, password: values.password, signal: controller.current.signal })
  })

  const passwordError = form.formState.errors.password?.message as ResetErrorCode | undefined
  const confirmError = form.formState.errors.confirmPassword?.message as ResetErrorCode | undefined
  const clearOnEdit = () => {
    // Only when there is something to clear: each call re-renders the whole form, and typing
    // must re-render nothing but the field (and the strength hint watching it).
    if (passwordError || confirmError) form.clearErrors()
    // The rate-limit message stays while its wait still blocks the button.
    if (error && error.code !== 'rate_limited') setError(undefined)
  }
  const passwordField = form.register('password', {
    validate: (value) => {
      const length = countCodePoints(value)
      return length < minLength ? 'password_too_short' : maxLength !== undefined && length > maxLength ? 'password_too_long' : true
    },
    onChange: clearOnEdit,
  })
  const confirmField = form.register('confirmPassword', {
    validate: (value, values) => !requireConfirmation || value === values.password || 'password_mismatch',
    onChange: clearOnEdit,
  })

  const toggleShowPassword = () => setShowPassword((shown) => !shown)
  const sharedInputProps = {
    type: showPassword ? ('text' as const) : ('password' as const),
    autoComplete: 'new-password',
    autoCapitalize: 'none',
    autoCorrect: 'off',
    spellCheck: false,
    required: true,
  }

  return {
    view,
    /** A form-level error, or the error behind a link or check-failed view. */
    error,
    passwordError,
    /** Numbers the backend sent with `passwordError` (its own `minLength`, `maxLength`), if any. */
    passwordDetails,
    confirmError,
    pending,
    /** Seconds left of a rate-limit wait; 0 when there is none. */
    retrySeconds,
    showPassword,
    minLength,
    maxLength,
    requireConfirmation,
    locale,
    /** The language the strings on screen are in (English until `locale`'s have loaded): for `lang` and number formats. */
    textLocale,
    t,
    adapter,
    /** The form's control, for parts that watch a field (e.g. a strength hint) without re-rendering the form. */
    control: form.control,
    /** Checks the link again after `check_failed`. */
    retryCheck: () => {
      if (retrySeconds > 0) return
      setAttempt((n) => n + 1)
    },
    toggleShowPassword,
    getFormProps: () => ({
      noValidate: true,
      'aria-busy': pending || undefined,
      onSubmit: (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        if (blocked) return
        void submitForm(event)
      },
    }),
    /**
     * Props for the new-password `<input>`, spread after your own `id` and `aria-describedby`. Like
     * the confirmation's, they own `name`, `ref`, `onChange` and `onBlur`; call theirs from a
     * handler of your own rather than replacing them.
     */
    getPasswordInputProps: () => ({
      ...passwordField,
      ...sharedInputProps,
      'aria-invalid': passwordError ? (true as const) : undefined,
    }),
    getConfirmInputProps: () => ({
      ...confirmField,
      ...sharedInputProps,
      'aria-invalid': confirmError ? (true as const) : undefined,
    }),
    getToggleButtonProps: () => ({
      type: 'button' as const,
      'aria-pressed': showPassword,
      onClick: toggleShowPassword,
    }),
    getSubmitButtonProps: () => ({
      type: 'submit' as const,
      'aria-disabled': blocked || undefined,
    }),
  }
}

/** What {@link useResetPassword} returns. */
export type UseResetPasswordReturn = ReturnType<typeof useResetPassword>
