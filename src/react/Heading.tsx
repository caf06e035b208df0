import { forwardRef, type ReactNode } from 'react'
import { type ClassNames, partProps } from './parts'

/** Props of {@link Heading}. */
export interface HeadingProps {
  level: 1 | 2 | 3 | 4 | 5 | 6
  id: string
  classNames: ClassNames<'heading'> | undefined
  children: ReactNode
}

/**
 * The view's title. Focusable by script only (`tabIndex={-1}`) so focus can move to it when the
 * view changes.
 */
export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(function Heading(
  { level, id, classNames, children },
  ref,
) {
  const Tag = `h${level}` as const
  return (
    <Tag ref={ref} id={id} tabIndex={-1} {...partProps('heading', classNames)}>
      {children}
    </Tag>
  )
})
