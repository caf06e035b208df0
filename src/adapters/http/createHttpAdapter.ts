import type { ResetAdapter } from '../../core/ResetAdapter'
import { ResetError, toResetError } from '../../core/ResetError'
import { sendJson, type SendJsonResponse } from '../../core/sendJson'
import { assertHttpUrl } from '../shared/assertHttpUrl'
import { assertTimeoutMs } from '../shared/assertTimeoutMs'
import { optionError } from '../../core/optionError'
import { isParamList } from '../../core/isParamList'
import { assertAdapterId } from '../shared/assertAdapterId'
import type { HttpAdapterHeaders, HttpAdapterOptions } from './HttpAdapterOptions'
import { mapHttpError, type HttpResetStep } from './mapHttpError'

function assertTokenParams(value: unknown): readonly string[] {
  if (value === undefined) return Object.freeze(['token'])
  if (!isParamList(value)) {
    throw optionError(
      'tokenParams',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`tokenParams\` must be a non-empty array of URL parameter names, such as ["token"]; got ${JSON.stringify(value)}.`,
    )
  }
  return Object.freeze([...value])
}

async function resolveHeaders(headers: HttpAdapterHeaders | undefined): Promise<Record<string, string>> {
  if (typeof headers === 'function') return { ...(await headers()) }
  return { ...headers }
}

/**
 * Creates an adapter for a backend of your own: three JSON endpoints that start a reset, check a
 * token without using it (optional) and complete the reset. Each request is a `POST` with
 * `cache: 'no-store'`, an origin-only referrer and a timeout; the token travels only in the body.
 *
 * A 2xx answer is success whatever its body. Errors follow `mapError`, then `mapHttpError`: a
 * body such as `{ "code": "token_expired" }` selects the message the user sees (never a text of the
 * server's), a 404 from the start request ends in the neutral "check your email" confirmation, 429
 * honours `Retry-After`. Anything thrown by `headers` or the body builders rejects as a
 * `ResetError` (`unknown` unless it already is one).
 *
 * Mistakes in the options throw a `TypeError` at once.
 *
 * @example
 * const adapter = createHttpAdapter({
 *   id: 'acme',
 *   startUrl: 'https://app.example.com/api/password-reset/start',
 *   checkUrl: 'https://app.example.com/api/password-reset/check',
 *   completeUrl: 'https://app.example.com/api/password-reset/complete',
 *   headers: () => ({ 'X-CSRF-Token': readCsrfCookie() }),
 * })
 */
export function createHttpAdapter(options: HttpAdapterOptions): ResetAdapter {
  if (typeof options !== 'object' || options === null) {
    throw optionError(
      'options',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: createHttpAdapter needs an options object with `id`, `startUrl` and `completeUrl`.',
    )
  }
  const id = assertAdapterId(options.id, 'acme')
  const startUrl = assertHttpUrl(
    options.startUrl,
    'startUrl',
    process.env.NODE_ENV !== 'production' && 'https://app.example.com/api/password-reset/start',
    true,
  )
  const completeUrl = assertHttpUrl(
    options.completeUrl,
    'completeUrl',
    process.env.NODE_ENV !== 'production' && 'https://app.example.com/api/password-reset/complete',
    true,
  )
  const checkUrl =
    options.checkUrl === undefined
      ? undefined
      : assertHttpUrl(
          options.checkUrl,
          'checkUrl',
          process.env.NODE_ENV !== 'production' && 'https://app.example.com/api/password-reset/check',
          true,
        )
  const pkce = options.pkce ?? true
  if (typeof pkce !== 'boolean') {
    throw optionError(
      'pkce',
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`pkce\` must be true or false; got ${JSON.stringify(pkce)}.`,
    )
  }
  const tokenParams = assertTokenParams(options.tokenParams)
  const timeoutMs = assertTimeoutMs(options.timeoutMs)
  const { headers, credentials, buildStartBody, buildCheckBody, buildCompleteBody, mapError } = options
  if (headers !== undefined && typeof headers !== 'function' && (typeof headers !== 'object' || headers === null)) {
    throw optionError(
      'headers',
      process.env.NODE_ENV !== 'production' &&
        'reset-kit: `headers` must be an object of header values or a function that returns one.',
    )
  }

  async function post(url: string, step: HttpResetStep, body: () => unknown, signal: AbortSignal): Promise<void> {
    let requestBody: unknown
    let requestHeaders: Record<string, string>
    try {
      requestBody = body()
      requestHeaders = await resolveHeaders(headers)
    } catch (error) {
      throw toResetError(error)
    }
    const response = await sendJson({ url, headers: requestHeaders, credentials, body: requestBody, signal, timeoutMs })
    if (response.ok) return
    const outcome = mapResponse(response, step)
    if (outcome !== 'neutral') throw outcome
  }

  function mapResponse(response: SendJsonResponse, step: HttpResetStep): ResetError | 'neutral' {
    let custom: ResetError | 'neutral' | undefined
    try {
      custom = mapError?.(response, step)
    } catch (error) {
      return toResetError(error)
    }
    return custom ?? mapHttpError(response, step)
  }

  const adapter: ResetAdapter = {
    id,
    pkce,
    tokenParams,

    async startReset({ signal, ...input }) {
      if (pkce && !input.codeChallenge) {
        throw new ResetError('misconfigured', {
          cause: optionError(
            'codeChallenge',
            process.env.NODE_ENV !== 'production' &&
              `reset-kit: the "${id}" adapter uses PKCE, so startReset needs a \`codeChallenge\`.`,
          ),
        })
      }
      await post(
        startUrl,
        'start',
        () => (buildStartBody ? buildStartBody(input) : defaultStartBody(input, pkce)),
        signal,
      )
    },

    async completeReset({ signal, ...input }) {
      if (pkce && !input.codeVerifier) throw new ResetError('verifier_missing')
      await post(
        completeUrl,
        'complete',
        () =>
          buildCompleteBody
            ? buildCompleteBody(input)
            : {
                token: input.token,
                password: input.password,
                ...(pkce ? { codeVerifier: input.codeVerifier } : {}),
              },
        signal,
      )
    },
  }
  if (checkUrl !== undefined) {
    adapter.checkToken = async ({ signal, ...input }) => {
      await post(checkUrl, 'check', () => (buildCheckBody ? buildCheckBody(input) : { token: input.token }), signal)
    }
  }
  return adapter
}

function defaultStartBody(
  input: Parameters<NonNullable<HttpAdapterOptions['buildStartBody']>>[0],
  pkce: boolean,
): Record<string, string | number> {
  const body: Record<string, string | number> = {
    email: input.email,
    redirectUrl: input.redirectUrl,
    locale: input.locale,
  }
  if (pkce && input.codeChallenge !== undefined) {
    body.codeChallenge = input.codeChallenge
    body.codeChallengeMethod = 'S256'
  }
  if (input.expiresInMinutes !== undefined) body.expiresInMinutes = input.expiresInMinutes
  return body
}
