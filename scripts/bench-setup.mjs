// The one esbuild setup that `npm run bench` (bench/run.mjs) and scripts/size-budget.mjs measure
// with, and how they weigh what a browser downloads. esbuild comes from the root node_modules.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import * as esbuild from 'esbuild'

/** The repository root. */
export const root = resolve(import.meta.dirname, '..')

/** The bundler and its version, for the printed header. */
export const esbuildVersion = esbuild.version

/** React and React DOM (and the scheduler React DOM pulls in): kept out of every page row. */
export const REACT = ['react', 'react-dom', 'scheduler']

/** The kit's runtime dependencies, kept out of the "kit's own code" rows. */
export const KIT_DEPENDENCIES = ['@tanstack/react-query', 'i18next']

/**
 * Every build: bundle, minify, ESM for browsers, ES2022, production React, automatic JSX, CSS
 * bundled and minified where a page imports it. `splitting` is on so a dynamic `import()` (the
 * kit's non-English locales, a vendor's lazy screens) becomes its own chunk, as in an app's build;
 * {@link weigh} counts those chunks apart from what the page loads up front.
 */
export function buildOptions(overrides = {}) {
  return {
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    splitting: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: join(tmpdir(), 'reset-kit-bench-out'),
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    assetNames: 'asset-[name]-[hash]',
    loader: {
      '.svg': 'file',
      '.png': 'file',
      '.jpg': 'file',
      '.gif': 'file',
      '.webp': 'file',
      '.woff': 'file',
      '.woff2': 'file',
      '.ttf': 'file',
      '.eot': 'file',
    },
    ...overrides,
  }
}

/** Marks bare imports of `packages` (and their subpaths, such as `react-dom/client`) external. */
export function externalPackages(packages, name = 'external-packages') {
  const filter = new RegExp(`^(${packages.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(/.*)?$`)
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => ({ path: args.path, external: true }))
    },
  }
}

/**
 * Entry files made in memory: `virtualEntries({ 'locale-es': "export default () => import('…')" })`
 * lets a build use `virtual:locale-es` as an entry point, resolved from the repository root.
 */
export function virtualEntries(modules) {
  return {
    name: 'virtual-entries',
    setup(build) {
      build.onResolve({ filter: /^virtual:/ }, (args) => ({
        path: args.path.slice('virtual:'.length),
        namespace: 'virtual',
      }))
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, (args) => ({
        contents: modules[args.path],
        loader: 'jsx',
        resolveDir: root,
      }))
    },
  }
}

/**
 * Resolves `reset-kit` and its subpaths (`reset-kit/stytch`, `reset-kit/styles.css`) the way an
 * app's bundler does, through package.json `exports`: to the built package in `dist/` (what npm
 * publishes, so what every app bundles), or with `from: 'src'` to the source files behind it.
 */
