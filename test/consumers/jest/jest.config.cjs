module.exports = {
  // jsdom with Node's fetch, Response, TextEncoder and structuredClone put back (npm i -D jest-fixed-jsdom).
  testEnvironment: 'jest-fixed-jsdom',
  // reset-kit is ES modules: let babel-jest compile it like your own files (with npm or pnpm).
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/)?reset-kit[@/])'],
  // jsdom's crypto has no `subtle`, which the kit needs for PKCE's SHA-256.
  setupFiles: ['<rootDir>/jest.setup.cjs'],
  moduleNameMapper: { '\\.css$': '<rootDir>/styleMock.cjs' },
}
