/** The locales the kit ships. English is the source. */
export const SUPPORTED_LOCALES = ['en', 'es', 'fr', 'pt-BR'] as const

/** One of {@link SUPPORTED_LOCALES}. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number]

const language = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? ''

/**
 * Maps a BCP 47 tag, or a preference list such as `navigator.languages`, to a locale the kit has
 * strings for: an exact match first (`en-XA`, or a `de` the host added), then the same language
 * (`pt`, `pt-PT` → `pt-BR`; `es-MX` → `es`; `fr-CA` → `fr`). The first tag that matches wins;
 * nothing matching means `en`.
 *
 * @example resolveLocale(['de-AT', 'fr-CA', 'en']) // 'fr'
 */
export function resolveLocale(
  tags: string | readonly string[] | undefined | null,
  available: readonly string[] = SUPPORTED_LOCALES,
): string {
  const list = typeof tags === 'string' ? [tags] : (tags ?? [])
  for (const tag of list) {
    const wanted = tag.trim().toLowerCase().replace(/_/g, '-')
    const found =
      available.find((candidate) => candidate.toLowerCase() === wanted) ||
      available.find((candidate) => language(candidate) === language(wanted))
    if (found) return found
  }
  return 'en'
}
