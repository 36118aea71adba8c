import * as msg from './messages.ts';

/** Output form of a new record. */
export type ScaffoldFormat = 'md' | 'json';

/** What `npm run new` was asked to do, as parsed from its arguments. */
export interface NewOptions {
  id: string;
  parent?: string;
  format: ScaffoldFormat;
  /** Output folder as given (relative to the cwd), if `--dir` was used. */
  dir?: string;
  help: boolean;
}

export type ParseArgsResult = { ok: true; options: NewOptions } | { ok: false; error: string };

const VALUE_OPTIONS = new Set(['--parent', '--format', '--dir']);

/**
 * Parses the arguments of `npm run new` (everything after `--`). Accepts `--opt value` and `--opt=value`;
 * `-h`/`--help` asks for the usage text. Does not check the id's spelling (see `isValidId`).
 */
export function parseNewArgs(argv: readonly string[]): ParseArgsResult {
  const positional: string[] = [];
  const values = new Map<string, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg : arg.slice(0, eq);
      if (!VALUE_OPTIONS.has(name)) return { ok: false, error: msg.unknownOption(name) };
      let value: string | undefined;
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        i++;
      }
      if (value === undefined || value === '' || (eq === -1 && value.startsWith('--')))
        return { ok: false, error: msg.missingOptionValue(name) };
      if (values.has(name)) return { ok: false, error: msg.repeatedOption(name) };
      values.set(name, value);
      continue;
    }
    positional.push(arg);
  }
  const format = values.get('--format') ?? 'md';
  if (format !== 'md' && format !== 'json') return { ok: false, error: msg.badFormat(format) };
  if (help) return { ok: true, options: { id: positional[0] ?? '', format, help: true } };
  const [id, extra] = positional;
  if (id === undefined) return { ok: false, error: msg.missingId() };
  if (extra !== undefined) return { ok: false, error: msg.tooManyIds(extra) };
  const options: NewOptions = { id, format, help: false };
  const parent = values.get('--parent');
  if (parent !== undefined) options.parent = parent;
  const dir = values.get('--dir');
  if (dir !== undefined) options.dir = dir;
  return { ok: true, options };
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True when `id` is a valid experiment id (the same rule as the record schema's `IdSchema`). */
export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}
