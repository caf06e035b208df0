import { resolveLocale, SUPPORTED_LOCALES } from '../../src/i18n/resolveLocale'

describe('resolveLocale', () => {
  it('ships en, es, fr and pt-BR', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'es', 'fr', 'pt-BR'])
  })

  it.each([
    ['fr', 'fr'],
    ['pt-BR', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['  es  ', 'es'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt_PT', 'pt-BR'],
    ['es-MX', 'es'],
    ['es_419', 'es'],
    ['fr-CA', 'fr'],
    ['FR-ca', 'fr'],
    ['en-GB', 'en'],
  ])('maps the tag %j to %s', (tag, expected) => {
    expect(resolveLocale(tag)).toBe(expected)
  })

  it.each([
    ['a language it has no strings for', 'de-AT'],
    ['an empty tag', ''],
    ['a tag of spaces', '   '],
    ['a tag of separators only', '-'],
    ['undefined', undefined],
    ['null', null],
    ['an empty list', []],
  ])('falls back to en for %s', (_name, tags) => {
    expect(resolveLocale(tags)).toBe('en')
  })

  it('takes the first tag of a preference list that matches, exactly or by language', () => {
    expect(resolveLocale(['de-AT', 'fr-CA', 'en'])).toBe('fr')
    expect(resolveLocale(['de', 'nl', 'es-AR', 'pt-BR'])).toBe('es')
    expect(resolveLocale(['de', 'it'])).toBe('en')
  })

  it('prefers an exact match to a locale of the same language listed before it', () => {
    expect(resolveLocale('en-XA', ['en', 'en-XA'])).toBe('en-XA')
    expect(resolveLocale('pt-br', ['pt-PT', 'pt-BR'])).toBe('pt-BR')
    expect(resolveLocale('en_XA', ['en', 'en-XA'])).toBe('en-XA')
    expect(resolveLocale(' en-XA ', ['en', 'en-XA'])).toBe('en-XA')
  })

  it('returns the available locale as the host spelt it', () => {
    expect(resolveLocale('pt-br', ['en', 'PT-BR'])).toBe('PT-BR')
    expect(resolveLocale('pt', ['en', 'PT_BR'])).toBe('PT_BR')
    expect(resolveLocale('de-CH', ['en', ' de '])).toBe(' de ')
  })

  it('chooses only among the available locales, and falls back to en even when en is not among them', () => {
    expect(resolveLocale('de-AT', [...SUPPORTED_LOCALES, 'de'])).toBe('de')
    expect(resolveLocale('fr', ['en', 'es'])).toBe('en')
    expect(resolveLocale('it', ['de', 'fr'])).toBe('en')
  })
})
