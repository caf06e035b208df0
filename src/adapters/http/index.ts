/**
 * The adapter for any backend of your own: `import { createHttpAdapter } from 'reset-kit/http'`.
 * @packageDocumentation
 */
export { createHttpAdapter } from './createHttpAdapter'
export type { HttpAdapterHeaders, HttpAdapterOptions } from './HttpAdapterOptions'
export { isResetErrorCode } from '../../core/isResetErrorCode'
export { mapHttpError } from './mapHttpError'
export type { HttpResetStep } from './mapHttpError'
