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
// The shipped locales each i18next instance has fetched: a host's or provider's strings for a
// locale must not stop the shipped ones loading underneath them.
const fetched = new WeakMap<I18n, Set<string>>()

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
    // They replace shipped strings, as documented. Silent: an event here would make other
    // components update while this one renders.
    for (const [tag, messages] of Object.entries(resources ?? {}))
      i18n.addResourceBundle(tag, NAMESPACE, messages, true, true, { silent: true })
  }, [i18n, resources])

  const added = Object.keys(i18n.store?.data ?? {}).filter((tag) => i18n.hasResourceBundle(tag, NAMESPACE))
  const available = [...SUPPORTED_LOCALES, ...LOADABLE_LOCALES, ...added]
  const hostLanguage = host?.resolvedLanguage ?? host?.language
  const locale = resolveLocale(requested ?? hostLanguage ?? (browser ? browser.split(',') : undefined), available)

  const [, setLoaded] = useState(0)
  useEffect(() => {
    const done = fetched.get(i18n) ?? new Set<string>()
    fetched.set(i18n, done)
    if (done.has(locale)) return
    let live = true
    loadLocale(locale)
      .then((messages) => {
        if (!messages) return
        done.add(locale)
        // Underneath whatever is there: a host's or provider's strings win.
        i18n.addResourceBundle(locale, NAMESPACE, messages, true, false)
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
