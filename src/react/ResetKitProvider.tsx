import type { i18n as I18n } from 'i18next'
import { useContext, useMemo, useRef, type ReactElement, type ReactNode } from 'react'
import { createResetKitI18n } from '../i18n/createResetKitI18n'
import { ResetKitContext, type ResetKitSettings } from './ResetKitContext'

/** Props of {@link ResetKitProvider}. */
export interface ResetKitProviderProps extends ResetKitSettings {
  /** The part of the app whose kit components share these settings. */
  children?: ReactNode | undefined
}

/**
 * Optional: shares an adapter, locale, i18next instance, QueryClient and verifier storage with
 * every kit component below it. The components work without it. Inside another provider, it
 * keeps every setting of the outer one it does not set itself, and adds its `resources` to the
 * outer one's, string by string. Its `resources` without an `i18n` of its own stay in an i18next
 * instance of its own, as without an outer provider.
 *
 * @example
 * <ResetKitProvider adapter={stytch} locale="fr">
 *   <ForgotPasswordForm redirectUrl="https://app.example.com/reset" />
 * </ResetKitProvider>
 */
export function ResetKitProvider({
  children,
  adapter,
  locale,
  resources,
  i18n,
  queryClient,
  verifierStorage,
}: ResetKitProviderProps): ReactElement {
  // An inner provider that sets only a locale must not drop the outer one's adapter, or its
  // session-only verifier store: the verifiers would silently go to localStorage.
  const outer = useContext(ResetKitContext)
  // Its own `resources` without its own `i18n` stay in this provider's own instance, as without an
  // outer provider: added to an inherited host instance, they would change every kit component
  // on it, outside this provider and after it unmounts.
  const host = i18n ?? (resources ? undefined : outer.i18n)
  // Resources with no host instance (or one whose init() has not run yet) go in this provider's
  // own, not the one every kit component outside a provider shares (on a server, every request).
  const own = useRef<I18n>(undefined)
  if (resources && !host?.store) own.current ??= createResetKitI18n()
  const value = useMemo(
    () => ({
      adapter: adapter ?? outer.adapter,
      locale: locale ?? outer.locale,
      resources:
        resources && outer.resources ? mergeResources(outer.resources, resources) : (resources ?? outer.resources),
      i18n: host,
      queryClient: queryClient ?? outer.queryClient,
      verifierStorage: verifierStorage ?? outer.verifierStorage,
      own: own.current ?? outer.own,
    }),
    [adapter, locale, resources, host, queryClient, verifierStorage, outer],
  )
  return <ResetKitContext.Provider value={value}>{children}</ResetKitContext.Provider>
}

// Language by language and key by key, as i18next's deep addResourceBundle merges a host's: an
// inner provider's one replaced string keeps the outer one's others.
function mergeResources<T extends Record<string, unknown>>(outer: T, inner: T): T {
  const merged: Record<string, unknown> = { ...outer }
  for (const [key, value] of Object.entries(inner)) {
    const kept = merged[key]
    merged[key] =
      typeof value == 'object' && value && typeof kept == 'object' && kept
        ? mergeResources(kept as Record<string, unknown>, value as Record<string, unknown>)
        : value
  }
  return merged as T
}
