/** Outcome of one {@link RateLimiter.hit}. */
export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** A sliding-window counter per key. */
export interface RateLimiter {
  /** Records a hit for `key` at `now` unless the window is full; a refused hit is not recorded. */
  hit(key: string, now: number): RateLimitResult
  /** Forgets every key. */
  clear(): void
}

/**
 * Allows `limit()` hits per key in any `windowMs` span. `limit` is read on every hit so the
 * emulator's rate can change while it runs.
 */
export function createRateLimiter(limit: () => number, windowMs = 60_000): RateLimiter {
  const hits = new Map<string, number[]>()
  return {
    hit(key, now) {
      const recent = (hits.get(key) ?? []).filter((at) => at > now - windowMs)
      if (recent.length >= limit()) {
        hits.set(key, recent)
        // The window frees when the oldest hit in it ages out; at least 1 s so clients wait.
        const oldest = recent[0] ?? now
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) }
      }
      recent.push(now)
      hits.set(key, recent)
      return { allowed: true }
    },
    clear() {
      hits.clear()
    },
  }
}
