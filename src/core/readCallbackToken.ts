import type { ResetAdapter } from './ResetAdapter'
import { isResetError, type ResetErrorCode } from './ResetError'
import { readItem, removeItem, storageKey, writeItem } from './safeStorage'

/** What the reset page found in its URL (or, after a reload, in its tab's store). */
export type CallbackToken =
  | { status: 'found'; token: string }
  | { status: 'missing' }
  | { status: 'invalid'; code: ResetErrorCode }

/** Longest token accepted; real ones are under 100 characters, a huge one is an attack. */
export const MAX_TOKEN_LENGTH = 2048
const TOKEN_SHAPE = /^[A-Za-z0-9._~+/=-]+$/

/** The browser objects {@link readCallbackToken} uses; injectable for tests. */
export interface CallbackEnvironment {
  location: Pick<Location, 'href'>
  history: Pick<History, 'replaceState' | 'state'>
}

/**
 * Takes the reset token from the URL and removes it from the address bar at once with
 * `history.replaceState`, keeping every other param, so it cannot leak through the Referer,
 * history, screenshots or analytics. The token is kept in this tab's sessionStorage so a reload
 * still works. A duplicated, oversized or oddly shaped token is `invalid` and never sent.
 */
export function readCallbackToken(
  adapter: Pick<ResetAdapter, 'id' | 'tokenParams' | 'callbackParams' | 'validateCallbackParams'>,
  environment: CallbackEnvironment | undefined = typeof window === 'undefined' ? undefined : window,
): CallbackToken {
  if (!environment) return { status: 'missing' }
  const url = new URL(environment.location.href)
  const key = storageKey(adapter.id, 'token')
  const params = new URLSearchParams(url.searchParams)
  const present = adapter.tokenParams.filter((name) => params.has(name))
  const spent = (adapter.callbackParams ?? []).filter((name) => params.has(name))
  if (present.length > 0 || spent.length > 0) {
    for (const name of [...present, ...spent]) url.searchParams.delete(name)
    environment.history.replaceState(environment.history.state, '', url.href)
  }
  // A new link replaces whatever an earlier one left in this tab.
  if (present.length > 0) removeItem('session', key)

  try {
    adapter.validateCallbackParams?.(params)
  } catch (error) {
    removeItem('session', key)
    return { status: 'invalid', code: isResetError(error) ? error.code : 'token_invalid' }
  }

  if (present.length === 0) {
    const stored = readItem('session', key)
    return stored !== null && isWellFormed(stored) ? { status: 'found', token: stored } : { status: 'missing' }
  }
  const values = present.flatMap((name) => params.getAll(name))
  const [token] = values
  if (values.length !== 1 || token === undefined || !isWellFormed(token)) return { status: 'invalid', code: 'token_invalid' }
  writeItem('session', key, token)
  return { status: 'found', token }
}

/** Forgets the token this tab kept for a reload; called after success and terminal errors. */
export function clearCallbackToken(adapterId: string): void {
  removeItem('session', storageKey(adapterId, 'token'))
}

function isWellFormed(token: string): boolean {
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH && TOKEN_SHAPE.test(token)
}
