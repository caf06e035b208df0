/** The email languages Stytch accepts in `locale`, in Stytch's spelling. */
export type StytchLocale = 'en' | 'es' | 'fr' | 'pt-br'

/**
 * Maps the kit's locale (a BCP 47 tag such as `pt-BR`, `es-MX` or `fr-CA`) to the `locale` Stytch
 * uses for its email templates. Every Portuguese variant becomes `pt-br`, the only Portuguese
 * Stytch has; any other language Stytch lacks becomes `en`, so the email is always readable.
 *
 * @example
 * toStytchLocale('pt-PT') // 'pt-br'
 * toStytchLocale('de') // 'en'
 */
export function toStytchLocale(locale: string): StytchLocale {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0]
  return language === 'pt' ? 'pt-br' : language === 'es' || language === 'fr' ? language : 'en'
}
