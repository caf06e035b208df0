import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The stylesheet's theming contract, read from the file: a brand that sets `--rk-radius: 0`
 * (square corners, as the README shows) must get no rounded part.
 */
const stylesheet = readFileSync(resolve(import.meta.dirname, '../../src/styles/reset-kit.css'), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
)

describe('reset-kit.css', () => {
  it('rounds every corner from --rk-radius, except the spinner, which is a circle', () => {
    const radii = [...stylesheet.matchAll(/border-radius:\s*([^;]+);/g)].map((match) => match[1])
    expect(radii.length).toBeGreaterThan(3)
    expect(radii.filter((radius) => !radius?.includes('var(--rk-radius)'))).toEqual(['50%'])
  })
})
