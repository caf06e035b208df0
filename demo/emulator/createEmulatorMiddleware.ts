import type { IncomingMessage, ServerResponse } from 'node:http'
import type { StytchEmulator } from './StytchEmulator'

/** Where the emulated Stytch API is mounted; an adapter's `apiBaseUrl` points here. */
export const STYTCH_MOUNT_PATH = '/__emulator/stytch'
/** `GET` lists the outbox, newest first; `DELETE` resets the emulator. */
export const OUTBOX_PATH = '/__emulator/outbox'
/** `GET` reads the emulator's settings; `POST { rateLimitPerMinute }` changes them. */
export const CONFIG_PATH = '/__emulator/config'

const MAX_BODY_BYTES = 1_000_000

/** A connect-style middleware, usable by Vite, Express or a bare `http.createServer`. */
export type EmulatorMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => void

/**
 * Puts an emulator on the wire under {@link STYTCH_MOUNT_PATH}, plus the outbox and config
 * endpoints. Requests for other paths go to `next`, or get a 404 when there is none.
 *
 * @example
 * http.createServer(createEmulatorMiddleware(createStytchEmulator())).listen(8787)
 */
export function createEmulatorMiddleware(emulator: StytchEmulator): EmulatorMiddleware {
  return (request, response, next) => {
    route(emulator, request, response).then(
      (handled) => {
        if (handled) return
        if (next) next()
        else sendJson(response, 404, { error_type: 'route_not_found' })
      },
      (error: unknown) => {
        if (next) next(error)
        else sendJson(response, 500, { error_type: 'internal_server_error' })
      },
    )
  }
}

async function route(emulator: StytchEmulator, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const { pathname } = new URL(request.url ?? '/', 'http://emulator.invalid')
  const method = (request.method ?? 'GET').toUpperCase()

  if (pathname === STYTCH_MOUNT_PATH || pathname.startsWith(`${STYTCH_MOUNT_PATH}/`)) {
    const body = await readBody(request)
    if (body === tooLarge) {
      sendJson(response, 413, { error_type: 'request_too_large' })
      return true
    }
    const answer = await emulator.handle({
      method,
      path: pathname.slice(STYTCH_MOUNT_PATH.length) || '/',
      headers: flattenHeaders(request.headers),
      body: parseJson(body),
    })
    sendJson(response, answer.status, answer.body, answer.headers)
    return true
  }

  if (pathname === OUTBOX_PATH) {
    if (method === 'GET' || method === 'HEAD') sendJson(response, 200, emulator.outbox)
    else if (method === 'DELETE') {
      emulator.reset()
      sendJson(response, 204, undefined)
    } else sendJson(response, 405, { error_type: 'method_not_allowed' }, { Allow: 'GET, HEAD, DELETE' })
    return true
  }

  if (pathname === CONFIG_PATH) {
    if (method === 'GET' || method === 'HEAD') sendJson(response, 200, emulator.config)
    else if (method === 'POST') {
      const body = await readBody(request)
      const parsed = body === tooLarge ? undefined : parseJson(body)
      const rate = isRecord(parsed) ? parsed.rateLimitPerMinute : undefined
      if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 1) {
        sendJson(response, 400, { error_type: 'bad_request', error_message: 'rateLimitPerMinute must be an integer ≥ 1.' })
      } else {
        emulator.configure({ rateLimitPerMinute: rate })
        sendJson(response, 200, emulator.config)
      }
    } else sendJson(response, 405, { error_type: 'method_not_allowed' }, { Allow: 'GET, HEAD, POST' })
    return true
  }

  return false
}

const tooLarge = Symbol('tooLarge')

async function readBody(request: IncomingMessage): Promise<string | typeof tooLarge> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buffer.length
    if (size > MAX_BODY_BYTES) return tooLarge
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    // The emulator answers a body it cannot read the way Stytch does: as a bad request.
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const result: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return result
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.statusCode = status
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  // Answers carry reset tokens and change on every call: nothing may cache them.
  response.setHeader('Cache-Control', 'no-store')
  if (status === 204 || body === undefined) {
    response.end()
    return
  }
  response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.end(JSON.stringify(body))
}
