import type { TOptions } from 'i18next'
import type { ResetKitMessages } from './createResetKitI18n'

// A plural's forms (`resendIn_one`, `resendIn_other`) are looked up by their stem and a `count`.
type Stem<Key extends string> = Key extends `${infer Base}_one` ? Base : Key extends `${infer Base}_other` ? Base : Key

type KeysOf<Messages, Prefix extends string> = {
  [Key in keyof Messages & string]: Messages[Key] extends string
    ? `${Prefix}${Stem<Key>}`
    : KeysOf<Messages[Key], `${Prefix}${Key}.`>
}[keyof Messages & string]

/** Every key of the kit's strings, as dotted paths of `locales/en/reset-kit.json` (`forgot.title`, …). */
export type ResetKitKey = KeysOf<ResetKitMessages, ''>

/**
 * The translation function the hooks return: the kit's keys only, typed by the English file and
 * independent of the host's i18next typing, with `{{placeholders}}` filled from `options`. An
 * array of keys falls back from the first to the next.
 */
export type ResetKitT = (key: ResetKitKey | readonly ResetKitKey[], options?: TOptions) => string
