import type { i18n as I18n } from 'i18next'
import { useEffect } from 'react'
import { NAMESPACE } from '../i18n/createResetKitI18n'

// How many mounted instances use each override namespace, per i18next instance and locale.
const users = new WeakMap<I18n, Map<string, number>>()

/**
 * Puts one instance's `messages` in a namespace named by their content, searched before the
 * kit's. Equal messages share a namespace and different ones never do, so they cannot leak into
 * other instances, the host's strings or, on a server, the next request's render. Added during
 * render so the first render already shows them; removed when the last instance using them
 * unmounts. Returns the namespace, if any.
 */
export function useMessageOverrides(i18n: I18n, locale: string, messages: object | undefined): string | undefined {
  const content = messages ? JSON.stringify(messages) : ''
  const namespace = `${NAMESPACE}:overrides:${content}`
  // Silent: an event here would make other components update while this one renders.
  if (content && !i18n.hasResourceBundle(locale, namespace))
    i18n.addResourceBundle(locale, namespace, JSON.parse(content), true, true, { silent: true })
  useEffect(() => {
    if (!content) return
    const counts = users.get(i18n) ?? new Map<string, number>()
    users.set(i18n, counts)
    const key = `${locale}\n${namespace}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
    // Again here: Strict Mode, or the last other user unmounting in this commit, removed it.
    if (!i18n.hasResourceBundle(locale, namespace))
      i18n.addResourceBundle(locale, namespace, JSON.parse(content), true, true)
    return () => {
      const left = (counts.get(key) ?? 1) - 1
      counts.set(key, left)
      if (left === 0) i18n.removeResourceBundle(locale, namespace)
    }
  }, [i18n, locale, namespace, content])
  return content ? namespace : undefined
}
