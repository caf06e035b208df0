import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInstance } from 'i18next'

type Messages = { [key: string]: string | Messages }

// A path, not `new URL(…)`: under jsdom the global URL is jsdom's, which node:url rejects.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..')
const LOCALES_DIR = join(ROOT, 'locales/')
const NAMESPACE = 'reset-kit'

function readLocale(tag: string): Messages {
  return JSON.parse(readFileSync(`${LOCALES_DIR}${tag}/reset-kit.json`, 'utf8')) as Messages
}

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`, the way i18next addresses nested keys. */
function flatten(messages: Messages, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') flat[`${prefix}${key}`] = value
    else Object.assign(flat, flatten(value, `${prefix}${key}.`))
  }
  return flat
}

/** Interpolation names (`{{count}}`, `{{value, number}}` → `value`) and nesting (`$t(key)`). */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => `{{${match[1]}}}`)
  const nesting = [...text.matchAll(/\$t\(([^)]*)\)/g)].map((match) => `$t(${match[1]})`)
  return [...new Set([...names, ...nesting])].sort()
}

/** The text a reader sees, without i18next syntax. */
function prose(text: string): string {
  return text.replace(/\{\{[^}]*\}\}/g, ' ').replace(/\$t\([^)]*\)/g, ' ')
}

function pluralCategories(tag: string): string[] {
  return [...new Intl.PluralRules(tag).resolvedOptions().pluralCategories]
}

const en = flatten(readLocale('en'))

/** Keys that English pluralizes (`x_one` + `x_other`); every locale needs all of its own forms of them. */
const pluralBases = [
  ...new Set(
    Object.keys(en)
      .filter((key) => key.endsWith('_one') && `${key.slice(0, -'_one'.length)}_other` in en)
      .map((key) => key.slice(0, -'_one'.length)),
  ),
].sort()

const pluralKeysOfEnglish = new Set(pluralBases.flatMap((base) => [`${base}_one`, `${base}_other`]))

/** Every locale folder except the English source, so a newly added locale is checked too. */
const TAGS = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'en')
  .map((entry) => entry.name)
  .sort()

/** Real translations, as opposed to the generated pseudo-locale. */
const TRANSLATED = TAGS.filter((tag) => tag !== 'en-XA')

/** The key set a locale must have: English's, with each plural in every form the language uses. */
function expectedKeys(tag: string): string[] {
  const categories = pluralCategories(tag)
  const singles = Object.keys(en).filter((key) => !pluralKeysOfEnglish.has(key))
  const plurals = pluralBases.flatMap((base) => categories.map((category) => `${base}_${category}`))
  return [...singles, ...plurals].sort()
}

/** The English string(s) a locale key translates. */
function englishFor(key: string): string[] {
  const plural = key.match(/^(.*)_(zero|one|two|few|many|other)$/)
  if (plural?.[1] && pluralBases.includes(plural[1]))
    return [en[`${plural[1]}_one`] ?? '', en[`${plural[1]}_other`] ?? '']
  return [en[key] ?? '']
}

/** A real i18next instance holding only this locale, which reports any key it can't find. */
function i18nFor(tag: string, messages: Messages) {
  const missing: string[] = []
  const instance = createInstance()
  void instance.init({
    lng: tag,
    fallbackLng: false,
    ns: [NAMESPACE],
    defaultNS: NAMESPACE,
    resources: { [tag]: { [NAMESPACE]: messages } },
    interpolation: { escapeValue: false },
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => {
      missing.push(key)
    },
    initAsync: false,
  })
  return { t: instance.t, missing }
}

/** English words and phrases that should never survive translation. */
const ENGLISH_STOPLIST = [
  ' the ',
  ' your ',
  ' you ',
  ' please ',
  ' again',
  'password',
  'email',
  'link has',
  'sign in',
  "n't",
  "we'",
  'try ',
  'too ',
]

describe('locales', () => {
  it('ship es, fr, pt-BR and the en-XA pseudo-locale', () => {
    expect(TAGS).toEqual(expect.arrayContaining(['es', 'fr', 'pt-BR', 'en-XA']))
  })

  it('English pluralizes with exactly _one and _other', () => {
    expect(pluralBases.length).toBeGreaterThan(0)
    for (const base of pluralBases) {
      expect(placeholders(en[`${base}_one`] ?? ''), base).toEqual(placeholders(en[`${base}_other`] ?? ''))
    }
  })

  describe.each(TAGS)('%s', (tag) => {
    const messages = readLocale(tag)
    const strings = flatten(messages)

    it("has English's keys, with every plural form the language needs", () => {
      expect(Object.keys(strings).sort()).toEqual(expectedKeys(tag))
    })

    it('keeps the same {{placeholders}} in every string', () => {
      for (const [key, text] of Object.entries(strings)) {
        for (const source of englishFor(key)) {
          expect(placeholders(text), `${tag} ${key}`).toEqual(placeholders(source))
        }
      }
    })

    it('has no empty or padded string and no three-dot ellipsis', () => {
      for (const [key, text] of Object.entries(strings)) {
        expect(text.trim(), `${tag} ${key}`).not.toBe('')
        expect(text, `${tag} ${key}`).toBe(text.trim())
        expect(text, `${tag} ${key}`).not.toMatch(/ {2}|\.\.\./)
      }
    })

    it.each(pluralBases)('picks a complete plural form of %s for 0, 1, 2, 5, 21, 1000 and 1000000', (base) => {
      const { t, missing } = i18nFor(tag, messages)
      for (const count of [0, 1, 2, 5, 21, 1000, 1_000_000]) {
        const text = t(base, { count })
        const form = `${base}_${new Intl.PluralRules(tag).select(count)}`
        expect(text, `${tag} ${base} ${count}`).not.toBe(base)
        expect(text, `${tag} ${base} ${count}`).toContain(String(count))
        expect(text, `${tag} ${base} ${count}`).not.toContain('{{')
        expect(text, `${tag} ${base} ${count}`).toBe((strings[form] ?? '').replace('{{count}}', String(count)))
      }
      expect(missing).toEqual([])
    })

    it('interpolates every string without leaving i18next syntax behind', () => {
      const { t, missing } = i18nFor(tag, messages)
      for (const key of Object.keys(en)) {
        const base = key.replace(/_(one|other)$/, '')
        const text = t(pluralBases.includes(base) ? base : key, {
          count: 3,
          email: 'ana@example.com',
          duration: '30 min',
        })
        expect(text, `${tag} ${key}`).not.toMatch(/\{\{|\}\}|\$t\(/)
      }
      expect(missing).toEqual([])
    })
  })

  describe.each(TRANSLATED)('%s (translated)', (tag) => {
    const strings = flatten(readLocale(tag))

    it('translates every string (none is left identical to English)', () => {
      for (const [key, text] of Object.entries(strings)) {
        expect(englishFor(key), `${tag} ${key}`).not.toContain(text)
      }
    })

    it('has no leftover English words', () => {
      for (const [key, text] of Object.entries(strings)) {
        const padded = ` ${prose(text).toLowerCase()} `
        for (const word of ENGLISH_STOPLIST) {
          expect(padded, `${tag} ${key} contains "${word.trim()}"`).not.toContain(word)
        }
      }
    })
  })

  describe('plural forms per language', () => {
    it.each([
      { tag: 'fr', zero: 'one' },
      { tag: 'pt-BR', zero: 'one' },
      { tag: 'es', zero: 'other' },
    ])('$tag treats 0 as $zero, and 1000000 as many', ({ tag, zero }) => {
      const messages = readLocale(tag)
      const strings = flatten(messages)
      const { t } = i18nFor(tag, messages)
      expect(t('reset.description', { count: 0 })).toBe(strings[`reset.description_${zero}`]?.replace('{{count}}', '0'))
      expect(t('errors.password_too_short', { count: 1 })).toBe(
        strings['errors.password_too_short_one']?.replace('{{count}}', '1'),
      )
      expect(t('errors.password_too_short', { count: 1_000_000 })).toBe(
        strings['errors.password_too_short_many']?.replace('{{count}}', '1000000'),
      )
    })

    it('reads naturally in the singular, including 0 where the language says "0 caractère"', () => {
      const cases = [
        { tag: 'fr', count: 0, expected: 'Utilisez au moins 0 caractère.' },
        { tag: 'fr', count: 1, expected: 'Utilisez au moins 1 caractère.' },
        { tag: 'fr', count: 8, expected: 'Utilisez au moins 8 caractères.' },
        { tag: 'pt-BR', count: 0, expected: 'Use pelo menos 0 caractere.' },
        { tag: 'pt-BR', count: 1, expected: 'Use pelo menos 1 caractere.' },
        { tag: 'pt-BR', count: 8, expected: 'Use pelo menos 8 caracteres.' },
        { tag: 'es', count: 0, expected: 'Usa al menos 0 caracteres.' },
        { tag: 'es', count: 1, expected: 'Usa al menos 1 carácter.' },
        { tag: 'es', count: 8, expected: 'Usa al menos 8 caracteres.' },
      ]
      for (const { tag, count, expected } of cases) {
        expect(i18nFor(tag, readLocale(tag)).t('errors.password_too_short', { count })).toBe(expected)
      }
    })
  })

  describe('typography', () => {
    it('fr: typographic apostrophe only, narrow no-break space before ; ! ?, no-break space before : and inside « »', () => {
      for (const [key, text] of Object.entries(flatten(readLocale('fr')))) {
        const visible = prose(text)
        expect(visible, key).not.toContain("'")
        expect(visible, key).not.toMatch(/[^\u202f][;!?]/)
        expect(visible, key).not.toMatch(/[^\u00a0]:(?!\/\/)/)
        expect(visible, key).not.toMatch(/«[^\u00a0\u202f]|[^\u00a0\u202f]»/)
      }
    })

    it('es: every ? and ! has its opening ¿ and ¡', () => {
      for (const [key, text] of Object.entries(flatten(readLocale('es')))) {
        expect(text.split('¿').length, key).toBe(text.split('?').length)
        expect(text.split('¡').length, key).toBe(text.split('!').length)
      }
    })

    it('es and pt-BR: no space before : ; ! ?', () => {
      for (const tag of ['es', 'pt-BR']) {
        for (const [key, text] of Object.entries(flatten(readLocale(tag)))) {
          expect(text, `${tag} ${key}`).not.toMatch(/\s[:;!?]/)
        }
      }
    })
  })

  describe('en-XA pseudo-locale', () => {
    const pseudo = flatten(readLocale('en-XA'))

    it('is up to date with English (regenerate with `node scripts/pseudo-locale.mjs`)', () => {
      expect(() =>
        execFileSync(process.execPath, ['scripts/pseudo-locale.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' }),
      ).not.toThrow()
    })

    it('wraps every string in ⟦ ⟧ and accents its letters', () => {
      for (const [key, text] of Object.entries(pseudo)) {
        expect(text, key).toMatch(/^⟦[\s\S]*⟧$/)
        expect(prose(text), key).not.toMatch(/[a-zA-Z]/)
      }
    })

    it('is at least 30% longer than English on average', () => {
      const ratios = Object.entries(en).map(([key, text]) => (pseudo[key] ?? '').length / text.length)
      const average = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length
      expect(average).toBeGreaterThanOrEqual(1.3)
    })
  })
})
