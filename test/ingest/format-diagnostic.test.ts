import { describe, expect, test } from 'vitest';
import { formatDiagnostic, formatGithubAnnotation, type Diagnostic } from '../../src/ingest/index.ts';

const base: Diagnostic = {
  level: 'error',
  code: 'invalid-type',
  file: 'content/a.json',
  line: 3,
  column: 5,
  path: 'dataset.records',
  message: 'expected a number, got the string "many"',
  hint: 'write a plain number, without units or words',
};

describe('formatDiagnostic', () => {
  test('prints file:line:col field.path: message — hint', () => {
    expect(formatDiagnostic(base)).toBe(
      'content/a.json:3:5 dataset.records: expected a number, got the string "many" — write a plain number, without units or words',
    );
  });

  test('omits the parts a diagnostic does not have', () => {
    const { line: _line, column: _column, hint: _hint, ...bare } = base;
    expect(formatDiagnostic({ ...bare, path: '' })).toBe('content/a.json: expected a number, got the string "many"');
    expect(formatDiagnostic({ ...bare, line: 7 })).toBe('content/a.json:7 dataset.records: expected a number, got the string "many"');
  });
});

describe('formatDiagnostic with hostile text', () => {
  test('keeps a file name, field path or message with line breaks on one line, so it cannot start a workflow command', () => {
    const line = formatDiagnostic({
      ...base,
      file: 'content/x\n::error::forged.json',
      path: 'tags.a\r::add-mask::b',
      message: 'm\n::stop-commands::t',
    });
    expect(line).toBe(
      'content/x\\n::error::forged.json:3:5 tags.a\\r::add-mask::b: m\\n::stop-commands::t — write a plain number, without units or words',
    );
    expect(line.split('\n')).toHaveLength(1);
  });
  test('a file named "::…" in the current folder does not start the line', () => {
    const { line: _line, column: _column, hint: _hint, ...bare } = base;
    expect(formatDiagnostic({ ...bare, file: '::error file=x::pwned.json', path: '' })).toBe(
      './::error file=x::pwned.json: expected a number, got the string "many"',
    );
  });
});

describe('formatGithubAnnotation', () => {
  test('prints an ::error workflow command with file, line and col', () => {
    expect(formatGithubAnnotation(base)).toBe(
      '::error file=content/a.json,line=3,col=5::dataset.records: expected a number, got the string "many" — write a plain number, without units or words',
    );
  });

  test('prints warnings as ::warning and escapes newlines and percent signs', () => {
    expect(formatGithubAnnotation({ level: 'warning', code: 'x', file: 'a,b.md', path: '', message: '100%\nsure' })).toBe(
      '::warning file=a%2Cb.md::100%25%0Asure',
    );
  });
});
