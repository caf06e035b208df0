import type { ResetAdapter } from './ResetAdapter'
import { isResetError, type ResetErrorCode } from './ResetError'
import { readItem, removeItem, storageKey, writeItem } from './safeStorage'

/**
 * What the reset page found in its URL (or, after a reload, in its tab's store). `done`: this
 * history entry's link already changed the password, and the page is being shown again (a
 * reload, or Back from the next page).
 */
export type CallbackToken =
  | { status: 'found'; token: string }
  | { status: 'missing' }
  | { status: 'invalid'; code: ResetErrorCode }
  | { status: 'done' }

/** What a history entry remembers of its link once it is spent: a terminal error's code, or `done`. */
export type LinkVerdict = ResetErrorCode | 'done'

/** Longest token accepted; real ones are under 100 characters, a huge one is an attack. */
export const MAX_TOKEN_LENGTH = 2048
// \w is [A-Za-z0-9_] (no `u` or `i` flag).
const TOKEN_SHAPE = /^[\w.~+/=-]+$/

// This page's token when sessionStorage cannot keep it (blocked site data, no quota), so a remount
// (Strict Mode, a host re-keying the page) still finds it. Never written anywhere else.
const unstored = new Map<string, string>()

/**
 * The browser objects {@link readCallbackToken} uses; injectable for tests. Their shapes are
 * spelt out rather than the DOM lib's, so reset-kit/core also type-checks on a server.
 */
export interface CallbackEnvironment {
  /** Where the current URL is read from, token and other params included. */
  location: { readonly href: string }
  /** Used to remove the token from the address bar and to keep a spent link's verdict in the entry's `state`. */
  history: { readonly state: unknown; replaceState(data: unknown, unused: string, url?: string | URL | null): void }
}

/**
 * Takes the reset token from the URL and removes it from the address bar at once with
 * `history.replaceState`, keeping every other param, so it cannot leak through the Referer,
 * history, screenshots or analytics. The token is kept in this tab's sessionStorage so a reload
 * still works. A duplicated, oversized or oddly shaped token is `invalid` and never sent; so is a
 * link the adapter's `validateCallbackParams` rejects, whose verdict is kept in the history
 * entry's state so a remount or reload of the cleaned address still shows it.
 */
export function readCallbackToken(
  adapter: Pick<ResetAdapter, 'id' | 'tokenParams' | 'callbackParams' | 'validateCallbackParams'>,
  environment: CallbackEnvironment | undefined = typeof window === 'undefined' ? undefined : window,
): CallbackToken {
  if (!environment) return { status: 'missing' }
  const url = new URL(environment.location.href)
  const key = storageKey(adapter.id, 'token')
  let state: unknown = environment.history.state
  const params = new URLSearchParams(url.searchParams)
  const present = adapter.tokenParams.filter((name) => params.has(name))
  const spent = (adapter.callbackParams ?? []).filter((name) => params.has(name))
  const stripped = [...present, ...spent]
  if (stripped.length) {
    // Cut out by string: `searchParams` would write every other param anew (`/` as `%2F`, `%20`
    // as `+`), and a host reading its raw query, or the address bar, would see them change.
    url.search = url.search
      .slice(1)
      .split('&')
      .filter((part) => !stripped.some((name) => new URLSearchParams(part).has(name)))
      .join('&')
    // A new link replaces whatever an earlier one left in this tab, and this entry's verdict on it.
    state = withoutVerdict(state, adapter.id)
    environment.history.replaceState(state, '', url.href)
    clearCallbackToken(adapter.id)
  }

  let result: CallbackToken
  try {
    adapter.validateCallbackParams?.(params)
    const values = present.flatMap((name) => params.getAll(name))
    // '' (never well formed) stands for none; with one value, it is that value.
    const [token = ''] = values
    if (present.length === 0) {
      const stored = readItem('session', key) ?? unstored.get(key) ?? null
      const remembered = isRecord(state) ? state[verdictKey(adapter.id)] : undefined
      result =
        stored !== null && isWellFormed(stored)
          ? { status: 'found', token: stored }
          : remembered === 'done'
            ? { status: 'done' }
            : typeof remembered === 'string'
              ? { status: 'invalid', code: remembered as ResetErrorCode }
              : { status: 'missing' }
    } else if (values.length !== 1 || !isWellFormed(token)) {
      result = { status: 'invalid', code: 'token_invalid' }
    } else {
      result = { status: 'found', token }
    }
  } catch (error) {
    result = { status: 'invalid', code: isResetError(error) ? error.code : 'token_invalid' }
  }

  if (result.status === 'found' && present.length > 0 && !writeItem('session', key, result.token))
    unstored.set(key, result.token)
  if (result.status === 'invalid') {
    clearCallbackToken(adapter.id)
    // Strict Mode mounts effects twice, and the second read sees an address bar the first one
    // already cleaned.
    if (stripped.length) rememberVerdict(environment.history, adapter.id, result.code)
  }
  return result
}

