/** What the kit keeps between the start request and the link being opened. No email, no token. */
export interface VerifierRecord {
  /** Record format version. */
  v: 1
  /** The PKCE secret, sent only with the completion: base64url of 32 random bytes. */
  verifier: string
  /** base64url(SHA-256(verifier)), sent with the start request; kept so a resend sends the same one. */
  challenge: string
  /** Epoch milliseconds, when it was made; for inspection only (a clock set back makes it lie). */
  createdAt: number
  /** Epoch milliseconds after which the record is treated as missing and removed. */
  expiresAt: number
  /** The adapter that made it; a record of another adapter is never sent. */
  adapterId: string
  /**
   * How many start requests carried its challenge (a resend reuses the pair), counted as they are
   * sent: one that failed may still have sent its email. Above 1, a dead link leaves the record to
   * the other emails' links, which pair with it too. Missing counts as 1.
   */
  sends?: number | undefined
  /**
   * Set when a link that pairs with it turned out dead while other emails' links still may not
   * be, or when the backend said it does not pair with a link (which may be another request's):
   * kept for its emails' links, it is never sent with a new start request, which makes a fresh pair.
   */
  retired?: true | undefined
}

/**
 * Where verifiers live. `save` must throw `ResetError('storage_unavailable')` when the record
 * could not be written and read back, so no challenge is sent whose verifier would be lost.
 */
export interface VerifierStore {
  /** The live record for this adapter, or `undefined` (missing, corrupt, foreign or expired). */
  load(adapterId: string): Promise<VerifierRecord | undefined>
  /** Writes the record, replacing this adapter's; throws `storage_unavailable` when it cannot. */
  save(record: VerifierRecord): Promise<void>
  /** Deletes this adapter's record, wherever it is kept. */
  remove(adapterId: string): Promise<void>
  /**
   * Keeps `tokenHash`, base64url(SHA-256) of the token that just changed the password (never the
   * token itself), where a new tab of this browser finds it; after a resend, followed by a space
   * and the epoch milliseconds until which the other emails' links can arrive. Keep it as given.
   * Optional, and a pair with `spent`: with both, that link, or the other emails', opened again
   * here reads as used, not as opened in another browser.
   */
  spend?(adapterId: string, tokenHash: string): Promise<void>
  /**
   * What `spend` last kept for this adapter, or `undefined`: read for a PKCE link before its
   * verifier (a used link must not pair with a newer request's) and when the verifier is missing,
   * to tell "already used here" from "opened in another browser". A throw or rejection reads as
   * `undefined`.
   */
  spent?(adapterId: string): Promise<string | undefined>
}
