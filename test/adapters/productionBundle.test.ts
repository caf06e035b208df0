// @vitest-environment node
import { join } from 'node:path'
import { build } from 'esbuild'

// The explanations for developers must drop out of a production bundle: that only works while
// every one of them sits behind `process.env.NODE_ENV !== 'production'` written at its call site.

const ROOT = join(import.meta.dirname, '..', '..')

describe.each(['stytch', 'http', 'stack-auth', 'supabase', 'better-auth'])(
  'the %s adapter in a production bundle',
  (adapter) => {
    it('keeps short messages naming the option and none of the explanations', async () => {
      const result = await build({
        entryPoints: [join(ROOT, 'src/adapters', adapter, 'index.ts')],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        define: { 'process.env.NODE_ENV': '"production"' },
        write: false,
        logLevel: 'silent',
      })
      const code = result.outputFiles[0]!.text
      expect(code).toContain('reset-kit: bad ')
      expect(code).not.toContain('process.env')
      expect(code).not.toMatch(/reset-kit: [^b"'`]|must be|such as/)
    })
  },
)
