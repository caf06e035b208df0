/** One --rk-* property with its light and dark values, as the stylesheet declares them. */
export interface Token {
  name: string
  light: string
  dark: string | undefined
}

/**
 * Reads the --rk-* properties out of reset-kit.css: the light values from the `:root` blocks, the
 * dark ones from the `[data-theme="dark"]` block, and the default of one that is only read with a
 * fallback from that fallback. The docs list them from the file itself, so the
 * table can never drift from the stylesheet.
 */
export function parseTokens(css: string): Token[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '')
  const light = new Map<string, string>()
  const dark = new Map<string, string>()
  for (const [, selector = '', body = ''] of withoutComments.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const target =
      selector.includes(':root') && !selector.includes(':not(')
        ? light
        : // Quotes stripped: Prettier writes the stylesheet's attribute selectors with single quotes.
          // The block for [data-theme=dark], which also names :host([data-theme=dark]).
          selector.replace(/['"]/g, '').trim().startsWith(':where([data-theme=dark]')
          ? dark
          : undefined
    if (!target) continue
    for (const [, name = '', value = ''] of body.matchAll(/(--rk-[\w-]+)\s*:\s*([^;]+);/g))
      target.set(name, value.trim())
  }
  // A property read with a fallback, never declared (--rk-focus-ring): its default is the fallback.
  for (const [name, fallback] of readFallbacks(withoutComments)) if (!light.has(name)) light.set(name, fallback)
  return [...light].map(([name, value]) => ({ name, light: value, dark: dark.get(name) }))
}

/** Each `var(--rk-…, fallback)` in the stylesheet, with its fallback, which may hold `var()`s of its own. */
function readFallbacks(css: string): Map<string, string> {
  const fallbacks = new Map<string, string>()
  for (const match of css.matchAll(/var\((--rk-[\w-]+)\s*,/g)) {
    const start = match.index + match[0].length
    let depth = 1
    let end = start
    for (; end < css.length && depth > 0; end++) depth += css[end] === '(' ? 1 : css[end] === ')' ? -1 : 0
    fallbacks.set(match[1] ?? '', css.slice(start, end - 1).trim())
  }
  return fallbacks
}

/** The table of --rk-* properties for the Theming guide. */
export function TokenTable({ css }: { css: string }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Property</th>
          <th scope="col">Light (default)</th>
          <th scope="col">Dark</th>
        </tr>
      </thead>
      <tbody>
        {parseTokens(css).map((token) => (
          <tr key={token.name}>
            <td>
              <code>{token.name}</code>
            </td>
            <td>
              <code>{token.light}</code>
            </td>
            <td>{token.dark === undefined ? 'same' : <code>{token.dark}</code>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
