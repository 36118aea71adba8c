/**
 * Settings pasted as a code block — a config file, a printed dict, a constructor call — read as
 * `name → value` pairs, each with the line it was written on:
 *
 * - lines of `name: value` or `name = value` (YAML, TOML, INI, `.env`), with YAML nesting and TOML or
 *   INI `[section]` headers giving dotted names (`optimizer.lr`), comments and blank lines skipped;
 * - a JSON object or a printed Python dict (`{'lr': 0.001, 'use_amp': True}`), nested objects dotted;
 * - a call with keyword arguments: `Namespace(lr=0.001, batch_size=32)` (argparse),
 *   `model = XGBClassifier(n_estimators=500, max_depth=6)`.
 *
 * Anything else (a shell command, a traceback, code) is not settings: undefined, and the block stays
 * where it was written, as text.
 */
import type { Code } from 'mdast';
import { codeOf } from '../markdown-blocks.ts';
import type { SourcePosition } from '../types.ts';
import { parseScalar } from '../units.ts';

/** One setting of a block: its dotted name, its value, and where it was written. */
export interface Setting {
  name: string;
  value: string | number | boolean | null;
  position: SourcePosition;
  /** What the setting is, as a config file describes it (W&B's `desc`). */
  description?: string;
}

/** A setting named as code names it: `max_seq_len`, `optimizer.lr`, `warmup-steps`. */
const CODE_NAME = /^[A-Za-z_][\w.-]*$/;
/** A setting's name as people write it: a code name or up to four short words (`batch size`, `LoRA rank`). */
const SETTING_NAME = /^[A-Za-z_][\w.-]*(?: [\w.-]+){0,3}$/;

/** Whether a name is a code name (`max_seq_len`): a list of only such names under a model heading is the hyperparameters. */
export function isCodeName(name: string): boolean {
  return CODE_NAME.test(name);
}

/** Whether a name may be a setting's (a code name or up to four short words, at most 40 characters), in a list mixing settings with other labels. */
export function isSettingName(name: string): boolean {
  return name.length <= 40 && SETTING_NAME.test(name);
}

/** Languages a settings block may be marked with (or none). */
const SETTINGS_LANGS = /^(ya?ml|toml|ini|cfg|conf|properties|env|dotenv|json5?|jsonc|python|py|text|txt|plaintext)$/i;

/** The settings a code block holds, or undefined when it is not settings. */
export function settingsOf(code: Code): Setting[] | undefined {
  if (code.lang && !SETTINGS_LANGS.test(code.lang)) return undefined;
  const { text, position } = codeOf(code);
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const read = /^[{]/.test(trimmed) ? objectSettings(text, position) : (callSettings(text, position) ?? lineSettings(text, position));
  const settings = read === undefined ? undefined : wandbSettings(read);
  return settings !== undefined && settings.length > 0 ? settings : undefined;
}

/**
 * A Weights & Biases `config.yaml` (`batch_size:` over `desc: per-GPU batch size` and `value: 32`):
 * each setting its value, named without `.value` (`batch_size`, `optimizer.lr`), its `desc` its
 * description; W&B's own entries (`wandb_version`, `_wandb.*`) are no settings. Other settings as read.
 */
function wandbSettings(settings: readonly Setting[]): Setting[] {
  const wrapped = (name: string): RegExpExecArray | null => /^([^.]+)\.(value|desc)(?:\.(.+))?$/.exec(name);
  const shaped = settings.filter((s) => wrapped(s.name) !== null || s.name === 'wandb_version' || s.name.startsWith('_wandb.'));
  if (shaped.length < settings.length || !settings.some((s) => wrapped(s.name)?.[2] === 'value')) return [...settings];
  const descriptions = new Map<string, string>();
  for (const setting of settings) {
    const match = wrapped(setting.name);
    if (match?.[2] === 'desc' && match[3] === undefined && typeof setting.value === 'string')
      descriptions.set(match[1] ?? '', setting.value);
  }
  return settings.flatMap((setting) => {
    const match = wrapped(setting.name);
    if (match?.[2] !== 'value' || match[1] === '_wandb') return [];
    const [, name = '', , rest] = match;
    const description = descriptions.get(name);
    return [{ ...setting, name: rest === undefined ? name : `${name}.${rest}`, ...(description === undefined ? {} : { description }) }];
  });
}

/**
 * Settings in a shape that is nothing else: a printed dict or JSON object (`{'lr': 0.1, 'epochs': 90}`,
 * `wandb.config`) or a call's keyword arguments (`Namespace(lr=0.1, epochs=90)`, as argparse prints
 * them). Read without a label or a language naming them settings; undefined for any other text.
 */
export function structuredSettings(text: string, position: SourcePosition): Setting[] | undefined {
  const trimmed = text.trim();
  const settings = trimmed.startsWith('{') ? objectSettings(text, position) : callSettings(text, position);
  return settings !== undefined && settings.length > 0 ? settings : undefined;
}

/** The line (and column) of `offset` in `text`, which starts at `start`. */
export function positionAt(text: string, offset: number, start: SourcePosition): SourcePosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const column = offset - (before.lastIndexOf('\n') + 1);
  return { line: start.line + line, column: (line === 0 ? start.column : 1) + column };
}

