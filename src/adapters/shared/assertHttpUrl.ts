import { optionError } from '../../core/optionError'

/**
 * Checks an endpoint URL given to an adapter factory: it must be absolute and use http or https,
 * or, with `path`, may be a path on the page's own origin (`/api/reset`), which `sendJson`
 * resolves against that origin when it sends: an adapter made once at module level then also
 * loads on a server, with no origin to know. Throws a `TypeError` naming the option and showing
 * a valid value, because a wrong URL is a developer mistake that should fail at start-up rather
 * than on a user's first request. Pass the example as
 * `process.env.NODE_ENV !== 'production' && 'https://…'`: production builds keep only the
 * option's name (see {@link optionError}).
 *
 * @returns The value unchanged.
 */
export function assertHttpUrl(value: unknown, name: string, example: string | false, path?: boolean): string {
  // A path must stay a path: `//host` and `/\host` name another origin, and the URL parser drops
  // tabs and newlines anywhere (`/<tab>/host`), also once an adapter appends to the value.
  if (path && typeof value == 'string' && /^\/(?![/\\])[^\t\n\r]*$/.test(value)) return value
  let protocol: string | undefined
  try {
    protocol = new URL(value as string).protocol
  } catch {
    // Not an absolute URL: `protocol` stays undefined.
  }
  if (typeof value !== 'string' || (protocol !== 'https:' && protocol !== 'http:')) {
    throw optionError(
      name,
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`${name}\` must be ${path ? 'a path on this site or ' : ''}an absolute http(s) URL such as "${example}"; got ${JSON.stringify(value)}.`,
    )
  }
  return value
}
