import { computeChallenge } from './pkce'
import { ResetError } from './ResetError'
import type { VerifierStore } from './VerifierStore'

/**
 * The error for a PKCE link whose verifier this browser does not have: `token_used` when this
 * browser already changed the password with that very link (its store kept the token's hash), else
 * `verifier_missing`, the link being opened in another browser than the one that asked.
 */
export async function missingVerifier(store: VerifierStore, adapterId: string, token: string): Promise<ResetError> {
  // A store that cannot answer leaves the other-browser screen, which is still a dead end: never
  // a retryable error over a link that cannot succeed here.
  const used = await Promise.resolve(store.spent?.(adapterId))
    .then(async (spent) => !!spent && spent === (await computeChallenge(token)))
    .catch(() => false)
  return new ResetError(used ? 'token_used' : 'verifier_missing')
}
