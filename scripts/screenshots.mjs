// Renders every Storybook story in Debian's Chromium, in the light and dark themes, to
// screenshots/<story-id>--<theme>.png, and runs axe-core on each in the real browser (where colour
// contrast is measured, unlike jsdom). For looking at, not a pixel-diff gate; it exits non-zero
// only when a story fails to render, its play function fails, or axe reports a violation.
//
//   npm run screenshots                    uses storybook-static/, building it first if missing
//   npm run screenshots -- --build         rebuilds storybook-static/ first
//   npm run screenshots -- --filter reset  only stories whose id contains "reset"
//   npm run screenshots -- --themes light,dark,ember,lagoon
//   npm run screenshots -- --locale en-XA   pictures named <story-id>--<theme>--<locale>.png
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { assertChromium, chromiumLaunchOptions } from './chromium.mjs'

const root = resolve(import.meta.dirname, '..')
const staticDir = join(root, 'storybook-static')
const outDir = join(root, 'screenshots')
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

const { values: options } = parseArgs({
  options: {
    build: { type: 'boolean', default: false },
    filter: { type: 'string', default: '' },
    themes: { type: 'string', default: 'light,dark' },
    locale: { type: 'string', default: 'en' },
  },
})
const themes = options.themes
  .split(',')
  .map((theme) => theme.trim())
  .filter(Boolean)

if (options.build || !existsSync(join(staticDir, 'index.json'))) {
  console.log('Building Storybook into storybook-static/ …')
  const result = spawnSync('npx', ['storybook', 'build', '--output-dir', staticDir, '--quiet'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'))
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && entry.id.includes(options.filter),
)
if (stories.length === 0) {
  console.error(`No stories match "${options.filter}".`)
  process.exit(1)
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

// A static server for the build: files as they are, nothing outside the folder.
const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://static.invalid')
  const file = resolve(join(staticDir, decodeURIComponent(pathname === '/' ? '/index.html' : pathname)))
  const isFile =
    file.startsWith(staticDir + sep) &&
    (await stat(file).then(
      (entry) => entry.isFile(),
      () => false,
    ))
  if (!isFile) {
    response.statusCode = 404
    response.end()
    return
  }
  response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
  response.setHeader('Cache-Control', 'no-store')
  response.end(await readFile(file))
})
await new Promise((done) => server.listen(0, '127.0.0.1', done))
const origin = `http://127.0.0.1:${server.address().port}`

try {
  assertChromium()
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
const browser = await chromium.launch(chromiumLaunchOptions())
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

// The default run starts from an empty folder; any other only replaces its own pictures.
if (options.filter === '' && options.locale === 'en' && options.themes === 'light,dark')
  await rm(outDir, { recursive: true, force: true })
await mkdir(outDir, { recursive: true })

// Storybook announces the end of a story (loaders, render, play, a11y checks) on its channel;
// catch the channel as the preview creates it, before the story can finish.
function watchStoryFinished() {
  let channel
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value
      value.on('storyFinished', (event) => {
        globalThis.__storyFinished = { status: event.status }
      })
    },
  })
}

const problems = []

/** Renders one story in one theme: waits for Storybook to finish it, runs axe, takes the picture. */
async function capture(story, theme) {
  // A fresh context per story: its own storage and service worker registration.
  const context = await browser.newContext({ viewport: { width: 900, height: 760 }, reducedMotion: 'reduce' })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.addInitScript(watchStoryFinished)
  const globals = `theme:${theme};locale:${options.locale}`
  const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=${globals}`
  const name = `${story.id}--${theme}${options.locale === 'en' ? '' : `--${options.locale}`}`
  let ok = false
  try {
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction(() => globalThis.__storyFinished, null, { timeout: 30_000 })
    const { status } = await page.evaluate(() => globalThis.__storyFinished)
    if (status !== 'success') problems.push(`${name}: Storybook reports "${status}" (play function or render failed)`)
    await page.addScriptTag({ content: axeSource })
    const violations = await page.evaluate(async (tags) => {
      const results = await globalThis.axe.run('#storybook-root', { runOnly: { type: 'tag', values: tags } })
      return results.violations.map((violation) => ({
        id: violation.id,
        nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary}`),
      }))
    }, WCAG_TAGS)
    for (const violation of violations)
      problems.push(`${name}: axe ${violation.id}\n    ${violation.nodes.join('\n    ')}`)
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true, animations: 'disabled' })
    ok = violations.length === 0 && status === 'success'
  } catch (error) {
    problems.push(`${name}: ${error.message.split('\n')[0]}`)
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true }).catch(() => undefined)
  }
  for (const message of errors) problems.push(`${name}: page error: ${message}`)
  console.log(`${ok && errors.length === 0 ? '✓' : '✗'} ${name}`)
  await context.close()
}

// A few pages at a time: most of each story's time is waiting (worker start-up, the
// confirmation's one-second floor).
const jobs = stories.flatMap((story) => themes.map((theme) => [story, theme]))
await Promise.all(
  Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await capture(...job)
  }),
)

await browser.close()
server.close()
console.log(`\n${stories.length} stories × ${themes.length} themes → ${outDir}`)
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((problem) => `- ${problem}`).join('\n')}`)
  process.exit(1)
}
