import { useCallback, useSyncExternalStore } from 'react'
import { BACKEND_PARAM, BACKEND_STORAGE_KEY, DEFAULT_BACKEND, isDemoBackend, type DemoBackend } from './backends'

// The switcher's own event: a `storage` event only reaches *other* tabs.
const CHANGE_EVENT = 'demo:backend-change'

function read(): DemoBackend {
  try {
    const stored = window.localStorage.getItem(BACKEND_STORAGE_KEY)
    return isDemoBackend(stored) ? stored : DEFAULT_BACKEND
  } catch {
    // Storage can be off (private mode, a policy): the demo still runs on the default backend.
    return DEFAULT_BACKEND
  }
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
  try {
    window.localStorage.setItem(BACKEND_STORAGE_KEY, backend)
  } catch {
    // Not persisted; this tab still switches below.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/**
 * Adopts the backend named by the page's `?backend=` (the demo's reset links carry it), then
 * removes the param so a later switch is not undone by a reload. Call before the first render:
 * the kit reads its token param at mount and the other params stay.
 */
export function adoptBackendFromUrl(): void {
  const url = new URL(window.location.href)
  const named = url.searchParams.get(BACKEND_PARAM)
  if (named === null) return
  if (isDemoBackend(named)) setBackend(named)
  url.searchParams.delete(BACKEND_PARAM)
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
}

/** The chosen backend and a setter, shared by every page and persisted in localStorage. */
export function useBackend(): [DemoBackend, (backend: DemoBackend) => void] {
  const backend = useSyncExternalStore(subscribe, read, () => DEFAULT_BACKEND)
  return [backend, useCallback((next: DemoBackend) => setBackend(next), [])]
}