export function kitPackage(from = 'dist') {
  const { exports } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))
  return {
    name: 'kit-package',
    setup(build) {
      build.onResolve({ filter: /^reset-kit(\/.*)?$/ }, (args) => {
        const subpath = `.${args.path.slice('reset-kit'.length)}`
        const target = exports[subpath]
        if (target === undefined) return { errors: [{ text: `reset-kit does not export "${subpath}"` }] }
        if (from === 'dist') {
          return { path: resolve(root, typeof target === 'string' ? target : target.default) }
        }
        // dist/x/index.d.ts is built from src/x/index.ts; the stylesheet is copied as is.
        if (subpath === './styles.css') return { path: resolve(root, 'src/styles/reset-kit.css') }
        if (typeof target === 'string') return { path: resolve(root, target.replace(/^\.\//, '')) }
        return { path: resolve(root, target.types.replace(/^\.\/dist\//, 'src/').replace(/\.d\.ts$/, '.ts')) }
      })
    },
  }
}

function newestChange(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * Builds the package (`npm run build`) unless `dist/` is newer than everything it is built from,
 * so the kit's rows always weigh the current code as it is published.
 */
export function ensureBuilt() {
  const built = join(root, 'dist/index.js')
  const sources = Math.max(
    ...['src', 'locales'].map((dir) => newestChange(join(root, dir))),
    statSync(join(root, 'package.json')).mtimeMs,
  )
  if (existsSync(built) && statSync(built).mtimeMs > sources) return
  console.log('building the package first (dist/ is missing or older than src/): npm run build')
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** Raw, gzip -9 and brotli q11 bytes of one file. */
export function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  }
}

function sum(sizes) {
  return sizes.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  })
}

/**
 * What a browser downloads for one entry of a build: the entry chunk, the chunks it imports
 * statically (transitively), its CSS bundle and the assets they reference (`initial`); and,
 * apart, every chunk only reached through `import()` (`lazy`). Each file is compressed on its
 * own, as a server sends it, and the sizes added up.
 */
export function weigh(result, entryName) {
  const byPath = new Map(result.outputFiles.map((file) => [file.path, file]))
  const outputs = Object.entries(result.metafile.outputs).map(([path, meta]) => ({ path: resolve(root, path), meta }))
  const metaOf = new Map(outputs.map((o) => [o.path, o.meta]))
  const entry = outputs.find(
    (o) =>
      o.meta.entryPoint !== undefined && (o.path.endsWith(`/${entryName}.js`) || o.path.endsWith(`/${entryName}.css`)),
  )
  if (!entry) throw new Error(`no output for entry ${entryName}`)

  const initial = new Set()
  const visit = (path) => {
    if (initial.has(path)) return
    initial.add(path)
    const meta = metaOf.get(path)
    if (meta.cssBundle) initial.add(resolve(root, meta.cssBundle))
    for (const imported of meta.imports) {
      if (imported.external) continue
      if (imported.kind === 'import-statement' || imported.kind === 'url-token' || imported.kind === 'file-loader') {
        visit(resolve(root, imported.path))
      }
    }
  }
  visit(entry.path)
  // Assets referenced from the CSS bundle.
  for (const path of [...initial]) {
    for (const imported of metaOf.get(path)?.imports ?? []) {
      if (!imported.external && imported.kind === 'url-token') initial.add(resolve(root, imported.path))
    }
  }

  const files = (paths) =>
    [...paths]
      .filter((p) => !p.endsWith('.map'))
      .map((p) => ({ path: p, bytes: byPath.get(p).contents, ...compressed(byPath.get(p).contents) }))
  const initialFiles = files(initial)
  const lazyFiles = files(outputs.map((o) => o.path).filter((p) => !initial.has(p)))
  const js = initialFiles.filter((f) => f.path.endsWith('.js'))
  const css = initialFiles.filter((f) => f.path.endsWith('.css'))
  const assets = initialFiles.filter((f) => !f.path.endsWith('.js') && !f.path.endsWith('.css'))
  return {
    initial: sum(initialFiles),
    js: sum(js),
    css: sum(css),
    assets: sum(assets),
    lazy: sum(lazyFiles),
    initialFiles,
    lazyFiles,
    jsText: js.map((f) => Buffer.from(f.bytes).toString('utf8')).join('\n'),
    lazyText: lazyFiles.map((f) => ({ path: f.path, text: Buffer.from(f.bytes).toString('utf8') })),
    outputs: result.metafile.outputs,
  }
}

/** Builds one entry point and weighs it; `reset-kit` imports resolve to `dist/`, or `src/` with `kit: 'src'`. */
export async function buildAndWeigh(
  entryPoint,
  { external = [], plugins = [], name, kit = 'dist', ...overrides } = {},
) {
  const entryName =
    name ??
    entryPoint
      .replace(/^virtual:/, '')
      .replace(/^.*\//, '')
      .replace(/\.[jt]sx?$/, '')
  const result = await esbuild.build(
    buildOptions({
      entryPoints: { [entryName]: entryPoint },
      plugins: [kitPackage(kit), ...(external.length ? [externalPackages(external)] : []), ...plugins],
      ...overrides,
    }),
  )
  return weigh(result, entryName)
}

/** Locales shipped in locales/<tag>/reset-kit.json. */
export function localeTags() {
  const loader = readFileSync(resolve(root, 'src/i18n/loadLocale.ts'), 'utf8')
  const lazy = [...loader.matchAll(/locales\/([^/]+)\/reset-kit\.json/g)].map((m) => m[1])
  return ['en', ...lazy.filter((tag) => tag !== 'en')]
}

/**
 * A locale file as the lazy JS chunk a bundler makes of it (`import()` of the JSON, minified):
 * the bytes a browser downloads when the kit switches to that locale.
 */
export async function weighLocaleChunk(tag) {
  const file = resolve(root, 'locales', tag, 'reset-kit.json')
  const weighed = await buildAndWeigh(`virtual:locale-${tag}`, {
    plugins: [virtualEntries({ [`locale-${tag}`]: `export default () => import(${JSON.stringify(file)})` })],
  })
  if (weighed.lazyFiles.length !== 1) throw new Error(`expected one chunk for ${tag}, got ${weighed.lazyFiles.length}`)
  return { tag, file, json: compressed(readFileSync(file)), chunk: weighed.lazy }
}

/** `1234` → `1.21 KB` (KiB, as the issue and the budgets count). */
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(2)} KB`
}
