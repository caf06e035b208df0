import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { composeStories } from '@storybook/react-vite'
import type { Browser, Page } from 'playwright-core'
import * as stories from '../../stories/Theming.stories'
import { launchChromium } from '../e2e/launchChromium'
import { storybookInNode } from './storybookInNode'

/**
 * The Theme playground, as a designer uses it: its story runs here in jsdom (loaders, msw, play),
 * and what it leaves on screen is then laid out in Debian's Chromium with the kit's stylesheet,
 * since only a real browser resolves the --rk-* properties into colours and sizes.
 */

storybookInNode()

const { Playground } = composeStories(stories)
const STYLESHEET = readFileSync(resolve(import.meta.dirname, '../../src/styles/reset-kit.css'), 'utf8')
type Args = Record<string, string | number>
const defaults = Playground.args as Args

/** A value far from each control's default, so any part that reads it changes visibly. */
function changed(name: string): string | number {
  const value = defaults[name]
  if (typeof value === 'number') return value + 7
  if (name === '--rk-font-family') return 'Georgia, "Times New Roman", serif'
  return value === '#ff00aa' ? '#00aaff' : '#ff00aa'
}

/** Runs the story with `args` and returns the canvas's markup once its play function is done. */
async function playgroundMarkup(args: Args): Promise<{ html: string; css: string }> {
  const canvasElement = document.body.appendChild(document.createElement('div'))
  await Playground.run({ canvasElement, args: { ...defaults, ...args } })
  const html = [...canvasElement.children].map((child) => child.outerHTML).join('')
  const css = canvasElement.querySelector('.sb-css code')?.textContent ?? ''
  document.body.replaceChildren()
  window.history.replaceState(null, '', '/')
  return { html, css }
}

const STYLES = [
  'color',
  'background-color',
  'background-image',
  'border-top-color',
  'border-left-color',
  'border-top-left-radius',
  'border-top-width',
  'padding-top',
  'padding-left',
  'font-size',
  'font-family',
  'line-height',
  'min-height',
  'row-gap',
  'margin-bottom',
  'box-shadow',
] as const

/**
 * The computed styles of every visible element of the kit (and of its `::before`), in document
 * order: what the designer sees.
 */
function visibleStyles(page: Page): Promise<string[]> {
  return page.evaluate((styles) => {
    const elements = [...document.querySelectorAll<HTMLElement>('[data-reset-kit], [data-reset-kit] *')]
    return elements.map((element) => {
      const shown = element.checkVisibility() && element.getBoundingClientRect().width > 1
      if (!shown) return `${element.tagName}: hidden`
      const own = getComputedStyle(element)
      const before = getComputedStyle(element, '::before')
      const describe = (style: CSSStyleDeclaration) => styles.map((name) => style.getPropertyValue(name)).join('|')
      return `${element.tagName}.${element.dataset.part ?? ''}: ${describe(own)} ::before ${before.content === 'none' ? '' : describe(before)}`
    })
  }, STYLES)
}

/** The markup in a page of its own, with the kit's stylesheet and `css` of the host's. */
async function render(page: Page, html: string, css = ''): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="en"><head><style>${STYLESHEET}</style><style>${css}</style></head><body>${html}</body></html>`,
  )
}

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('the Theme playground', () => {
  it('shows a change of every control somewhere on its canvas', async () => {
    const { html } = await playgroundMarkup({})
    const page = await browser.newPage({ colorScheme: 'light', reducedMotion: 'reduce' })
    try {
      await render(page, html)
      const before = await visibleStyles(page)
      const unseen: string[] = []
      for (const name of Object.keys(defaults)) {
        // What the playground does with a control: the property on the wrapper of the components.
        await page.evaluate(
          ([property, value]) =>
            document.querySelector<HTMLElement>('.sb-playground > div')?.style.setProperty(property, value),
          [name, `${changed(name)}${typeof defaults[name] === 'number' ? 'px' : ''}`] as const,
        )
        const after = await visibleStyles(page)
        if (after.every((style, index) => style === before[index])) unseen.push(name)
        await page.evaluate(
          (property) => document.querySelector<HTMLElement>('.sb-playground > div')?.style.removeProperty(property),
          name,
        )
      }
      expect(unseen).toEqual([])
    } finally {
      await page.close()
    }
  })

  it('gives CSS to copy that, pasted on a page with the stylesheet, looks as the playground does', async () => {
    const { html, css } = await playgroundMarkup(Object.fromEntries(Object.keys(defaults).map((n) => [n, changed(n)])))
    expect(css).toContain('--rk-color-primary: #ff00aa;')
    expect(html).toContain('style="--rk-color-primary: #ff00aa;')
    const page = await browser.newPage({ colorScheme: 'light', reducedMotion: 'reduce' })
    try {
      await render(page, html)
      const playground = await visibleStyles(page)
      // The same components with the host's CSS instead of the playground's own properties.
      await render(page, html, css)
      await page.evaluate(() => document.querySelector('.sb-playground > div')?.removeAttribute('style'))
      expect(await visibleStyles(page)).toEqual(playground)
    } finally {
      await page.close()
    }
  })
})
