/** Entry point of the read step: one file's text → a raw record with positions. */

import { checkSourceText } from './limits.ts';
import * as msg from './messages.ts';
import { hasFrontmatter, parseFrontmatterSource } from './parse-frontmatter.ts';
import { parseJsonSource } from './parse-json.ts';
import { parseTemplateSource } from './template/index.ts';
import type { Diagnostic, ParsedSource, SourceFormat } from './types.ts';

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
 * Syntax errors, text past a limit (`limits.ts`, checked before parsing) and anything a parser
 * throws come back as one diagnostic with `data: undefined`; nothing throws.
 */
export function parseSource(text: string, options: { file: string }): ParsedSource {
  const { file } = options;
  const format = detectFormat(text.replace(/^\uFEFF/, ''), file);
  const unreadable = (diagnostic: Diagnostic): ParsedSource => ({
    file,
    format,
    data: undefined,
    positions: new Map(),
    keyPositions: new Map(),
    diagnostics: [diagnostic],
  });
  const refused = checkSourceText(text, file, format);
  if (refused !== undefined) return unreadable(refused);
  try {
    const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (format === 'json') return parseJsonSource(normalized, file);
    if (format === 'frontmatter') return parseFrontmatterSource(normalized, file);
    return parseTemplateSource(normalized, file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return unreadable({
      level: 'error',
      code: 'parse-failed',
      file,
      path: '',
      message: msg.parseFailed(reason),
      hint: msg.hintParseFailed(),
    });
  }
}
