import { useEffect, useState } from 'react'

/**
 * Whole seconds left until `deadline` (epoch ms), re-rendering once a second while it runs and
 * 0 once it has passed or when there is none.
 */
export function useCountdown(deadline: number | undefined): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (deadline === undefined) return
    setNow(Date.now())
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= deadline) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [deadline])
  return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000))
}
