import { parseRetryAfter } from './parseRetryAfter'
import { ResetError } from './ResetError'

/** Default time a request may take before it fails with `timeout`. */
export const DEFAULT_TIMEOUT_MS = 15_000

/** A request for {@link sendJson}. */
export interface SendJsonRequest {
  /**
   * The endpoint: an absolute URL, or a path resolved against the page's origin (never against a
   * `<base href>`, which could send the body elsewhere).
   */
  url: string
  /** The HTTP method. @default 'POST' */
  method?: 'POST' | 'PUT' | 'GET' | undefined
  /** Added to `Accept: application/json` (and `Content-Type` when there is a body); same names replace them. */
  headers?: Record<string, string> | undefined
  /** Sent as JSON; none when `undefined`. */
  body?: unknown
  /** The caller's abort (a request it no longer wants); its reason is rethrown as is. */
  signal: AbortSignal
  /** How long the request (body included) may take before it fails with `timeout`. @default 15000 */
  timeoutMs?: number | undefined
  /** The `fetch` credentials mode, which decides whether cookies are sent. @default 'same-origin' */
  // Spelt out, not the DOM lib's RequestCredentials: reset-kit/core also type-checks on a server.
  credentials?: 'omit' | 'same-origin' | 'include' | undefined
}

/** What came back, whatever the status; the body is `undefined` when it is not JSON. */
export interface SendJsonResponse {
  /** The HTTP status. */
  status: number
  /** True for a 2xx status. */
  ok: boolean
  /** The parsed JSON, or `undefined`. */
  body: unknown
  /** Seconds from `Retry-After` or `X-Retry-After`, when either is readable. */
  retryAfterSeconds: number | undefined
}

/**
 * Sends one JSON request the way every adapter must: `cache: 'no-store'`, an origin-only referrer
 * (the reset page's URL may still hold a token), no redirects, a timeout, and network faults
 * turned into `ResetError`s. It never throws for an HTTP status (adapters map those themselves),
 * only for answers that mean a wrong URL: a redirect, or a 2xx HTML page such as a single-page
 * app's fallback, both `misconfigured`.
 */
export async function sendJson(request: SendJsonRequest): Promise<SendJsonResponse> {
  // One controller for the caller's abort and the timeout, rather than AbortSignal.any and
  // AbortSignal.timeout, which Safari gained only in 17.4 and 16.
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(
    () => {
      timedOut = true
      controller.abort()
      // setTimeout holds a signed 32-bit delay: a longer one would fire at once, not almost never.
    },
    Math.min(request.timeoutMs ?? DEFAULT_TIMEOUT_MS, 2 ** 31 - 1),
  )
  const forwardAbort = () => controller.abort(request.signal.reason)
  if (request.signal.aborted) forwardAbort()
  request.signal.addEventListener('abort', forwardAbort)
  // Headers normalises names, so an integrator's `content-type` replaces ours instead of doubling it.
  const headers = new Headers({ Accept: 'application/json' })
  if (request.body !== undefined) headers.set('Content-Type', 'application/json')
  for (const [name, value] of Object.entries(request.headers ?? {})) headers.set(name, value)

  let response: Response
  let text: string
  try {
    // A path goes to the page's origin, never a `<base href>`; an absolute URL is left alone (a
    // sandboxed frame's origin is "null", against which nothing resolves).
    const url = request.url[0] == '/' ? new URL(request.url, globalThis.location?.origin).href : request.url
    response = await fetch(url, {
      method: request.method ?? 'POST',
      headers,
      // undefined without a body: JSON.stringify(undefined) is undefined.
      body: JSON.stringify(request.body),
      cache: 'no-store',
      credentials: request.credentials ?? 'same-origin',
      // The origin only, never the path or query: the reset page's URL may still hold a token,
      // while backends such as Stytch's SDK check which site is calling.
      referrerPolicy: 'strict-origin',
      // A redirect would re-send the body (token, password) wherever it points: refuse to follow.
      redirect: 'manual',
      signal: controller.signal,
    })
    // Inside the timeout too: a server can send its headers and then stall the body.
    text = await response.text()
  } catch (error) {
    if (request.signal.aborted) throw request.signal.reason ?? error
    throw new ResetError(timedOut ? 'timeout' : 'network', { cause: error })
  } finally {
    clearTimeout(timer)
    request.signal.removeEventListener('abort', forwardAbort)
  }
  // Two answers mean the URL is wrong, not that the request failed: a redirect (following it would
  // re-send the body wherever it points), and a 2xx HTML page, which is no API's answer but a
  // host's catch-all (a single-page app's index.html for a path with no endpoint behind it): read
  // as success, it would say "sent" or "changed" when nothing was.
  const html = response.ok && text.trim()[0] == '<'
  if (html || response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    throw new ResetError('misconfigured', {
      cause: new Error(
        process.env.NODE_ENV !== 'production'
          ? html
            ? `The endpoint answered ${response.status} with an HTML page, not JSON; check its URL.`
            : `The endpoint answered with a redirect (${response.status}); configure its final URL.`
          : // The same as `html` here (a redirect is never a 2xx), and a few bytes lighter.
            response.ok
            ? 'html'
            : 'redirect',
      ),
    })
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    // An empty body, or an HTML error page from a proxy: keep nothing of it (body stays
    // undefined), it must never reach the screen.
  }
  return {
    status: response.status,
    ok: response.ok,
    body,
    retryAfterSeconds:
      parseRetryAfter(response.headers.get('Retry-After')) ?? parseRetryAfter(response.headers.get('X-Retry-After')),
  }
}

/** Maps a status no adapter recognised: 429 → `rate_limited`, 5xx → `server`, else `unknown`. */
export function errorForStatus(response: SendJsonResponse): ResetError {
  if (response.status === 429) {
    return new ResetError('rate_limited', { retryAfterSeconds: response.retryAfterSeconds, cause: response.body })
  }
  return new ResetError(response.status >= 500 ? 'server' : 'unknown', { cause: response.body })
}
