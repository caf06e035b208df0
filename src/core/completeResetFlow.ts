import { forgetLink } from './forgetLink'
import { computeChallenge } from './pkce'
import type { ResetAdapter } from './ResetAdapter'
import { ResetError, toResetError, type ResetErrorCode } from './ResetError'
import { spentHere } from './spentHere'
import type { VerifierRecord, VerifierStore } from './VerifierStore'

/** Errors after which neither this token nor this verifier can ever succeed. */
export const TERMINAL_CODES: ReadonlySet<ResetErrorCode> = new Set([
  'token_invalid',
  'token_expired',
  'token_used',
  'verifier_missing',
  'verifier_mismatch',
])

/** Everything the final "set my new password" request needs. */
export interface CompleteResetFlowInput {
  /** The backend adapter whose `completeReset` sets the new password. */
  adapter: ResetAdapter
  /** Where a PKCE adapter's verifier is read from; removed (or retired) after success or a terminal error. */
  store: VerifierStore
  /** The reset token from the emailed link, as {@link readCallbackToken} found it. */
  token: string
  /** Exactly as typed. */
  password: string
  /** Cancels the request (the kit's page: a new link read); the flow then rejects with the signal's reason. */
  signal: AbortSignal
}

/**
 * Finishes the reset. For PKCE adapters, a link this browser already used stops here with
 * `token_used` (a newer request's verifier stays for its own link), and a missing verifier with
 * `verifier_missing`; nothing is sent either way. After success the store keeps the token's hash
 * for that, where it can (`spend`). The verifier and the tab's token are deleted after success
 * and after terminal errors (a dead token retires a verifier a resend shared, and a mismatch
 * retires one that may be another request's: see {@link forgetLink}), and kept after retryable
 * ones (network, 5xx, 429, weak password) so the user can try again. After success and terminal
 * errors the history entry keeps the outcome, so {@link readCallbackToken} reports it (`done`, or
 * `invalid` with the code) when the page is shown again.
 */
export async function completeResetFlow(input: CompleteResetFlowInput): Promise<void> {
  const { adapter, store } = input
  let used = false
  let record: VerifierRecord | undefined
  try {
    let codeVerifier: string | undefined
    if (adapter.pkce) {
      record = await store.load(adapter.id)
      // Read once, after the load: a tab that changes the password keeps the hash before it drops
      // the verifier. A link this browser already used pairs with no record here: one found is a
      // newer request's, which must neither go with this token nor be dropped for it. Without a
      // record, a resend's other emails read as used too (see missingVerifier).
      if ((used = await spentHere(store, adapter.id, input.token, !record))) throw new ResetError('token_used')
      if (!record) throw new ResetError('verifier_missing')
      codeVerifier = record.verifier
    }
    await adapter.completeReset({
      token: input.token,
      password: input.password,
      ...(codeVerifier === undefined ? {} : { codeVerifier }),
      signal: input.signal,
    })
  } catch (error) {
    if (input.signal.aborted) throw input.signal.reason
    const resetError = toResetError(error)
    if (TERMINAL_CODES.has(resetError.code)) await forgetLink(adapter, !used && store, resetError.code)
    throw resetError
  }
  // Kept before the verifier goes, so a second tab holding the same link finds one or the other
  // and says the link was used, not that it was opened elsewhere; with how long the other emails
  // of a resend, whose links lose the verifier too, can still bring one. A store that fails here
  // must not turn the changed password into an error.
  if (adapter.pkce && store.spend)
    await computeChallenge(input.token)
      .then((hash) => store.spend?.(adapter.id, record!.sends! > 1 ? `${hash} ${record!.expiresAt}` : hash))
      .catch(() => {})
  await forgetLink(adapter, store, 'done')
}
