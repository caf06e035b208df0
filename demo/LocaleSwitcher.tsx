import { useId, useSyncExternalStore } from 'react'

/** The languages the demo offers: the shipped locales and the pseudo-locale that shows truncation. */
export const DEMO_LOCALES = [
  ['', 'Browser default'],
  ['en', 'English'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['pt-BR', 'Português (Brasil)'],
  ['en-XA', 'Pseudo-locale (en-XA)'],
] as const

const KEY = 'demo:locale'
const EVENT = 'demo:locale-change'

function read(): string {
  try {
    return window.localStorage.getItem(KEY) ?? ''
  } catch {
    return ''
  }
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(EVENT, onChange)
  return () => window.removeEventListener(EVENT, onChange)
}

/** The demo's chosen locale (`undefined`: let the kit detect it), remembered across reloads. */
export function useDemoLocale(): string | undefined {
  return useSyncExternalStore(subscribe, read, () => '') || undefined
}

/** The select that picks the kit's language; switching keeps what was typed. */
export function LocaleSwitcher() {
  const locale = useDemoLocale() ?? ''
  const id = useId()
  return (
    <div className="demo-switcher">
      <label htmlFor={id}>Language</label>
      <select
        id={id}
        className="demo-select"
        value={locale}
        onChange={(event) => {
          try {
            window.localStorage.setItem(KEY, event.target.value)
          } catch {
            // Not remembered; this tab still switches.
          }
          window.dispatchEvent(new Event(EVENT))
        }}
      >
        {DEMO_LOCALES.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}
