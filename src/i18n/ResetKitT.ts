import type { TOptions } from 'i18next'
import type { ResetKitMessages } from './createResetKitI18n'

/**
 * Every key of the kit's strings, as dotted paths of `locales/en/reset-kit.json` (`forgot.title`,
 * …). A plural's forms (`reset.description_one`, `reset.description_other`) are one key, their stem, asked for with a
 * `count`. The parameters walk the file; leave them out.
 */
export type ResetKitKey<Messages = ResetKitMessages, Prefix extends string = ''> = {
  [Key in keyof Messages & string]: Messages[Key] extends string
    ? `${Prefix}${Key extends `${infer Stem}_one` ? Stem : Key extends `${infer Stem}_other` ? Stem : Key}`
    : ResetKitKey<Messages[Key], `${Prefix}${Key}.`>
}[keyof Messages & string]

/**
 * The translation function the hooks return: the kit's keys only, typed by the English file and
 * independent of the host's i18next typing, with `{{placeholders}}` filled from `options`. An
 * array of keys falls back from the first to the next.
 */
export type ResetKitT = (key: ResetKitKey | readonly ResetKitKey[], options?: TOptions) => string
