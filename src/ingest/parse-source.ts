/** Entry point of the read step: one file's text → a raw record with positions. */

import { hasFrontmatter, parseFrontmatterSource } from './parse-frontmatter.ts';
import { parseJsonSource } from './parse-json.ts';
import { parseTemplateSource } from './template/index.ts';
import type { ParsedSource, SourceFormat } from './types.ts';

/** Which form a file is written in: `*.json` → json; Markdown starting with `---` → frontmatter; other Markdown → template. */
export function detectFormat(text: string, file: string): SourceFormat {
  const extension = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (extension === 'json' || extension === 'jsonc') return 'json';
  if (hasFrontmatter(text)) return 'frontmatter';
  if (extension !== 'md' && extension !== 'markdown' && /^\s*\{/.test(text)) return 'json';
  return 'template';
}

/**
 * Parses one record file (pure: no file system). `file` is only used for the format (by extension),
 * the fallback id (file name without extension) and diagnostics. Line endings may be `\n` or `\r\n`.
 * Syntax errors come back as diagnostics with `data: undefined`; nothing throws.
 */
export function parseSource(text: string, options: { file: string }): ParsedSource {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const format = detectFormat(normalized, options.file);
  if (format === 'json') return parseJsonSource(normalized, options.file);
  if (format === 'frontmatter') return parseFrontmatterSource(normalized, options.file);
  return parseTemplateSource(normalized, options.file);
}
