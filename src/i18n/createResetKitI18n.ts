import { createInstance, type i18n as I18n } from 'i18next'
import en from '../../locales/en/reset-kit.json'

/** The i18next namespace of every kit string. Hosts override strings under it. */
export const NAMESPACE = 'reset-kit'

/** The shape of a locale file; English is the source of truth. */
export type ResetKitMessages = typeof en

/**
 * Makes the kit's own i18next instance, used when the host passes none. Synchronous, so it can
 * render on the server and on the first client render alike.
 */
export function createResetKitI18n(): I18n {
  const instance = createInstance()
  void instance.init({
    lng: 'en',
    fallbackLng: 'en',
    defaultNS: NAMESPACE,
    // A copy: i18next merges later strings into the object it holds, which must not be the
    // bundled English every other instance starts from.
    resources: { en: { [NAMESPACE]: JSON.parse(JSON.stringify(en)) as typeof en } },
    // React escapes text itself; escaping here would double-escape "&" and quotes.
    interpolation: { escapeValue: false },
    // i18next 27 reads "" as missing by default (26 did not): pinned, so a `messages` value of ""
    // means the same whichever version the host installed.
    returnEmptyString: true,
    initAsync: false,
  })
  return instance
}

const merged = new WeakSet<I18n>()

/**
 * Adds the kit's English strings to a host's instance without replacing any the host already
 * set under the namespace, so host overrides win and the host's options stay untouched.
 */
export function addEnglishBundle(instance: I18n): void {
  // Merged key by key: a host bundle holding a few overrides must not hide every other string.
  // Once per instance, since each merge emits a store event a host may re-render on.
  if (merged.has(instance) && instance.hasResourceBundle('en', NAMESPACE)) return
  instance.addResourceBundle('en', NAMESPACE, en, true, false)
  merged.add(instance)
}
