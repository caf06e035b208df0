import type { Browser } from 'playwright-core'
import { openStackResetForm } from './demoFlow'
import { launchChromium } from './launchChromium'
import { startDemo, type DemoServer } from './startDemo'

// An app in Arabic or Hebrew sets dir="rtl" on <html> and brings strings of its own; the kit sets
// no direction, so its layout must follow the host's: what starts on the left in English starts
// on the right.

/** The light theme's --rk-color-muted (the "fair" fill) and --rk-color-divider (the empty track). */
const FAIR_FILL = 'rgb(89, 99, 110)'
const TRACK = 'rgb(209, 217, 224)'

let demo: DemoServer
let browser: Browser

beforeAll(async () => {
  ;[demo, browser] = await Promise.all([startDemo(), launchChromium()])
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
})

describe('<ResetPasswordPage> in the host’s text direction', () => {
  it.each(['ltr', 'rtl'])(
    'with <html dir="%s">, the strength meter fills from the start side of the line',
    async (dir) => {
      const context = await browser.newContext({ locale: 'en-US', colorScheme: 'light', reducedMotion: 'reduce' })
      const page = await context.newPage()
      await openStackResetForm(page, demo)
      // As the host's own markup would have it; set once the page is there, as <html> is made by the parser.
      await page.evaluate((direction) => {
        document.documentElement.dir = direction
      }, dir)
      // Ten characters against a minimum of 8: "fair", half of the meter filled.
      await page.getByLabel('New password', { exact: true }).fill('passphrase')
      const meter = page.getByText('Strength: fair')
      await meter.waitFor()
      const box = (await meter.boundingBox())!
      // The meter is the 4px bar drawn above the words; read its pixels, 10px in from each end.
      const bar = await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: 4 } })
      const ends = await page.evaluate(async (png) => {
        const image = new Image()
        image.src = `data:image/png;base64,${png}`
        await image.decode()
        const canvas = document.createElement('canvas')
        canvas.width = image.width
        canvas.height = image.height
        const context = canvas.getContext('2d')!
        context.drawImage(image, 0, 0)
        const colorAt = (x: number) => {
          const [r, g, b] = context.getImageData(x, 2, 1, 1).data
          return `rgb(${r}, ${g}, ${b})`
        }
        return { left: colorAt(10), right: colorAt(image.width - 11) }
      }, bar.toString('base64'))
      const direction = await meter.evaluate((element) => getComputedStyle(element).direction)
      await context.close()
      expect(direction).toBe(dir)
      const start = dir === 'rtl' ? ends.right : ends.left
      const end = dir === 'rtl' ? ends.left : ends.right
      expect({ start, end }).toEqual({ start: FAIR_FILL, end: TRACK })
    },
  )
})
