import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { fakeIO } from '../cli/fake-io.ts';
import { runExportCommand } from '../../src/export/command.ts';
import { EXPORT_USAGE, exportMessages } from '../../src/export/messages.ts';
import { cardMarker } from '../../src/export/model-card.ts';

const exportIO = (cwd: string) => fakeIO({ cwd, env: { LOGBOOK_CONTENT: join(process.cwd(), 'content/experiments') } });
const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'logbook-export-'));
  temporary.push(dir);
  return dir;
}

// Each export loads and validates the bundled records (about a second each).
describe('runExportCommand', { timeout: 30_000 }, () => {
  test('writes README.md in the working directory (records from $LOGBOOK_CONTENT) and counts the TODOs', async () => {
    const dir = tempDir();
    const io = exportIO(dir);
    expect(await runExportCommand(['model-card', 'fraud-gbm-003'], io)).toBe(0);
    const card = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(card).toContain(cardMarker('fraud-gbm-003'));
    const todos = card.split('\n').filter((line) => line.startsWith('> **TODO:**')).length;
    expect(io.out).toBe(`export: ${exportMessages.wrote('README.md', todos)}\n`);
  });

  test('overwrites its own card for the same id, never another file without --force', async () => {
    const dir = tempDir();
    const io = exportIO(dir);
    await runExportCommand(['model-card', 'fraud-gbm-003'], io);
    expect(await runExportCommand(['model-card', 'fraud-gbm-003'], io)).toBe(0);
    writeFileSync(join(dir, 'README.md'), '# My project\n');
    const refused = exportIO(dir);
    expect(await runExportCommand(['model-card', 'fraud-gbm-003'], refused)).toBe(1);
    expect(refused.err).toBe(`export: ${exportMessages.notOurs('README.md')}\n`);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# My project\n');
    expect(await runExportCommand(['model-card', 'fraud-gbm-003', '--force'], io)).toBe(0);
  });

  test('--out - writes the card to standard output', async () => {
    const io = exportIO(tempDir());
    expect(await runExportCommand(['model-card', 'fraud-lr-001', '--out', '-'], io)).toBe(0);
    expect(io.out.startsWith('---\n')).toBe(true);
  });

  test('an unknown id: one line with the closest id, exit 1', async () => {
    const io = exportIO(tempDir());
    expect(await runExportCommand(['model-card', 'fraud-gbm-03'], io)).toBe(1);
    expect(io.err).toBe(`export: ${exportMessages.unknownId('fraud-gbm-03', 'fraud-gbm-003')}\n`);
  });

  test('an empty records folder: one line, exit 1', async () => {
    const dir = tempDir();
    const io = exportIO(dir);
    expect(await runExportCommand(['model-card', 'x', '--dir', dir], io)).toBe(1);
    expect(io.err).toBe(`export: ${exportMessages.noRecords('.')}\n`);
  });

  test.each([
    [[], exportMessages.missingWhat()],
    [['card', 'x'], exportMessages.unknownWhat('card')],
    [['model-card'], exportMessages.missingId()],
    [['model-card', 'a', 'b'], exportMessages.tooMany('b')],
  ])('bad arguments %j: usage, exit 2', async (args, problem) => {
    const io = exportIO(tempDir());
    expect(await runExportCommand(args, io)).toBe(2);
    expect(io.err).toBe(`export: ${problem}\n\n${EXPORT_USAGE}\n`);
  });
});
