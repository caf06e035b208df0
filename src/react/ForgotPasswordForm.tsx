import { useId, type ReactElement } from 'react'
import { formatDuration } from '../i18n/formatDuration'
import { errorMessage } from './errorMessage'
import { Field } from './Field'
import { Heading } from './Heading'
import { type AppearanceProps, flag, partProps } from './parts'
import { useFocusOnChange } from './useFocusOnChange'
import { type ForgotPasswordView, useForgotPassword, type UseForgotPasswordOptions } from './useForgotPassword'

/**
 * The parts of `<ForgotPasswordForm>`, each rendered with `data-part="<name>"` and the class
 * `classNames[<name>]`. `countdown` is the visible wait under the held `resend` button, not a live
 * region; `cooldownStatus` holds words for screen readers only, spoken as the wait starts and ends:
 * hide it visually (`sr-only`) when you style the markup yourself.
 *
 * State attributes, present or absent unless they carry a value:
 * @selector [data-reset-kit] on `root` unless `unstyled`: what `reset-kit/styles.css` targets
 * @selector [data-state="form" | "sent"] on `root`: which view is showing ({@link ForgotPasswordView})
 * @selector [data-pending] on `root`: a request is running
 * @selector [data-invalid] on `field` and `input`: the email field has an error
 * @selector [aria-invalid="true"] on `input`: the same, for assistive technology
 * @selector [aria-disabled="true"] on `submit` and `resend`: held while a request runs, during the resend cooldown or a rate-limit wait
 * @selector [aria-busy="true"] on `form`: a request is running
 */
export type ForgotPasswordPart =
  | 'root'
  | 'heading'
  | 'description'
  | 'alert'
  | 'form'
  | 'field'
  | 'label'
  | 'input'
  | 'fieldError'
  | 'submit'
  | 'actions'
  | 'resend'
  | 'countdown'
  | 'useAnotherEmail'
  | 'cooldownStatus'

/** Props of {@link ForgotPasswordForm}. */
export interface ForgotPasswordFormProps extends UseForgotPasswordOptions, AppearanceProps<ForgotPasswordPart> {}

/**
 * Asks for the account's email and sends the reset link, then shows the same neutral "check your
 * email" confirmation whether or not the account exists, with a resend cooldown.
 *
 * @example
 * <ForgotPasswordForm
 *   adapter={createStytchAdapter({ publicToken: 'public-token-live-…' })}
 *   redirectUrl="https://app.example.com/reset-password"
 * />
 */
export function ForgotPasswordForm({
  classNames,
  unstyled,
  headingLevel = 2,
  ...options
}: ForgotPasswordFormProps): ReactElement {
  const forgot = useForgotPassword(options)
  const { t, view } = forgot
  const id = useId()
  const headingRef = useFocusOnChange<HTMLHeadingElement>(view)
  const headingId = `${id}-heading`
  const alert = forgot.error ? errorMessage(t, forgot.error, forgot.textLocale, forgot.retrySeconds) : ''
  // The adapter's own lifetime (Stytch's `expiresInMinutes` option) is the one the backend was sent.
  const lifetime = options.expiresInMinutes ?? forgot.adapter.linkLifetimeMinutes

  return (
    <section
      {...partProps('root', classNames)}
      data-reset-kit={unstyled ? undefined : ''}
      lang={forgot.textLocale}
      data-state={view satisfies ForgotPasswordView}
      data-pending={flag(forgot.pending)}
      aria-labelledby={headingId}
    >
      <Heading ref={headingRef} level={headingLevel} id={headingId} classNames={classNames}>
        {t(view === 'sent' ? 'forgot.sentTitle' : 'forgot.title')}
      </Heading>
      {/* Present in every view so screen readers hear the confirmation when it replaces the prompt. */}
      <div {...partProps('description', classNames)} id={`${id}-description`} role="status">
        <p>{view === 'sent' ? t('forgot.sentDescription', { email: forgot.sentTo }) : t('forgot.description')}</p>
        {view === 'sent' && lifetime !== undefined ? (
          <p>{t('forgot.linkValidity', { duration: formatDuration(lifetime * 60, forgot.textLocale, true) })}</p>
        ) : null}
      </div>
      <div {...partProps('alert', classNames)} role="alert">
        {alert}
      </div>
      {view === 'form' ? (
        <form {...partProps('form', classNames)} {...forgot.getFormProps()} aria-labelledby={headingId}>
          <Field
            id={`${id}-email`}
            label={t('forgot.emailLabel')}
            error={forgot.emailError ? t(`errors.${forgot.emailError}`) : undefined}
            inputProps={forgot.getEmailInputProps()}
            classNames={classNames}
          />
          <button {...partProps('submit', classNames)} {...forgot.getSubmitButtonProps()}>
            {t(forgot.pending ? 'forgot.submitting' : 'forgot.submit')}
          </button>
        </form>
      ) : (
        <div {...partProps('actions', classNames)}>
          {/* Its name never counts down: a screen reader speaks each change to the focused
              control's name, so it would read the countdown every second. */}
          <button {...partProps('resend', classNames)} {...forgot.getResendButtonProps()}>
            {t(forgot.pending ? 'forgot.submitting' : 'forgot.resend')}
          </button>
          {forgot.resendSeconds > 0 ? (
            <p {...partProps('countdown', classNames)}>
              {t('forgot.resendIn', { duration: formatDuration(forgot.resendSeconds, forgot.textLocale) })}
            </p>
          ) : null}
          <button {...partProps('useAnotherEmail', classNames)} type="button" onClick={forgot.useAnotherEmail}>
            {t('forgot.useAnotherEmail')}
          </button>
        </div>
      )}
      {/* Rendered in every view so it exists before its text changes; it announces the start and
          the end of the cooldown, not every tick of the visible countdown. Silent while the alert
          speaks: after a 429, its "now" would contradict the wait, and then say it twice. */}
      <p {...partProps('cooldownStatus', classNames)} role="status">
        {view === 'sent' && !forgot.error
          ? t(forgot.resendSeconds > 0 ? 'forgot.cooldownStarted' : 'forgot.cooldownEnded')
          : null}
      </p>
    </section>
  )
}
