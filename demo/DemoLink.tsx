import type { ComponentPropsWithoutRef, MouseEvent } from 'react'
import { navigate, usePathname } from './usePathname'

/** Props for {@link DemoLink}: an anchor whose `href` is a same-origin path. */
export interface DemoLinkProps extends Omit<ComponentPropsWithoutRef<'a'>, 'href'> {
  /** A path on this origin, such as `/outbox`. */
  href: string
}

/**
 * A plain `<a>` that navigates in place on an unmodified left click and marks itself
 * `aria-current="page"` when it points at the current page. Modified clicks (new tab, new
 * window) keep the browser's behaviour.
 */
export function DemoLink({ href, onClick, children, ...rest }: DemoLinkProps) {
  const pathname = usePathname()
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event)
    if (event.defaultPrevented || event.button !== 0) return
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return (
    <a {...rest} href={href} aria-current={pathname === href ? 'page' : undefined} onClick={handleClick}>
      {children}
    </a>
  )
}
