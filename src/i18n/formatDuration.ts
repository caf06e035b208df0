// Each unit's size in seconds; a unit is used from two of it, seconds always.
const UNITS = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
] as const

/**
 * A wait as a person says it in the given locale, through `Intl.NumberFormat` units: seconds up
 * to two minutes, then minutes up to two hours, hours up to two days, then days, each rounded up
 * so a wait is never understated. With `exact` (a link's lifetime) the unit must also divide the
 * duration, so it is never overstated either: 150 minutes stay "150 minutes".
 *
 * @example formatDuration(90, 'fr') // "90 secondes"
 * @example formatDuration(1800, 'pt-BR') // "30 minutos"
 */
export function formatDuration(seconds: number, locale: string, exact = false): string {
  const whole = Math.max(0, Math.ceil(seconds))
  // The first unit the duration reaches; with `exact`, also one that divides it, since a link's
  // lifetime must never be overstated ("3 hours" for 150 minutes).
  const [size, unit] = UNITS.find(([size]) => (whole >= 2 * size || size === 1) && (!exact || whole % size === 0))!
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(Math.ceil(whole / size))
}
