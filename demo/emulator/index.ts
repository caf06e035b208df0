export { createEmulatorClock } from './createEmulatorClock'
export { createEmulatorSuite } from './createEmulatorSuite'
export { createHttpEmulator } from './createHttpEmulator'
export type { EmulatorSuite, EmulatorSuiteOptions, NodeMount } from './createEmulatorSuite'
export { createOutbox } from './createOutbox'
export { createStackAuthEmulator } from './createStackAuthEmulator'
export { createStytchEmulator } from './createStytchEmulator'
export { createSupabaseEmulator } from './createSupabaseEmulator'
export { DEMO_STACK_AUTH_PROJECT, DEMO_SUPABASE_ANON_KEY } from './demoProjects'
export { DEFAULT_EMULATOR_USERS } from './demoUsers'
export type {
  DemoUser,
  EmulatorBackend,
  EmulatorClock,
  EmulatorRequest,
  EmulatorResponse,
  NewOutboxEmail,
  Outbox,
  OutboxEmail,
} from './Emulator'
export { HTTP_ERROR_STATUS, httpError } from './httpError'
export type { HttpErrorBody, HttpErrorCode } from './httpError'
export type { HttpEmulator, HttpEmulatorOptions } from './HttpEmulator'
export { HTTP_ROUTES } from './httpRoutes'
export * from './mountPaths'
export { s256Challenge } from './s256Challenge'
export { STACK_AUTH_ERRORS, stackAuthError } from './stackAuthError'
export type { StackAuthErrorBody, StackAuthErrorCode } from './stackAuthError'
export type { StackAuthEmulator, StackAuthEmulatorOptions, StackAuthProject, StackAuthUser } from './StackAuthEmulator'
export { STYTCH_ERRORS, stytchError } from './stytchError'
export type { StytchErrorBody, StytchErrorType } from './stytchError'
export type { EmulatorUser, StytchEmulator, StytchEmulatorConfig, StytchEmulatorOptions } from './StytchEmulator'
export {
  SUPABASE_API_VERSION_2024_01_01,
  SUPABASE_API_VERSION_HEADER,
  SUPABASE_ERROR_STATUS,
  supabaseError,
  usesDatedApi,
} from './supabaseError'
export type { SupabaseErrorBody, SupabaseErrorCode, SupabaseLegacyErrorBody } from './supabaseError'
export type { SupabaseEmulator, SupabaseEmulatorOptions, SupabaseUser } from './SupabaseEmulator'
