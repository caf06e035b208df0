// `npm run check:consumers`: the packed package, installed and used the way apps use it.
//
// Builds and packs reset-kit once (reset-kit-<version>.tgz in the repository root, where each
// fixture's `file:../../../reset-kit-<version>.tgz` points), then for every app in test/consumers:
//   1. npm install --no-audit --no-fund in the fixture (its own node_modules; all fixtures at once);
//   2. npm run build (type check against the packed declarations, then the app's bundler);
//   3. serves it on 127.0.0.1 from a node:http server that also mounts the demo's backend
//      emulators at /__emulator (same origin), behind which `next start` runs for the Next app;
//   4. in Chromium's headless shell where installed, else Chromium (playwright-core,
//      scripts/chromium.mjs): renders <ForgotPasswordForm>, asks for a
//      link, opens the emailed link in a new tab, renders <ResetPasswordPage>, sets a password and
//      signs in with it, with no page error and no console error.
// A fixture of kind `tests` is a host's own test suite instead: steps 2 to 4 become running it in
// each of its test runners, with the config the README gives, which must match the fixture's files.
// Prints one line per fixture with what it proved; exits non-zero when anything fails.
//
//   node scripts/check-consumers.mjs [--only <fixture>] [--keep]
//     --only  run one fixture (repeatable); --keep  leave the tarball in the repository root
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, request as httpRequest } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { extname, join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { assertChromium, chromiumLaunchOptions } from './chromium.mjs'
import { build, pack, pkg, root } from './packTarball.mjs'
import { readmeExampleFiles } from './readmeExamples.mjs'

const requireFromRoot = createRequire(join(root, 'package.json'))
const { chromium } = requireFromRoot('playwright-core')
const esbuild = requireFromRoot('esbuild')
const run = promisify(execFile)

const CONSUMERS = join(root, 'test/consumers')
const EMAIL = 'ada@example.com'
const NEW_PASSWORD = 'a consumer-tested passphrase'
const PUBLIC_TOKEN = 'public-token-test-00000000-0000-0000-0000-000000000000'
const STEP_TIMEOUT_MS = 20_000
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_UPDATE_NOTIFIER: '1', CI: process.env.CI ?? '1' }

