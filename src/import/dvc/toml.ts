/**
 * A small TOML reader for metrics files: `[table]` and `[a.b]` headers, `key = value` lines with
 * numbers (incl. `nan`, `inf`), strings, booleans; `#` comments. Arrays, inline tables and
 * multi-line strings are not metrics and are rejected.
 */
export function parseSimpleToml(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let table = root;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (line === '') return;
    const header = /^\[\s*([A-Za-z0-9_.\-" ]+?)\s*\]$/.exec(line);
    if (header !== null) {
      table = root;
      for (const part of splitKey(header[1] ?? '', index)) {
        const next = table[part];
        if (next === undefined) table[part] = {};
        else if (typeof next !== 'object' || next === null) throw new Error(`line ${index + 1}: ${part} is already a value`);
        table = table[part] as Record<string, unknown>;
      }
      return;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`line ${index + 1}: expected key = value`);
    const keys = splitKey(line.slice(0, eq), index);
    let target = table;
    for (const part of keys.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[keys[keys.length - 1] ?? ''] = parseValue(line.slice(eq + 1).trim(), index);
  });
  return root;
}

function splitKey(text: string, index: number): string[] {
  const parts = text.split('.').map((part) => part.trim().replace(/^"(.*)"$/, '$1'));
  if (parts.some((part) => part === '')) throw new Error(`line ${index + 1}: empty key`);
  return parts;
}

function parseValue(text: string, index: number): unknown {
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) return JSON.parse(text) as unknown;
  if (/^'[^']*'$/.test(text)) return text.slice(1, -1);
  if (text === 'true' || text === 'false') return text === 'true';
  const clean = text.replace(/_/g, '');
  if (/^[+-]?nan$/.test(clean)) return Number.NaN;
  if (/^[+-]?inf$/.test(clean)) return clean.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)) return Number(clean);
  throw new Error(`line ${index + 1}: unsupported value ${text}`);
}

function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quote !== undefined) {
      if (char === quote && line[i - 1] !== '\\') quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return line.slice(0, i);
  }
  return line;
}
