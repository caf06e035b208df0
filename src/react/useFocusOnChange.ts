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
    // Only from nowhere: the body, where focus falls when the focused button goes with the old
    // view. A view the user did not ask for (a link check answering) must not pull focus out of
    // the host page's own controls.
    if (document.activeElement == document.body) ref.current?.focus()
  }, [key])
  return ref
}
