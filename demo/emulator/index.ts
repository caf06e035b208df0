export { createStytchEmulator, DEFAULT_EMULATOR_USERS } from './createStytchEmulator'
export { s256Challenge } from './s256Challenge'
export { STYTCH_ERRORS, stytchError } from './stytchError'
export type { StytchErrorBody, StytchErrorType } from './stytchError'
export type {
  EmulatorRequest,
  EmulatorResponse,
  EmulatorUser,
  OutboxEmail,
  StytchEmulator,
  StytchEmulatorConfig,
  StytchEmulatorOptions,
} from './StytchEmulator'
