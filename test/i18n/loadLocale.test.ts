import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import enXA from '../../locales/en-XA/reset-kit.json'
import { LOADABLE_LOCALES, loadLocale } from '../../src/i18n/loadLocale'

describe('loadLocale', () => {
  it('can fetch es, fr, pt-BR and the en-XA pseudo-locale', () => {
    expect(LOADABLE_LOCALES).toEqual(['es', 'fr', 'pt-BR', 'en-XA'])
  })

  it.each([
    ['es', es],
    ['fr', fr],
    ['pt-BR', ptBR],
    ['en-XA', enXA],
  ])('fetches the strings of %s', async (locale, messages) => {
    expect(await loadLocale(locale)).toEqual(messages)
  })

  it.each(['en', 'de'])('resolves %s to undefined: English is bundled, and other tags have no file', async (locale) => {
    await expect(loadLocale(locale)).resolves.toBeUndefined()
  })
})
