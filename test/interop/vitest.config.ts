import { defineConfig } from 'vitest/config';

// The interop suite runs only through `npm run test:interop` (scripts/test-interop.ts), which
// logs real MLflow runs first and passes their location in INTEROP_DIR / INTEROP_SERVER_URL.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/interop/**/*.interop.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
