import enXA from '../../locales/en-XA/reset-kit.json'
import en from '../../locales/en/reset-kit.json'
import es from '../../locales/es/reset-kit.json'
import fr from '../../locales/fr/reset-kit.json'
import ptBR from '../../locales/pt-BR/reset-kit.json'
import type { ResetKitMessages } from '../../src'

const MESSAGES: Record<string, ResetKitMessages> = { en, es, fr, 'pt-BR': ptBR, 'en-XA': enXA } as Record<
  string,
  ResetKitMessages
>

/**
 * The strings of the toolbar's locale, so play functions find elements by their accessible names
 * in whichever language the story is showing.
 */
export function messagesFor(locale: unknown): ResetKitMessages {
  return (typeof locale === 'string' ? MESSAGES[locale] : undefined) ?? en
}

/** A message with `{{placeholders}}` as a pattern that matches it with any values filled in. */
export function pattern(message: string): RegExp {
  const parts = message.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('.+')}$`)
}
