/// <reference types="vite/client" />
import { readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { composeStories, type composeStory } from '@storybook/react-vite'
import { expectNoAxeViolations } from '../react/expectNoAxeViolations'
import { storybookInNode } from './storybookInNode'

/**
 * Every story of stories/ as a test (portable stories): its loaders, msw handlers, render and play
 * function run in jsdom, then axe-core checks the result, once with the toolbar's theme set to
 * light and once to dark. Colour contrast needs a real browser: `npm run screenshots` checks it.
 */

storybookInNode()

/** How many stories stories/ holds. Adding or removing one means updating this number. */
const EXPECTED_STORIES = 36

/**
 * The looks the stylesheet gives each view: `data-state`, then what sets it apart (a request on
 * its way, a held button, a field error, an alert, a level of the strength meter).
 */
const EVERY_STATE = [
  'form',
  'form, invalid',
  'form, pending',
  'form, alert',
  'form, alert, held',
  'sent, held',
  'sent, free',
  'sent, pending',
  'checking',
  'ready',
  'ready, invalid',
  'ready, pending',
  'ready, alert, held',
  'ready, strength tooShort',
  'ready, strength fair',
  'ready, strength good',
  'ready, strength strong',
  'success',
  'link_invalid',
  'link_expired',
  'link_used',
  'verifier_missing',
  'check_failed',
  'check_failed, held',
]

/** What each kit root in `canvasElement` shows, in the terms of EVERY_STATE. */
function statesShown(canvasElement: HTMLElement): string[] {
  return [...canvasElement.querySelectorAll('[data-part="root"]')].flatMap((root) => {
    const state = root.getAttribute('data-state') ?? ''
    const pending = root.hasAttribute('data-pending')
    const held = !pending && root.querySelector('[aria-disabled="true"]') !== null
    const hasButton = root.querySelector('[data-part="submit"], [data-part="resend"], [data-part="retry"]') !== null
    const alert = (root.querySelector('[data-part="alert"]')?.textContent ?? '') !== ''
    const facets = [
      pending ? 'pending' : held ? 'held' : hasButton ? 'free' : '',
      root.querySelector('[data-invalid]') ? 'invalid' : '',
      alert ? 'alert' : '',
      ...[...root.querySelectorAll('[data-strength]')].map((hint) => `strength ${hint.getAttribute('data-strength')}`),
    ].filter(Boolean)
    return [state, ...facets.map((facet) => `${state}, ${facet}`), ...(alert && held ? [`${state}, alert, held`] : [])]
  })
}
const shown = new Set<string>()

type StoriesModule = Parameters<typeof composeStories>[0]
type ComposedStory = ReturnType<typeof composeStory>
const modules = import.meta.glob<StoriesModule>('../../stories/**/*.stories.tsx', { eager: true })
const stories = Object.entries(modules).flatMap(([path, module]) =>
  Object.entries(composeStories(module) as Record<string, ComposedStory>).map(([name, Story]) => ({
    title: `${path.replace('../../stories/', '')} › ${name}`,
    Story,
  })),
)

afterEach(() => {
  window.history.replaceState(null, '', '/')
  document.body.replaceChildren()
})

describe('stories', () => {
  it('are all found: every story file is imported and composed', () => {
    const files = readdirSync(resolve(import.meta.dirname, '../../stories'), {
      recursive: true,
      encoding: 'utf8',
    }).filter((file) => file.endsWith('.stories.tsx'))
    expect(Object.keys(modules)).toHaveLength(files.length)
    expect(stories).toHaveLength(EXPECTED_STORIES)
  })

  describe.each(['light', 'dark'])('in the %s theme', (theme) => {
    it.each(stories)('$title', async ({ Story }) => {
      const canvasElement = document.body.appendChild(document.createElement('div'))
      await Story.run({ canvasElement, globals: { ...Story.globals, theme } })
      expect(canvasElement.querySelector('.sb-stage')).toHaveAttribute('data-theme', theme)
      for (const state of statesShown(canvasElement)) shown.add(state)
      await expectNoAxeViolations(canvasElement)
    })
  })

  it('show every state a designer styles, each where a story ends (runs after the stories above)', () => {
    expect(EVERY_STATE.filter((state) => !shown.has(state))).toEqual([])
  })
})
