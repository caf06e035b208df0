import { isParamList } from '../core/isParamList'
import { optionError } from '../core/optionError'
import type { ResetAdapter } from '../core/ResetAdapter'

/**
 * Development builds only: checks that an adapter (usually a hand-written one) has what the kit
 * relies on, and throws with the fix. Without it, an empty `tokenParams` shows "This link
 * doesn't work" and leaves the token in the address bar, a missing one crashes the render with
 * a bare TypeError, and a missing `completeReset` reaches the user as "Something went wrong".
 */
export function assertAdapterShape(adapter: ResetAdapter, component: string | false): void {
  const problem =
    typeof adapter == 'function'
      ? 'it is the function that makes one: call it, as in `adapter={createStytchAdapter({ publicToken })}`'
      : typeof adapter.id != 'string' || adapter.id === ''
        ? '`id` must be a non-empty string: it namespaces the storage keys'
        : typeof adapter.pkce != 'boolean'
          ? '`pkce` must be true or false'
          : !isParamList(adapter.tokenParams)
            ? "`tokenParams` must list the URL params its links carry the token in, such as `['token']`"
            : typeof adapter.startReset != 'function' || typeof adapter.completeReset != 'function'
              ? '`startReset` and `completeReset` must be functions that return promises'
              : adapter.checkToken !== undefined && typeof adapter.checkToken != 'function'
                ? '`checkToken` must be a function, or left out'
                : undefined
  if (problem) {
    throw optionError('adapter', `reset-kit: the adapter given to <${component}> is not a ResetAdapter: ${problem}.`)
  }
}
