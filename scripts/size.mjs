// Prints what the kit's own code weighs in a browser: both components + the Stytch adapter + the
// English strings, minified, with every dependency (React, TanStack Query, i18next, …) excluded.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { build } from 'vite'

const root = resolve(import.meta.dirname, '..')
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'))
const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies), 'react/jsx-runtime']

const result = await build({
  configFile: false,
  root,
  logLevel: 'silent',
  build: {
    write: false,
    minify: true,
    target: 'es2022',
    // Not library mode: Vite keeps whitespace in library builds, and browsers get minified code.
    rollupOptions: {
      input: resolve(root, 'scripts/size-entry.ts'),
      preserveEntrySignatures: 'strict',
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    },
  },
})

const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output)
const code = outputs.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n')
const bytes = Buffer.from(code)
const gzip = gzipSync(bytes, { level: 9 }).length
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length
const kb = (n) => `${(n / 1024).toFixed(2)} KB`
console.log('reset-kit size (ForgotPasswordForm + ResetPasswordPage + Stytch adapter + en; dependencies excluded)')
console.log(`  raw ${kb(bytes.length)}  gzip -9 ${kb(gzip)}  brotli q11 ${kb(brotli)}`)
