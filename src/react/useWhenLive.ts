import { useEffect, useRef } from 'react'

/**
 * Hands a request's outcome to the component now while its effects are mounted, or else when they
 * mount again. React's `<Activity>` (Next.js keeps visited routes in one) hides a tree by cleaning
 * up its effects and shows it again with its state kept: a request in flight across that must not
 * be aborted (its email went out, its password changed), nor land while hidden (a host's
 * `onSuccess` navigating away from a page the user already left). After an unmount, nothing mounts
 * again, so a late outcome is dropped.
 */
export function useWhenLive(): (apply: () => void) => void {
  // Null while mounted; while hidden, the outcome waiting to be shown, if any (each caller has one
  // request at a time).
  const parked = useRef<(() => void) | null | undefined>(null)
  useEffect(() => {
    const waiting = parked.current
    parked.current = null
    waiting?.()
    return () => {
      parked.current = undefined
    }
  }, [])
  return (apply) => {
    if (parked.current === null) apply()
    else parked.current = apply
  }
}
