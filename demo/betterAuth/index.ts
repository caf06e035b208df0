export { createBetterAuthServer } from './createBetterAuthServer'
export type {
  BetterAuthBaseURL,
  BetterAuthResetEmail,
  BetterAuthServer,
  BetterAuthServerOptions,
} from './createBetterAuthServer'
