import { computeChallenge } from './pkce'
import type { VerifierStore } from './VerifierStore'

/**
 * Whether this browser already changed the password with `token`: its store kept the token's
 * hash (see {@link VerifierStore.spend}). A store that cannot answer says no, which leaves the
 * screens a link gets anyway: never a retryable error over a link that cannot succeed here.
 */
export async function spentHere(store: VerifierStore, adapterId: string, token: string): Promise<boolean> {
  return Promise.resolve(store.spent?.(adapterId))
    .then(async (spent) => !!spent && spent === (await computeChallenge(token)))
    .catch(() => false)
}
