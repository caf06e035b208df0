import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorSuite, NodeMount } from './createEmulatorSuite'
import type { EmulatorClock, EmulatorRequest, EmulatorResponse, OutboxEmail } from './Emulator'
import {
  CLOCK_PATH,
  CONFIG_PATH,
  HTTP_MOUNT_PATH,
  OUTBOX_PATH,
  STACK_AUTH_MOUNT_PATH,
  STYTCH_MOUNT_PATH,
  SUPABASE_MOUNT_PATH,
} from './mountPaths'
import type { StytchEmulator } from './StytchEmulator'

export {
  BETTER_AUTH_BASE_PATH,
  CLOCK_PATH,
  CONFIG_PATH,
  HTTP_MOUNT_PATH,
  OUTBOX_PATH,
  STACK_AUTH_MOUNT_PATH,
  STYTCH_MOUNT_PATH,
  SUPABASE_MOUNT_PATH,
} from './mountPaths'

const MAX_BODY_BYTES = 1_000_000

/** A connect-style middleware, usable by Vite, Express or a bare `http.createServer`. */
export type EmulatorMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => void

interface Routes {
  emulators: Array<{ path: string; handle(request: EmulatorRequest): Promise<EmulatorResponse> }>
  mounts: readonly NodeMount[]
  stytch: StytchEmulator
  clock: EmulatorClock | undefined
  listOutbox(): readonly OutboxEmail[]
  reset(): Promise<void>
}

function routesFor(target: StytchEmulator | EmulatorSuite): Routes {
  if ('handle' in target) {
    return {
      emulators: [{ path: STYTCH_MOUNT_PATH, handle: target.handle }],
      mounts: [],
      stytch: target,
      clock: undefined,
      listOutbox: () => target.outbox,
      reset: async () => target.reset(),
    }
  }
  return {
    emulators: [
      { path: STYTCH_MOUNT_PATH, handle: target.stytch.handle },
      { path: STACK_AUTH_MOUNT_PATH, handle: target.stackAuth.handle },
      { path: SUPABASE_MOUNT_PATH, handle: target.supabase.handle },
      { path: HTTP_MOUNT_PATH, handle: target.http.handle },
    ],
    mounts: target.mounts,
    stytch: target.stytch,
    clock: target.clock,
    listOutbox: () => target.outbox.emails,
    reset: () => target.reset(),
  }
}

/**
 * Puts the emulators on the wire: a lone Stytch emulator under {@link STYTCH_MOUNT_PATH}, or a
 * whole {@link EmulatorSuite} (Stytch, Stack Auth, Supabase, the own endpoint and any {@link NodeMount} such as the
 * demo's Better Auth server), plus the outbox, config and clock endpoints. Requests for other
 * paths go to `next`, or get a 404 when there is none.
 *
 * @example
 * http.createServer(createEmulatorMiddleware(createEmulatorSuite())).listen(8787)
 */
export function createEmulatorMiddleware(target: StytchEmulator | EmulatorSuite): EmulatorMiddleware {
  const routes = routesFor(target)
  return (request, response, next) => {
    route(routes, request, response).then(
      (handled) => {
        if (handled) return
        if (next) next()
        else sendJson(response, 404, { error_type: 'route_not_found' })
      },
      (error: unknown) => {
        if (next) next(error)
        else if (!response.headersSent) sendJson(response, 500, { error_type: 'internal_server_error' })
        else response.end()
      },
    )
  }
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`)
}

async function route(routes: Routes, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const { pathname, search } = new URL(request.url ?? '/', 'http://emulator.invalid')
  const method = (request.method ?? 'GET').toUpperCase()

  // Node handlers read the request stream themselves, so they get it untouched.
  const mount = routes.mounts.find((candidate) => isUnder(pathname, candidate.basePath))
  if (mount) {
    await mount.handler(request, response)
    return true
  }

  const emulator = routes.emulators.find((candidate) => isUnder(pathname, candidate.path))
  if (emulator) {
    const body = await readBody(request)
    if (body === tooLarge) {
      sendJson(response, 413, { error_type: 'request_too_large' })
      return true
    }
    const answer = await emulator.handle({
      method,
      path: (pathname.slice(emulator.path.length) || '/') + search,
      headers: flattenHeaders(request.headers),
      body: parseJson(body),
    })
    sendJson(response, answer.status, answer.body, answer.headers)
    return true
  }

  if (pathname === OUTBOX_PATH) {
    if (method === 'GET' || method === 'HEAD') sendJson(response, 200, routes.listOutbox())
    else if (method === 'DELETE') {
      await routes.reset()
      sendJson(response, 204, undefined)
    } else sendJson(response, 405, { error_type: 'method_not_allowed' }, { Allow: 'GET, HEAD, DELETE' })
    return true
  }

  if (pathname === CONFIG_PATH) {
    if (method === 'GET' || method === 'HEAD') sendJson(response, 200, routes.stytch.config)
    else if (method === 'POST') {
      const parsed = await readJsonBody(request)
      const rate = isRecord(parsed) ? parsed.rateLimitPerMinute : undefined
      if (typeof rate !== 'number' || !Number.isInteger(rate) || rate < 1) {
        sendJson(response, 400, {
          error_type: 'bad_request',
          error_message: 'rateLimitPerMinute must be an integer ≥ 1.',
        })
      } else {
        routes.stytch.configure({ rateLimitPerMinute: rate })
        sendJson(response, 200, routes.stytch.config)
      }
    } else sendJson(response, 405, { error_type: 'method_not_allowed' }, { Allow: 'GET, HEAD, POST' })
    return true
  }

  if (pathname === CLOCK_PATH && routes.clock) {
    const clock = routes.clock
    const state = () => ({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs })
    if (method === 'GET' || method === 'HEAD') sendJson(response, 200, state())
    else if (method === 'POST') {
      const parsed = await readJsonBody(request)
      const advance = isRecord(parsed) ? parsed.advanceMs : undefined
      if (typeof advance !== 'number' || !Number.isFinite(advance) || advance < 0) {
        sendJson(response, 400, { error_type: 'bad_request', error_message: 'advanceMs must be a number ≥ 0.' })
      } else {
        clock.advance(advance)
        sendJson(response, 200, state())
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

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request)
  return body === tooLarge ? undefined : parseJson(body)
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    // Each emulator answers a body it cannot read the way its backend does: as a bad request.
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
  if (!response.hasHeader('Content-Type')) response.setHeader('Content-Type', 'application/json; charset=utf-8')
  response.end(JSON.stringify(body))
}
