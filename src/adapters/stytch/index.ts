/**
 * The Stytch adapter: `import { createStytchAdapter } from 'reset-kit/stytch'`.
 * @packageDocumentation
 */
export { createStytchAdapter } from './createStytchAdapter'
export { defaultStytchApiBaseUrl } from './defaultStytchApiBaseUrl'
export { isStytchErrorBody, mapStytchError } from './mapStytchError'
export type { StytchErrorBody, StytchResetStep } from './mapStytchError'
export type {
  StytchAdapterCommonOptions,
  StytchAdapterOptions,
  StytchPublicTokenOptions,
  StytchServerOptions,
} from './StytchAdapterOptions'
export { toStytchLocale } from './toStytchLocale'
export type { StytchLocale } from './toStytchLocale'
