import type { ResetKitT } from '../i18n/ResetKitT'
import { useEffect, useState, type ReactElement } from 'react'
import { countCodePoints } from '../core/passwordPolicy'
import { type ClassNames, partProps } from './parts'

/**
 * Strength levels shown by {@link StrengthHint}; by length only, since composition rules don't
 * help. Rendered as `data-strength` on the `strength` part, absent while the field is empty.
 *
 * @selector [data-strength="tooShort" | "fair" | "good" | "strong"]
 */
export type StrengthLevel = 'tooShort' | 'fair' | 'good' | 'strong'

/** Grades a password by its length in code points against the minimum. */
export function strengthLevel(password: string, minLength: number): StrengthLevel {
  const length = countCodePoints(password)
  if (length < minLength) return 'tooShort'
  if (length < Math.max(12, minLength + 4)) return 'fair'
  if (length < Math.max(16, minLength + 8)) return 'good'
  return 'strong'
}

/** Props of {@link StrengthHint}. */
export interface StrengthHintProps {
  /** Subscribes to the password field's edits (`useResetPassword`'s `watchPassword`). */
  watchPassword: (listener: (password: string) => void) => () => void
  minLength: number
  t: ResetKitT
  id: string
  classNames: ClassNames<'strength'> | undefined
  /** True while the field shows an error: a length-based "good" beside "isn't strong enough" would contradict it. */
  suppressed: boolean
}

/**
 * A live length-based strength hint. It watches the password field on its own, so typing
 * re-renders only this part, not the whole form.
 *
 * @selector [data-strength="tooShort" | "fair" | "good" | "strong"]
 */
export function StrengthHint({
  watchPassword,
  minLength,
  t,
  id,
  classNames,
  suppressed,
}: StrengthHintProps): ReactElement {
  const [password, setPassword] = useState('')
  useEffect(() => watchPassword(setPassword), [watchPassword])
  const level = password && !suppressed ? strengthLevel(password, minLength) : undefined
  // Always rendered, empty until typing starts, so the field's aria-describedby never dangles.
  // Polite, and its text changes with the level only: heard as it grows, not on every keystroke.
  return (
    <p {...partProps('strength', classNames)} data-strength={level} id={id} role="status">
      {level ? t(`reset.strength.${level}`) : null}
    </p>
  )
}
