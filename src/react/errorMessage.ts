import type { TFunction } from 'i18next'
import type { ResetError } from '../core/ResetError'
import { formatDuration } from '../i18n/formatDuration'

/**
 * The translated sentence for an error, with the numbers its code needs. Never a backend's text.
 * `retrySeconds` is the live countdown for `rate_limited`, spoken in `locale`.
 */
export function errorMessage(
  t: TFunction,
  error: { code: ResetError['code']; details?: ResetError['details'] },
  locale: string,
  retrySeconds = 0,
): string {
  switch (error.code) {
    case 'rate_limited':
      return retrySeconds > 0 ? t('errors.rate_limited', { duration: formatDuration(retrySeconds, locale) }) : t('errors.rate_limited_now')
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
