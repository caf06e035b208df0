import { useEffect, useRef, type RefObject } from 'react'

/**
 * Moves focus to the returned element whenever `key` changes after the first render, so a
 * keyboard or screen-reader user lands on the new view's heading instead of a removed button.
 */
export function useFocusOnChange<T extends HTMLElement>(key: string): RefObject<T | null> {
  const ref = useRef<T>(null)
  const previous = useRef(key)
  useEffect(() => {
    if (previous.current === key) return
    previous.current = key
    ref.current?.focus()
  }, [key])
  return ref
}
