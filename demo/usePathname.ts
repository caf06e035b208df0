import { useSyncExternalStore } from 'react'

// pushState fires no event of its own, so in-app navigation announces itself with this one.
const NAVIGATE_EVENT = 'demo:navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

/** The current `location.pathname`, re-rendering on back/forward and on {@link navigate}. */
export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  )
}

/** Moves to a same-origin path without a page load, as the demo's router. */
export function navigate(href: string): void {
  window.history.pushState(null, '', href)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}
