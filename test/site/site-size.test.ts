import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { formatBytes, measureArtifactBytes, measureSiteSize, siteSizeWarning, SITE_LIMITS, tarOf } from '../../src/site/site-size.ts';

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

/** Whether a command runs here (tar and gzip are on every Linux runner; not assumed elsewhere). */
function runs(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('measureArtifactBytes', () => {
  test('the tar has a block per folder, a header and padded blocks per file, and two closing blocks', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of tarOf(dir)) chunks.push(chunk);
    // 3 folders × 512; files 3000, 1000, 500, 200 bytes: 512 + 3072, 512 + 1024, 512 + 512, 512 + 512; 1024 at the end.
    expect(Buffer.concat(chunks).length).toBe(3 * 512 + 3584 + 1536 + 1024 + 1024 + 1024);
  });

  test.skipIf(!runs('tar'))('tar lists every file with its size', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of tarOf(dir)) chunks.push(chunk);
    const listing = execFileSync('tar', ['-tvf', '-'], { input: Buffer.concat(chunks) }).toString();
    const sizes = Object.fromEntries(
      listing
        .trim()
        .split('\n')
        .map((line) => [line.split(/\s+/).at(-1), Number(line.split(/\s+/)[2])]),
    );
    expect(sizes).toEqual({
      './api/': 0,
      './api/a.json': 500,
      './experiments/': 0,
      './experiments/a/': 0,
      './experiments/a/index.html': 3000,
      './experiments/index.html': 1000,
      './index.html': 200,
    });
  });

  test('is the deflated tar: what gzip -6 makes of it, less the 18 bytes of gzip header and trailer', async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of tarOf(dir)) chunks.push(chunk);
    expect(await measureArtifactBytes(dir)).toBe(gzipSync(Buffer.concat(chunks), { level: 6 }).length - 18);
  });

  test.skipIf(!runs('tar'))(
    'is within 1% of what `tar -c .` deflates to at level 6 on a folder of pages (the headers of tar hold times and owners)',
    async () => {
      const site = await mkdtemp(join(tmpdir(), 'logbook-artifact-'));
      try {
        for (let i = 0; i < 40; i++) {
          await mkdir(join(site, `experiments/exp-${i}`), { recursive: true });
          const rows = Array.from(
            { length: 2000 },
            (_, epoch) => `<tr><th>${epoch}</th><td>${((i * 7919 + epoch * 104729) % 9973) / 9973}</td></tr>`,
          );
          await writeFile(join(site, `experiments/exp-${i}/index.html`), `<table>${rows.join('')}</table>`);
        }
        // Node's zlib, as upload-artifact runs it (GNU gzip -6 finds other matches: 6% more bytes here, 1% on a real site).
        const tarred = deflateRawSync(execFileSync('tar', ['-cf', '-', '.'], { cwd: site, maxBuffer: 2 ** 30 }), { level: 6 }).length;
        expect(Math.abs((await measureArtifactBytes(site)) - tarred) / tarred).toBeLessThan(0.01);
      } finally {
        await rm(site, { recursive: true, force: true });
      }
    },
  );
});

describe('siteSizeWarning', () => {
  const HINT =
    ' To make it smaller, set in logbook.config.json "staticCharts": false (charts drawn in the browser, their data tables without JavaScript)' +
    ' and "comparePages": false (comparisons open the in-browser compare page).';
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
      'the site is 1.26 GB, over the 1 GB GitHub Pages supports for a site — it may not deploy. ' +
        'Largest folders: experiments 900.0 MB in 10,000 files, compare 300.0 MB in 7,000 files, api 80.0 MB in 10,001 files.' +
        HINT,
    );
    expect(siteSizeWarning({ bytes: 500, files: 120_000, folders: folders.slice(0, 1) })).toBe(
      'the site is 120,000 files, over 100,000 (GitLab Pages refuses more than 200,000) — it may not deploy. Largest folders: experiments 900.0 MB in 10,000 files.' +
        HINT,
    );
  });
  test('says how large the uploaded Pages artifact is, when measured, and whether deploy-pages takes it', () => {
    expect(siteSizeWarning({ bytes: 1290 * 1024 ** 2, artifactBytes: 210 * 1024 ** 2, files: 27_501, folders: folders.slice(0, 1) })).toBe(
      'the site is 1.26 GB, over the 1 GB GitHub Pages supports for a site (210.0 MB as the uploaded Pages artifact, within the 1 GB ' +
        'deploy-pages checks; a large deploy may still pass its 10-minute timeout) — it may not deploy. Largest folders: experiments 900.0 MB in 10,000 files.' +
        HINT,
    );
    expect(siteSizeWarning({ bytes: 6 * 1024 ** 3, artifactBytes: 1.25 * 1024 ** 3, files: 27_501, folders: folders.slice(0, 1) })).toBe(
      'the site is 6.00 GB, over the 1 GB GitHub Pages supports for a site and 1.25 GB as the uploaded Pages artifact, over the 1 GB ' +
        'deploy-pages accepts — it may not deploy. Largest folders: experiments 900.0 MB in 10,000 files.' +
        HINT,
    );
  });
  test('names only the size settings the build left on', () => {
    const size = { bytes: 1290 * 1024 ** 2, files: 27_501, folders: folders.slice(0, 1) };
    const start =
      'the site is 1.26 GB, over the 1 GB GitHub Pages supports for a site — it may not deploy. Largest folders: experiments 900.0 MB in 10,000 files.';
    expect(siteSizeWarning(size, { staticCharts: false, comparePages: true })).toBe(
      `${start} To make it smaller, set in logbook.config.json "comparePages": false (comparisons open the in-browser compare page).`,
    );
    expect(siteSizeWarning(size, { staticCharts: true, comparePages: false })).toBe(
      `${start} To make it smaller, set in logbook.config.json "staticCharts": false (charts drawn in the browser, their data tables without JavaScript).`,
    );
    expect(siteSizeWarning(size, { staticCharts: false, comparePages: false })).toBe(start);
  });
  test.each([
    [512, '512 B'],
    [2048, '2 KB'],
    [5 * 1024 ** 2, '5.0 MB'],
    [1.5 * 1024 ** 3, '1.50 GB'],
  ])('formatBytes(%d) = %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
