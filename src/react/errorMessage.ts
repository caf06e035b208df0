import type { ResetKitT } from '../i18n/ResetKitT'
import type { ResetError } from '../core/ResetError'
import { formatDuration } from '../i18n/formatDuration'
import { DEFAULT_RATE_LIMIT_SECONDS } from '../core/retryDeadline'

/**
 * The translated sentence for an error, with the numbers its code needs; never a backend's text.
 * The components show their errors with it, and a custom UI on `useForgotPassword` or
 * `useResetPassword` should too: `t('errors.' + code)` alone misses the counts of the
 * password length codes and the end of a rate-limit wait. A code the kit has no string for (an
 * adapter's own, or a newer copy's) reads as `unknown`'s "Something went wrong".
 *
 * `retrySeconds` is the live countdown of a `rate_limited` wait: while it runs the message names
 * the wait as first announced, because an alert whose text changed every second would be read
 * out every second; once it ends the message says so.
 *
 * @example
 * const forgot = useForgotPassword({ adapter, redirectUrl })
 * const alert = forgot.error ? errorMessage(forgot.t, forgot.error, forgot.textLocale, forgot.retrySeconds) : ''
 * const emailError = forgot.emailError && errorMessage(forgot.t, { code: forgot.emailError }, forgot.textLocale)
 */
export function errorMessage(
  t: ResetKitT,
  error: {
    code: ResetError['code']
    // Wider than ResetError's: `undefined` where a custom UI passes a limit it may not have
    // (useResetPassword's `maxLength`), and under `exactOptionalPropertyTypes` a ResetError itself.
    details?: Record<string, string | number | undefined> | undefined
    retryAfterSeconds?: number | undefined
  },
  locale: string,
  retrySeconds = 0,
): string {
  switch (error.code) {
    case 'rate_limited':
      return retrySeconds > 0
        ? t('errors.rate_limited', {
            duration: formatDuration(error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_SECONDS, locale),
          })
        : t('errors.rate_limited_now')
    case 'password_too_short':
      return t('errors.password_too_short', { count: Number(error.details?.minLength ?? 8) })
    case 'password_too_long': {
      const maxLength = Number(error.details?.maxLength ?? 0)
      return maxLength > 0 ? t('errors.password_too_long', { count: maxLength }) : t('errors.password_too_long_plain')
    }
    default:
      return t([`errors.${error.code}`, 'errors.unknown'])
  }
}
