import type { i18n as I18n } from 'i18next'
import { useMemo, useRef, type ReactElement, type ReactNode } from 'react'
import { createResetKitI18n } from '../i18n/createResetKitI18n'
import { ResetKitContext, type ResetKitSettings } from './ResetKitContext'

/** Props of {@link ResetKitProvider}. */
export interface ResetKitProviderProps extends ResetKitSettings {
  /** The part of the app whose kit components share these settings. */
  children?: ReactNode | undefined
}

/**
 * Optional: shares an adapter, locale, i18next instance, QueryClient and verifier storage with
 * every kit component below it. The components work without it.
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
  // Resources with no host instance (or one whose init() has not run yet) go in this provider's
  // own, not the one every kit component outside a provider shares (on a server, every request).
  const own = useRef<I18n>(undefined)
  if (resources && !i18n?.store) own.current ??= createResetKitI18n()
  const value = useMemo(
    () => ({ adapter, locale, resources, i18n, queryClient, verifierStorage, own: own.current }),
    [adapter, locale, resources, i18n, queryClient, verifierStorage],
  )
  return <ResetKitContext.Provider value={value}>{children}</ResetKitContext.Provider>
}
