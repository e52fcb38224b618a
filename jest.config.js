// The project's own tests, in three tiers (see README "Tests"):
//   unit      pure functions: oracle, parsers, schema, lint rules           *.test.ts
//   protocol  the reference device through a real adb server / adbkit      *.protocol.test.ts
//   e2e       the real CLI, run as a child process, reading its reports     *.e2e.test.ts
// ts-jest transpiles only (isolatedModules); `npm run typecheck` does the type check once.
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
const common = { testEnvironment: 'node', transform, roots: ['<rootDir>/harness', '<rootDir>/virtual-device', '<rootDir>/suites'] };
module.exports = {
  // A global option (Jest 29 rejects it per project): protocol and e2e tests talk to adb and spawn the CLI.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.protocol\\.test\\.ts$', '\\.e2e\\.test\\.ts$', '/node_modules/', '/dist/'] },
    { ...common, displayName: 'protocol', testMatch: ['**/__tests__/**/*.protocol.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['**/__tests__/**/*.e2e.test.ts'] },
  ],
};
