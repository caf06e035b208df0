import { clearCallbackToken, type LinkVerdict } from './readCallbackToken'
import type { ResetAdapter } from './ResetAdapter'
import type { VerifierStore } from './VerifierStore'

/**
 * Drops what pairs with a link that is done or dead: the tab's copy of the token (its verdict
 * stays on the history entry) and the PKCE verifier. A dead token leaves a verifier that a resend
 * shared to the other emails' links, which pair with it too and may still be live (P6), so the
 * user who opens the expired email first does not lose the fresh one. It is retired, though: its
 * secret may have gone over the wire with the dead link, so no new request sends its challenge.
 * So is one the backend says does not pair with the link (`verifier_mismatch`): the link is
 * another request's (an older email, another browser's), and the verifier's own email may still
 * be live. `store` is `false` for a link that pairs with no record here (one this browser already
 * used): the verifier there is a newer request's.
 */
export async function forgetLink(
  adapter: Pick<ResetAdapter, 'id' | 'pkce'>,
  store: VerifierStore | false,
  verdict: LinkVerdict,
): Promise<void> {
  clearCallbackToken(adapter.id, verdict)
  try {
    if (adapter.pkce && store) {
      const mismatch = verdict == 'verifier_mismatch'
      const record = verdict != 'done' && (await store.load(adapter.id))
      const sends = (record && record.sends) || 1
      // A mismatched link was none of the emails that count.
      if (record && (mismatch || sends > 1)) await store.save({ ...record, sends: sends - +!mismatch, retired: true })
      else await store.remove(adapter.id)
    }
  } catch {
    // A custom store that fails must not turn a changed password into an error; the record only
    // lives on to its expiry.
  }
}
