import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { compile } from 'tailwindcss'
import type { Plugin } from 'vite'

const tailwindRoot = dirname(createRequire(import.meta.url).resolve('tailwindcss/package.json'))

/**
 * Compiles `stories/tailwind.css` with Tailwind's own JavaScript compiler. The official Vite
 * plugin needs Tailwind's native class scanner, whose builds for other platforms the package
 * registry here does not serve (so `npm ci` could not install it); the story's classes are read
 * from its `@source` files with a plain tokenizer instead, and Tailwind ignores what is not a class.
 */
export function tailwindPlugin(): Plugin {
  return {
    name: 'reset-kit:tailwind',
    enforce: 'pre',
    async transform(code, id) {
      if (!id.endsWith('/stories/tailwind.css')) return undefined
      const compiler = await compile(code, {
        base: dirname(id),
        loadStylesheet: async (request, base) => {
          const path = request.startsWith('tailwindcss/')
            ? resolve(tailwindRoot, request.slice('tailwindcss/'.length))
            : resolve(base, request)
          return { path, base: dirname(path), content: await readFile(path, 'utf8') }
        },
      })
      const candidates = new Set<string>()
      for (const source of compiler.sources) {
        const file = resolve(source.base, source.pattern)
        this.addWatchFile(file)
        for (const token of (await readFile(file, 'utf8')).split(/[\s"'`{}()<>,;]+/)) if (token) candidates.add(token)
      }
      return { code: compiler.build([...candidates]), map: null }
    },
  }
}