/**
 * The same checks for a token the host's router took from the URL itself (the `token` prop): an
 * empty one is `missing`, an oversized or oddly shaped one `invalid`, and neither is ever
 * sent. Like a link read from the URL, a found one drops this history entry's verdict on an earlier link.
 * One the router read from the address bar before anything took it out, well formed or not, is
 * read as if not given: taken out of it, and kept for a reload or judged there.
 */
export function checkGivenToken(token: string, adapter: Parameters<typeof readCallbackToken>[0]): CallbackToken {
  if (!token) return { status: 'missing' }
  if (typeof window !== 'undefined') {
    // Read from an address bar nothing cleaned yet (Next's useSearchParams): cleaned and kept as
    // without the prop. A malformed one too: a real token with a mail client's `>` stuck to it is
    // still a secret for the Referer.
    const params = new URLSearchParams(location.search)
    if (adapter.tokenParams.some((name) => params.get(name) === token)) return readCallbackToken(adapter)
    forgetVerdict(window.history, adapter.id)
  }
  return isWellFormed(token) ? { status: 'found', token } : { status: 'invalid', code: 'token_invalid' }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * Forgets the token this tab kept for a reload; called after success and terminal errors. Given
 * a verdict (`done` after success, else the terminal error's code), the history entry keeps it, so
 * reloading the page, or coming Back to it, shows "your password has been changed" or "expired"
 * again, rather than "this link doesn't work".
 */
export function clearCallbackToken(adapterId: string, verdict?: LinkVerdict): void {
  const key = storageKey(adapterId, 'token')
  removeItem('session', key)
  unstored.delete(key)
  if (verdict && typeof window !== 'undefined') rememberVerdict(window.history, adapterId, verdict)
}

// The verdict rides on the history entry (as `reset-kit:<id>:link`), never in storage: it
// belongs to this page of this tab, and a new link is a new entry. A host router's own state is
// kept; one that is not an object is left alone.
function verdictKey(adapterId: string): string {
  return storageKey(adapterId, 'link')
}

function withoutVerdict(state: unknown, adapterId: string): unknown {
  if (!isRecord(state) || !(verdictKey(adapterId) in state)) return state
  const { [verdictKey(adapterId)]: _, ...rest } = state
  return rest
}

// Writes only when the entry had a verdict, so a router's state is not replaced for nothing.
function forgetVerdict(history: CallbackEnvironment['history'], adapterId: string): void {
  const state: unknown = history.state
  const kept = withoutVerdict(state, adapterId)
  if (kept !== state) history.replaceState(kept, '')
}

function rememberVerdict(history: CallbackEnvironment['history'], adapterId: string, code: LinkVerdict): void {
  const state: unknown = history.state
  if (state === null || isRecord(state)) history.replaceState({ ...state, [verdictKey(adapterId)]: code }, '')
}

function isWellFormed(token: string): boolean {
  // TOKEN_SHAPE needs one character at least.
  return token.length <= MAX_TOKEN_LENGTH && TOKEN_SHAPE.test(token)
}
