import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatBytes, measureSiteSize, siteSizeWarning, SITE_LIMITS } from '../../src/site/site-size.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logbook-size-'));
  await mkdir(join(dir, 'experiments/a'), { recursive: true });
  await mkdir(join(dir, 'api'), { recursive: true });
  await writeFile(join(dir, 'experiments/a/index.html'), 'x'.repeat(3000));
  await writeFile(join(dir, 'experiments/index.html'), 'x'.repeat(1000));
  await writeFile(join(dir, 'api/a.json'), 'x'.repeat(500));
  await writeFile(join(dir, 'index.html'), 'x'.repeat(200));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('measureSiteSize', () => {
  test('counts bytes and files in all, and per top-level folder, largest first', async () => {
    expect(await measureSiteSize(dir)).toEqual({
      bytes: 4700,
      files: 4,
      folders: [
        { name: 'experiments', bytes: 4000, files: 2 },
        { name: 'api', bytes: 500, files: 1 },
        { name: '(root files)', bytes: 200, files: 1 },
      ],
    });
  });
});

describe('siteSizeWarning', () => {
  const folders = [
    { name: 'experiments', bytes: 900 * 1024 ** 2, files: 10_000 },
    { name: 'compare', bytes: 300 * 1024 ** 2, files: 7_000 },
    { name: 'api', bytes: 80 * 1024 ** 2, files: 10_001 },
    { name: 'pagefind', bytes: 10 * 1024 ** 2, files: 500 },
  ];
  test('says nothing for a site within 1 GB and 100,000 files', () => {
    expect(siteSizeWarning({ bytes: SITE_LIMITS.bytes, files: SITE_LIMITS.files, folders })).toBeUndefined();
  });
  test('names the limit passed and the three largest folders', () => {
    expect(siteSizeWarning({ bytes: 1290 * 1024 ** 2, files: 27_501, folders })).toBe(
      "the site is 1.26 GB, over GitHub Pages' 1 GB limit for a published site — it may not deploy. " +
        'Largest folders: experiments 900.0 MB in 10,000 files, compare 300.0 MB in 7,000 files, api 80.0 MB in 10,001 files.',
    );
    expect(siteSizeWarning({ bytes: 500, files: 120_000, folders: folders.slice(0, 1) })).toBe(
      'the site is 120,000 files, over 100,000 (GitLab Pages refuses more than 200,000) — it may not deploy. Largest folders: experiments 900.0 MB in 10,000 files.',
    );
  });
  test.each([
    [512, '512 B'],
    [2048, '2 KB'],
    [5 * 1024 ** 2, '5.0 MB'],
    [1.5 * 1024 ** 3, '1.50 GB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
