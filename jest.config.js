/** Tests run against src through ts-jest; CLI tests run the built bin (npm test builds first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: { module: 'commonjs', esModuleInterop: true, target: 'ES2022' } }] },
  testTimeout: 60000,
};
