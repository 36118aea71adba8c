import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/interop/**', 'test/consumer/**', 'node_modules/**'],
    // Deterministic numbers and dates regardless of the machine.
    env: { TZ: 'UTC' },
    // Several tests render charts or parse whole corpora (2–4 s alone); on a loaded two-core CI
    // machine the 5 s default failed them for time, not for what they check.
    testTimeout: 30_000,
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
