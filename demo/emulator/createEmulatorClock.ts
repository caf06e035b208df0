import type { EmulatorClock } from './Emulator'

/**
 * A clock that reads `base` (the wall clock by default) plus an offset tests can advance, so
 * link expiry can be reached in a running dev server without waiting.
 */
export function createEmulatorClock(base: () => number = Date.now): EmulatorClock {
  let offsetMs = 0
  return {
    now: () => base() + offsetMs,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The emulator clock only moves forward: pass ms ≥ 0.')
      offsetMs += ms
    },
    get offsetMs() {
      return offsetMs
    },
    reset() {
      offsetMs = 0
    },
  }
}
