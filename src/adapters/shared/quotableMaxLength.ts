import { countCodePoints } from '../../core/passwordPolicy'

/**
 * The `maxLength` to quote for a password a backend refused as too long by its own measure (UTF-16
 * units, bytes): `max` when the password also has more characters than that, else 0, which shows
 * the message without a number, since "at most `max` characters" would be false for it.
 */
export function quotableMaxLength(password: string, max: number): number {
  return countCodePoints(password) > max ? max : 0
}
