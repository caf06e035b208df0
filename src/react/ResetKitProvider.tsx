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
 * outer one's, language by language.
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
  const host = i18n ?? outer.i18n
  // Resources with no host instance (or one whose init() has not run yet) go in this provider's
  // own, not the one every kit component outside a provider shares (on a server, every request).
  const own = useRef<I18n>(undefined)
  if (resources && !host?.store) own.current ??= createResetKitI18n()
  const value = useMemo(
    () => ({
      adapter: adapter ?? outer.adapter,
      locale: locale ?? outer.locale,
      resources: resources ? { ...outer.resources, ...resources } : outer.resources,
      i18n: host,
      queryClient: queryClient ?? outer.queryClient,
      verifierStorage: verifierStorage ?? outer.verifierStorage,
      own: own.current ?? outer.own,
    }),
    [adapter, locale, resources, host, queryClient, verifierStorage, outer],
  )
  return <ResetKitContext.Provider value={value}>{children}</ResetKitContext.Provider>
}
