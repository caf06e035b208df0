/**
 * The Better Auth adapter: `import { createBetterAuthAdapter } from 'reset-kit/better-auth'`.
 * @packageDocumentation
 */
export { createBetterAuthAdapter } from './createBetterAuthAdapter'
export type { BetterAuthAdapterOptions } from './BetterAuthAdapterOptions'
export { isBetterAuthErrorBody, mapBetterAuthError } from './mapBetterAuthError'
export type { BetterAuthErrorBody, BetterAuthPasswordLimits, BetterAuthResetStep } from './mapBetterAuthError'
