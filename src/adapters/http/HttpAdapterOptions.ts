import type { CheckTokenInput, CompleteResetInput, StartResetInput } from '../../core/ResetAdapter'
import type { ResetError } from '../../core/ResetError'
import type { SendJsonRequest, SendJsonResponse } from '../../core/sendJson'
import type { HttpResetStep } from './mapHttpError'

/** Headers for every request, or a function that returns them (called before each request). */
export type HttpAdapterHeaders =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)

/** Options of `createHttpAdapter`: your own endpoints for the three steps of a reset. */
export interface HttpAdapterOptions {
  /** Short stable name of the backend; namespaces storage keys. */
  id: string
  /**
   * Receives `POST` with the start body and emails the link: an absolute URL, or a path on the
   * page's own origin such as `/api/password-reset/start` (which also works from a server render).
   */
  startUrl: string
  /** Receives `POST` with the completion body and sets the password: an absolute URL or a path. */
  completeUrl: string
  /**
   * An absolute URL or a path that receives `POST { token }` and answers 2xx while the token is
   * usable. It must not consume the token. Without it the page cannot tell a dead link before the
   * user types.
   * @default none: no `checkToken`
   */
  checkUrl?: string | undefined
  /**
   * Whether the start request carries a PKCE challenge and the completion its verifier.
   * @default true
   */
  pkce?: boolean | undefined
  /**
   * URL search params of the emailed link that may hold the token; a link that carries more than
   * one token (two of these params, or one twice) is refused as invalid.
   * @default ['token']
   */
  tokenParams?: readonly string[] | undefined
  /** Extra headers (such as a CSRF token), or a function returning them, sync or async. */
  headers?: HttpAdapterHeaders | undefined
  /**
   * Whether cookies go with the requests.
   * @default 'same-origin'
   */
  credentials?: SendJsonRequest['credentials']
  /**
   * How long one request may take before it fails with `timeout`.
   * @default 15000
   */
  timeoutMs?: number | undefined
  /**
   * Builds the JSON body of the start request.
   * @default ({ email, redirectUrl, locale, codeChallenge, expiresInMinutes }) =>
   *   ({ email, redirectUrl, locale, codeChallenge, codeChallengeMethod: 'S256', expiresInMinutes })
   *   with the PKCE fields only when `pkce` is on and `expiresInMinutes` only when given
   */
  buildStartBody?: ((input: Omit<StartResetInput, 'signal'>) => unknown) | undefined
  /**
   * Builds the JSON body of the check request.
   * @default ({ token }) => ({ token })
   */
  buildCheckBody?: ((input: Omit<CheckTokenInput, 'signal'>) => unknown) | undefined
  /**
   * Builds the JSON body of the completion request.
   * @default ({ token, password, codeVerifier }) => ({ token, password, codeVerifier })
   *   with `codeVerifier` only when `pkce` is on
   */
  buildCompleteBody?: ((input: Omit<CompleteResetInput, 'signal'>) => unknown) | undefined
  /**
   * Maps a non-2xx response: return a `ResetError` to reject with, `'neutral'` to resolve as if
   * the step succeeded (meant for "no such account" on start), or `undefined` for the default
   * mapping, `mapHttpError`.
   * @default mapHttpError
   */
  mapError?: ((response: SendJsonResponse, step: HttpResetStep) => ResetError | 'neutral' | undefined) | undefined
}
