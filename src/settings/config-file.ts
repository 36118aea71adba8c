/**
 * The optional config file of a team's repository, `logbook.config.json`: defaults for the content
 * folder, the output folder, the site's URL and base path, and its title. Validated by zod with the
 * same located, plain-English errors as records; its JSON Schema (`public/schema/config.schema.json`)
 * gives editors completion.
 */
import { z } from 'zod';
import { isAbsolute, normalize, sep, win32 } from 'node:path';
import { parseJsonDocument } from '../ingest/parse-json.ts';
import { schemaDiagnostics } from '../ingest/validate.ts';
import { closestMatch } from '../ingest/text.ts';
import type { Diagnostic } from '../ingest/types.ts';
import * as msg from './messages.ts';
import { BASE_PATH, type SettingsInput } from './settings.ts';

/** The config file's name, looked for in the directory a command runs in. */
export const CONFIG_FILE = 'logbook.config.json';

/**
 * Whether a path in the config file stays inside the file's folder (relative, no `..` out of it).
 * The file is part of the repository, so a pull request can change it: it must not point a build at
 * the runner's other files (records read and published from them, or an output folder emptied).
 * Flags and variables, which the workflow sets, may point anywhere.
 */
function staysInside(path: string): boolean {
  if (isAbsolute(path) || win32.isAbsolute(path)) return false;
  const normal = normalize(path.replace(/\\/g, '/'));
  return normal !== '..' && !normal.startsWith(`..${sep}`) && !normal.startsWith('../');
}

function insideOnly(elsewhere: string): (issue: { input: unknown }) => string {
  return (issue) =>
    `${JSON.stringify(issue.input)} leaves the repository: give a folder relative to this file, without ".." out of it (a pull request can change this file); a folder elsewhere can be given by ${elsewhere}`;
}

export const ConfigSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editor completion.'),
    content: z
      .string()
      .min(1)
      .refine(staysInside, { error: insideOnly('<folder> (the argument of validate and build), LOGBOOK_CONTENT') })
      .optional()
      .describe('Folder of experiment records (searched recursively), relative to this file. Default: content/experiments.'),
    outDir: z
      .string()
      .min(1)
      .refine(staysInside, { error: insideOnly('--out, LOGBOOK_OUT_DIR') })
      .optional()
      .describe('Folder the site is written to, relative to this file. Default: dist.'),
    site: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://org.github.io' })
      .optional()
      .describe('Origin the site is served from, e.g. https://org.github.io (makes absolute links and the sitemap possible).'),
    base: z
      .string()
      .regex(BASE_PATH, {
        error:
          'expected the path the site is served under, such as "/" or "/repo/": slash-separated letters, digits, ".", "_", "~" and "-"',
      })
      .optional()
      .describe('Base path the site is served under, e.g. /repo/ for a GitHub Pages project site. Default: /.'),
    title: z.string().min(1).optional().describe('Site title, shown in the header and the browser tab. Default: Logbook.'),
    charts: z.boolean().optional().describe('false builds pages without charts. Default: true.'),
    staticCharts: z
      .boolean()
      .optional()
      .describe(
        "false leaves each chart's static SVG out of the pages: the browser draws it when it comes into view, and without JavaScript or in print the chart's data table stands in. For sites too large for their host. Default: true, false above largeSite experiments.",
      ),
    comparePages: z
      .boolean()
      .optional()
      .describe(
        'false builds no page per compared pair (an experiment and its parent, or a baseline that is a record): links to a comparison open the in-browser compare page. For sites too large for their host. Default: true, false above largeSite experiments.',
      ),
    largeSite: z
      .int({ error: 'expected a whole number of experiments, e.g. 4000' })
      .min(0)
      .optional()
      .describe(
        "With more experiments than this, staticCharts and comparePages are false unless set here, by a variable or by a flag, so that the site stays within its host's limits. Default: 4000.",
      ),
    pageSize: z
      .int({ error: 'expected a whole number of experiments per page, e.g. 500' })
      .min(1)
      .optional()
      .describe(
        'Most experiments one overview page lists (experiments table, fairness overview, tag pages, lineage); more go on further pages. Default: 1000.',
      ),
    cacheDir: z
      .string()
      .min(1)
      .refine(staysInside, { error: insideOnly('LOGBOOK_CACHE_DIR') })
      .optional()
      .describe(
        "Folder of Logbook's caches (rendered charts, parsed records), relative to this file. Default: node_modules/.cache/logbook.",
      ),
  })
  .describe('Logbook settings (logbook.config.json). Command-line flags and LOGBOOK_* variables override them.');

/** The config file as written. */
export type ConfigInput = z.input<typeof ConfigSchema>;

const KEYS = Object.keys(ConfigSchema.shape);

/** The JSON Schema of the config file (`public/schema/config.schema.json`), pretty-printed with a trailing newline. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify({ $id: 'urn:logbook:schema:config:1', ...z.toJSONSchema(ConfigSchema, { io: 'input' }) }, null, 2)}\n`;
}

/**
 * Reads a config file's text: the settings it gives, or every problem with its line:column (an unknown
 * key is an error with a "did you mean"). Paths in it stay as written (relative to the file).
 */
export function parseConfigFile(text: string, file: string): { config: SettingsInput | undefined; diagnostics: Diagnostic[] } {
  const parsed = parseJsonDocument(text, file);
  const diagnostics = [...parsed.diagnostics];
  const data = parsed.data;
  if (data === undefined) return { config: undefined, diagnostics };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      config: undefined,
      diagnostics: [{ level: 'error', code: 'config', file, line: 1, column: 1, path: '', message: msg.configNotAnObject() }],
    };
  }
  for (const key of Object.keys(data)) {
    if (KEYS.includes(key)) continue;
    const suggestion = closestMatch(key, KEYS);
    diagnostics.push({
      level: 'error',
      code: 'unknown-setting',
      file,
      ...(parsed.keyPositions.get(key) ?? parsed.positions.get(key) ?? {}),
      path: key,
      message: msg.unknownSetting(key),
      hint: suggestion === undefined ? msg.knownSettings(KEYS.filter((k) => k !== '$schema')) : msg.didYouMean(suggestion),
    });
  }
  const result = ConfigSchema.safeParse(data);
  if (!result.success) diagnostics.push(...schemaDiagnostics(result.error, parsed, file));
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  if (diagnostics.length > 0 || !result.success) return { config: undefined, diagnostics };
  const { $schema: _schema, ...config } = result.data;
  return { config, diagnostics };
}
