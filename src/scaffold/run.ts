import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isValidId, parseNewArgs } from './args.ts';
import type { Settings } from '../settings/index.ts';
import { schemaReference } from '../util/package-files.ts';
import { suggestClosestId } from './closest.ts';
import { renderJsonSkeleton } from './json.ts';
import * as msg from './messages.ts';
import { detectRecordForm, pickInheritable, readRecordId, readStructuredRecord, readTemplateFields, type Inheritable } from './parent.ts';
import { extractSection, fillTemplate, type TemplateFill } from './template.ts';

/** The Logbook parser's entry point, when it can be loaded (`src/ingest/index.ts`). */
export type ParseSourceFn = (text: string, options: { file: string }) => { data: unknown };

/** Everything `npm run new` does to the outside world, so tests can pass fakes. */
export interface NewEffects {
  /** Absolute working directory; relative paths are resolved against it. */
  cwd: string;
  /** The settings (the content folder is where records go without `--dir`). */
  settings: Pick<Settings, 'content'>;
  now(): Date;
  /** Absolute paths of the `*.json` and `*.md` files under `dir` (recursively); [] when `dir` does not exist. */
  listRecordFiles(dir: string): Promise<string[]>;
  readText(path: string): Promise<string>;
  exists(path: string): Promise<boolean>;
  /** Creates `path` (and its folders); must fail rather than overwrite. */
  writeNewFile(path: string, text: string): Promise<void>;
  /** The record JSON Schema (absolute path), which `$schema` of a JSON record points to. */
  schemaFile: string;
  /** The log template text (`src/scaffold/template.md`). */
  loadTemplate(): Promise<string>;
  /** The parser's `parseSource`, or why it could not be loaded (undefined: not there, say nothing). */
  loadParser(): Promise<ParseSourceFn | { error: string } | undefined>;
}

export interface NewResult {
  /** 0 written, 1 refused (invalid id, unknown parent, existing file), 2 bad arguments. */
  code: number;
  stdout: string;
  stderr: string;
  /** Absolute path of the file written. */
  path?: string;
}

/** Where records live: `--dir`, else the `content` setting, relative to the cwd. */
export function resolveContentDir(cwd: string, settings: Pick<Settings, 'content'>, dirOption?: string): string {
  return resolve(cwd, dirOption ?? settings.content);
}

/** `YYYY-MM-DD` of `date` in UTC. */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * `npm run new -- <id> [--parent <id>] [--format md|json] [--dir <folder>]`: writes a new record
 * (the log template, or a JSON skeleton) named `<id>.md` / `<id>.json` into the content folder,
 * inheriting the parent's dataset and model configuration. Never overwrites a file.
 */
export async function runNew(argv: readonly string[], effects: NewEffects): Promise<NewResult> {
  const parsed = parseNewArgs(argv);
  if (!parsed.ok) return { code: 2, stdout: '', stderr: `error: ${parsed.error}\n\n${msg.USAGE}\n` };
  const options = parsed.options;
  if (options.help) return { code: 0, stdout: `${msg.USAGE}\n`, stderr: '' };
  if (!isValidId(options.id)) return refuse(msg.invalidId(options.id));
  if (options.parent !== undefined && !isValidId(options.parent)) return refuse(msg.invalidParentId(options.parent));
  if (options.parent === options.id) return refuse(msg.parentIsSelf(options.id));

  const dir = resolveContentDir(effects.cwd, effects.settings, options.dir);
  const target = join(dir, `${options.id}.${options.format}`);
  const shown = (path: string): string => {
    const rel = relative(effects.cwd, path);
    return rel.startsWith('..') || isAbsolute(rel) ? path : rel.split(sep).join('/');
  };
  if (await effects.exists(target)) return refuse(msg.fileExists(shown(target)));

  // Index the folder by the ids its records declare.
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  for (const file of (await effects.listRecordFiles(dir)).sort()) {
    const text = await effects.readText(file);
    texts.set(file, text);
    const id = readRecordId(text, file);
    if (!ids.has(id)) ids.set(id, file);
  }
  const taken = ids.get(options.id);
  if (taken !== undefined) return refuse(msg.idTaken(options.id, shown(taken)));

  let inherited: Inheritable = {};
  const sections: TemplateFill['sections'] = {};
  let stderr = '';
  if (options.parent !== undefined) {
    const parentFile = ids.get(options.parent);
    if (parentFile === undefined)
      return refuse(msg.unknownParent(options.parent, shown(dir), suggestClosestId(options.parent, ids.keys())));
    const text = texts.get(parentFile) ?? '';
    const parser = await effects.loadParser();
    if (detectRecordForm(text, parentFile) !== 'template') {
      // Read as the build reads it (`hyperparameters: { lr: 0.05 }` is a list of settings there), else as written.
      const data = typeof parser === 'function' ? parser(text, { file: shown(parentFile) }).data : undefined;
      inherited = pickInheritable(data ?? readStructuredRecord(text, parentFile));
    } else {
      if (typeof parser === 'function') {
        inherited = pickInheritable(parser(text, { file: shown(parentFile) }).data);
      } else {
        if (parser !== undefined) stderr += `${msg.parserUnavailable(parser.error)}\n`;
        if (options.format === 'md') {
          for (const title of ['Dataset Information', 'Model Configuration'] as const) {
            const section = extractSection(text, title);
            if (section !== undefined) sections[title] = section;
          }
        } else {
          inherited = readTemplateFields(text);
        }
      }
    }
  }

  const date = formatDate(effects.now());
  let output: string;
  if (options.format === 'json') {
    const schemaRef = schemaReference(dir, effects.schemaFile);
    output = renderJsonSkeleton({ id: options.id, date, schemaRef, ...withParent(options.parent), ...inherited });
  } else {
    output = fillTemplate(await effects.loadTemplate(), { id: options.id, date, ...withParent(options.parent), ...inherited, sections });
  }
  await effects.writeNewFile(target, output);
  return { code: 0, stdout: `${msg.wrote(shown(target))}\n`, stderr, path: target };
}

function refuse(message: string): NewResult {
  return { code: 1, stdout: '', stderr: `error: ${message}\n` };
}

function withParent(parent: string | undefined): { parent?: string } {
  return parent === undefined ? {} : { parent };
}