/** What each fixture is, and what only it checks. */
const FIXTURES = {
  'vite-react19': {
    kind: 'static',
    summary: 'Vite SPA, no provider',
    builds: 'tsc (bundler + nodenext, skipLibCheck off; reset-kit/core on a server, no DOM lib) + vite build',
  },
  react18: {
    kind: 'static',
    summary: 'host QueryClientProvider + host i18next via ResetKitProvider (oldest claimed versions, one copy each)',
    builds: 'tsc (bundler, skipLibCheck off) + vite build',
    async verify(page) {
      const host = await page.evaluate(() => ({
        mutations: window.host.queryClient.getMutationCache().getAll().length,
        bundle: window.host.i18n.hasResourceBundle('en', 'reset-kit'),
        language: window.host.i18n.language,
        greeting: window.host.i18n.t('greeting', { ns: 'host' }),
      }))
      if (host.mutations < 1)
        throw new Error("the kit did not use the host's QueryClient (its mutation cache is empty)")
      if (!host.bundle) throw new Error("the kit did not add its namespace to the host's i18next instance")
      if (host.language !== 'en' || host.greeting !== 'Hello from the host') {
        throw new Error(`the host's i18next changed: ${JSON.stringify(host)}`)
      }
      return "used the host's QueryClient and i18next (language and strings untouched)"
    },
  },
  jest: {
    kind: 'tests',
    summary: "the host's own tests of its pages, in Jest 30 (babel-jest, jsdom) and Vitest 4 (jsdom)",
    builds: "Jest with the README's config (jest.config.cjs and jest.setup.cjs, compared with it) and Vitest with none",
  },
  'next-app': {
    kind: 'next',
    summary: 'Next.js App Router, "use client" pages, cacheComponents',
    builds: 'next build (types + static prerender)',
    // Next keeps visited routes in React's <Activity>: leaving a page mid-request and coming Back
    // shows the same, hidden-then-shown component, whose request must have finished all the same.
    async verify(tab) {
      const origin = new URL(tab.url()).origin
      const sentTo = async () =>
        (await (await fetch(`${origin}/__emulator/outbox`)).json()).filter((email) => email.to === EMAIL)
      // Lets each request reach the emulator, and holds its answer until the user has left.
      const slow = (page, path) =>
        page.route(`**${path}`, async (route) => {
          const answer = await route.fetch()
          await new Promise((resolve) => setTimeout(resolve, 1500))
          await route.fulfill({ response: answer })
        })
      const leaveAndComeBack = async (page) => {
        await page.getByRole('navigation', { name: 'App' }).getByRole('link', { name: 'Home' }).click()
        await page.getByRole('heading', { name: 'Home' }).waitFor()
        await new Promise((resolve) => setTimeout(resolve, 2000))
        await page.goBack()
      }

      const forgot = await tab.context().newPage()
      await forgot.goto(`${origin}/forgot-password`)
      const before = (await sentTo()).length
      await forgot.getByRole('textbox', { name: 'Email address' }).fill(EMAIL)
      await slow(forgot, '/sdk/v1/passwords/email/reset/start')
      await forgot.getByRole('button', { name: 'Send reset link' }).click()
      await leaveAndComeBack(forgot)
      await forgot.getByRole('heading', { name: 'Check your email' }).waitFor()
      const emails = await sentTo()
      if (emails.length !== before + 1) throw new Error(`${emails.length - before} emails sent, not 1`)

      const reset = await tab.context().newPage()
      // The outbox lists the newest first.
      await reset.goto(emails[0].link)
      await reset.getByRole('heading', { name: 'Choose a new password' }).waitFor()
      await reset.getByLabel('New password', { exact: true }).fill(`${NEW_PASSWORD} again`)
      await reset.getByLabel('Confirm new password').fill(`${NEW_PASSWORD} again`)
      await slow(reset, '/sdk/v1/passwords/email/reset')
      await reset.getByRole('button', { name: 'Change password' }).click()
      await leaveAndComeBack(reset)
      await reset.getByRole('heading', { name: 'Your password has been changed' }).waitFor()
      return 'left both pages mid-request for another route and came Back: the confirmation and the success screen showed (one email sent)'
    },
  },
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`
const log = (line) => process.stderr.write(`${line}\n`)

function parseArgs() {
  const only = []
  const args = process.argv.slice(2)
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--only') only.push(args[++i])
    else if (args[i] !== '--keep') throw new Error(`unknown argument ${args[i]}`)
  }
  for (const name of only) if (!FIXTURES[name]) throw new Error(`no fixture named ${name}`)
  return { only: only.length > 0 ? only : Object.keys(FIXTURES), keep: args.includes('--keep') }
}

async function timed(fn) {
  const start = performance.now()
  const value = await fn()
  return [value, performance.now() - start]
}

/** Runs a command in a fixture; on failure, throws with the end of its output. */
async function sh(cwd, command, args, timeout) {
  try {
    return await run(command, args, { cwd, env, timeout, maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`
      .split('\n')
      .filter((line) => !/Unknown (user|env) config/.test(line))
      .slice(-40)
      .join('\n')
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}${error.killed ? ' (timed out)' : ''}:\n${output}`)
  }
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex')
const installedVersion = (dir, name) => {
  const file = join(dir, 'node_modules', name, 'package.json')
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined
}

/** Installs the tarball (fresh: the old copy is removed first) and the fixture's pinned packages. */
async function install(name, tarball) {
  const dir = join(CONSUMERS, name)
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
  const expected = `file:../../../${tarball.filename}`
  if (manifest.dependencies['reset-kit'] !== expected) {
    throw new Error(
      `${name}/package.json must depend on "reset-kit": "${expected}" (found ${manifest.dependencies['reset-kit']})`,
    )
  }
  rmSync(join(dir, 'node_modules/reset-kit'), { recursive: true, force: true })
  await sh(dir, 'npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], 300_000)
  if (sha256(join(dir, 'node_modules/reset-kit/dist/index.js')) !== sha256(join(root, 'dist/index.js'))) {
    throw new Error(`${name}: the installed reset-kit is not the one just packed`)
  }
  // A second copy of a package the host shares with the kit would split its React context.
  const nested = ['@tanstack/react-query', 'i18next', 'react', 'react-dom'].filter((dep) =>
    existsSync(join(dir, 'node_modules/reset-kit/node_modules', dep)),
  )
  if (nested.length > 0) throw new Error(`${name}: reset-kit got its own copy of ${nested.join(', ')}`)
  const versions = ['react', '@tanstack/react-query', 'i18next', 'react-i18next', 'next']
    .map((dep) => [dep, installedVersion(dir, dep)])
    .filter(([, version]) => version)
  return versions.map(([dep, version]) => `${dep} ${version}`).join(', ')
}

/** The demo's emulators (TypeScript), bundled for Node once: no handler of theirs needs Vite. */
async function loadEmulators(tempDir) {
  const outfile = join(tempDir, 'emulator.mjs')
  await esbuild.build({
    stdin: {
      contents: [
        "export { createEmulatorSuite } from './demo/emulator/index.ts'",
        "export { createEmulatorMiddleware } from './demo/emulator/createEmulatorMiddleware.ts'",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'error',
  })
  return import(pathToFileURL(outfile).href)
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

/** A built SPA: files as they are, any other GET as index.html (like `vite preview`). */
function staticHandler(folder) {
  const base = resolve(folder)
  return async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://static.invalid')
    let file = resolve(join(base, decodeURIComponent(pathname)))
    if (file !== base && !file.startsWith(base + sep)) file = join(base, 'index.html')
    if (
      !(await stat(file).then(
        (entry) => entry.isFile(),
        () => false,
      ))
    )
      file = join(base, 'index.html')
    response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
    response.end(await readFile(file))
  }
}

/** Forwards a request to the app server on `port` (the Next.js server), streaming both ways. */
function proxyHandler(port) {
  return (request, response) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      },
    )
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502)
      response.end()
    })
    request.pipe(upstream)
  }
}

/** One origin: /__emulator/* to a fresh emulator suite, everything else to `app`. */
async function serve(emulators, app) {
  const middleware = emulators.createEmulatorMiddleware(emulators.createEmulatorSuite())
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]
    if (path === '/__emulator' || path.startsWith('/__emulator/')) middleware(request, response)
    else Promise.resolve(app(request, response)).catch(() => response.writeHead(500).end())
  })
  await new Promise((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

async function freePort() {
  const probe = createServer()
  await new Promise((done) => probe.listen(0, '127.0.0.1', done))
  const { port } = probe.address()
  await new Promise((done) => probe.close(done))
  return port
}

/** `next start` on a loopback port, as its own process group so every child of it stops too. */
async function startNext(dir) {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [join(dir, 'node_modules/next/dist/bin/next'), 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      cwd: dir,
      env: { ...env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  )
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise((done) => child.once('exit', done))
  const signal = (name) => {
    try {
      process.kill(-child.pid, name)
    } catch {
      // The group is already gone.
    }
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    signal('SIGTERM')
    const timer = setTimeout(() => signal('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`)
    const ready = await fetch(`http://127.0.0.1:${port}/forgot-password`).then(
      (r) => r.ok,
      () => false,
    )
    if (ready) return { port, stop }
    await new Promise((done) => setTimeout(done, 250))
  }
  await stop()
  throw new Error(`next start did not answer within 60 s:\n${output}`)
}

