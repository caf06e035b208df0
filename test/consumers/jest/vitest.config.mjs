import { defineConfig } from 'vitest/config'

// Nothing for reset-kit: Vitest loads ES modules and keeps Node's fetch and WebCrypto beside jsdom.
export default defineConfig({ test: { environment: 'jsdom', globals: true } })
