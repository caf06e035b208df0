// The framework-free core: no React, no DOM rendering. Adapters and the React layer build on it.
export { assertRedirectUrl } from './assertRedirectUrl'
export { completeResetFlow, TERMINAL_CODES, type CompleteResetFlowInput } from './completeResetFlow'
export {
  createWebStorageVerifierStore,
  type VerifierStorageMode,
  type WebStorageVerifierStoreOptions,
} from './createWebStorageVerifierStore'
export { delay } from './delay'
export { isVerifierRecord, parseVerifierRecord } from './isVerifierRecord'
export { MAX_EMAIL_LENGTH, normalizeEmail } from './normalizeEmail'
export { parseRetryAfter } from './parseRetryAfter'
export { checkPassword, countCodePoints, DEFAULT_MIN_PASSWORD_LENGTH, type PasswordPolicy } from './passwordPolicy'
export { base64UrlEncode, computeChallenge, createPkcePair, type PkcePair } from './pkce'
export {
  clearCallbackToken,
  MAX_TOKEN_LENGTH,
  readCallbackToken,
  type CallbackEnvironment,
  type CallbackToken,
  type LinkVerdict,
} from './readCallbackToken'
export type { CheckTokenInput, CompleteResetInput, ResetAdapter, StartResetInput } from './ResetAdapter'
export {
  isResetError,
  ResetError,
  toResetError,
  type ResetErrorCode,
  type ResetErrorField,
  type ResetErrorOptions,
} from './ResetError'
export { safeReturnTo } from './safeReturnTo'
export { DEFAULT_TIMEOUT_MS, errorForStatus, sendJson, type SendJsonRequest, type SendJsonResponse } from './sendJson'
export {
  DEFAULT_MIN_DURATION_MS,
  DEFAULT_VERIFIER_LIFETIME_MINUTES,
  startResetFlow,
  type StartResetFlowInput,
  type StartResetResult,
} from './startResetFlow'
export { sweepExpiredRecords } from './sweepExpiredRecords'
export type { VerifierRecord, VerifierStore } from './VerifierStore'
export { completeResetOptions, type CompleteResetVariables } from './completeResetOptions'
export { DEFAULT_RATE_LIMIT_SECONDS, retryDeadline } from './retryDeadline'
export { startResetOptions, type StartResetVariables } from './startResetOptions'
export { isResetErrorCode, RESET_ERROR_CODES } from './isResetErrorCode'
