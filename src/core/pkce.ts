import { ResetError } from './ResetError'

/** A PKCE pair (RFC 7636): the secret verifier and its S256 challenge. */
export interface PkcePair {
  /** 43 characters of base64url; stays in this browser. */
  verifier: string
  /** base64url(SHA-256(verifier)); the only half that is sent with the start request. */
  challenge: string
}

/** Encodes bytes as base64url without padding (RFC 4648 §5). */
export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

function webCrypto(): Crypto {
  // WebCrypto's digest only exists in secure contexts. There is deliberately no `plain` or
  // Math.random fallback: a guessable verifier would make PKCE worthless.
  const crypto = globalThis.crypto
  if (!crypto?.subtle || typeof crypto.getRandomValues !== 'function') throw new ResetError('insecure_context')
  return crypto
}

/** Computes the S256 challenge of a verifier: base64url(SHA-256(ASCII(verifier))). */
export async function computeChallenge(verifier: string): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', new TextEncoder().encode(verifier))
  return base64UrlEncode(new Uint8Array(digest))
}

/**
 * Makes a fresh verifier from 32 bytes of `crypto.getRandomValues` and its S256 challenge.
 * Throws `ResetError('insecure_context')` where WebCrypto is missing (plain http).
 */
export async function createPkcePair(): Promise<PkcePair> {
  const verifier = base64UrlEncode(webCrypto().getRandomValues(new Uint8Array(32)))
  return { verifier, challenge: await computeChallenge(verifier) }
}
