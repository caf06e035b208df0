// Control characters are exactly what must be caught here: browsers strip tabs and newlines from URLs.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\\u0000-\u001f\u007f]/

/**
 * Accepts `returnTo` only as a path on this origin; every other form (absolute or
 * protocol-relative URLs, backslash tricks, `javascript:`, control characters) yields `fallback`,
 * so a crafted link cannot send the user off-site after a reset.
 */
export function safeReturnTo(value: string | null | undefined, fallback: string, origin?: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) return fallback
  const base = origin ?? (typeof window === 'undefined' ? 'http://localhost' : window.location.origin)
  try {
    const url = new URL(value, base)
    const path = `${url.pathname}${url.search}${url.hash}`
    // Dot segments can collapse into a protocol-relative URL: "/..//evil.com" resolves to the
    // path "//evil.com", which a browser would follow off-site.
    return url.origin === new URL(base).origin && !path.startsWith('//') ? path : fallback
  } catch {
    return fallback
  }
}
