/** One --rk-* property with its light and dark values, as the stylesheet declares them. */
export interface Token {
  name: string
  light: string
  dark: string | undefined
}

/**
 * Reads the --rk-* properties out of reset-kit.css: the light values from the `:root` blocks, the
 * dark ones from the `[data-theme="dark"]` block. The docs list them from the file itself, so the
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
          selector.replace(/['"]/g, '').trim() === ':where([data-theme=dark])'
          ? dark
          : undefined
    if (!target) continue
    for (const [, name = '', value = ''] of body.matchAll(/(--rk-[\w-]+)\s*:\s*([^;]+);/g))
      target.set(name, value.trim())
  }
  return [...light].map(([name, value]) => ({ name, light: value, dark: dark.get(name) }))
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
