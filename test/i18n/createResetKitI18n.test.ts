import en from '../../locales/en/reset-kit.json'
import { createResetKitI18n, englishMessages, NAMESPACE } from '../../src/i18n/createResetKitI18n'

describe('createResetKitI18n', () => {
  it('gives each instance its own English: strings merged into one reach neither another instance nor the bundled English', () => {
    const original = en.forgot.title
    const first = createResetKitI18n()
    const second = createResetKitI18n()
    first.addResourceBundle('en', NAMESPACE, { forgot: { title: 'Tenant A: forgot your password?' } }, true, true)
    expect(first.t('forgot.title')).toBe('Tenant A: forgot your password?')
    expect(second.t('forgot.title')).toBe(original)
    expect(createResetKitI18n().t('forgot.title')).toBe(original)
    expect(englishMessages.forgot.title).toBe(original)
  })
})
