/** Command-line arguments of `logbook summary`. */
import { normalizeSiteUrl } from './links.ts';
import * as msg from './messages.ts';

/** Output format. */
export type SummaryFormat = 'md' | 'json';

/** What `logbook summary` was asked to do. */
export interface SummaryOptions {
  /** Git ref to compare with (branch, tag or commit). */
  base: string;
  format: SummaryFormat;
  /** Site root for links, as given (validated as an http(s) URL). */
  site?: string;
  /** Content folder as given (relative to the cwd): the positional argument, or `--dir`. */
  dir?: string;
  /** Settings file as given (`--config`). */
  config?: string;
  /** The CI run whose artifacts hold the site built from this branch (validated as an http(s) URL). */
  runUrl?: string;
}

export type ParseSummaryArgsResult = { kind: 'help' } | { kind: 'ok'; options: SummaryOptions } | { kind: 'error'; error: string };

const VALUE_OPTIONS = new Set(['--base', '--format', '--site', '--dir', '--config', '--run-url']);

/**
 * Parses the arguments (everything after `logbook summary`): options, and at most one folder. Accepts `--opt value` and
 * `--opt=value`; `-h`/`--help` wins over everything else. A base ref starting with `-` is refused, so
 * it can never be read by git as an option.
 */
export function parseSummaryArgs(argv: readonly string[]): ParseSummaryArgsResult {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  const values = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      if (positionals.length > 1) return { kind: 'error', error: msg.unexpectedArgument(arg) };
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.has(name)) return { kind: 'error', error: msg.unknownOption(name) };
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      // `--base --format json`: a missing value, not a ref called "--format".
      if (value !== undefined && VALUE_OPTIONS.has(value.split('=')[0] ?? '')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') return { kind: 'error', error: msg.missingValue(name) };
    if (values.has(name)) return { kind: 'error', error: msg.repeatedOption(name) };
    values.set(name, value);
  }
  const base = values.get('--base');
  if (base === undefined) return { kind: 'error', error: msg.missingBase() };
  if (base.startsWith('-')) return { kind: 'error', error: msg.badBase(base) };
  const format = values.get('--format') ?? 'md';
  if (format !== 'md' && format !== 'json') return { kind: 'error', error: msg.badFormat(format) };
  const options: SummaryOptions = { base, format };
  const site = values.get('--site');
  if (site !== undefined) {
    if (normalizeSiteUrl(site) === null) return { kind: 'error', error: msg.badSite(site) };
    options.site = site;
  }
  const dir = values.get('--dir');
  if (dir !== undefined && positionals[0] !== undefined) return { kind: 'error', error: msg.unexpectedArgument(positionals[0]) };
  const folder = dir ?? positionals[0];
  if (folder !== undefined) options.dir = folder;
  const config = values.get('--config');
  if (config !== undefined) options.config = config;
  const runUrl = values.get('--run-url');
  if (runUrl !== undefined) {
    if (normalizeSiteUrl(runUrl) === null) return { kind: 'error', error: msg.badRunUrl(runUrl) };
    options.runUrl = runUrl;
  }
  return { kind: 'ok', options };
}
