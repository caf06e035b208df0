import { formatDuration } from '../../src/i18n/formatDuration'

describe('formatDuration', () => {
  it.each([
    [1, 'en', '1 second'],
    [59, 'en', '59 seconds'],
    [119, 'en', '119 seconds'],
    [120, 'en', '2 minutes'],
    [121, 'en', '3 minutes'],
    [1800, 'en', '30 minutes'],
    [7200, 'en', '2 hours'],
    [604_800, 'en', '7 days'],
    [0, 'fr', '0 seconde'],
    [1800, 'fr', '30 minutes'],
    [1, 'es', '1 segundo'],
    [1800, 'es', '30 minutos'],
    [1800, 'pt-BR', '30 minutos'],
    [0, 'pt-BR', '0 segundo'],
  ])('%i s in %s → %s', (seconds, locale, expected) => {
    // French puts a no-break space between number and unit; compare letters, not space kinds.
    expect(formatDuration(seconds, locale).replace(/\s/gu, ' ')).toBe(expected)
  })

  it('never understates a wait and never goes negative', () => {
    expect(formatDuration(0.2, 'en')).toBe('1 second')
    expect(formatDuration(-5, 'en')).toBe('0 seconds')
  })

  it.each([
    [150 * 60, 'en', '150 minutes'],
    [60 * 60, 'en', '60 minutes'],
    [3 * 3600, 'en', '3 hours'],
    [3000 * 60, 'en', '50 hours'],
    [2 * 86_400, 'en', '2 days'],
    [7 * 86_400, 'pt-BR', '7 dias'],
    [90, 'fr', '90 secondes'],
  ])('exact (a lifetime): %i s in %s → %s, in the largest unit that divides it', (seconds, locale, expected) => {
    expect(formatDuration(seconds, locale, true).replace(/\s/gu, ' ')).toBe(expected)
  })

  // 0, 1, 2 and 21 of each unit, and a large count, in every shipped translation: the unit's
  // plural comes from Intl (fr and pt-BR say "0 seconde", "0 segundo"; es "0 segundos"), and a
  // large count gets the language's digit grouping (es leaves four digits ungrouped).
  // 0, 1, 2, 21 s; 2, 21 min; 2, 21 h; 2, 21, 1000 days.
  const SECONDS = [0, 1, 2, 21, 120, 1260, 7200, 75_600, 172_800, 1_814_400, 86_400_000]
  it.each([
    [
      'es',
      [
        '0 segundos',
        '1 segundo',
        '2 segundos',
        '21 segundos',
        '2 minutos',
        '21 minutos',
        '2 horas',
        '21 horas',
        '2 días',
        '21 días',
        '1000 días',
      ],
    ],
    [
      'fr',
      [
        '0 seconde',
        '1 seconde',
        '2 secondes',
        '21 secondes',
        '2 minutes',
        '21 minutes',
        '2 heures',
        '21 heures',
        '2 jours',
        '21 jours',
        '1 000 jours',
      ],
    ],
    [
      'pt-BR',
      [
        '0 segundo',
        '1 segundo',
        '2 segundos',
        '21 segundos',
        '2 minutos',
        '21 minutos',
        '2 horas',
        '21 horas',
        '2 dias',
        '21 dias',
        '1.000 dias',
      ],
    ],
  ])('%s: 0, 1, 2 and 21 of each unit, and 1000 days', (locale, expected) => {
    expect(SECONDS.map((seconds) => formatDuration(seconds, locale).replace(/\s/gu, ' '))).toEqual(expected)
  })
})
