import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/interop/**', 'test/consumer/**', 'node_modules/**'],
    // Deterministic numbers and dates regardless of the machine.
    env: { TZ: 'UTC' },
    coverage: {
      // Always on, so the 100% line threshold on src/analysis is enforced by every `npm test`.
      enabled: true,
      provider: 'v8',
      reporter: ['text-summary'],
      include: ['src/analysis/**/*.ts'],
      thresholds: { lines: 100 },
    },
  },
});
