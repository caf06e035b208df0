// `npm run bench`: what a browser downloads for reset-kit's pages and, in the same run and the same
// esbuild setup (scripts/bench-setup.mjs), for the vendors' own reset UIs. Prints one table.
// `npm run bench -- --runtime` adds the runtime benchmark (bench/runtime.mjs).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const benchDir = import.meta.dirname
const root = resolve(benchDir, '..')

if (!existsSync(join(benchDir, 'node_modules'))) {
  console.log('bench/node_modules is missing: npm ci --prefix bench')
  const installed = spawnSync('npm', ['ci', '--prefix', benchDir, '--no-audit', '--no-fund'], { stdio: 'inherit' })
  if (installed.status !== 0) process.exit(installed.status ?? 1)
}

const {
  KIT_DEPENDENCIES,
  REACT,
  buildAndWeigh,
  compressed,
  ensureBuilt,
  esbuildVersion,
  kb,
  localeTags,
  virtualEntries,
  weighLocaleChunk,
} = await import(pathToFileURL(join(root, 'scripts/bench-setup.mjs')).href)

const benchRequire = createRequire(join(benchDir, 'package.json'))
const version = (name) => JSON.parse(readFileSync(join(benchDir, 'node_modules', name, 'package.json'), 'utf8')).version
const page = (file) => join(benchDir, 'pages', file)

/** Files under `dir` a Tailwind `@source` would scan (source and built JS, HTML). */
function sourceFiles(dir) {
  if (!statSync(dir).isDirectory()) return [dir]
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, file))
    .filter(
      (file) => /\.(m?js|cjs|jsx|tsx?|html)$/.test(file) && !/\.d\.[cm]?ts$/.test(file) && statSync(file).isFile(),
    )
}

/**
 * better-auth-ui's styles: Tailwind v4 compiles bench/pages/better-auth-ui.css; the class
 * candidates come from the files its `@source` rules name (the package's dist, the page), split
 * the way Tailwind's scanner splits them, and Tailwind drops the tokens that are no class.
 */
async function betterAuthUiCss() {
  const { compile } = await import(
    pathToFileURL(benchRequire.resolve('tailwindcss/package.json').replace(/package\.json$/, 'dist/lib.mjs')).href
  )
  const cssPath = page('better-auth-ui.css')
  const loadStylesheet = async (id, base) => {
    const path = id.startsWith('.')
      ? resolve(base, id)
      : id === 'tailwindcss'
        ? benchRequire.resolve('tailwindcss/index.css')
        : createRequire(join(base, 'x.js')).resolve(id)
    return { path, base: dirname(path), content: readFileSync(path, 'utf8') }
  }
  const compiler = await compile(readFileSync(cssPath, 'utf8'), { base: dirname(cssPath), loadStylesheet })
  const candidates = new Set()
  for (const source of compiler.sources.filter((s) => !s.negated)) {
    const target = resolve(source.base, source.pattern.replace(/\/?\*\*.*$/, ''))
    for (const file of sourceFiles(target)) {
      // Whole tokens between quotes and spaces (`has-[>svg]:px-3`, `w-(--var)`), and their
      // pieces between code punctuation (`className:"…"` glued to JS).
      for (const token of readFileSync(file, 'utf8').match(/[^\s"'`\\]+/g) ?? []) {
        if (token.length > 120) continue
        candidates.add(token)
        for (const piece of token.split(/[{}();,<>=]+/)) if (piece) candidates.add(piece)
      }
    }
  }
  return compiler.build([...candidates])
}

/** Resolves `virtual:better-auth-ui-tailwind.css` to the compiled Tailwind output. */
function tailwindCssPlugin(css) {
  return {
    name: 'better-auth-ui-tailwind',
    setup(build) {
      build.onResolve({ filter: /^virtual:better-auth-ui-tailwind\.css$/ }, () => ({
        path: 'better-auth-ui-tailwind.css',
        namespace: 'tw',
      }))
      build.onLoad({ filter: /.*/, namespace: 'tw' }, () => ({ contents: css, loader: 'css', resolveDir: benchDir }))
    },
  }
}

/**
 * Named imports the kit's own code takes from its dependencies, read from the import statements
 * of the build with those dependencies external, as an entry re-exporting exactly them.
 */
function dependencyEntry(jsText) {
  const lines = []
  let n = 0
  for (const match of jsText.matchAll(
    /import\s*([\w$]+)?\s*,?\s*(?:\{([^}]*)\}|\*\s*as\s*[\w$]+)?\s*from\s*"([^"]+)"/g,
  )) {
    const [whole, defaultName, named, source] = match
    if (REACT.some((r) => source === r || source.startsWith(`${r}/`))) continue
    if (!KIT_DEPENDENCIES.some((d) => source === d || source.startsWith(`${d}/`))) continue
    if (defaultName) lines.push(`export { default as d${n++} } from ${JSON.stringify(source)}`)
    if (/\*\s*as/.test(whole)) lines.push(`export * as ns${n++} from ${JSON.stringify(source)}`)
    if (named) {
      const names = named
        .split(',')
        .map((s) => s.trim().split(/\s+as\s+/)[0])
        .filter(Boolean)
      lines.push(`export { ${names.map((name) => `${name} as e${n++}`).join(', ')} } from ${JSON.stringify(source)}`)
    }
  }
  return lines.join('\n')
}

