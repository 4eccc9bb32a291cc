/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Browser tests need Chromium and run on their own: npm run test:browser (jest.browser.config.js).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  // The local-server journeys make dozens of HTTP calls; on a loaded machine (CI beside other work)
  // they outran jest's 5 s default. A hang still fails, after 30 s.
  testTimeout: 30_000,
};
