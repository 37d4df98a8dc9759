/**
 * Jest runs TypeScript through esbuild (scripts/jest-transform.cjs): no type checking here, that is
 * `npm run typecheck`'s job.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': '<rootDir>/scripts/jest-transform.cjs' },
  transformIgnorePatterns: ['/node_modules/(?!preact)'],
  testTimeout: 30000,
};
