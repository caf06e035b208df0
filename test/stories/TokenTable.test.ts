import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseTokens } from '../../stories/support/TokenTable'

/**
 * The Theming guide's table of --rk-* properties is read from the stylesheet itself; its Dark
 * column must show the values the dark theme really uses, not "same" for every colour.
 */
const stylesheet = readFileSync(resolve(import.meta.dirname, '../../src/styles/reset-kit.css'), 'utf8')

describe('parseTokens', () => {
  it('gives every colour the dark value of the stylesheet’s [data-theme="dark"] block', () => {
    const tokens = parseTokens(stylesheet)
    const dark = Object.fromEntries(tokens.filter((token) => token.dark !== undefined).map((t) => [t.name, t.dark]))
    expect(dark).toEqual({
      '--rk-color-scheme': 'dark',
      '--rk-color-text': '#e6edf3',
      '--rk-color-muted': '#9198a1',
      '--rk-color-background': '#0d1117',
      '--rk-color-border': '#656c76',
      '--rk-color-divider': '#3d444d',
      '--rk-color-primary': '#4493f8',
      '--rk-color-primary-text': '#0d1117',
      '--rk-color-error': '#ff7b72',
      '--rk-color-success': '#3fb950',
      '--rk-shadow': '0 8px 24px rgb(1 4 9 / 0.6)',
    })
  })

  it('reads the dark block whichever quotes the attribute selector uses', () => {
    for (const quote of [`'`, `"`, ''])
      expect(
        parseTokens(`:where(:root) { --rk-x: 1; } :where([data-theme=${quote}dark${quote}]) { --rk-x: 2; }`),
      ).toEqual([{ name: '--rk-x', light: '1', dark: '2' }])
  })

  it('lists a property the stylesheet only reads with a fallback, with the fallback as its default', () => {
    const focusRing = parseTokens(stylesheet).find((token) => token.name === '--rk-focus-ring')
    expect(focusRing).toEqual({
      name: '--rk-focus-ring',
      light: '0 0 0 2px var(--rk-color-background), 0 0 0 4px var(--rk-color-primary)',
      dark: undefined,
    })
  })

  it('keeps a declared value over a fallback, and reads a fallback to its closing parenthesis', () => {
    expect(
      parseTokens(':where(:root) { --rk-a: 1; } x { a: var(--rk-a, 2); b: var(--rk-b, calc(1px + var(--rk-a))) }'),
    ).toEqual([
      { name: '--rk-a', light: '1', dark: undefined },
      { name: '--rk-b', light: 'calc(1px + var(--rk-a))', dark: undefined },
    ])
  })
})