/** A scalar as written, without quotes; `True`/`None` as Python prints them. */
function scalarOf(written: string): string | number | boolean | null {
  const text = written.trim();
  const quoted = /^(["'])(.*)\1$/.exec(text);
  if (quoted) return quoted[2] ?? '';
  if (text === 'None' || text === '~') return null;
  return parseScalar(text);
}

/** `name: value` / `name = value` lines. YAML nesting by indentation and `[section]` headers prefix the names. */
function lineSettings(text: string, start: SourcePosition): Setting[] | undefined {
  const settings: Setting[] = [];
  const parents: { indent: number; name: string }[] = [];
  let section = '';
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const lineOffset = offset;
    offset += raw.length + 1;
    if (/^\s*(?:$|#|;|\/\/|---$|\.\.\.$)/.test(line)) continue;
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header?.[1] !== undefined) {
      section = header[1].trim();
      parents.length = 0;
      continue;
    }
    const match = /^(\s*)(?:export\s+)?(["']?)([A-Za-z_][\w.-]*)\2\s*(:|=)(?:\s+|(?=\S)|$)(.*)$/.exec(line);
    if (!match || match[3] === undefined) return undefined;
    const indent = match[1]?.length ?? 0;
    const value = withoutComment(match[5] ?? '');
    while (parents.length > 0 && (parents[parents.length - 1]?.indent ?? 0) >= indent) parents.pop();
    const name = [section, ...parents.map((p) => p.name), match[3]].filter((part) => part !== '').join('.');
    if (value === '' && match[4] === ':') {
      parents.push({ indent, name: match[3] });
      continue;
    }
    settings.push({ name, value: scalarOf(value), position: positionAt(text, lineOffset + indent, start) });
  }
  return settings;
}

/** A value without its trailing ` # comment` (outside quotes). */
function withoutComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(value[i - 1] ?? ''))) return value.slice(0, i).trim();
  }
  return value.trim();
}

/** Python's literals as JSON's, outside strings; single-quoted strings double-quoted. */
function pythonToJson(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"' || c === "'") {
      let j = i + 1;
      let body = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          body += text.slice(j, j + 2);
          j += 2;
        } else body += text[j++];
      }
      out += JSON.stringify(c === "'" ? body.replace(/\\'/g, "'") : JSON.parse(`"${body}"`));
      i = j;
      continue;
    }
    const word = /^(True|False|None)\b/.exec(text.slice(i));
    if (word?.[1] !== undefined && !/\w/.test(text[i - 1] ?? '')) {
      out += word[1] === 'True' ? 'true' : word[1] === 'False' ? 'false' : 'null';
      i += word[1].length - 1;
      continue;
    }
    out += c;
  }
  // A trailing comma before a closing brace or bracket (Python, JSON5).
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** A JSON object or a printed Python dict: its leaves, nested names dotted, each at the line of its name. */
function objectSettings(text: string, start: SourcePosition): Setting[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = JSON.parse(pythonToJson(text));
    } catch {
      return undefined;
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const settings: Setting[] = [];
  let from = 0;
  const visit = (value: unknown, names: string[]): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) {
        // Each name is found after the one before it, so its line is where it was written.
        const at = [`"${key}"`, `'${key}'`].map((quoted) => text.indexOf(quoted, from)).filter((i) => i >= 0);
        const offset = at.length > 0 ? Math.min(...at) : from;
        from = offset + key.length;
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) visit(item, [...names, key]);
        else settings.push({ name: [...names, key].join('.'), value: leafOf(item), position: positionAt(text, offset, start) });
      }
    }
  };
  visit(parsed, []);
  return settings;
}

function leafOf(value: unknown): string | number | boolean | null {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** `Namespace(lr=0.001, batch_size=32)`, `clf = XGBClassifier(n_estimators=500)`: keyword arguments. */
function callSettings(text: string, start: SourcePosition): Setting[] | undefined {
  const call = /^\s*(?:[A-Za-z_][\w.]*\s*=\s*)?[A-Za-z_][\w.]*\(([\s\S]*)\)\s*$/.exec(text);
  if (call?.[1] === undefined) return undefined;
  const inner = call[1];
  const innerOffset = text.indexOf(inner, text.indexOf('('));
  const settings: Setting[] = [];
  for (const { part, offset } of splitTopLevel(inner)) {
    if (part.trim() === '') continue;
    const pair = /^(\s*)([A-Za-z_]\w*)\s*=\s*([\s\S]+?)\s*$/.exec(part);
    if (!pair?.[2] || pair[3] === undefined) return undefined;
    settings.push({
      name: pair[2],
      value: scalarOf(pair[3]),
      position: positionAt(text, innerOffset + offset + (pair[1]?.length ?? 0), start),
    });
  }
  return settings;
}

/** Splits `text` at commas and semicolons outside brackets and quotes, with each part's offset. */
export function splitTopLevel(text: string): { part: string; offset: number }[] {
  const parts: { part: string; offset: number }[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '`' || c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(' || c === '{') depth++;
    else if ((c === ']' || c === ')' || c === '}') && depth > 0) depth--;
    else if (c === undefined || (depth === 0 && (c === ',' || c === ';'))) {
      parts.push({ part: text.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  return parts;
}
