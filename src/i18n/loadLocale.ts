import type { ResetKitMessages } from './createResetKitI18n'

type Loader = () => Promise<{ default: ResetKitMessages }>

// One static import per file, so bundlers split each locale into its own chunk: only the
// active locale is ever downloaded, and English ships inside the main bundle.
const LOADERS: Record<string, Loader> = {
  es: () => import('../../locales/es/reset-kit.json'),
  fr: () => import('../../locales/fr/reset-kit.json'),
  'pt-BR': () => import('../../locales/pt-BR/reset-kit.json'),
  'en-XA': () => import('../../locales/en-XA/reset-kit.json'),
}

/** Locales that {@link loadLocale} can fetch on demand. */
export const LOADABLE_LOCALES: readonly string[] = Object.keys(LOADERS)

/** Fetches the strings of a shipped locale; `undefined` for English (bundled) and unknown tags. */
export async function loadLocale(locale: string): Promise<ResetKitMessages | undefined> {
  const loader = LOADERS[locale]
  return loader ? (await loader()).default : undefined
}
