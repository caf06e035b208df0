import { createRequire } from 'node:module'
import type axeCore from 'axe-core'
import type { Page } from 'playwright-core'

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
/** The WCAG levels CATALOGUE A1 names. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * axe's violations in `page`, as `rule: target` lines: inside the elements `include` selects, or
 * in the whole document, shadow roots included, without it. Loads axe into the page once.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH })
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: typeof axeCore }).axe
      const results = await axe.run(include === undefined ? document : { include: [[include]] }, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
      return results.violations.flatMap((violation) =>
        violation.nodes.map((node) => `${violation.id}: ${JSON.stringify(node.target)}`),
      )
    },
    { tags: TAGS, include },
  )
}
