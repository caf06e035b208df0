import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium } from './launchChromium'

// The Theming guide tells designers to copy a brand of .storybook/brands.css into their app and
// put its data-theme on any ancestor, usually <html>. An app's own CSS often loads before the
// kit's stylesheet, whose :root values then apply to that same <html>: the brand must still win.

const read = (path: string) => readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8')
const KIT = read('src/styles/reset-kit.css')
const BRANDS = read('.storybook/brands.css')
/** Each brand's background, as .storybook/brands.css declares it. */
const BACKGROUNDS = { ember: 'rgb(255, 250, 245)', lagoon: 'rgb(6, 40, 43)' }

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('brand themes', () => {
  describe.each(['light', 'dark'] as const)('with the system in %s', (colorScheme) => {
    it.each(Object.entries(BACKGROUNDS))(
      'give the card the %s background on <html>, with the brand CSS before or after the kit’s',
      async (brand, background) => {
        const page = await browser.newPage({ colorScheme })
        try {
          for (const sheets of [
            [BRANDS, KIT],
            [KIT, BRANDS],
          ]) {
            await page.setContent(
              `<html data-theme="${brand}"><head>${sheets.map((css) => `<style>${css}</style>`).join('')}</head>` +
                '<body><section data-reset-kit aria-labelledby="title"><h1 id="title">Reset your password</h1></section></body></html>',
            )
            const card = await page.getByRole('region', { name: 'Reset your password' }).elementHandle()
            expect(await card?.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(background)
          }
        } finally {
          await page.close()
        }
      },
    )
  })
})
