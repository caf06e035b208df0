// The last step of `npm run build`, after `vite build` and `tsc -p tsconfig.build.json`:
// 1. copies the opt-in stylesheet to dist/styles.css, with an empty declaration file beside it:
//    TypeScript 6 checks side-effect imports by default (`noUncheckedSideEffectImports`), and
//    `import 'reset-kit/styles.css'` fails to compile in an app without a `*.css` declaration of
//    its own (Vite's client types have one) unless the package gives the import its types;
// 2. makes every relative import in dist/**/*.d.ts a full file path (`./x` → `./x.js`,
//    `..` → `../index.js`). The sources use extensionless imports (moduleResolution "bundler"),
//    which TypeScript emits as they are; a host compiling with moduleResolution "node16" or
//    "nodenext" cannot resolve those, and its types would silently turn into `any`.
// 3. replaces a JSON import in a declaration file (`import en from '…/reset-kit.json'`, used for
//    `typeof en`) with the type TypeScript infers for that JSON, so a host needs neither
//    `resolveJsonModule` nor an import attribute to read the kit's types.
// It fails when a relative import leads nowhere, so a broken declaration never gets packed.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')

copyFileSync(join(root, 'src/styles/reset-kit.css'), join(dist, 'styles.css'))
writeFileSync(
  join(dist, 'styles.css.d.ts'),
  '// The stylesheet has no exports; this file lets TypeScript resolve `import "reset-kit/styles.css"`.\nexport {}\n',
)

function* declarationFiles(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* declarationFiles(path)
    else if (entry.name.endsWith('.d.ts')) yield path
  }
}

/** The TypeScript type `resolveJsonModule` gives a JSON value, written out. */
function jsonType(value, indent) {
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    const items = [...new Set(value.map((item) => jsonType(item, indent)))]
    return items.length === 0 ? 'never[]' : `(${items.join(' | ')})[]`
  }
  if (typeof value === 'object') {
    const inner = `${indent}    `
    const lines = Object.entries(value).map(
      ([key, item]) => `${inner}${JSON.stringify(key)}: ${jsonType(item, inner)};`,
    )
    return lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n${indent}}`
  }
  return typeof value // string, number, boolean
}

function resolveSpecifier(file, specifier) {
  const target = resolve(dirname(file), specifier)
  if (existsSync(`${target}.d.ts`)) return `${specifier}.js`
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier.replace(/\/$/, '')}/index.js`
  if (/\.js$/.test(specifier) && existsSync(target.replace(/\.js$/, '.d.ts'))) return specifier
  throw new Error(`${relative(root, file)}: cannot resolve "${specifier}" to a declaration file`)
}

const JSON_IMPORT = /^import\s+(\w+)\s+from\s+(['"])(\.{1,2}\/[^'"]+\.json)\2;?\s*$/gm
const RELATIVE = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g

/**
 * Replaces `import en from './x.json'` with the JSON's type: written in place of each `typeof en`
 * when that is the only use (so no unexported helper shows up in the API), else as a local
 * `declare const en: {…}`.
 */
function inlineJsonImports(file, text) {
  let result = text
  for (const [line, name, , specifier] of [...text.matchAll(JSON_IMPORT)]) {
    const jsonFile = resolve(dirname(file), specifier)
    if (!existsSync(jsonFile) || !statSync(jsonFile).isFile()) {
      throw new Error(`${relative(root, file)}: JSON import "${specifier}" not found`)
    }
    const type = jsonType(JSON.parse(readFileSync(jsonFile, 'utf8')), '')
    const rest = result.includes(`${line}\n`) ? result.replace(`${line}\n`, '') : result.replace(line, '')
    const typeofUse = new RegExp(`\\btypeof ${name}\\b(?![.\\[])`, 'g')
    const otherUse = new RegExp(`\\b${name}\\b`)
    if (!otherUse.test(rest.replace(typeofUse, ''))) {
      result = rest.replace(typeofUse, type)
    } else {
      const comment = `/** The type of \`${relative(root, jsonFile)}\`, written out so no JSON import is needed. */`
      result = result.replace(line, `${comment}\ndeclare const ${name}: ${type};`)
    }
  }
  return result
}

let changed = 0
for (const file of declarationFiles(dist)) {
  const before = readFileSync(file, 'utf8')
  const after = inlineJsonImports(file, before).replace(
    RELATIVE,
    (_match, lead, quote, specifier) => `${lead}${quote}${resolveSpecifier(file, specifier)}${quote}`,
  )
  if (after !== before) {
    writeFileSync(file, after)
    changed++
  }
}
console.log(`finish-build: dist/styles.css copied; ${changed} declaration files given full import paths`)
