/**
 * Determinism: two builds of the same content are byte-identical, even with a different time zone
 * (UTC vs America/Los_Angeles), a cold cache each, and the content files created in the opposite
 * order. On failure it names the first differing files and where they start to differ.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, ROOT } from './lib/build.ts';
import { scratchDir } from './lib/sites.ts';

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Copies the files of `from` into a fresh `to`, creating them in the given order. */
function copyInOrder(from: string, to: string, order: 'forward' | 'reverse'): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const files = listFiles(from);
  for (const file of order === 'forward' ? files : [...files].reverse()) {
    mkdirSync(join(to, file, '..'), { recursive: true });
    cpSync(join(from, file), join(to, file));
  }
}

/** Where two buffers first differ, with a little context from each. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const context = (buf: Buffer): string => JSON.stringify(buf.subarray(Math.max(0, i - 60), i + 60).toString('utf8'));
  return `byte ${i} (sizes ${a.length} / ${b.length}):\n      first:  ${context(a)}\n      second: ${context(b)}`;
}

describe('deterministic builds', () => {
  test('two builds of the example content are byte-identical across time zones and file order', { timeout: 240_000 }, async () => {
    const work = scratchDir('determinism');
    // Same content path both times (it may appear in the output); only the file creation order differs.
    const content = join(work, 'content');
    const source = join(ROOT, 'content', 'experiments');
    const contentArg = relative(ROOT, content);

    copyInOrder(source, content, 'forward');
    const a = await buildSite({ content: contentArg, outDir: join(work, 'out-a'), cacheDir: join(work, 'cache-a'), env: { TZ: 'UTC' } });
    expect(a.status, a.output).toBe(0);

    copyInOrder(source, content, 'reverse');
    const b = await buildSite({
      content: contentArg,
      outDir: join(work, 'out-b'),
      cacheDir: join(work, 'cache-b'),
      env: { TZ: 'America/Los_Angeles' },
    });
    expect(b.status, b.output).toBe(0);

    const filesA = listFiles(join(work, 'out-a'));
    const filesB = listFiles(join(work, 'out-b'));
    expect(filesA.length).toBeGreaterThan(20);
    expect(filesB, 'both builds write the same files').toEqual(filesA);

    const differing = filesA.filter(
      (f) =>
        statSync(join(work, 'out-a', f)).size !== statSync(join(work, 'out-b', f)).size ||
        hash(join(work, 'out-a', f)) !== hash(join(work, 'out-b', f)),
    );
    const report = differing
      .slice(0, 8)
      .map((f) => `  ${f}: ${firstDifference(readFileSync(join(work, 'out-a', f)), readFileSync(join(work, 'out-b', f)))}`)
      .join('\n');
    expect(differing, `${differing.length} of ${filesA.length} files differ between the two builds:\n${report}`).toEqual([]);
  });
});
