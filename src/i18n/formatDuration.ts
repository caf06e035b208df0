/**
 * A wait as a person says it in the given locale, through `Intl.NumberFormat` units: seconds up
 * to two minutes, then minutes up to two hours, hours up to two days, then days, each rounded up
 * so a wait is never understated.
 *
 * @example formatDuration(90, 'fr') // "90 secondes"
 * @example formatDuration(1800, 'pt-BR') // "30 minutos"
 */
export function formatDuration(seconds: number, locale: string): string {
  const whole = Math.max(0, Math.ceil(seconds))
  const [value, unit] =
    whole < 120
      ? [whole, 'second']
      : whole < 7_200
        ? [Math.ceil(whole / 60), 'minute']
        : whole < 172_800
          ? [Math.ceil(whole / 3_600), 'hour']
          : [Math.ceil(whole / 86_400), 'day']
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value)
}
