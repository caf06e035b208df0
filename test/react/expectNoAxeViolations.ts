import axe from 'axe-core'

/** The WCAG rule sets of catalogue A1. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

/**
 * Runs axe-core on what `container` holds and fails with each violation's id, help text and
 * offending nodes (A1). jsdom does no layout, so axe reports colour contrast as "incomplete",
 * never as a violation: contrast is checked in the real browser by the e2e suite.
 */
export async function expectNoAxeViolations(container: Element): Promise<void> {
  const results = await axe.run(container, { runOnly: { type: 'tag', values: WCAG_TAGS } })
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.html} — ${node.failureSummary ?? ''}`),
  }))
  expect(violations).toEqual([])
}
