import { useMemo, type ReactNode } from 'react'
import { ResetKitContext, type ResetKitSettings } from './ResetKitContext'

/** Props of {@link ResetKitProvider}. */
export interface ResetKitProviderProps extends ResetKitSettings {
  children?: ReactNode
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
export function ResetKitProvider({ children, adapter, locale, resources, i18n, queryClient, verifierStorage }: ResetKitProviderProps) {
  const value = useMemo(
    () => ({ adapter, locale, resources, i18n, queryClient, verifierStorage }),
    [adapter, locale, resources, i18n, queryClient, verifierStorage],
  )
  return <ResetKitContext.Provider value={value}>{children}</ResetKitContext.Provider>
}
