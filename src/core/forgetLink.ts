import { clearCallbackToken, type LinkVerdict } from './readCallbackToken'
import type { ResetAdapter } from './ResetAdapter'
import type { VerifierStore } from './VerifierStore'

/**
 * Drops what pairs with a link that is done or dead: the tab's copy of the token (its verdict
 * stays on the history entry) and the PKCE verifier. A dead token keeps a verifier that a resend
 * shared, since the other email's link pairs with it too and may still be live (P6): the user who
 * opens the expired email first must not lose the fresh one.
 */
export async function forgetLink(
  adapter: Pick<ResetAdapter, 'id' | 'pkce'>,
  store: VerifierStore,
  verdict: LinkVerdict,
): Promise<void> {
  clearCallbackToken(adapter.id, verdict)
  try {
    if (adapter.pkce && !(verdict.startsWith('token') && ((await store.load(adapter.id))?.sends ?? 0) > 1)) {
      await store.remove(adapter.id)
    }
  } catch {
    // A custom store that fails must not turn a changed password into an error; the record only
    // lives on to its expiry.
  }
}
