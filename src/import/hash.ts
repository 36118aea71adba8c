import { createHash } from 'node:crypto';

/**
 * Content hash of an imported record: SHA-256 (first 16 hex digits) of its canonical JSON
 * (keys sorted at every level), with `import.hash` itself left out. Key order and formatting
 * do not change it, so a record re-read from JSON or from Markdown frontmatter hashes the same
 * as the object that was written.
 */
export function hashRecord(record: Readonly<Record<string, unknown>>): string {
  const copy: Record<string, unknown> = { ...record };
  const meta = copy['import'];
  if (isPlainObject(meta)) {
    const { hash: _ignored, ...rest } = meta;
    copy['import'] = rest;
  }
  return createHash('sha256').update(canonicalJson(copy)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, no whitespace; `undefined` members dropped like `JSON.stringify`. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (isPlainObject(value)) {
    const members = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
