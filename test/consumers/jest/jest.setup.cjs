Object.defineProperty(globalThis, 'crypto', { value: require('node:crypto').webcrypto })
