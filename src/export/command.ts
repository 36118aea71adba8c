/**
 * `logbook export model-card <id> [--out README.md] [--dir <records>] [--task <id>] [--force]`:
 * loads the records, finds the one with `<id>` and writes its Hugging Face model card
 * (`buildModelCard`). Exit code 0 (written), 1 (no such record, a file that is not ours) or 2
 * (bad arguments). Never prints a stack trace; paths are printed relative to `io.cwd`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CommandIO } from '../cli/io.ts';
import { loadRecords } from '../content/load.ts';
import { closestMatch } from '../ingest/text.ts';
import { displayPath } from '../import/paths.ts';
import { commandSettings } from '../cli/settings.ts';
import { resolveContentDir } from '../scaffold/run.ts';
import { exportMessages as messages, EXPORT_USAGE } from './messages.ts';
import { buildModelCard, cardMarker } from './model-card.ts';

/** Runs `export` with `args` (the words after `export`); resolves to the exit code. */
export async function runExportCommand(args: readonly string[], io: CommandIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'README.md' },
        dir: { type: 'string' },
        task: { type: 'string' },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return 0;
  }
  const [what, id, extra] = positionals;
  if (what === undefined) return usage(io, messages.missingWhat());
  if (what !== 'model-card') return usage(io, messages.unknownWhat(what));
  if (id === undefined) return usage(io, messages.missingId());
  if (extra !== undefined) return usage(io, messages.tooMany(extra));

  const settings = await commandSettings('export', io, {});
  if ('exit' in settings) return settings.exit;
  const dir = resolveContentDir(io.cwd, settings.settings, values.dir);
  const shownDir = displayPath(dir, io.cwd);
  try {
    const loaded = await loadRecords(dir);
    if (loaded.records.length === 0)
      return fail(
        io,
        loaded.diagnostics.length > 0 ? messages.invalidRecords(loaded.diagnostics.length, shownDir) : messages.noRecords(shownDir),
      );
    const found = loaded.records.find((entry) => entry.record.id === id);
    if (found === undefined)
      return fail(
        io,
        messages.unknownId(
          id,
          closestMatch(
            id,
            loaded.records.map((entry) => entry.record.id),
          ) ?? undefined,
        ),
      );
    const card = buildModelCard(found.record, { task: values.task });
    const todos = card.split('\n').filter((line) => line.startsWith('> **TODO:**')).length;
    if (values.out === '-') {
      io.stdout(card);
      return 0;
    }
    const out = resolve(io.cwd, values.out);
    const shownOut = displayPath(out, io.cwd);
    if (existsSync(out) && !values.force && !readFileSync(out, 'utf8').includes(cardMarker(id)))
      return fail(io, messages.notOurs(shownOut));
    try {
      mkdirSync(dirname(out), { recursive: true });
      const temporary = `${out}.${process.pid}.tmp`;
      writeFileSync(temporary, card);
      renameSync(temporary, out);
    } catch (error) {
      return fail(io, messages.cannotWrite(shownOut, error instanceof Error ? error.message : String(error)));
    }
    io.stdout(`export: ${messages.wrote(shownOut, todos)}\n`);
    return 0;
  } catch (error) {
    return fail(
      io,
      `internal error: ${error instanceof Error ? error.message : String(error)} — this is a bug in Logbook; please report it`,
    );
  }
}

function usage(io: CommandIO, problem: string): number {
  io.stderr(`export: ${problem}\n\n${EXPORT_USAGE}\n`);
  return 2;
}

function fail(io: CommandIO, problem: string): number {
  io.stderr(`export: ${problem}\n`);
  return 1;
}
