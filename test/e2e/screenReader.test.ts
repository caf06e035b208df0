import type { Browser, BrowserContext, Page } from 'playwright-core'
import { newDemoContext, openStackResetForm, requestLink, resetEmulators } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// What a screen reader is told as one state becomes the next, which axe (it checks each state as
// built) cannot see. A screen reader speaks a change when it lands in a live region or when focus
// moves; text that changes anywhere else goes unsaid. The text entering live regions is recorded
// in order (a MutationObserver, the usual stand-in for announcements), and Chromium's own
// accessibility tree (CDP) says how the region it lands in is exposed.

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo(), launchChromium()])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

beforeEach(async () => {
  await resetEmulators(demo)
})

interface AXNode {
  nodeId: string
  role?: { value: string }
  name?: { value: string }
  properties?: { name: string; value: { value: unknown } }[]
  parentId?: string
}

/** A context whose pages log every text a live region takes on, in order: what gets announced. */
async function listeningContext(): Promise<BrowserContext> {
  const context = await newDemoContext(browser)
  await context.addInitScript(() => {
    const heard: string[] = []
    ;(window as unknown as { heard: string[] }).heard = heard
    const last = new WeakMap<Element, string>()
    new MutationObserver((records) => {
      const regions = new Set<Element>()
      for (const { target, addedNodes } of records) {
        const region = (target instanceof Element ? target : target.parentElement)?.closest(
          '[role="alert"], [role="status"], [aria-live]',
        )
        if (region) regions.add(region)
        // An alert is announced as it appears, too; any other live region only once it exists.
        for (const added of addedNodes) {
          if (added instanceof Element)
            for (const alert of [added, ...added.querySelectorAll('*')])
              if (alert.getAttribute('role') === 'alert') regions.add(alert)
        }
      }
      for (const region of regions) {
        const text = region.textContent ?? ''
        if (text && text !== last.get(region)) heard.push(text)
        last.set(region, text)
      }
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  return context
}

/** What the page's live regions have announced since the last call. */
function heard(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { heard: string[] }).heard.splice(0))
}

async function axTree(page: Page): Promise<AXNode[]> {
  const cdp = await page.context().newCDPSession(page)
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] }
  await cdp.detach()
  return nodes
}

const property = (node: AXNode, name: string) => node.properties?.find((p) => p.name === name)?.value.value

/** The accessible name of the focused element, as Chromium gives it to a screen reader. */
async function focusedName(page: Page): Promise<unknown> {
  // The document itself is "focused" too; the control is the node below it.
  const focused = (await axTree(page)).filter((node) => property(node, 'focused') === true)
  return focused.find((node) => node.role?.value !== 'RootWebArea')?.name?.value
}

/** How Chromium exposes the live region holding `text` to assistive technology: its `live` politeness, or 'none'. */
async function livenessOf(page: Page, text: string): Promise<unknown> {
  const nodes = await axTree(page)
  const byId = new Map(nodes.map((node) => [node.nodeId, node]))
  const textNode = nodes.find((node) => node.role?.value === 'StaticText' && node.name?.value === text)
  if (!textNode) throw new Error(`"${text}" is not in the accessibility tree`)
  for (let node: AXNode | undefined = textNode; node; node = byId.get(node.parentId ?? '')) {
    const live = property(node, 'live')
    if (live !== undefined && live !== 'off') return live
  }
  return 'none'
}

describe('what a screen reader hears, in Chromium', () => {
  it('A2/A5: an invalid email submitted with Enter from its own field is announced, though focus has nowhere to move', async () => {
    const context = await listeningContext()
    const page = await context.newPage()
    await page.goto(`${demo.url}/`)
    const email = page.getByRole('textbox', { name: 'Email address' })
    await email.fill('ada@')
    await heard(page)

    await email.press('Enter')
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    const error = 'Enter an email address in the form name@example.com.'
    expect(await heard(page)).toEqual([error])
    expect(await livenessOf(page, error)).toBe('assertive')

    // Fixed, then wrong again from the button: focus moves to the field, and the error is said once more.
    await email.fill('ada@example')
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
    expect(await heard(page)).toEqual([error])
    await context.close()
  })

  it('A2/A5: a new password too short for the minimum, submitted with Enter from its own field, is announced', async () => {
    const context = await listeningContext()
    const page = await context.newPage()
    await openStackResetForm(page, demo)
    const password = page.getByLabel('New password', { exact: true })
    await page.getByLabel('Confirm new password').fill('short')
    await password.fill('short')
    await heard(page)

    await password.press('Enter')
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true')
    expect(await heard(page)).toEqual(['Use at least 8 characters.'])
    expect(await livenessOf(page, 'Use at least 8 characters.')).toBe('assertive')
    await context.close()
  })

  it('the strength hint is announced politely when its level changes, not on every keystroke', async () => {
    const context = await listeningContext()
    const page = await context.newPage()
    await openStackResetForm(page, demo)
    const password = page.getByLabel('New password', { exact: true })
    // The first keystroke shows the hint; from then on it is a live region that exists.
    await password.press('a')
    await page.getByText('Strength: too short').waitFor()
    await heard(page)

    await password.pressSequentially(' brand new passphrase')
    await page.getByText('Strength: strong').waitFor()
    expect(await heard(page)).toEqual(['Strength: fair', 'Strength: good', 'Strength: strong'])
    expect(await livenessOf(page, 'Strength: strong')).toBe('polite')
    await context.close()
  })

  it('R2: focus on the held resend button hears no countdown; the name stays and the count beside it is not live', async () => {
    const context = await listeningContext()
    const page = await context.newPage()
    await page.clock.install()
    await requestLink(page, demo, 'ada@example.com')
    const countdown = page.getByText(/^You can send the email again in \d+\sseconds\.$/)
    const counted = await countdown.textContent()
    await page.getByRole('button', { name: 'Send the email again' }).focus()
    await heard(page)

    // A screen reader speaks every change to the focused control's name; these are three ticks.
    await page.clock.runFor(3000)
    await expect.poll(() => countdown.textContent()).not.toBe(counted)
    expect(await focusedName(page)).toBe('Send the email again')
    expect(await heard(page)).toEqual([])
    await context.close()
  })
})
