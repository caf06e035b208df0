import type { InputHTMLAttributes, ReactElement, ReactNode, Ref } from 'react'
import { type ClassNames, flag, partProps } from './parts'

/** The parts one field renders. */
export type FieldPart = 'field' | 'label' | 'input' | 'fieldError'

/** Props of {@link Field}. */
export interface FieldProps {
  id: string
  label: string
  /**
   * The translated error, if the field has one: tied to the input with `aria-describedby`, and an
   * alert, so it is heard as it appears.
   */
  error: string | undefined
  /** More ids that describe the input, such as a hint that is always present. */
  describedBy?: string
  inputProps: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }
  classNames: ClassNames<FieldPart> | undefined
  /** Rendered right after the input, such as a show-password toggle. */
  control?: ReactNode
  /** Rendered after the error, such as a strength hint. */
  children?: ReactNode
}

/**
 * A labelled input with its error, shared by both components so every field has the same
 * anatomy: `field` > `label`, `input` (with `data-invalid` and `aria-describedby`), `fieldError`.
 */
export function Field({
  id,
  label,
  error,
  describedBy,
  inputProps,
  classNames,
  control,
  children,
}: FieldProps): ReactElement {
  const errorId = `${id}-error`
  const described = [error && errorId, describedBy].filter(Boolean).join(' ') || undefined
  return (
    <div {...partProps('field', classNames)} data-invalid={flag(Boolean(error))}>
      <label {...partProps('label', classNames)} htmlFor={id}>
        {label}
      </label>
      <input
        {...partProps('input', classNames)}
        id={id}
        aria-describedby={described}
        data-invalid={flag(Boolean(error))}
        {...inputProps}
      />
      {control}
      {/* An alert as it appears: sent with Enter from this very field, the focus that goes to the
          field cannot move, and the error would go unsaid. */}
      {error ? (
        <p {...partProps('fieldError', classNames)} id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  )
}
