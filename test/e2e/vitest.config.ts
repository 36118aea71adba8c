import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The scale suite builds a 300-record site for minutes: start it first, next to everything else. */
class ScaleFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isScale = (f: TestSpecification): boolean => f.moduleId.endsWith('scale.e2e.test.ts');
    return [...sorted.filter(isScale), ...sorted.filter((f) => !isScale(f))];
  }
}

// The e2e suites run through `npm run test:e2e` (scripts/test-e2e.ts), which builds and serves the
// sites and launches Chromium first, and passes them in E2E_SITES / E2E_BROWSER_WS / E2E_WORK.
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    // Polls wait for the browser (hydration, tooltips); generous, because a build may share the CPU.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 300_000,
    // Two files at a time: the long scale suite in one worker, the rest one after another in the other.
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: ScaleFirst },
    reporters: ['default'],
  },
});
