import type { i18n as I18n } from 'i18next'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { NAMESPACE } from '../i18n/createResetKitI18n'
import type { ResetKitT } from '../i18n/ResetKitT'

// The kit's keys are dotted paths with no namespace prefix, and its placeholders {{name}},
// whatever separators and delimiters the host uses.
const KIT_T_OPTIONS = {
  keySeparator: '.',
  nsSeparator: false,
  interpolation: { escapeValue: false, prefix: '{{', suffix: '}}' },
} as const
const versions = new WeakMap<I18n, number>()

/**
 * A translation function fixed to `locale` and the kit's namespace, searched after the
 * `overrides` namespace when there is one (see `useMessageOverrides`), re-created when
 * the instance changes language or gains strings (a locale chunk arriving, overrides). The
 * kit's needs travel with each call, so a host instance keeps its own options: English when the
 * host has no kit strings for the locale (never raw keys), and no HTML escaping, since React
 * escapes text itself and "o'brien@example.com" would otherwise show as "o&#39;brien…".
 */
export function useKitTranslation(i18n: I18n, locale: string, overrides: string | undefined): ResetKitT {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const bump = () => {
        versions.set(i18n, (versions.get(i18n) ?? 0) + 1)
        onChange()
      }
      i18n.on('languageChanged', bump)
      i18n.store?.on('added', bump)
      i18n.store?.on('removed', bump)
      return () => {
        i18n.off('languageChanged', bump)
        i18n.store?.off('added', bump)
        i18n.store?.off('removed', bump)
      }
    },
    [i18n],
  )
  const read = () => versions.get(i18n) ?? 0
  const version = useSyncExternalStore(subscribe, read, read)
  return useMemo(() => {
    const fixed = i18n.getFixedT(locale, overrides ? [overrides, NAMESPACE] : [NAMESPACE])
    // The locale's own bundle, then English, by exact tag: a host's `load: 'languageOnly'` or
    // `lowerCaseLng` would otherwise look for "pt" or "pt-br" and miss the kit's "pt-BR".
    const lngs = [locale, 'en']
    const t: ResetKitT = (name, values) => fixed(name as string, { ...KIT_T_OPTIONS, lngs, ...values })
    return t
    // `version` is the point: new strings or a new language must give a new function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n, locale, overrides, version])
}
