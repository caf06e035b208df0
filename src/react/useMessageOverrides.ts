import type { i18n as I18n } from 'i18next'
import { useEffect, useId, useMemo } from 'react'
import { NAMESPACE } from '../i18n/createResetKitI18n'

/**
 * Puts one instance's `messages` in a namespace of its own, searched before the kit's, so they
 * never leak into other instances or the host's strings. Keyed by content, so a new but equal
 * object each render changes nothing; removed on unmount. Returns the namespace, if any.
 */
export function useMessageOverrides(i18n: I18n, locale: string, messages: Record<string, unknown> | undefined): string | undefined {
  const namespace = `${NAMESPACE}:overrides:${useId()}`
  const content = messages ? JSON.stringify(messages) : ''
  // Added during render so the very first render already shows the overrides.
  useMemo(() => {
    if (content) i18n.addResourceBundle(locale, namespace, JSON.parse(content), true, true)
  }, [i18n, locale, namespace, content])
  useEffect(() => {
    // Added again here because Strict Mode runs the cleanup below once before keeping the effect.
    if (content && !i18n.hasResourceBundle(locale, namespace)) i18n.addResourceBundle(locale, namespace, JSON.parse(content), true, true)
    return () => {
      if (i18n.hasResourceBundle(locale, namespace)) i18n.removeResourceBundle(locale, namespace)
    }
  }, [i18n, locale, namespace, content])
  return content ? namespace : undefined
}
