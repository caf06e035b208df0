import { useEffect, useRef } from 'react'

/**
 * Hands each request's outcome to the component once: now while its effects are mounted, or else
 * when they mount again. React's `<Activity>` (Next.js keeps visited routes in one) hides a tree
 * by cleaning up its effects and shows it again with its state kept: a request in flight across
 * that must not be aborted (its email went out, its password changed), nor land while hidden (a
 * host's `onSuccess` navigating away from a page the user already left). After an unmount, nothing
 * mounts again, so a late outcome is dropped. `settle` runs first, then `apply`, unless the
 * request's signal was aborted.
 */
export function useWhenLive(settle: () => void): (request: { signal: AbortSignal }, apply: () => void) => void {
  // Null while mounted; while hidden, the outcome waiting to be shown, if any (each caller has one
  // request at a time).
  const parked = useRef<(() => void) | null | undefined>(null)
  const answered = useRef<object>(undefined)
  useEffect(() => {
    const waiting = parked.current
    parked.current = null
    // After the other effects (an adapter swapped while hidden aborts its request first), and
    // outside React: a host callback that throws must not take the page down.
    if (waiting) setTimeout(waiting)
    return () => {
      parked.current = undefined
    }
  }, [])
  return (request, apply) => {
    // TanStack Query calls onError after onSuccess when a host's own MutationCache callback throws:
    // the answer stands.
    if (answered.current === request) return
    answered.current = request
    const run = () => {
      settle()
      // Aborted by the caller (a new link, another address, a new adapter): nothing to show.
      if (!request.signal.aborted) apply()
    }
    if (parked.current === null) run()
    else parked.current = run
  }
}
