import { useCallback, useSyncExternalStore } from 'react'
import { BACKEND_PARAM, BACKEND_STORAGE_KEY, DEFAULT_BACKEND, isDemoBackend, type DemoBackend } from './backends'

// The switcher's own event: a `storage` event only reaches *other* tabs.
const CHANGE_EVENT = 'demo:backend-change'

// sessionStorage key of the backend this tab's reset link named. It outranks the shared choice so
// that another tab opening another backend's link cannot swap the adapter under this tab's reset
// page (or its sign-in page) mid-flow, reloads included; this tab's own switcher releases it.
const ADOPTED_KEY = 'demo:backend-adopted'
// The same, for a tab whose sessionStorage is off.
let adoptedHere: DemoBackend | undefined

// Storage can be off (private mode, a policy), and each kind on its own: the demo still runs.
function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run()
  } catch {
    return fallback
  }
}

function read(): DemoBackend {
  const adopted = attempt(() => window.sessionStorage.getItem(ADOPTED_KEY), null) ?? adoptedHere
  if (isDemoBackend(adopted)) return adopted
  const stored = attempt(() => window.localStorage.getItem(BACKEND_STORAGE_KEY), null)
  return isDemoBackend(stored) ? stored : DEFAULT_BACKEND
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === null || event.key === BACKEND_STORAGE_KEY) onChange()
  }
  window.addEventListener('storage', onStorage)
  window.addEventListener(CHANGE_EVENT, onChange)
  return () => {
    window.removeEventListener('storage', onStorage)
    window.removeEventListener(CHANGE_EVENT, onChange)
  }
}

/** Stores the choice and tells every `useBackend` in this tab. */
export function setBackend(backend: DemoBackend): void {
  // When storage fails the choice is not persisted; this tab still switches below.
  adoptedHere = undefined
  attempt(() => window.sessionStorage.removeItem(ADOPTED_KEY), undefined)
  attempt(() => window.localStorage.setItem(BACKEND_STORAGE_KEY, backend), undefined)
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/**
 * Adopts the backend named by the page's `?backend=` (the demo's reset links carry it) for this
 * tab until its switcher is used, whatever other tabs choose, then removes the param so a later
 * switch is not undone by a reload. The shared choice stays as it was: the tab that asked for the
 * link (or one halfway through another backend's form) must not switch under its user. Call
 * before the first render: the kit reads its token param at mount and the other params stay.
 */
export function adoptBackendFromUrl(): void {
  const url = new URL(window.location.href)
  const named = url.searchParams.get(BACKEND_PARAM)
  if (named === null) return
  if (isDemoBackend(named)) {
    adoptedHere = named
    // Kept for this tab's reloads, where sessionStorage works.
    attempt(() => window.sessionStorage.setItem(ADOPTED_KEY, named), undefined)
    window.dispatchEvent(new Event(CHANGE_EVENT))
  }
  url.searchParams.delete(BACKEND_PARAM)
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}

/** The chosen backend and a setter, shared by every page and persisted in localStorage. */
export function useBackend(): [DemoBackend, (backend: DemoBackend) => void] {
  const backend = useSyncExternalStore(subscribe, read, () => DEFAULT_BACKEND)
  return [backend, useCallback((next: DemoBackend) => setBackend(next), [])]
}
