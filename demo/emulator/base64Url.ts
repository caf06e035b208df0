/**
 * Encodes bytes with the URL-safe base64 alphabet (RFC 4648 §5). Padding is dropped unless
 * asked for: PKCE values never carry it, Stytch's magic-link tokens do.
 */
export function base64UrlEncode(bytes: Uint8Array, options: { padded?: boolean } = {}): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  const encoded = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_')
  return options.padded ? encoded : encoded.replace(/=+$/, '')
}

/** `count` bytes from the platform's CSPRNG. */
export function randomBytes(count: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(count))
}
