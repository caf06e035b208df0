import { createInstance } from 'i18next'
import en from '../../locales/en/reset-kit.json'
import { addEnglishBundle, createResetKitI18n, NAMESPACE } from '../../src/i18n/createResetKitI18n'

describe('createResetKitI18n', () => {
  it('gives each instance its own English: strings merged into one reach neither another instance nor the bundled English', () => {
    const original = en.forgot.title
    const first = createResetKitI18n()
    const second = createResetKitI18n()
    first.addResourceBundle('en', NAMESPACE, { forgot: { title: 'Tenant A: forgot your password?' } }, true, true)
    expect(first.t('forgot.title')).toBe('Tenant A: forgot your password?')
    expect(second.t('forgot.title')).toBe(original)
    expect(createResetKitI18n().t('forgot.title')).toBe(original)
    expect(en.forgot.title).toBe(original)
  })

  it('starts in English, with the strings under the "reset-kit" namespace', () => {
    const i18n = createResetKitI18n()
    expect(i18n.language).toBe('en')
    expect(NAMESPACE).toBe('reset-kit')
    expect(i18n.hasResourceBundle('en', 'reset-kit')).toBe(true)
  })

  it('falls back to English for a language without strings', async () => {
    const i18n = createResetKitI18n()
    await i18n.changeLanguage('de')
    expect(i18n.t('forgot.title')).toBe(en.forgot.title)
  })

  it('leaves escaping to React: interpolated values come out as given', () => {
    const email = `o'brien&"co"<x>@example.com`
    expect(createResetKitI18n().t('forgot.sentDescription', { email })).toContain(`for ${email},`)
  })
})

describe('addEnglishBundle', () => {
  function hostInstance() {
    const i18n = createInstance()
    void i18n.init({
      lng: 'en',
      resources: { en: { [NAMESPACE]: { forgot: { title: 'Host title' } } } },
      initAsync: false,
    })
    return i18n
  }

  it("adds the kit's English under the host's own strings, which win", () => {
    const i18n = hostInstance()
    addEnglishBundle(i18n)
    expect(i18n.t('forgot.title', { ns: NAMESPACE })).toBe('Host title')
    expect(i18n.t('forgot.resendIn', { ns: NAMESPACE, duration: '1 minute' })).toBe(
      'You can send the email again in 1 minute.',
    )
  })

  it('merges once per instance, so a host re-rendering on store events is not woken each time', () => {
    const i18n = hostInstance()
    const added = vi.fn()
    i18n.store.on('added', added)
    addEnglishBundle(i18n)
    addEnglishBundle(i18n)
    expect(added).toHaveBeenCalledTimes(1)
  })

  it('merges again when the host has removed the bundle since', () => {
    const i18n = hostInstance()
    addEnglishBundle(i18n)
    i18n.removeResourceBundle('en', NAMESPACE)
    addEnglishBundle(i18n)
    expect(i18n.t('forgot.resendIn', { ns: NAMESPACE, duration: '1 minute' })).toBe(
      'You can send the email again in 1 minute.',
    )
  })
})
