/**
 * The Stytch host a public token belongs to: `https://test.stytch.com` for a test-environment token
 * (`public-token-test-…`), `https://api.stytch.com` for a live one.
 *
 * @example
 * defaultStytchApiBaseUrl('public-token-test-5e8c…') // 'https://test.stytch.com'
 */
export function defaultStytchApiBaseUrl(publicToken: string): string {
  return publicToken.startsWith('public-token-test-') ? 'https://test.stytch.com' : 'https://api.stytch.com'
}
