import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The Theming guide's tables of parts and state attributes are written by hand; a designer styles
 * from them. Every part the components render and every `@selector` their JSDoc names must be there.
 */
const read = (path: string) => readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8')
// The tables sit in template literals inside <Markdown>, so their backticks are escaped.
const guide = read('stories/Theming.mdx').replace(/\\`/g, '`')
// In the markup table's column order.
const COMPONENTS = ['ForgotPasswordForm', 'ResetPasswordPage']

/** The rows of the guide's Markdown tables, as cells. */
const rows = guide
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split('|').slice(1, -1))
const codes = (text = '') => [...text.matchAll(/`([^`]+)`/g)].map(([, code]) => code ?? '')

/** The parts of a component's `<Name>Part` union. */
function parts(source: string, name: string): string[] {
  const union = new RegExp(`export type ${name}Part =([^/]*?)\\n\\n`).exec(source)?.[1] ?? ''
  return [...union.matchAll(/'(\w+)'/g)].map(([, part]) => part ?? '')
}

/** Each `@selector` of a component's parts as the attribute and the parts it is on. */
function selectors(source: string): { attribute: string; parts: string[] }[] {
  return [...source.matchAll(/@selector \[([\w-]+)[^\]]*\](.*)/g)].map(([, attribute = '', rest = '']) => ({
    attribute,
    parts: [...rest.matchAll(/\bon ((?:`\w+`(?:,? and |, )?)+)/g)].flatMap(([, list]) => codes(list)),
  }))
}

describe('the Theming guide', () => {
  it.each(COMPONENTS)('names every part of <%s> in its column of the markup table', (name) => {
    const column = COMPONENTS.indexOf(name) + 1
    const documented = rows.flatMap((cells) => (cells[column]?.trim() ? codes(cells[0]) : []))
    expect(parts(read(`src/react/${name}.tsx`), name).filter((part) => !documented.includes(part))).toEqual([])
  })

  it.each(COMPONENTS)('lists every state attribute of <%s> on the parts its JSDoc puts it on', (name) => {
    const missing = selectors(read(`src/react/${name}.tsx`)).flatMap(({ attribute, parts }) =>
      parts
        .filter((part) => !rows.some((cells) => cells.join('|').includes(attribute) && codes(cells[1]).includes(part)))
        .map((part) => `${attribute} on ${part}`),
    )
    expect(missing).toEqual([])
  })
})