/** What the build produced that this script can check without a browser. */
function inspectBuild(name, dir) {
  const notes = []
  if (FIXTURES[name].kind === 'static') {
    const assets = readdirSync(join(dir, 'dist/assets'))
    const locales = ['es', 'fr', 'pt-BR'].filter((locale) =>
      assets.some((file) => file.startsWith(`${locale}-`) && file.endsWith('.js')),
    )
    if (locales.length !== 3)
      throw new Error(`${name}: expected es, fr and pt-BR in their own chunks, found ${assets.join(', ')}`)
    notes.push('locales es/fr/pt-BR split into lazy chunks')
  } else {
    const html = (page) => readFileSync(join(dir, '.next/server/app', `${page}.html`), 'utf8')
    const forgot = html('forgot-password')
    const reset = html('reset-password')
    if (!forgot.includes('Reset your password') || !forgot.includes('data-state="form"')) {
      throw new Error('next build did not prerender <ForgotPasswordForm> ("Reset your password")')
    }
    if (!reset.includes('Checking your link…') || !reset.includes('data-state="checking"')) {
      throw new Error('next build did not prerender <ResetPasswordPage> ("Checking your link…")')
    }
    notes.push('prerendered both pages on the server ("Reset your password", "Checking your link…")')
  }
  return notes
}