console.log(`reset-kit bench — esbuild ${esbuildVersion}: bundle, minify, format esm, platform browser, target es2022,`)
console.log('NODE_ENV=production, jsx automatic, splitting on, CSS bundled + minified where a page imports it.')
console.log('Sizes: every file a page loads up front (entry chunk + chunks it imports statically + its CSS), each')
console.log('compressed on its own (gzip -9, brotli q11) and summed. Method for "minus react + react-dom": react,')
console.log('react-dom and scheduler are marked EXTERNAL in every row except the React baseline.')
console.log('Locale rows are the lazy JS chunk esbuild emits for import() of the JSON (JSON file size beside it).')
console.log('')

const rows = []
const row = (label, weighed, note = '') => {
  const entry = { label, ...weighed, note }
  rows.push(entry)
  return entry
}

// The kit's pages import `reset-kit` as an app does, resolved to the package as published (dist/).
ensureBuilt()
const reactOnly = row('React + React DOM alone (bundled, baseline)', await buildAndWeigh(page('react-only.jsx')))

row(
  'reset-kit <ForgotPasswordForm> + Stytch adapter + CSS',
  await buildAndWeigh(page('kit-forgot.jsx'), { external: REACT }),
)
row(
  'reset-kit <ResetPasswordPage> + Stytch adapter + CSS',
  await buildAndWeigh(page('kit-reset.jsx'), { external: REACT }),
)
const kitBoth = row(
  'reset-kit both components + Stytch adapter + CSS',
  await buildAndWeigh(page('kit-both.jsx'), { external: REACT }),
)
row(
  'reset-kit stylesheet (src/styles/reset-kit.css)',
  await buildAndWeigh(join(root, 'src/styles/reset-kit.css'), { name: 'reset-kit' }),
)

const kitOwn = row(
  'reset-kit own code: both + Stytch + en + CSS (deps external)',
  await buildAndWeigh(page('kit-both.jsx'), { external: [...REACT, ...KIT_DEPENDENCIES], name: 'kit-both' }),
)
const depsSource = dependencyEntry(kitOwn.jsText)
const deps = row(
  'reset-kit dependencies alone (the exports the kit imports)',
  await buildAndWeigh('virtual:kit-dependencies', {
    external: REACT,
    plugins: [virtualEntries({ 'kit-dependencies': depsSource })],
  }),
)
const localeRows = []
for (const tag of localeTags()) {
  const locale = await weighLocaleChunk(tag)
  localeRows.push(locale)
  rows.push({
    label: `locale ${tag} (${relative(root, locale.file)})`,
    initial: locale.chunk,
    js: locale.chunk,
    css: { brotli: 0 },
    lazy: { brotli: 0 },
    note: `JSON file: ${kb(locale.json.raw)} raw, ${kb(locale.json.brotli)} br`,
  })
}

