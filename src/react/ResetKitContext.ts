import type { QueryClient } from '@tanstack/react-query'
import type { i18n as I18n } from 'i18next'
import { createContext } from 'react'
import type { ResetAdapter } from '../core/ResetAdapter'
import type { VerifierStore } from '../core/VerifierStore'
import type { SupportedLocale } from '../i18n/resolveLocale'
import type { ResetKitMessageOverrides } from './useResetKitSetup'

/** Settings shared by every kit component below a `<ResetKitProvider>`. */
export interface ResetKitSettings {
  /** The backend. Components may override it with their own `adapter` prop. */
  adapter?: ResetAdapter | undefined
  /**
   * BCP 47 tag: a shipped one (offered by your editor) or any other you give `resources` for.
   * Defaults to the host i18next language, then the browser's; see `resolveLocale`.
   */
  locale?: SupportedLocale | (string & {}) | undefined
  /**
   * Strings for more locales, or replacements for shipped ones, by tag:
   * `{ de: deMessages }` where `deMessages` follows `locales/en/reset-kit.json` (a misspelt key
   * fails to compile, as in `messages`).
   */
  resources?: Record<string, ResetKitMessageOverrides> | undefined
  /** The host's i18next instance; the kit adds its namespace and never changes the language. */
  i18n?: I18n | undefined
  /** The host's QueryClient; otherwise the one from `QueryClientProvider`, otherwise the kit's own. */
  queryClient?: QueryClient | undefined
  /**
   * Where PKCE verifiers live. By default, this tab's sessionStorage mirrored to localStorage
   * (`createWebStorageVerifierStore()`); pass `createWebStorageVerifierStore({ mode: 'session' })`
   * to keep them out of localStorage, or your own {@link VerifierStore}. A store object rather
   * than a mode name, so an app bundles only the store it uses.
   */
  verifierStorage?: VerifierStore | undefined
}

/** Carries {@link ResetKitSettings}, and the provider's own i18next instance for its `resources`; empty when there is no provider. */
export const ResetKitContext = createContext<ResetKitSettings & { own?: I18n | undefined }>({})
