/** The toolbar's themes: the stylesheet's own light and dark, and the brands in ./brands.css. */
export const THEMES = [
  { value: 'light', title: 'Light' },
  { value: 'dark', title: 'Dark' },
  { value: 'ember', title: 'Brand: Ember' },
  { value: 'lagoon', title: 'Brand: Lagoon' },
] as const

/** One of {@link THEMES}, as set on the stage's `data-theme`. */
export type ThemeName = (typeof THEMES)[number]['value']

/** The toolbar's locales: the shipped ones and the en-XA pseudo-locale. */
export const LOCALES = [
  { value: 'en', title: 'English', right: 'en' },
  { value: 'es', title: 'Español', right: 'es' },
  { value: 'fr', title: 'Français', right: 'fr' },
  { value: 'pt-BR', title: 'Português (Brasil)', right: 'pt-BR' },
  { value: 'en-XA', title: 'Pseudo-locale', right: 'en-XA' },
] as const

/** One of {@link LOCALES}. */
export type LocaleName = (typeof LOCALES)[number]['value']

/** The axe rule sets every story must pass, in Storybook's a11y panel and in `npm test`. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']
