import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/interop/**', 'node_modules/**'],
    // Deterministic numbers and dates regardless of the machine.
    env: { TZ: 'UTC' },
    coverage: {
      provider: 'v8',
      include: ['src/analysis/**/*.ts'],
      thresholds: { lines: 100 },
    },
  },
});
