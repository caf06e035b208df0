Object.defineProperty(globalThis, 'crypto', {
  value: require('node:crypto').webcrypto,
  writable: true,
  configurable: true,
})
