import en from '../../locales/en/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import { createResetKitI18n, NAMESPACE } from '../../src/i18n/createResetKitI18n'
import type { ResetKitT } from '../../src/i18n/ResetKitT'
import { errorMessage } from '../../src/react/errorMessage'

/** The kit's own i18next instance, fixed to one locale, as a custom UI gets it from a hook's `t`. */
function translator(locale: string, messages?: typeof en): ResetKitT {
  const i18n = createResetKitI18n()
  if (messages) i18n.addResourceBundle(locale, NAMESPACE, messages)
  const fixed = i18n.getFixedT(locale, NAMESPACE)
  // Wrapped rather than cast: i18next 27's TFunction no longer converts to ResetKitT directly.
  return (key, values) => fixed(key as string, { ...values })
}

// Intl puts a no-break space between a number and its unit; compare the words.
const words = (text: string) => text.replace(/\s/gu, ' ')

describe('errorMessage', () => {
  it('reads a rate limit as over when no countdown is passed', () => {
    expect(errorMessage(translator('en'), { code: 'rate_limited', retryAfterSeconds: 120 }, 'en')).toBe(
      en.errors.rate_limited_now,
    )
  })

  it('names a running wait in the locale of the text around it', () => {
    const message = errorMessage(translator('es', es), { code: 'rate_limited', retryAfterSeconds: 120 }, 'es', 120)

    expect(words(message)).toBe(es.errors.rate_limited.replace('{{duration}}', '2 minutos'))
  })

  it('names the 8-character minimum when a too-short error carries no length', () => {
    expect(errorMessage(translator('en'), { code: 'password_too_short' }, 'en')).toBe(
      en.errors.password_too_short_other.replace('{{count}}', '8'),
    )
  })

  it('says a password is too long without a count when the error carries no maximum', () => {
    expect(errorMessage(translator('en'), { code: 'password_too_long' }, 'en')).toBe(en.errors.password_too_long_plain)
  })
})
