import { useEffect, useState } from 'react'

/**
 * Whole seconds left until `deadline` (epoch ms), re-rendering once a second while it runs and
 * 0 once it has passed or when there is none.
 */
export function useCountdown(deadline: number | undefined): number {
  // The deadline the clock was last set for and the time it read then: a pair, not an object, so
  // the bundle carries no property names for it. No clock is read until there is a deadline: a
  // prerender that reads one (Next.js with `cacheComponents`) fails the build.
  const [clock, setClock] = useState<[number | undefined, number]>([undefined, 0])
  let [, now] = clock
  if (clock[0] !== deadline) {
    // A new deadline is counted from the current time in this very render: the clock kept from the
    // last tick (or from mount) would first show a wait longer than the real one, and a live region
    // would announce that wrong number.
    now = Date.now()
    setClock([deadline, now])
  }
  useEffect(() => {
    if (deadline === undefined) return
    const tick = () => {
      const current = Date.now()
      setClock([deadline, current])
      if (current >= deadline) clearInterval(timer)
    }
    const timer = setInterval(tick, 1000)
    // At once too: shown again after a while hidden (React's <Activity>), the clock kept from
    // before would count on from where it stopped.
    tick()
    return () => clearInterval(timer)
  }, [deadline])
  return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000))
}
