import type { i18n as I18n } from 'i18next'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { NAMESPACE } from '../i18n/createResetKitI18n'
import { LOADABLE_LOCALES, loadLocale } from '../i18n/loadLocale'
import { resolveLocale, SUPPORTED_LOCALES } from '../i18n/resolveLocale'

function subscribeToLanguages(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange)
  return () => window.removeEventListener('languagechange', onChange)
}
// A string, not the array: React compares snapshots by identity.
const browserLanguages = () => navigator.languages.join(',')
// The server knows no browser: render English there and let the client switch after hydration.
const noLanguages = () => ''

/**
 * Picks the locale for one instance (prop, provider, host i18next language, then the browser's)
 * among the shipped locales and any the i18next instance or `resources` add, and fetches a
 * shipped locale's strings on first use. Until they arrive the kit's English shows, never keys.
 */
export function useResetKitLocale(
  i18n: I18n,
  requested: string | undefined,
  host: I18n | undefined,
  resources: Record<string, object> | undefined,
): string {
  const browser = useSyncExternalStore(subscribeToLanguages, browserLanguages, noLanguages)

  useMemo(() => {
    for (const [tag, messages] of Object.entries(resources ?? {})) {
      if (!i18n.hasResourceBundle(tag, NAMESPACE)) i18n.addResourceBundle(tag, NAMESPACE, messages, true, false)
    }
  }, [i18n, resources])

  const added = Object.keys(i18n.store?.data ?? {}).filter((tag) => i18n.hasResourceBundle(tag, NAMESPACE))
  const available = [...SUPPORTED_LOCALES, ...LOADABLE_LOCALES, ...added]
  const hostLanguage = host?.resolvedLanguage ?? host?.language
  const locale = resolveLocale(requested ?? hostLanguage ?? (browser ? browser.split(',') : undefined), available)

  const [, setLoaded] = useState(0)
  useEffect(() => {
    if (i18n.hasResourceBundle(locale, NAMESPACE)) return
    let live = true
    loadLocale(locale)
      .then((messages) => {
        if (!messages) return
        if (!i18n.hasResourceBundle(locale, NAMESPACE)) i18n.addResourceBundle(locale, NAMESPACE, messages, true, false)
        if (live) setLoaded((count) => count + 1)
      })
      // A chunk that fails to load (offline) leaves the English fallback on screen.
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [i18n, locale])
  return locale
}
