import { describe, expect, test } from 'vitest';
import { displaySourcePath } from '../../src/view/source-path.ts';

describe('displaySourcePath', () => {
  test.each([
    ['content/experiments/a.json', 'content/experiments', 'content/experiments/a.json', 'repository'],
    ['./content/experiments/a.json', './content/experiments', 'content/experiments/a.json', 'repository'],
    ['logs\\sub\\a.md', 'logs', 'logs/sub/a.md', 'repository'],
    ['/home/ci/build/ml-logs/sub/a.json', '/home/ci/build/ml-logs', 'sub/a.json', 'content folder'],
    ['/home/ci/build/ml-logs/sub/a.json', '/home/ci/build/ml-logs/', 'sub/a.json', 'content folder'],
    ['../ml-logs/a.json', '../ml-logs', 'a.json', 'content folder'],
    ['C:/runner/logs/a.json', 'C:/runner/logs', 'a.json', 'content folder'],
    ['/elsewhere/a.json', '/home/ci/logs', 'a.json', 'content folder'],
  ] as const)('%s (content %s) → %s, relative to the %s', (file, content, path, relativeTo) => {
    expect(displaySourcePath(file, content)).toEqual({ path, relativeTo });
  });

  test('never shows an absolute path', () => {
    expect(displaySourcePath('/tmp/x/y/z.json', '').path).toBe('z.json');
  });
});
