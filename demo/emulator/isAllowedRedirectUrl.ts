const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1'])

/**
 * True when `value` is an absolute http(s) URL whose origin is allowed: one of
 * `allowedOrigins` when given, else any origin on localhost or 127.0.0.1.
 */
export function isAllowedRedirectUrl(value: string, allowedOrigins?: readonly string[]): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  // Credentials in a redirect URL are a phishing vector; Stytch's dashboard would not hold one.
  if (url.username !== '' || url.password !== '') return false
  if (allowedOrigins) return allowedOrigins.some((origin) => sameOrigin(origin, url.origin))
  return LOOPBACK_HOSTS.has(url.hostname)
}

function sameOrigin(configured: string, actual: string): boolean {
  try {
    return new URL(configured).origin === actual
  } catch {
    return false
  }
}
