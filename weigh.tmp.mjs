import { join } from 'node:path'
import { KIT_DEPENDENCIES, REACT, buildAndWeigh, ensureBuilt, root } from './scripts/bench-setup.mjs'
ensureBuilt()
const own = await buildAndWeigh(join(root, 'bench/pages/kit-both.jsx'), { external: [...REACT, ...KIT_DEPENDENCIES] })
console.log('own brotli', own.initial.brotli)
