#!/usr/bin/env node
/**
 * Generates the pseudo-locale `locales/en-XA/reset-kit.json` from `locales/en/reset-kit.json`, to
 * catch hardcoded text, clipped layouts and concatenated strings before real translations arrive:
 *
 * - letters become accented look-alikes ("Reset" → "Ŕéšéţ"), so untranslated text stands out;
 * - each string grows by about 40% (French and Portuguese often run 20–40% longer than English);
 * - each string is wrapped in ⟦ ⟧, so a cut-off end or a sentence glued from fragments is visible;
 * - i18next syntax is left exactly as it is: `{{placeholders}}` (with formats), `$t(nesting)` and
 *   `<0>…</0>`-style tags, as are the keys, so plural suffixes keep working.
 *
 * Usage:
 *   node scripts/pseudo-locale.mjs           write the file
 *   node scripts/pseudo-locale.mjs --check   exit 1 if the file is missing or out of date
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(root, 'locales/en/reset-kit.json')
const TARGET = join(root, 'locales/en-XA/reset-kit.json')

/** How much longer than the English text each string gets. */
const EXPANSION = 0.4

const ACCENTED = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'î',
  j: 'ĵ',
  k: 'ķ',
  l: 'ļ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ö',
  p: 'þ',
  q: 'ǫ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'û',
  v: 'ṽ',
  w: 'ŵ',
  x: 'ẋ',
  y: 'ý',
  z: 'ž',
  A: 'Á',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Î',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ļ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ö',
  P: 'Þ',
  Q: 'Ǫ',
  R: 'Ŕ',
  S: 'Š',
  T: 'Ţ',
  U: 'Û',
  V: 'Ṽ',
  W: 'Ŵ',
  X: 'Ẋ',
  Y: 'Ý',
  Z: 'Ž',
}

/** i18next syntax that must survive untouched: interpolation, nesting, Trans tags. */
const PROTECTED = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[\w-]+\s*\/?>)/g

/** Turns one English string into its pseudo-localized form. */
export function pseudoLocalize(text) {
  let visible = 0
  const out = text
    .split(PROTECTED)
    .map((part, index) => {
      // split() with a capturing group puts the protected tokens at odd indexes.
      if (index % 2 === 1) return part
      visible += part.length
      return part.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter)
    })
    .join('')
  const padding = Math.max(1, Math.ceil(visible * EXPANSION))
  return `⟦${out} ${'~'.repeat(padding)}⟧`
}

/** Pseudo-localizes every string of a nested messages object, keeping its keys. */
export function pseudoLocalizeMessages(messages) {
  return Object.fromEntries(
    Object.entries(messages).map(([key, value]) => [
      key,
      typeof value === 'string' ? pseudoLocalize(value) : pseudoLocalizeMessages(value),
    ]),
  )
}

function main() {
  const english = JSON.parse(readFileSync(SOURCE, 'utf8'))
  const output = `${JSON.stringify(pseudoLocalizeMessages(english), null, 2)}\n`
  if (process.argv.includes('--check')) {
    let current = ''
    try {
      current = readFileSync(TARGET, 'utf8')
    } catch {
      // Missing counts as out of date.
    }
    if (current !== output) {
      console.error('locales/en-XA/reset-kit.json is out of date. Run: node scripts/pseudo-locale.mjs')
      process.exit(1)
    }
    return
  }
  mkdirSync(dirname(TARGET), { recursive: true })
  writeFileSync(TARGET, output)
  console.log(`Wrote ${TARGET.slice(root.length + 1)}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()
