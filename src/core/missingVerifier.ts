import { ResetError } from './ResetError'
import { spentHere } from './spentHere'
import type { VerifierStore } from './VerifierStore'

/**
 * The error for a PKCE link whose verifier this browser does not have: `token_used` when this
 * browser already changed the password with that very link (its store kept the token's hash), or
 * with another email's link of the same request while this one's could still arrive; else
 * `verifier_missing`, the link being opened in another browser than the one that asked.
 */
export async function missingVerifier(store: VerifierStore, adapterId: string, token: string): Promise<ResetError> {
  return new ResetError((await spentHere(store, adapterId, token, true)) ? 'token_used' : 'verifier_missing')
}