/** The whole flow, the way a person does it, in a fresh browser profile. */
async function browserFlow(browser, name, url) {
  const context = await browser.newContext()
  context.setDefaultTimeout(STEP_TIMEOUT_MS)
  const problems = []
  const watch = (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() !== 'error') return
      if (/favicon\.ico/.test(message.location().url ?? '')) return
      problems.push(`console error: ${message.text()}`)
    })
  }
  try {
    const page = await context.newPage()
    watch(page)
    await page.goto(`${url}/forgot-password`)
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    const radius = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--rk-radius').trim(),
    )
    if (!radius) throw new Error('reset-kit/styles.css is not applied (no --rk-radius on :root)')
    await page.getByRole('textbox', { name: 'Email address' }).fill(EMAIL)
    await page.getByRole('button', { name: 'Send reset link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()

    const outbox = await (await fetch(`${url}/__emulator/outbox`)).json()
    const email = outbox.find((candidate) => candidate.to === EMAIL)
    if (!email) throw new Error('the emulator sent no email')
    const link = new URL(email.link)
    if (link.origin !== url || link.pathname !== '/reset-password')
      throw new Error(`unexpected link ${link.origin}${link.pathname}`)

    // A new tab, as a mail client opens one: empty sessionStorage, the verifier from localStorage.
    const tab = await context.newPage()
    watch(tab)
    await tab.goto(link.href)
    await tab.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    if (new URL(tab.url()).searchParams.has('token')) throw new Error('the token stayed in the address bar')
    await tab.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await tab.getByLabel('Confirm new password').fill(NEW_PASSWORD)
    await tab.getByRole('button', { name: 'Change password' }).click()
    await tab.getByRole('heading', { name: 'Your password has been changed' }).waitFor()

    const signIn = await fetch(`${url}/__emulator/stytch/sdk/v1/passwords/authenticate`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Basic ${btoa(`${PUBLIC_TOKEN}:${PUBLIC_TOKEN}`)}`,
      },
      body: JSON.stringify({ email: EMAIL, password: NEW_PASSWORD }),
    })
    if (signIn.status !== 200) throw new Error(`signing in with the new password answered ${signIn.status}`)

    const extra = FIXTURES[name].verify ? [await FIXTURES[name].verify(tab)] : []
    if (problems.length > 0) throw new Error(problems.join('\n'))
    return [
      'rendered both components with the stylesheet',
      'reset the password against the Stytch emulator in Chromium',
      ...extra,
    ]
  } catch (error) {
    if (problems.length > 0) error.message += `\n${problems.join('\n')}`
    throw error
  } finally {
    await context.close()
  }
}

/**
 * The README's `transformIgnorePatterns` against the paths npm and pnpm install packages at (CI
 * installs with npm only): Jest skips compiling a file that any pattern matches, so the kit's
 * files must match none and another package's must match one.
 */
function checkIgnorePatterns(configFile) {
  const patterns = createRequire(configFile)(configFile).transformIgnorePatterns.map((source) => new RegExp(source))
  const kit = [
    '/app/node_modules/reset-kit/dist/index.js',
    '/app/node_modules/.pnpm/reset-kit@0.1.0/node_modules/reset-kit/dist/index.js',
    '/app/node_modules/.pnpm/reset-kit@file+reset-kit-0.1.0.tgz/node_modules/reset-kit/dist/stytch.js',
  ]
  const others = [
    '/app/node_modules/i18next/dist/cjs/i18next.js',
    '/app/node_modules/.pnpm/i18next@27.1.2/node_modules/i18next/dist/cjs/i18next.js',
    '/app/node_modules/reset-kit-other/index.js',
  ]
  const ignored = (path) => patterns.some((pattern) => pattern.test(path))
  const wrong = [...kit.filter(ignored), ...others.filter((path) => !ignored(path))]
  if (wrong.length > 0) throw new Error(`transformIgnorePatterns gets these wrong: ${wrong.join(', ')}`)
}

/** Each test runner of a `tests` fixture, with its count of passed tests; throws on any failure. */
async function runHostTests(dir, tempDir) {
  const given = readmeExampleFiles(readFileSync(join(root, 'README.md'), 'utf8'), ['js'])
  for (const file of ['jest.config.cjs', 'jest.setup.cjs']) {
    // Its text without its path comment, as the file holds it.
    const text = given
      .find((example) => example.path === file)
      ?.text.replace(/^.*\n/, '')
      .trim()
    if (`${text}\n` !== readFileSync(join(dir, file), 'utf8')) {
      throw new Error(`${file} in the fixture is not the README's (a \`// ${file}\` block of a \`\`\`js fence)`)
    }
  }
  checkIgnorePatterns(join(dir, 'jest.config.cjs'))
  const report = join(tempDir, 'report.json')
  const runners = [
    ['Jest', ['node_modules/jest/bin/jest.js', '--ci', '--json', `--outputFile=${report}`]],
    ['Vitest', ['node_modules/vitest/vitest.mjs', 'run', '--reporter=json', `--outputFile=${report}`]],
  ]
  const notes = []
  for (const [runner, args] of runners) {
    rmSync(report, { force: true })
    await sh(dir, process.execPath, args, 300_000)
    const { numPassedTests, numTotalTests } = JSON.parse(readFileSync(report, 'utf8'))
    // A file the runner skipped, or a test it did not find, would prove nothing.
    if (numTotalTests < 2 || numPassedTests !== numTotalTests)
      throw new Error(`${runner} passed ${numPassedTests} of ${numTotalTests} tests`)
    notes.push(`${runner}: ${numPassedTests} passed`)
  }
  return notes
}