const vendors = [
  {
    label: `@supabase/auth-ui-react ${version('@supabase/auth-ui-react')} ForgottenPassword + UpdatePassword`,
    file: 'supabase.jsx',
  },
  { label: `@stytch/react ${version('@stytch/react')} StytchPasswordReset + StytchLogin`, file: 'stytch.jsx' },
  {
    label: `@daveyplate/better-auth-ui ${version('@daveyplate/better-auth-ui')} Forgot+ResetPasswordForm`,
    file: 'better-auth-ui.jsx',
    tailwind: true,
  },
  {
    label: `@aws-amplify/ui-react ${version('@aws-amplify/ui-react')} Authenticator + styles.css`,
    file: 'amplify.jsx',
  },
  { label: `@clerk/react ${version('@clerk/react')} <SignIn>, clerk-js + @clerk/ui bundled`, file: 'clerk.jsx' },
  {
    label: `@clerk/react <SignIn>, clerk-js + ui from CDN (lower bound)`,
    file: 'clerk-cdn.jsx',
    // The scripts ClerkProvider loads by default, as the CDN serves them: the runtime, the UI
    // and the UI's SignIn chunk (the ui build's webpack hash names it). Chunks these load in
    // turn depend on the instance's settings fetched at run time, so they are not counted.
    cdnFiles: () => {
      const ui = join(benchDir, 'node_modules/@clerk/ui/dist')
      const hash = readFileSync(join(ui, 'ui.browser.js'), 'utf8').match(/\.h=\(\)=>"([0-9a-f]{6})/)?.[1]
      return [
        join(benchDir, 'node_modules/@clerk/clerk-js/dist/clerk.browser.js'),
        join(ui, 'ui.browser.js'),
        join(ui, `signin_ui_${hash}_${version('@clerk/ui')}.js`),
      ]
    },
    note: 'CDN: clerk.browser.js + ui.browser.js + signin chunk; their own runtime chunks not counted',
  },
]
const failures = []
const vendorRows = []
let tailwind
for (const vendor of vendors) {
  try {
    const plugins = []
    if (vendor.tailwind) {
      tailwind ??= await betterAuthUiCss()
      plugins.push(tailwindCssPlugin(tailwind))
    }
    const weighed = await buildAndWeigh(page(vendor.file), {
      external: REACT,
      plugins,
      nodePaths: [join(benchDir, 'node_modules')],
    })
    if (vendor.cdnFiles) {
      for (const file of vendor.cdnFiles()) {
        const size = compressed(readFileSync(file))
        for (const key of ['initial', 'js']) {
          weighed[key] = {
            raw: weighed[key].raw + size.raw,
            gzip: weighed[key].gzip + size.gzip,
            brotli: weighed[key].brotli + size.brotli,
          }
        }
      }
    }
    vendorRows.push(
      row(
        vendor.label,
        weighed,
        vendor.note ?? (vendor.tailwind ? 'CSS = Tailwind v4 output for the package + shadcn theme' : ''),
      ),
    )
  } catch (error) {
    const message =
      error.errors?.map((e) => `${e.text}${e.location ? ` (${e.location.file}:${e.location.line})` : ''}`).join('; ') ??
      error.message
    failures.push({ label: vendor.label, message })
    rows.push({ label: vendor.label, failed: message })
  }
}

// The table.
const base = kitBoth.initial.brotli
const pad = (s, n) => String(s).padEnd(n)
const num = (s, n) => String(s).padStart(n)
const header = `${pad('what a browser downloads up front', 72)}${num('raw', 11)}${num('gzip -9', 11)}${num('brotli q11', 11)}${num('of it CSS br', 13)}${num('lazy br', 11)}${num('× kit both', 11)}`
console.log(header)
console.log('-'.repeat(header.length))
for (const r of rows) {
  if (r.failed) {
    console.log(`${pad(r.label, 72)}  could not be bundled: ${r.failed.slice(0, 300)}`)
    continue
  }
  const ratio = r === kitBoth || vendorRows.includes(r) ? `${(r.initial.brotli / base).toFixed(2)}×` : ''
  console.log(
    `${pad(r.label.slice(0, 71), 72)}${num(kb(r.initial.raw), 11)}${num(kb(r.initial.gzip), 11)}${num(kb(r.initial.brotli), 11)}${num(r.css.brotli ? kb(r.css.brotli) : '—', 13)}${num(r.lazy.brotli ? kb(r.lazy.brotli) : '—', 11)}${num(ratio, 11)}${r.note ? `  ${r.note}` : ''}`,
  )
}
console.log('')
console.log(
  `Kit's dependency cost, two ways: bundled alone ${kb(deps.initial.brotli)} br; kit both page − kit own code = ${kb(kitBoth.initial.brotli - kitOwn.initial.brotli)} br.`,
)
console.log(
  `Page with both components including React + React DOM, for reference: ${kb(kitBoth.initial.brotli + reactOnly.initial.brotli)} br (two files' brotli added).`,
)
console.log(
  '"lazy br": chunks reached only through import() (the kit\'s other locales; vendors\' deferred screens), not downloaded up front.',
)
console.log("Ratios: a vendor page's up-front brotli ÷ the kit's both-components page, same run.")
console.log(
  `Dependency entry measured: ${depsSource.split('\n').length} re-export line(s) from ${[...new Set([...depsSource.matchAll(/from "([^"]+)"/g)].map((m) => m[1]))].join(', ')}.`,
)
console.log('')
console.log('What the kit both page holds (minified bytes before compression, all chunks, by package):')
const byPackage = {}
for (const meta of Object.values(kitBoth.outputs)) {
  for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
    const key = input.includes('node_modules/')
      ? input
          .replace(/.*node_modules\//, '')
          .split('/')
          .slice(0, input.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : input.split('/').filter((part) => part !== '..')[0]
    const name = key === 'dist' ? 'reset-kit (dist/, its locales included)' : key
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput
  }
}
for (const [name, bytes] of Object.entries(byPackage)
  .sort((a, b) => b[1] - a[1])
  .filter(([, bytes]) => bytes > 0)) {
  console.log(`  ${kb(bytes).padStart(10)}  ${name}`)
}
if (failures.length) console.log(`Not measured: ${failures.map((f) => f.label).join('; ')} (reasons in the table).`)

if (process.argv.includes('--runtime')) {
  console.log('')
  const { runRuntimeBench } = await import(pathToFileURL(join(benchDir, 'runtime.mjs')).href)
  await runRuntimeBench()
}
