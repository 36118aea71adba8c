import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandSettings, linkedOutside } from '../../src/cli/settings.ts';
import { fakeIO } from './fake-io.ts';

// Found by an adversarial review: a pull request can commit `records -> /elsewhere` and `site ->
// /elsewhere`; the build read and published records from outside the repository and wrote the site there.
let root: string;
let repo: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'logbook-links-'));
  repo = join(root, 'repo');
  outside = join(root, 'outside');
  await mkdir(join(repo, 'real', 'records'), { recursive: true });
  await mkdir(outside);
  await symlink(outside, join(repo, 'records'));
  await symlink(outside, join(repo, 'site'));
  await symlink(join(repo, 'real'), join(repo, 'inner'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('linkedOutside', () => {
  test('a folder inside by its path that a link takes outside: where it really is', async () => {
    expect(await linkedOutside(repo, 'records')).toBe(outside);
    // Not created yet, under such a link: judged by the link.
    expect(await linkedOutside(repo, 'site/new/deeper')).toBe(join(outside, 'new', 'deeper'));
  });

  test('a real folder, a link that stays inside, a folder not created yet, or one outside by its own path: none', async () => {
    expect(await linkedOutside(repo, 'real/records')).toBeUndefined();
    expect(await linkedOutside(repo, 'inner/records')).toBeUndefined();
    expect(await linkedOutside(repo, 'dist')).toBeUndefined();
    expect(await linkedOutside(repo, outside)).toBeUndefined();
    expect(await linkedOutside(repo, '../outside')).toBeUndefined();
  });
});

describe('commandSettings', () => {
  test('refuses a content or output folder the config points through a link out of the repository, naming both', async () => {
    await writeFile(join(repo, 'logbook.config.json'), JSON.stringify({ content: 'records', outDir: 'site' }));
    const io = fakeIO({ cwd: repo });
    expect(await commandSettings('build', io, {})).toEqual({ exit: 1 });
    expect(io.err).toContain(
      `build: the content folder "records" is a symbolic link (or lies under one) to ${outside}, outside this repository`,
    );
    expect(io.err).toContain(
      `build: the output folder "site" is a symbolic link (or lies under one) to ${outside}, outside this repository`,
    );
    // Given by the workflow as the folder's real path, it is the workflow's choice.
    const flagged = fakeIO({ cwd: repo });
    const outcome = await commandSettings('build', flagged, { content: outside, outDir: join(outside, 'site') });
    expect('settings' in outcome).toBe(true);
  });
});
