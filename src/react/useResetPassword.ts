import { useMutation } from '@tanstack/react-query'
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react'
import { completeResetOptions } from '../core/completeResetOptions'
import { countCodePoints, DEFAULT_MIN_PASSWORD_LENGTH } from '../core/passwordPolicy'
import { TERMINAL_CODES } from '../core/completeResetFlow'
import { forgetLink } from '../core/forgetLink'
import { missingVerifier } from '../core/missingVerifier'
import { spentHere } from '../core/spentHere'
import { type CallbackToken, checkGivenToken, readCallbackToken } from '../core/readCallbackToken'
import { ResetError, type ResetErrorCode, toResetError } from '../core/ResetError'
import { sweepExpiredRecords } from '../core/sweepExpiredRecords'
import { focusField } from './focusField'
import { formField } from './formField'
import { formProps } from './formProps'
import { useRateLimitWait } from './useRateLimitWait'
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect'
import { useWhenLive } from './useWhenLive'
import { type ResetKitInstanceOptions, useResetKitSetup } from './useResetKitSetup'

/** Options of {@link useResetPassword}; also the behaviour props of `<ResetPasswordPage>`. */
export interface UseResetPasswordOptions extends ResetKitInstanceOptions {
  /**
   * The reset token, when your router already took it from the URL. Without one (`undefined`, or
   * `null` as `searchParams.get('token')` gives once the router removed it), the page reads the
   * adapter's URL params itself, and this history entry's verdict: a reload after success still
   * shows the success screen. An empty one is an incomplete link. One the router read from an
   * address bar that still holds it (Next's `useSearchParams`) is taken out of it as well.
   */
  token?: string | null | undefined
  /** Fewest characters, counted in code points. No composition rules. @default the adapter's `minPasswordLength`, else 8 */
  minLength?: number | undefined
  /** Most characters your backend accepts; longer is reported, never silently cut. @default the adapter's `maxPasswordLength`, if any */
  maxLength?: number | undefined
  /** Ask for the new password twice. @default true */
  requireConfirmation?: boolean | undefined
  /** Called once the password has changed. No automatic sign-in happens. */
  onSuccess?: (() => void) | undefined
  /** Called with every failure, as a typed error with a stable code. */
  onError?: ((error: ResetError) => void) | undefined
}

/**
 * Which screen is showing; `<ResetPasswordPage>` renders it as `data-state` on its root.
 * - `checking`: reading the link (and asking the backend about it, where it can check without using it up).
 * - `ready`: the new-password form.
 * - `success`: the password changed (also when the page is shown again after that: a reload, Back).
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
  'checking' | 'ready' | 'success' | 'link_invalid' | 'link_expired' | 'link_used' | 'verifier_missing' | 'check_failed'

const LINK_VIEWS: Partial<Record<ResetErrorCode, ResetPasswordView>> = {
  token_missing: 'link_invalid',
  token_invalid: 'link_invalid',
  token_expired: 'link_expired',
  token_used: 'link_used',
  verifier_missing: 'verifier_missing',
  verifier_mismatch: 'verifier_missing',
}

// The screen for a link that cannot go on to the form. One answer for the read and the check, so
// a code with no link screen of its own (a custom adapter's `misconfigured`) never shows one screen, then another.
const viewOf = (code: ResetErrorCode): ResetPasswordView => LINK_VIEWS[code] ?? 'check_failed'

// The token a page last changed the password with: read again (a page mounted again with the same
// `token` prop, "Try again") it is done, not a link to check and offer the form for again.
let spent: string | undefined
// Each mounted page's check for a spent link: a page the host re-keys (a language switch) while the
// new password is on its way reads the link again before the answer, which only the old page hears.
const pages = new Set<() => void>()

/**
 * The headless "choose a new password" state machine: takes the token from the URL (and out of
 * the address bar), checks the link where the backend allows, then the PKCE verifier, then sends
 * token, password and verifier once. Returns state, actions and prop getters.
 *
 * @example
 * const reset = useResetPassword({ adapter, minLength: 10 })
 * if (reset.view === 'verifier_missing') return <p>{reset.t('reset.verifierDescription')}</p>
 */
