import { base64UrlEncode } from './base64Url'

/** The PKCE S256 transform (RFC 7636 §4.2): base64url(SHA-256(ASCII(verifier))), no padding. */
export async function s256Challenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64UrlEncode(new Uint8Array(digest))
}
