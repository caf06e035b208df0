import { ResetError, type ResetErrorCode } from '../../core/ResetError'
import { errorForStatus, type SendJsonResponse } from '../../core/sendJson'
import { isResetErrorCode } from '../../core/isResetErrorCode'

/** Which request of the flow a response answers. */
export type HttpResetStep = 'start' | 'check' | 'complete'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The error object of `{ code, details? }` or `{ error: { code, details? } }`, if either. */
function errorObject(body: unknown): Record<string, unknown> | undefined {
  if (!isObject(body)) return undefined
  if (isResetErrorCode(body.code)) return body
  if (isObject(body.error) && isResetErrorCode(body.error.code)) return body.error
  return undefined
}

// Only numbers are kept: they fill placeholders such as {{minLength}}, and a string from a server
// could carry text that must never reach the screen.
function numericDetails(value: unknown): Record<string, number> | undefined {
  if (!isObject(value)) return undefined
  const entries = Object.entries(value).filter(
    (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
  )
  return entries.length === 0 ? undefined : Object.fromEntries(entries)
}

/**
 * The default error mapping of `createHttpAdapter`, for a non-2xx response:
 *
 * 1. a body `{ "code": "<ResetErrorCode>" }` or `{ "error": { "code": "<ResetErrorCode>" } }` gives
 *    that code (with its form field, the `Retry-After` wait for `rate_limited`, and the numbers of
 *    an optional `details` object, such as `{ "minLength": 12 }`); any message is ignored;
 * 2. otherwise a 404 from the start request is `'neutral'`: "no such account" ends in the same
 *    confirmation as a sent email;
 * 3. otherwise 429 → `rate_limited`, 5xx → `server`, anything else → `unknown`.
 *
 * @example
 * createHttpAdapter({
 *   // …
 *   mapError: (response, step) =>
 *     step === 'complete' && response.status === 410 ? new ResetError('token_expired') : mapHttpError(response, step),
 * })
 */
export function mapHttpError(response: SendJsonResponse, step: HttpResetStep): ResetError | 'neutral' {
  const error = errorObject(response.body)
  if (error !== undefined) {
    const code = error.code as ResetErrorCode
    return new ResetError(code, {
      retryAfterSeconds: code === 'rate_limited' ? response.retryAfterSeconds : undefined,
      details: numericDetails(error.details),
      cause: response.body,
    })
  }
  if (step === 'start' && response.status === 404) return 'neutral'
  return errorForStatus(response)
}
