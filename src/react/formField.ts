/**
 * The control named `name` in `form`, if it is there. Found by name rather than by ref, so a
 * headless UI's own input component needs no ref forwarding.
 */
export function formField(form: HTMLFormElement | null | undefined, name: string): HTMLInputElement | null | undefined {
  return form?.elements.namedItem(name) as HTMLInputElement | null | undefined
}
