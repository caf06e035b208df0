import { computeChallenge } from './pkce'
import type { VerifierStore } from './VerifierStore'

/**
 * Whether this browser already changed the password with `token`: its store kept the token's
 * hash (see {@link VerifierStore.spend}). With `ofItsRequest`, also whether the link may be one
 * of the other emails of that request (a resend's), which lost the verifier with it, while they
 * can still arrive. A store that cannot answer says no, which leaves the screens a link gets
 * anyway: never a retryable error over a link that cannot succeed here.
 */
export async function spentHere(
  store: VerifierStore,
  adapterId: string,
  token: string,
  ofItsRequest?: boolean,
): Promise<boolean> {
  try {
    const spent = await store.spent?.(adapterId)
    // The hash is 43 characters, then ' ' and the time, if any.
    return (
      !!spent && ((ofItsRequest && +spent.slice(44) > Date.now()) || spent.startsWith(await computeChallenge(token)))
    )
  } catch {
    // Thrown or rejected alike.
    return false
  }
}
