import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'shared-node/**/*.test.ts',
      'electron/**/*.test.ts',
      'host/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    globalSetup: ['./scripts/vitest-global-setup.ts'],
    setupFiles: ['./host/test-support/release-sandboxes.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
