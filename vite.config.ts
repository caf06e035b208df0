import { basename, dirname, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import pkg from './package.json' with { type: 'json' }

// Every runtime package stays external; `dependencies` is listed too, in case one is added.
const { dependencies = {}, peerDependencies } = pkg as {
  dependencies?: Record<string, string>
  peerDependencies: Record<string, string>
}
const external = [...Object.keys(dependencies), ...Object.keys(peerDependencies)]

/** Library build: one ESM file per public entry, every dependency left to the host's bundler. */
export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    minify: false,
    // No source maps in the package: the shipped ESM is unminified and readable as it is, and maps
    // would point at src/, which is not published (see scripts/check-pack.mjs).
    sourcemap: false,
    lib: {
      formats: ['es'],
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        'core/index': resolve(import.meta.dirname, 'src/core/index.ts'),
        'adapters/stytch/index': resolve(import.meta.dirname, 'src/adapters/stytch/index.ts'),
        'adapters/http/index': resolve(import.meta.dirname, 'src/adapters/http/index.ts'),
        'adapters/stack-auth/index': resolve(import.meta.dirname, 'src/adapters/stack-auth/index.ts'),
        'adapters/supabase/index': resolve(import.meta.dirname, 'src/adapters/supabase/index.ts'),
        'adapters/better-auth/index': resolve(import.meta.dirname, 'src/adapters/better-auth/index.ts'),
      },
    },
    rollupOptions: {
      external: (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
      output: {
        // Each locale is its own chunk, named after it, loaded the first time it is used.
        chunkFileNames: (chunk) =>
          chunk.facadeModuleId?.includes('/locales/')
            ? `locales/${basename(dirname(chunk.facadeModuleId))}-[hash].js`
            : '[name]-[hash].js',
      },
    },
  },
})
