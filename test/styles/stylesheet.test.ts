import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The stylesheet's contracts, read from the file: a brand that sets `--rk-radius: 0` (square
 * corners, as the README shows) must get no rounded part, and nothing moves for a user who asked
 * for reduced motion.
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

  it('moves nothing (transitions, the spinner) unless the user allows motion', () => {
    const start = stylesheet.indexOf('@media (prefers-reduced-motion: no-preference)')
    expect(start).toBeGreaterThan(-1)
    // The block ends where its braces balance again.
    let depth = 0
    let end = stylesheet.indexOf('{', start)
    do {
      if (stylesheet[end] === '{') depth++
      if (stylesheet[end] === '}') depth--
      end++
    } while (depth > 0)
    const motion = [...stylesheet.matchAll(/[{;\s](transition|animation)(-[a-z]+)?\s*:/g)]
    expect(motion.map((match) => match[1])).toEqual(expect.arrayContaining(['transition', 'animation']))
    expect(motion.filter((match) => match.index < start || match.index > end).map((match) => match[0])).toEqual([])
  })
})
