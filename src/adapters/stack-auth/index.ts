/**
 * The Stack Auth adapter: `import { createStackAuthAdapter } from 'reset-kit/stack-auth'`.
 * @packageDocumentation
 */
export { createStackAuthAdapter } from './createStackAuthAdapter'
export { isStackAuthErrorBody, mapStackAuthError } from './mapStackAuthError'
export type { StackAuthErrorBody, StackAuthResetStep } from './mapStackAuthError'
export type { StackAuthAdapterOptions } from './StackAuthAdapterOptions'
export { STACK_AUTH_PASSWORD_LENGTH } from './stackAuthPasswordLength'
