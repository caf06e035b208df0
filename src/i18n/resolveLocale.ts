/** The locales the kit ships. English is the source. */
export const SUPPORTED_LOCALES = ['en', 'es', 'fr', 'pt-BR'] as const

/** One of {@link SUPPORTED_LOCALES}. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]

/**
 * Maps any BCP 47 tag (or a preference list such as `navigator.languages`) to a shipped locale:
 * `pt` and `pt-PT` → `pt-BR`, `es-MX` → `es`, `fr-CA` → `fr`; the first tag that matches wins and
 * nothing matching means `en`.
 */
export function resolveLocale(tags: string | readonly string[] | undefined | null): SupportedLocale {
  const list = typeof tags === 'string' ? [tags] : (tags ?? [])
  for (const tag of list) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0]
    if (language === 'pt') return 'pt-BR'
    if (language === 'es' || language === 'fr' || language === 'en') return language
  }
  return 'en'
}