export function useResetPassword(options: UseResetPasswordOptions) {
  const [adapter, locale, textLocale, t, queryClient, store] = useResetKitSetup(
    options,
    process.env.NODE_ENV !== 'production' && 'ResetPasswordPage',
  )
  const minLength = options.minLength ?? adapter.minPasswordLength ?? DEFAULT_MIN_PASSWORD_LENGTH
  const maxLength = options.maxLength ?? adapter.maxPasswordLength
  const requireConfirmation = options.requireConfirmation ?? true

  const [view, setView] = useState<ResetPasswordView>('checking')
  const [error, setError] = useState<ResetError>()
  const [showPassword, setShowPassword] = useState(false)
  // Errors appear on submit only, and go when the user edits a field (clearOnEdit).
  const [passwordError, setPasswordError] = useState<ResetErrorCode>()
  const [confirmError, setConfirmError] = useState<ResetErrorCode>()
  const [attempt, setAttempt] = useState(0)
  // What the backend said with a password error (its own minLength…), for the field's message.
  const [passwordDetails, setPasswordDetails] = useState<ResetError['details']>()
  // Its own wait: a 429 on the new password must not stop this tab asking for a new link.
  const [retrySeconds, hold] = useRateLimitWait(adapter.id + ':reset', setError)
  // The token stays in memory (and in this tab's sessionStorage for reloads); never in state that renders.
  const token = useRef<string | undefined>(undefined)
  // The check's, aborted by its effect's clean-up; the completion's, only by a new read of the link
  // (never by a clean-up, which also runs when <Activity> hides the page: see useWhenLive).
  const controller = useRef<AbortController>(undefined)
  const sending = useRef<AbortController>(undefined)
  const latest = useRef(options)
  latest.current = options
  // Set synchronously on submit: `pending` only turns true on a later render, so a fast double
  // click or Enter twice would otherwise send the token twice (T6).
  const inFlight = useRef(false)
  // Not `mutation.isPending`, which turns false a task after the answer's screen or error shows.
  const [pending, setPending] = useState(false)
  const whenLive = useWhenLive(() => {
    inFlight.current = false
    setPending(false)
  })
  // The fields are uncontrolled, so typing re-renders nothing; the form is where a backend's
  // password error puts the focus, and watchers (the strength hint) hear each edit.
  const formElement = useRef<HTMLFormElement | null>(null)
  const [watchers] = useState(() => new Set<(password: string) => void>())

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

  // What the last read of the link found: a new object for every read, so each is followed by its check.
  const [link, setLink] = useState<CallbackToken>()
  // What the last read was for. Strict Mode's second mount, and a Suspense boundary showing this
  // tree again, re-run the read with nothing changed: the screen showing stands. Reading again
  // would check the link twice (React 18 starts the first check before the second read renders).
  const readFor = useRef<string>(undefined)
  // What the last read was asked for: shown again by <Activity>, the page keeps its screen, even
  // where the address bar or history entry has changed while it was hidden.
  const askedFor = useRef<string>(undefined)
  // The link whose check has come to an end: shown again, the page does not ask the backend again
  // (Stack Auth counts each check against the code). One that hiding aborted is checked again.
  const checked = useRef<CallbackToken>(undefined)

  // A layout effect, so the token leaves the address bar before the host's own effects run.
  useIsomorphicLayoutEffect(() => {
    const asked = `${adapterId} ${attempt} ${options.token}`
    if (askedFor.current === asked) return
    askedFor.current = asked
    const { adapter } = current.current
    const given = options.token
    const link: CallbackToken =
      given != null
        ? given === spent
          ? { status: 'done' }
          : checkGivenToken(given, adapter)
        : readCallbackToken(adapter)
    // Keyed by the token found: a router catching up with the address bar this read cleaned
    // (Next's useSearchParams, `token` then null) finds the same one, and the check stands.
    const key = `${adapterId} ${attempt} ${link.status === 'found' ? link.token : given}`
    if (readFor.current === key) return
    readFor.current = key
    sending.current?.abort()
    sweepExpiredRecords()
    token.current = link.status === 'found' ? link.token : undefined
    // A new check (a new `token` prop, "Try again") starts clean. A rate limit restored on mount
    // is set after this, by a passive effect.
    setError(undefined)
    // A page shown again after its password changed (a reload, Back) says so, and sends nothing.
    setView(
      link.status === 'found'
        ? 'checking'
        : link.status === 'done'
          ? 'success'
          : viewOf(link.status === 'invalid' ? link.code : 'token_missing'),
    )
    setLink(link)
  }, [adapterId, options.token, attempt])

  // The check, from a passive effect and a microtask later: Strict Mode runs a first mount's
  // passive effects, then cleans up and mounts again in the same task, so that first mount's check
  // is aborted before it starts, and never reaches the backend (Stack Auth counts each check as an
  // attempt on the code) nor drops the link's token under the second mount.
  useEffect(() => {
    if (!link || link.status === 'done' || checked.current === link) return
    const { adapter, store } = current.current
    const signal = (controller.current = new AbortController()).signal
    let used = false
    void (async () => {
      try {
        await Promise.resolve()
        if (signal.aborted) return
        if (link.status !== 'found') throw new ResetError(link.status === 'invalid' ? link.code : 'token_missing')
        // A link this browser already used: nothing is asked, and a verifier found here is a newer
        // request's, kept for its own link.
        if (adapter.pkce && (used = await spentHere(store, adapter.id, link.token))) throw new ResetError('token_used')
        // The check next: a used or expired link says so in any browser, and only a live one
        // opened without its verifier gets the other-browser screen.
        await adapter.checkToken?.({ token: link.token, signal })
        if (adapter.pkce && !(await store.load(adapter.id))) throw await missingVerifier(store, adapter.id, link.token)
        if (signal.aborted) return
        checked.current = link
        setView('ready')
      } catch (thrown) {
        if (signal.aborted) return
        checked.current = link
        const resetError = fail(thrown)
        // A dead link can never succeed: drop what pairs with it now rather than at expiry.
        if (link.status === 'found' && TERMINAL_CODES.has(resetError.code)) {
          await forgetLink(adapter, !used && store, resetError.code)
          // A store can take its time ('session' mode asks other tabs): a newer link read since owns
          // the screen. Not `signal.aborted`: <Activity> hiding the page aborts it too, and this
          // link, already checked, would then never get its screen.
          if (token.current !== link.token) return
        }
        if (resetError.code === 'rate_limited') hold(resetError)
        setError(resetError)
        setView(viewOf(resetError.code))
      }
    })()
    return () => controller.current?.abort()
  }, [link, fail, hold])

  // The password leaves the page with the token, also from a headless UI that keeps its form.
  const clearFields = () => {
    formElement.current?.reset()
    for (const listener of watchers) listener('')
  }

  const succeed = () => {
    token.current = undefined
    // Done, not merely checked: a check still on its way (aborted by the effect's clean-up) must
    // not bring the form back, nor a page <Activity> shows again check the spent link.
    setLink({ status: 'done' })
    clearFields()
    setError(undefined)
    setView('success')
    latest.current.onSuccess?.()
  }
  // After every commit, so it always holds this render's `succeed`; typing commits nothing.
  useEffect(() => {
    // Not while sending: a page's own request reports to it through `whenLive`.
    const listener = () => spent === token.current && !inFlight.current && succeed()
    pages.add(listener)
    return () => {
      pages.delete(listener)
    }
  })

  const mutation = useMutation(
    {
      ...completeResetOptions({ adapter, store }),
      // The request's own signal: one aborted by a new read of the link must change nothing.
      onSuccess: (_, request) => {
        // Now, not when shown: read again after an unmount (a router's same `token`), the link is done.
        if (!request.signal.aborted) {
          spent = token.current
          // After this page's own answer, outside TanStack Query and one timer each: a host
          // `onSuccess` that throws must not turn this page's success into an error, nor keep the
          // next page from hearing it.
          pages.forEach((page) => setTimeout(page))
        }
        whenLive(request, succeed)
      },
      onError: (thrown, request) =>
        whenLive(request, () => {
          const resetError = fail(thrown)
          const linkView = LINK_VIEWS[resetError.code]
          if (linkView) {
            token.current = undefined
            clearFields()
            setError(resetError)
            setView(linkView)
          } else if (resetError.field === 'password') {
            setPasswordDetails(resetError.details)
            setPasswordError(resetError.code)
            focusField(formElement.current, 'password')
          } else {
            if (resetError.code === 'rate_limited') hold(resetError)
            setError(resetError)
          }
        }),
    },
    queryClient,
  )

  const blocked = pending || retrySeconds > 0

  const submitForm = (form: HTMLFormElement) => {
    const current = token.current
    if (blocked || inFlight.current || current === undefined) return
    formElement.current = form
    const password = formField(form, 'password')?.value ?? ''
    const length = countCodePoints(password)
    const lengthError =
      length < minLength
        ? 'password_too_short'
        : maxLength !== undefined && length > maxLength
          ? 'password_too_long'
          : undefined
    const mismatch =
      requireConfirmation && formField(form, 'confirmPassword')?.value !== password ? 'password_mismatch' : undefined
    setPasswordError(lengthError)
    // The backend's numbers go with its error: the page's own error has its own, even when the
    // value changed with no input event (a headless UI's "suggest a password").
    setPasswordDetails(undefined)
    setConfirmError(mismatch)
    if (lengthError || mismatch) return formField(form, lengthError ? 'password' : 'confirmPassword')?.focus()
    inFlight.current = true
    setPending(true)
    setError(undefined)
    setShowPassword(false)
    // Handed over once, then gone: the mutation and its variables stay in the QueryClient's cache.
    const sent = [{ token: current, password }]
    mutation.mutate({ secret: () => sent.pop()!, signal: (sending.current = new AbortController()).signal })
  }

  const clearOnEdit = () => {
    // Only when there is something to clear: each call re-renders the whole form, and typing
    // must re-render nothing but the field (and the strength hint watching it).
    if (passwordError || confirmError) {
      setPasswordError(undefined)
      setConfirmError(undefined)
    }
    // The rate-limit message stays while its wait still blocks the button.
    if (error && error.code !== 'rate_limited') setError(undefined)
  }

  const watchPassword = useCallback(
    (listener: (password: string) => void) => {
      watchers.add(listener)
      return (): void => {
        watchers.delete(listener)
      }
    },
    [watchers],
  )

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
    /** Which screen to show. A custom UI moves focus to its heading when this changes, as the component does. */
    view,
    /** A form-level error, or the error behind a link or check-failed view. */
    error,
    /** The new-password field's error code, if any: show it with `errorMessage`, passing `minLength`, `maxLength` and `passwordDetails` as its details. */
    passwordError,
    /** Numbers the backend sent with `passwordError` (its own `minLength`, `maxLength`), if any. */
    passwordDetails,
    /** The confirmation field's error code (`password_mismatch`), if any. */
    confirmError,
    /** True from submit until the request settles: show progress, and expect a second submit to be ignored. */
    pending,
    /** Seconds left of a rate-limit wait; 0 when there is none. */
    retrySeconds,
    /** Whether both password inputs show their text; back to hidden on submit. */
    showPassword,
    /** The fewest characters (code points) the new password may have: the prop's, the adapter's, or 8. */
    minLength,
    /** The most it may have, when the prop or the adapter sets one. */
    maxLength,
    /** Whether the confirmation field is part of the form. */
    requireConfirmation,
    /** The resolved locale (prop, provider or browser). */
    locale,
    /** The language the strings on screen are in (English until `locale`'s have loaded): for `lang` and number formats. */
    textLocale,
    /** Translates the kit's keys (`reset.title`, …) in `locale`, with this instance's `messages`; errors go through `errorMessage`. */
    t,
    /** The adapter in use (the prop's or the provider's). */
    adapter,
    /**
     * Calls `listener` with the new password on each edit, without re-rendering the form: for a
     * part that follows the field, such as a strength hint. Returns the function that stops it.
     */
    watchPassword,
    /** Checks the link again after `check_failed`. */
    retryCheck: () => {
      if (retrySeconds > 0) return
      setAttempt((n) => n + 1)
    },
    /** Shows or hides the passwords' text. */
    toggleShowPassword,
    /** Props for the `<form>`. */
    getFormProps: () => formProps(pending, submitForm),
    /**
     * Props for the new-password `<input>`, inside the `<form>`, spread after your own `id` and
     * `aria-describedby`. Values are read from the form by `name` on submit, so the inputs need
     * no ref. Like the confirmation's, they own `name` and `onChange`; call theirs from a handler
     * of your own rather than replacing it.
     */
    getPasswordInputProps: () => ({
      name: 'password' as const,
      onChange: (event: ChangeEvent<HTMLInputElement>) => {
        clearOnEdit()
        for (const listener of watchers) listener(event.target.value)
      },
      ...sharedInputProps,
      'aria-invalid': passwordError ? (true as const) : undefined,
    }),
    /** Props for the confirmation `<input>`, like the new password's. */
    getConfirmInputProps: () => ({
      name: 'confirmPassword' as const,
      onChange: clearOnEdit,
      ...sharedInputProps,
      'aria-invalid': confirmError ? (true as const) : undefined,
    }),
    /** Props for the show/hide `<button>`; give it a name such as `t('reset.showPassword')`. */
    getToggleButtonProps: () => ({
      type: 'button' as const,
      'aria-pressed': showPassword,
      onClick: toggleShowPassword,
    }),
    /** Props for the submit button: it stays focusable while busy, with `aria-disabled`. */
    getSubmitButtonProps: () => ({
      type: 'submit' as const,
      'aria-disabled': blocked || undefined,
    }),
  }
}

/** What {@link useResetPassword} returns. */
export type UseResetPasswordReturn = ReturnType<typeof useResetPassword>
