/**
 * Every failure the kit can report, as a stable code. The UI shows the translated text for the
 * code (`errors.<code>` in `locales/<locale>/reset-kit.json`), never a backend's own message.
 */
export type ResetErrorCode =
  | 'invalid_email'
  | 'rate_limited'
  | 'redirect_not_allowed'
  | 'token_missing'
  | 'token_invalid'
  | 'token_expired'
  | 'token_used'
  | 'verifier_missing'
  | 'verifier_mismatch'
  | 'password_too_short'
  | 'password_too_long'
  | 'password_weak'
  | 'password_breached'
  | 'password_mismatch'
  | 'password_reused'
  | 'network'
  | 'timeout'
  | 'insecure_context'
  | 'storage_unavailable'
  | 'misconfigured'
  | 'server'
  | 'unknown'

/** The form field an error belongs to, when it belongs to one. */
export type ResetErrorField = 'email' | 'password' | 'confirmPassword'

/** Options for {@link ResetError}. */
export interface ResetErrorOptions {
  /**
   * The field the user must change to fix it. By default it follows the code: `email` for
   * `invalid_email`, `confirmPassword` for `password_mismatch`, `password` for the other
   * `password_*` codes, none for the rest.
   */
  field?: ResetErrorField | undefined
  /**
   * Seconds to wait before trying again (from `Retry-After` / `X-Retry-After`). A negative or NaN
   * one (`Number()` of an HTTP date gives NaN) is dropped: the default wait applies.
   */
  retryAfterSeconds?: number | undefined
  /** Values the translated message needs, such as `{ minLength: 8 }`. */
  details?: Record<string, string | number> | undefined
  /** The original error or response body; for logs, never shown to the user. */
  cause?: unknown
}

/**
 * The one error type adapters and the core throw.
 *
 * @example
 * throw new ResetError('rate_limited', { retryAfterSeconds: 60 })
 */
export class ResetError extends Error {
  /** Always `'ResetError'`: how {@link isResetError} knows one from another copy of the kit. */
  override readonly name = 'ResetError'
  // `declare`: the constructor sets these, in this order, so they need no field definitions of
  // their own in the bundle; the instance gets the same own properties either way.
  /** What went wrong, as a stable code; the UI shows `errors.<code>`. */
  declare readonly code: ResetErrorCode
  /** The form field the user must change to fix it, if any. */
  declare readonly field: ResetErrorField | undefined
  /** Seconds to wait before trying again, when the backend said. */
  declare readonly retryAfterSeconds: number | undefined
  /** Values the translated message needs, such as `{ minLength: 8 }`. */
  declare readonly details: Record<string, string | number> | undefined

  constructor(code: ResetErrorCode, options: ResetErrorOptions = {}) {
    // The message is the code on purpose: it is for developers' logs and must never carry a
    // backend's text, which could hold user data.
    super(code, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.field =
      options.field ??
      (code == 'invalid_email'
        ? 'email'
        : code == 'password_mismatch'
          ? 'confirmPassword'
          : code.startsWith('password_')
            ? 'password'
            : undefined)
    const seconds = options.retryAfterSeconds
    // A wait that is not a number of seconds would leave the countdown re-rendering forever.
    this.retryAfterSeconds = seconds! >= 0 ? seconds : undefined
    this.details = options.details
  }
}

/** True for a {@link ResetError}, including one from another copy of the kit. */
export function isResetError(value: unknown): value is ResetError {
  return (
    value instanceof ResetError ||
    (value instanceof Error && value.name === 'ResetError' && typeof (value as ResetError).code === 'string')
  )
}

/** Wraps anything thrown into a {@link ResetError}; an unexpected throw becomes `unknown`. */
export function toResetError(value: unknown): ResetError {
  if (isResetError(value)) return value
  // Matched by name, not `instanceof DOMException`: the reason of `AbortSignal.timeout()` can come
  // from another realm (an iframe, or Node's DOMException under jsdom) and would fail instanceof.
  const timedOut = typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'TimeoutError'
  return new ResetError(timedOut ? 'timeout' : 'unknown', { cause: value })
}
