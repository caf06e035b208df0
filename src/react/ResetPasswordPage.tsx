import { useId, type ReactElement } from 'react'
import { safeReturnTo } from '../core/safeReturnTo'
import type { ResetKitKey } from '../i18n/ResetKitT'
import { errorMessage } from './errorMessage'
import { Field } from './Field'
import { Heading } from './Heading'
import { type AppearanceProps, flag, partProps } from './parts'
import { StrengthHint } from './StrengthHint'
import { useFocusOnChange } from './useFocusOnChange'
import { type ResetPasswordView, useResetPassword, type UseResetPasswordOptions } from './useResetPassword'

/**
 * The parts of `<ResetPasswordPage>`, each rendered with `data-part="<name>"` and the class
 * `classNames[<name>]`. `field`, `label`, `input` and `fieldError` appear once per password field;
 * `link` is "Sign in" after success and "Request a new link" on the dead-link views.
 *
 * State attributes, present or absent unless they carry a value:
 * @selector [data-reset-kit] on `root` unless `unstyled`: what `reset-kit/styles.css` targets
 * @selector [data-state="checking" | "ready" | "success" | "link_invalid" | "link_expired" | "link_used" | "verifier_missing" | "check_failed"] on `root`: which view is showing ({@link ResetPasswordView})
 * @selector [data-pending] on `root`: the new password is being sent
 * @selector [aria-busy="true"] on `root` while `checking`, on `form` while pending
 * @selector [data-invalid] on `field` and `input`: that field has an error
 * @selector [aria-invalid="true"] on `input`: the same, for assistive technology
 * @selector [data-strength="tooShort" | "fair" | "good" | "strong"] on `strength`: the length grade, absent while the field is empty (`StrengthLevel`)
 * @selector [aria-pressed="true" | "false"] on `toggle`: whether the password is shown
 * @selector [aria-disabled="true"] on `submit`: held while the password is sent or during a rate-limit wait; on `retry`: held during a rate-limit wait
 */
export type ResetPasswordPart =
  | 'root'
  | 'heading'
  | 'description'
  | 'alert'
  | 'form'
  | 'field'
  | 'label'
  | 'input'
  | 'fieldError'
  | 'toggle'
  | 'strength'
  | 'submit'
  | 'actions'
  | 'link'
  | 'retry'

/** Props of {@link ResetPasswordPage}. */
export interface ResetPasswordPageProps extends UseResetPasswordOptions, AppearanceProps<ResetPasswordPart> {
  /** Where "Request a new link" leads: the page with `<ForgotPasswordForm>`. */
  forgotPasswordUrl: string
  /** Where "Sign in" leads after success. @default '/' */
  signInUrl?: string | undefined
  /**
   * Where to send the user after success instead of `signInUrl`, e.g. from your own `?returnTo=`.
   * Used only when it is a path on this origin; anything else falls back to `signInUrl`.
   */
  returnTo?: string | null | undefined
}

// Each view's title and description are `reset.<stem>Title` and `reset.<stem>Description`, the
// stem being the view's name without `link_` or `_missing`, in camel case: link_invalid → invalid,
// verifier_missing → verifier, check_failed → checkFailed. The form's are `reset.title` and
// `reset.description`, and check_failed's description is its error.
const stemOf = (view: ResetPasswordView) => view.replace(/link_|_missing/, '').replace('_f', 'F')

/**
 * The page the emailed link opens: checks the link, asks for the new password and sets it. Dead
 * links, links opened in another browser and failures each get their own screen with a way on.
 *
 * @example
 * <ResetPasswordPage adapter={stytch} forgotPasswordUrl="/forgot-password" signInUrl="/sign-in" />
 */