async function checkFixture(name, installing, emulators, browser, tempDir) {
  const dir = join(CONSUMERS, name)
  const fixture = FIXTURES[name]
  const cleanups = []
  const times = {}
  try {
    const [versions, installMs] = await installing
    times.install = installMs
    if (fixture.kind === 'tests') {
      const [notes, testMs] = await timed(() => runHostTests(dir, tempDir))
      return {
        ok: true,
        line: `✔ ${name} [install ${seconds(installMs)}, tests ${seconds(testMs)}] ${fixture.summary}; ${versions}: ${[fixture.builds, ...notes].join('; ')}`,
      }
    }
    ;[, times.build] = await timed(() => {
      rmSync(join(dir, fixture.kind === 'next' ? '.next' : 'dist'), { recursive: true, force: true })
      return sh(dir, 'npm', ['run', '--silent', 'build'], 300_000)
    })
    const buildNotes = inspectBuild(name, dir)
    let app
    if (fixture.kind === 'next') {
      const next = await startNext(dir)
      cleanups.push(next.stop)
      app = proxyHandler(next.port)
    } else {
      app = staticHandler(join(dir, 'dist'))
    }
    const server = await serve(emulators, app)
    cleanups.push(server.close)
    const [flowNotes, browserMs] = await timed(() => browserFlow(browser, name, server.url))
    times.browser = browserMs
    const timing = Object.entries(times)
      .map(([step, ms]) => `${step} ${seconds(ms)}`)
      .join(', ')
    return {
      ok: true,
      line: `✔ ${name} [${timing}] ${fixture.summary}; ${versions}: ${[fixture.builds, ...buildNotes, ...flowNotes].join('; ')}`,
    }
  } catch (error) {
    return { ok: false, line: `✖ ${name}: ${error.message}` }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
}

async function main() {
  const { only, keep } = parseArgs()
  assertChromium()
  const started = performance.now()
  const tempDir = mkdtempSync(join(tmpdir(), 'reset-kit-consumers-'))
  let browser
  let tarball
  const results = []
  try {
    const [, packMs] = await timed(async () => {
      build()
      tarball = pack()
    })
    log(`packed ${tarball.filename} (${tarball.entryCount} files, ${kb(tarball.size)}) in ${seconds(packMs)}`)
    // Installs are mostly network: run them together, then build and browse one fixture at a time.
    const installs = Object.fromEntries(only.map((name) => [name, timed(() => install(name, tarball))]))
    for (const promise of Object.values(installs)) promise.catch(() => {})
    // A host's own test suite needs neither: `--only jest` starts no browser.
    const browsing = only.some((name) => FIXTURES[name].kind !== 'tests')
    const [emulators, launched] = await Promise.all([
      browsing && loadEmulators(tempDir),
      browsing && chromium.launch(chromiumLaunchOptions({ shell: true })),
    ])
    browser = launched || undefined
    // One at a time, each as soon as its install is done: the Jest fixture's takes the longest
    // (about 60 s, where the others take 17 to 29 s), and the others' builds fit in that time.
    const waiting = new Map(only.map((name) => [name, installs[name].catch(() => {}).then(() => name)]))
    while (waiting.size > 0) {
      const name = await Promise.race(waiting.values())
      waiting.delete(name)
      const result = await checkFixture(name, installs[name], emulators, browser, tempDir)
      results.push(result)
      console.log(result.line)
    }
  } finally {
    await browser?.close()
    rmSync(tempDir, { recursive: true, force: true })
    if (tarball && !keep) rmSync(tarball.path, { force: true })
  }
  const failed = results.filter((result) => !result.ok).length
  console.log(
    `${failed === 0 ? '✔' : '✖'} check:consumers: ${results.length - failed}/${results.length} fixtures passed with ${pkg.name}@${pkg.version} in ${seconds(performance.now() - started)}`,
  )
  process.exitCode = failed === 0 ? 0 : 1
}

main().catch((error) => {
  console.error(`✖ check:consumers: ${error instanceof Error ? error.message : error}`)
  process.exitCode = 1
})
