import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

/**
 * Serves a built single-page app from `root`: existing files as they are, every other GET path as
 * `index.html`, like `vite preview`'s fallback. Enough for a test server, not for production.
 */
export function serveStatic(root: string) {
  const base = resolve(root)
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.statusCode = 405
      response.end()
      return
    }
    const { pathname } = new URL(request.url ?? '/', 'http://static.invalid')
    let file = resolve(join(base, decodeURIComponent(pathname)))
    // Never serve anything outside the build folder.
    if (file !== base && !file.startsWith(base + sep)) file = join(base, 'index.html')
    const isFile = await stat(file).then(
      (entry) => entry.isFile(),
      () => false,
    )
    if (!isFile) file = join(base, 'index.html')
    response.statusCode = 200
    response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
    response.end(request.method === 'HEAD' ? undefined : await readFile(file))
  }
}
