import type { TFunction } from 'i18next'
import type { ResetError } from '../core/ResetError'
import { formatDuration } from '../i18n/formatDuration'
import { DEFAULT_RATE_LIMIT_SECONDS } from '../core/retryDeadline'

/**
 * The translated sentence for an error, with the numbers its code needs. Never a backend's text.
 * `retrySeconds` is the live countdown of a `rate_limited` wait: while it runs the message names
 * the wait as first announced, because an alert whose text changed every second would be read
 * out every second; once it ends the message says so.
 */
export function errorMessage(
  t: TFunction,
  error: { code: ResetError['code']; details?: ResetError['details']; retryAfterSeconds?: number },
  locale: string,
  retrySeconds = 0,
): string {
  switch (error.code) {
    case 'rate_limited':
      return retrySeconds > 0
        ? t('errors.rate_limited', { duration: formatDuration(error.retryAfterSeconds ?? DEFAULT_RATE_LIMIT_SECONDS, locale) })
        : t('errors.rate_limited_now')
    case 'password_too_short':
      return t('errors.password_too_short', { count: Number(error.details?.minLength ?? 8) })
    case 'password_too_long': {
      const maxLength = Number(error.details?.maxLength ?? 0)
      return maxLength > 0 ? t('errors.password_too_long', { count: maxLength }) : t('errors.password_too_long_plain')
    }
    default:
      return t(`errors.${error.code}`)
  }
}
