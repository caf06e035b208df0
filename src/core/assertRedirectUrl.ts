import { optionError } from './optionError'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Checks the configured `redirectUrl` (where the emailed link leads) at configuration time: it
 * must be absolute and https, or http on a loopback host for development. Throws a `TypeError`
 * that says how to fix it: this is a developer mistake, not a user one.
 */
export function assertRedirectUrl(value: string, name = 'redirectUrl'): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw optionError(
      name,
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`${name}\` must be an absolute URL such as "https://app.example.com/reset-password"; got ${JSON.stringify(value)}.`,
    )
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname))
  if (!secure) {
    throw optionError(
      name,
      process.env.NODE_ENV !== 'production' &&
        `reset-kit: \`${name}\` must use https (http is allowed only for localhost); got ${JSON.stringify(value)}.`,
    )
  }
  return url.href
}
