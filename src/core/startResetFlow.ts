import { delay } from './delay'
import { normalizeEmail } from './normalizeEmail'
import { createPkcePair } from './pkce'
import type { ResetAdapter } from './ResetAdapter'
import { ResetError, toResetError } from './ResetError'
import type { VerifierStore } from './VerifierStore'

/** Default floor on how fast the confirmation may appear; see {@link StartResetFlowInput.minDurationMs}. */
export const DEFAULT_MIN_DURATION_MS = 1000
/** Default lifetime of a stored verifier when neither the request nor the adapter sets the link's. */
export const DEFAULT_VERIFIER_LIFETIME_MINUTES = 24 * 60

/** Everything one "send me a link" request needs. */
export interface StartResetFlowInput {
  /** The backend adapter whose `startReset` sends the email. */
  adapter: ResetAdapter
  /** Where a PKCE adapter's verifier is saved (and read back) before the email is requested. */
  store: VerifierStore
  /** As typed; trimmed and checked here. */
  email: string
  /** Absolute URL of the reset page (checked at configuration time). */
  redirectUrl: string
  /** Active locale as a BCP 47 tag, passed on to the adapter (Stytch uses it for the email's language). */
  locale: string
  /**
   * How long the link stays valid, for backends that let the client choose; a PKCE verifier is kept
   * as long (else for the adapter's `linkLifetimeMinutes`, else 24 hours). Whichever applies must be
   * a number above 0: anything else rejects with `misconfigured` before anything is saved or sent.
   */
  expiresInMinutes?: number | undefined
  /**
   * The request never settles sooner than this, so a fast "no such user" answer looks exactly
   * like a slow real send. @default 1000
   */
  minDurationMs?: number | undefined
  /** Cancels the request (the kit's form: another address, a new adapter); the flow then rejects with the signal's reason. */
  signal: AbortSignal
  /** Clock in milliseconds for the verifier's timestamps and `minDurationMs`; defaults to `Date.now`. */
  now?: (() => number) | undefined
}

/** What a successful start reports; the same whether or not the account exists. */
export interface StartResetResult {
  /** The address the email was requested for, trimmed as it was sent. */
  email: string
}

/**
 * Sends the reset email. For PKCE adapters the verifier is made (or the live one reused, so both
 * emails of a resend work), saved and read back before anything is sent: if it cannot be kept,
 * no challenge leaves the browser. Rejects with a `ResetError` only.
 */
export async function startResetFlow(input: StartResetFlowInput): Promise<StartResetResult> {
  const now = input.now ?? Date.now
  const startedAt = now()
  try {
    const email = normalizeEmail(input.email)
    const lifetime =
      (input.expiresInMinutes ?? input.adapter.linkLifetimeMinutes ?? DEFAULT_VERIFIER_LIFETIME_MINUTES) * 60_000
    // Checked before anything is sent: NaN (an unset environment variable through Number()) or
    // Infinity would save a verifier no read accepts, and leave the confirmation no lifetime to show.
    if (!(isFinite(lifetime) && lifetime > 0)) {
      // The cause only in development, unlike optionError, whose production text would stay in
      // the bundle for a mistake the message already names.
      throw new ResetError(
        'misconfigured',
        process.env.NODE_ENV !== 'production'
          ? {
              cause: new TypeError(
                `reset-kit: the link lifetime (\`expiresInMinutes\`, else the adapter's \`linkLifetimeMinutes\`) must be a number of minutes above 0; got ${lifetime / 60_000}.`,
              ),
            }
          : {},
      )
    }
    let codeChallenge: string | undefined
    if (input.adapter.pkce) {
      // A retired pair is kept only for links already sent: a new request gets a fresh one.
      const loaded = await input.store.load(input.adapter.id)
      const existing = loaded?.retired ? undefined : loaded
      const record = existing ?? {
        v: 1 as const,
        ...(await createPkcePair()),
        createdAt: now(),
        adapterId: input.adapter.id,
      }
      // A resend reuses the live pair, and the pair must then last as long as the newest link.
      await input.store.save({
        ...record,
        expiresAt: Math.max(existing?.expiresAt ?? 0, now() + lifetime),
        sends: (existing?.sends ?? 0) + 1,
      })
      codeChallenge = record.challenge
    }
    await input.adapter.startReset({
      email,
      redirectUrl: input.redirectUrl,
      locale: input.locale,
      ...(codeChallenge === undefined ? {} : { codeChallenge }),
      ...(input.expiresInMinutes === undefined ? {} : { expiresInMinutes: input.expiresInMinutes }),
      signal: input.signal,
    })
    await delay((input.minDurationMs ?? DEFAULT_MIN_DURATION_MS) - (now() - startedAt), input.signal)
    return { email }
  } catch (error) {
    if (input.signal.aborted) throw input.signal.reason
    throw toResetError(error)
  }
}
