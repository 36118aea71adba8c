import { defineConfig } from 'vitest/config';

// `npm run test:consumer`: packs Logbook, installs it into a temporary repository and runs the
// installed `logbook` there (minutes: npm install and several builds), one test after another.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/consumer/**/*.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 180_000,
    hookTimeout: 900_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
