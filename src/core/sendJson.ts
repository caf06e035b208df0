import { parseRetryAfter } from './parseRetryAfter'
import { ResetError } from './ResetError'

/** Default time a request may take before it fails with `timeout`. */
export const DEFAULT_TIMEOUT_MS = 15_000

/** A request for {@link sendJson}. */
export interface SendJsonRequest {
  url: string
  method?: 'POST' | 'PUT' | 'GET'
  headers?: Record<string, string>
  body?: unknown
  signal: AbortSignal
  /** @default 15000 */
  timeoutMs?: number
  /** @default 'same-origin' */
  credentials?: RequestCredentials
}

/** What came back, whatever the status; the body is `undefined` when it is not JSON. */
export interface SendJsonResponse {
  status: number
  ok: boolean
  body: unknown
  /** Seconds from `Retry-After` or `X-Retry-After`, when either is readable. */
  retryAfterSeconds: number | undefined
}

/**
 * Sends one JSON request the way every adapter must: `cache: 'no-store'`, an origin-only referrer
 * (the reset page's URL may still hold a token), no redirects, a timeout, and network faults
 * turned into `ResetError`s. It never throws for an HTTP status: adapters map those themselves.
 */
export async function sendJson(request: SendJsonRequest): Promise<SendJsonResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS)
  const signal = anySignal([request.signal, timeout])
  const fail = (error: unknown): never => {
    if (request.signal.aborted) throw request.signal.reason ?? error
    if (timeout.aborted) throw new ResetError('timeout', { cause: error })
    throw new ResetError('network', { cause: error })
  }
  // Headers normalises names, so an integrator's `content-type` replaces ours instead of doubling it.
  const headers = new Headers({ Accept: 'application/json' })
  if (request.body !== undefined) headers.set('Content-Type', 'application/json')
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value)

  let response: Response
  try {
    response = await fetch(request.url, {
      method: request.method ?? 'POST',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      cache: 'no-store',
      credentials: request.credentials ?? 'same-origin',
      // The origin only, never the path or query: the reset page's URL may still hold a token,
      // while backends such as Stytch's SDK check which site is calling.
      referrerPolicy: 'strict-origin',
      // A redirect would re-send the body (token, password) wherever it points: refuse to follow.
      redirect: 'manual',
      signal,
    })
  } catch (error) {
    return fail(error)
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new ResetError('misconfigured', {
      cause: new Error(
        process.env.NODE_ENV !== 'production' ? `The endpoint answered with a redirect (${response.status}); configure its final URL.` : 'redirect',
      ),
    })
  }
  let text: string
  try {
    text = await response.text()
  } catch (error) {
    return fail(error)
  }
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    // An HTML error page from a proxy: keep nothing of it, it must never reach the screen.
    body = undefined
  }
  return {
    status: response.status,
    ok: response.ok,
    body,
    retryAfterSeconds:
      parseRetryAfter(response.headers.get('Retry-After')) ?? parseRetryAfter(response.headers.get('X-Retry-After')),
  }
}

/** `AbortSignal.any`, with a fallback for browsers that predate it (Safari < 17.4). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals)
  const controller = new AbortController()
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason)
      break
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  return controller.signal
}

/** Maps a status no adapter recognised: 429 → `rate_limited`, 5xx → `server`, else `unknown`. */
export function errorForStatus(response: SendJsonResponse): ResetError {
  if (response.status === 429) {
    return new ResetError('rate_limited', { retryAfterSeconds: response.retryAfterSeconds, cause: response.body })
  }
  if (response.status >= 500) return new ResetError('server', { cause: response.body })
  return new ResetError('unknown', { cause: response.body })
}
