/** Extra class names per part, for Tailwind or any host CSS. */
export type ClassNames<Part extends string> = { [P in Part]?: string | undefined }

/** Props shared by both components for looks and copy. */
export interface AppearanceProps<Part extends string> {
  /** Class names added to each part. */
  classNames?: ClassNames<Part> | undefined
  /**
   * Drops the `data-reset-kit` hook the opt-in stylesheet targets, leaving bare markup with its
   * `data-part` and state attributes for your own CSS. @default false
   */
  unstyled?: boolean | undefined
  /** Heading level of the title, to fit the page's outline. @default 2 */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6 | undefined
}

/** The attributes that name a part and carry its extra class. */
export function partProps<Part extends string>(part: Part, classNames: ClassNames<Part> | undefined) {
  return { 'data-part': part, className: classNames?.[part] }
}

/** A present-or-absent data attribute: `""` when true, omitted when false. */
export function flag(value: boolean | undefined): '' | undefined {
  return value ? '' : undefined
}
