import { createMirroredVerifierStore } from './createMirroredVerifierStore'
import { createSessionVerifierStore } from './createSessionVerifierStore'
import type { VerifierStore } from './VerifierStore'

/** How verifiers are kept; see {@link createWebStorageVerifierStore}. */
export type VerifierStorageMode = 'session+local' | 'session'

/** Options for {@link createWebStorageVerifierStore}. */
export interface WebStorageVerifierStoreOptions {
  /**
   * `'session+local'` mirrors the verifier to localStorage so the link works in a new tab;
   * `'session'` never touches localStorage and asks other live tabs instead. @default 'session+local'
   */
  mode?: VerifierStorageMode | undefined
  /** How long a tab in `'session'` mode waits for another tab to answer. @default 250 */
  askTabsTimeoutMs?: number | undefined
  /** Clock in milliseconds against which stored verifiers expire; defaults to `Date.now`. */
  now?: (() => number) | undefined
}

/**
 * The default verifier store. The record goes to sessionStorage of the tab that asked and, in
 * `'session+local'` mode, is mirrored to localStorage with its expiry, because the email link
 * opens a new tab whose sessionStorage is empty. In `'session'` mode nothing touches
 * localStorage; a tab that lacks the record asks the other live tabs of the origin over a
 * BroadcastChannel instead.
 */
export function createWebStorageVerifierStore(options: WebStorageVerifierStoreOptions = {}): VerifierStore {
  return options.mode === 'session'
    ? createSessionVerifierStore(options.now, options.askTabsTimeoutMs)
    : createMirroredVerifierStore(options.now)
}
