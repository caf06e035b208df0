import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import type { i18n as I18n } from 'i18next'
import { useContext, useMemo, useRef } from 'react'
import { createMirroredVerifierStore } from '../core/createMirroredVerifierStore'
import { optionError } from '../core/optionError'
import type { ResetAdapter } from '../core/ResetAdapter'
import type { VerifierStore } from '../core/VerifierStore'
import { addEnglishBundle, createResetKitI18n, NAMESPACE, type ResetKitMessages } from '../i18n/createResetKitI18n'
import en from '../../locales/en/reset-kit.json'
import type { SupportedLocale } from '../i18n/resolveLocale'
import { assertAdapterShape } from './assertAdapterShape'
import { ResetKitContext } from './ResetKitContext'
import { useKitTranslation } from './useKitTranslation'
import { useMessageOverrides } from './useMessageOverrides'
import { useResetKitLocale } from './useResetKitLocale'

/** Props every kit component and hook accepts to override the provider. */
export interface ResetKitInstanceOptions {
  /** The backend; overrides the provider's. */
  adapter?: ResetAdapter | undefined
  /**
   * BCP 47 tag (a shipped one, or one given in `resources`); overrides the provider's and the
   * detected one.
   */
  locale?: SupportedLocale | (string & {}) | undefined
  /**
   * Replaces strings for this instance only, by key path of `locales/en/reset-kit.json`
   * (e.g. `{ forgot: { title: 'Forgot your password?' } }`).
   */
  messages?: ResetKitMessageOverrides | undefined
}

/**
 * Replacement strings by the key paths of `locales/en/reset-kit.json`: every key optional, a
 * misspelt one refused by the compiler, plus the plural forms (`_few`, `_many`…) of languages
 * that have more than English's two. `Messages` is the shape walked: the English file by default.
 */
export type ResetKitMessageOverrides<Messages = ResetKitMessages> = {
  [K in keyof Messages]?: (Messages[K] extends string ? string : ResetKitMessageOverrides<Messages[K]>) | undefined
} & { [plural: `${string}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`]: string }

// Whether `messages` has every string of `source`. A plural needs only its `_other` form, which
// every language has (English's `_one` is its sibling).
const covers = (messages: Record<string, unknown> | undefined, source: object): boolean =>
  Object.entries(source).every(([key, value]) =>
    typeof value == 'string'
      ? key.endsWith('_one') || messages?.[key] != null
      : covers(messages?.[key] as Record<string, unknown> | undefined, value),
  )

let sharedI18n: I18n | undefined
let sharedStore: VerifierStore | undefined

/**
 * Resolves what one component instance works with: `[adapter, locale, textLocale, t, queryClient,
 * store]`, `textLocale` being the language the strings are really in. A tuple rather than an
 * object, so the bundle carries no property names for it. Throws with the fix when no adapter is
 * configured, naming `component`: callers pass it as `process.env.NODE_ENV !== 'production' && '…'`,
 * so production builds carry neither.
 */
export function useResetKitSetup(options: ResetKitInstanceOptions, component: string | false) {
  const settings = useContext(ResetKitContext)
  const hostQueryClient = useContext(QueryClientContext)
  // Made only when no client is given, and kept, so one taken away after mount has a stand-in.
  const ownQueryClient = useRef<QueryClient>(undefined)
  const queryClient = settings.queryClient ?? hostQueryClient ?? (ownQueryClient.current ??= new QueryClient())

  // A host instance whose init() has not run yet (called in a parent's effect) has no store to
  // add strings to: the kit's own stands in until a render finds it initialised.
  const host = settings.i18n?.store && settings.i18n
  const i18n = host || settings.own || (sharedI18n ??= createResetKitI18n())
  if (host) addEnglishBundle(host)
  const locale = useResetKitLocale(i18n, options.locale ?? settings.locale, host || undefined, settings.resources)

  const overrides = useMessageOverrides(i18n, locale, options.messages)
  const t = useKitTranslation(i18n, locale, overrides)

  const store = settings.verifierStorage ?? (sharedStore ??= createMirroredVerifierStore())

  const adapter = options.adapter ?? settings.adapter
  if (!adapter) {
    throw optionError(
      'adapter',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: <${component}> needs an adapter. Pass \`adapter={createStytchAdapter(…)}\` or wrap it in <ResetKitProvider adapter={…}>.`,
    )
  }
  if (process.env.NODE_ENV !== 'production') assertAdapterShape(adapter, component)
  // What the strings are really in: English until (or unless) the locale has all of its own,
  // not just a host's or provider's few replacements. Walked again only when `t` is new, which it
  // is whenever the instance gains strings, not on every render (a countdown ticks each second).
  // As a BCP 47 tag, for `lang` and Intl: a host's "de_DE" (which i18next accepts) makes Intl throw.
  const textLocale = useMemo(
    () => (covers(i18n.getResourceBundle(locale, NAMESPACE), en) ? locale.replace(/_/g, '-') : 'en'),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n, locale, t],
  )
  return [adapter, locale, textLocale, t, queryClient, store] as const
}
