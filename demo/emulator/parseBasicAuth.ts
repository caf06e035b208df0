/**
 * Reads the public token from `Authorization: Basic base64(public_token:public_token)`, the way
 * Stytch's browser SDK authenticates. Returns `undefined` unless both halves are the same
 * `public-token-…` value.
 */
export function parseBasicAuth(header: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/]+={0,2})$/i.exec(header?.trim() ?? '')
  if (!match?.[1]) return undefined
  let decoded: string
  try {
    decoded = atob(match[1])
  } catch {
    return undefined
  }
  const separator = decoded.indexOf(':')
  if (separator < 0) return undefined
  const user = decoded.slice(0, separator)
  const password = decoded.slice(separator + 1)
  if (!user.startsWith('public-token-') || user !== password) return undefined
  return user
}
