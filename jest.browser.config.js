/**
 * `npm run test:browser`: the Custom UI in headless Chromium against the local server. Kept apart from
 * `npm test` (jest.config.js ignores test/browser) because it needs Chromium and the UI builds.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  globalSetup: '<rootDir>/test/browser/build-ui.ts',
  testTimeout: 30_000,
};