export function ResetPasswordPage({
  classNames,
  unstyled,
  headingLevel = 2,
  forgotPasswordUrl,
  signInUrl = '/',
  returnTo,
  ...options
}: ResetPasswordPageProps): ReactElement {
  const reset = useResetPassword(options)
  const { t, view } = reset
  const stem = stemOf(view)
  const id = useId()
  const headingRef = useFocusOnChange<HTMLHeadingElement>(view)
  const headingId = `${id}-heading`
  const passwordId = `${id}-password`
  const strengthId = `${id}-strength`
  const confirmId = `${id}-confirm`
  // The form's alert, or the check_failed view's description.
  const message = reset.error ? errorMessage(t, reset.error, reset.textLocale, reset.retrySeconds) : ''
  const description =
    view === 'ready'
      ? t('reset.description', { count: reset.minLength })
      : view === 'check_failed'
        ? message
        : t(`reset.${stem}Description` as ResetKitKey)

  return (
    <section
      {...partProps('root', classNames)}
      data-reset-kit={unstyled ? undefined : ''}
      lang={reset.textLocale}
      data-state={view}
      data-pending={flag(reset.pending)}
      aria-labelledby={headingId}
      aria-busy={view === 'checking' || undefined}
    >
      <Heading ref={headingRef} level={headingLevel} id={headingId} classNames={classNames}>
        {t(view === 'ready' ? 'reset.title' : (`reset.${stem}Title` as ResetKitKey))}
      </Heading>
      {/* Live in every view, so the outcome of each step is heard when it replaces the last one. */}
      <p {...partProps('description', classNames)} role="status">
        {description}
      </p>
      <div {...partProps('alert', classNames)} role="alert">
        {view === 'ready' ? message : ''}
      </div>
      {view === 'ready' ? (
        <form {...partProps('form', classNames)} {...reset.getFormProps()} aria-labelledby={headingId}>
          <Field
            id={passwordId}
            label={t('reset.passwordLabel')}
            error={
              reset.passwordError
                ? errorMessage(
                    t,
                    {
                      code: reset.passwordError,
                      details: {
                        minLength: reset.minLength,
                        maxLength: reset.maxLength ?? 0,
                        ...reset.passwordDetails,
                      },
                    },
                    reset.textLocale,
                  )
                : undefined
            }
            describedBy={strengthId}
            inputProps={reset.getPasswordInputProps()}
            classNames={classNames}
            control={
              <button
                {...partProps('toggle', classNames)}
                {...reset.getToggleButtonProps()}
                aria-controls={reset.requireConfirmation ? `${passwordId} ${confirmId}` : passwordId}
              >
                {t('reset.showPassword')}
              </button>
            }
          >
            <StrengthHint
              watchPassword={reset.watchPassword}
              minLength={reset.minLength}
              t={t}
              id={strengthId}
              classNames={classNames}
              suppressed={!!reset.passwordError}
            />
          </Field>
          {reset.requireConfirmation ? (
            <Field
              id={confirmId}
              label={t('reset.confirmLabel')}
              error={reset.confirmError ? errorMessage(t, { code: reset.confirmError }, reset.textLocale) : undefined}
              inputProps={reset.getConfirmInputProps()}
              classNames={classNames}
            />
          ) : null}
          <button {...partProps('submit', classNames)} {...reset.getSubmitButtonProps()}>
            {t(reset.pending ? 'reset.submitting' : 'reset.submit')}
          </button>
        </form>
      ) : null}
      {view === 'checking' || view === 'ready' ? null : (
        <div {...partProps('actions', classNames)}>
          {view === 'success' ? (
            <a {...partProps('link', classNames)} href={safeReturnTo(returnTo, signInUrl)}>
              {t('reset.signIn')}
            </a>
          ) : view === 'check_failed' ? (
            <button
              {...partProps('retry', classNames)}
              type="button"
              aria-disabled={reset.retrySeconds > 0 || undefined}
              onClick={reset.retryCheck}
            >
              {t('reset.retry')}
            </button>
          ) : (
            // A dead link, or one opened in another browser: the way on is a new link.
            <a {...partProps('link', classNames)} href={forgotPasswordUrl}>
              {t('reset.requestNewLink')}
            </a>
          )}
        </div>
      )}
    </section>
  )
}
