// `npm run mutation`: the conformance suites as one Jest test per scenario, on an in-process
// reference device (suites/mutation/scenarios.mutation.ts), for Stryker's jest runner. Kept apart
// from jest.config.js: `npm test` does not run it (a full mutation run takes minutes).
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, isolatedModules: true }] },
  roots: ['<rootDir>/suites/mutation'],
  testMatch: ['**/*.mutation.ts'],
  testTimeout: 60000,
};
