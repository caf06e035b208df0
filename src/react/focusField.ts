import { formField } from './formField'

/**
 * Moves focus to the control named `name` in `form`, to show the user an answer about it, unless
 * they have gone on to something outside the form while it was on its way: their typing must not
 * land in this field instead.
 */
export function focusField(form: HTMLFormElement | null | undefined, name: string): void {
  // :focus-within rather than the document's active element, which is the host of a shadow root.
  if (document.activeElement == document.body || form?.matches(':focus-within')) formField(form, name)?.focus()
}
