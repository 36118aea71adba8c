import { describe, expect, test } from 'vitest';
import { parseSummaryArgs } from '../../src/summary/args.ts';

describe('parseSummaryArgs', () => {
  test('reads every option in both spellings', () => {
    expect(parseSummaryArgs(['--base', 'origin/main', '--format=json', '--site', 'https://x.io/r/', '--dir=recs'])).toEqual({
      kind: 'ok',
      options: { base: 'origin/main', format: 'json', site: 'https://x.io/r/', dir: 'recs' },
    });
  });

  test('defaults to Markdown', () => {
    expect(parseSummaryArgs(['--base=main'])).toEqual({ kind: 'ok', options: { base: 'main', format: 'md' } });
  });

  test('asks for help with -h or --help, whatever else is there', () => {
    expect(parseSummaryArgs(['--bogus', '-h'])).toEqual({ kind: 'help' });
    expect(parseSummaryArgs(['--help'])).toEqual({ kind: 'help' });
  });

  test.each([
    [[], 'summary: --base <git-ref> is required (e.g. --base origin/main)'],
    [['--base'], 'summary: --base needs a value'],
    [['--base', '--format', 'md'], 'summary: --base needs a value'],
    [['--base='], 'summary: --base needs a value'],
    [['--base', 'a', '--base', 'b'], 'summary: --base given more than once'],
    [['--base', '-x'], 'summary: "-x" is not a usable git ref (it must not start with "-")'],
    [['--base', 'main', '--format', 'html'], 'summary: --format must be "md" or "json", got "html"'],
    [['--base', 'main', '--site', 'javascript:alert(1)'], 'summary: --site must be an http(s) URL, got "javascript:alert(1)"'],
    [['--base', 'main', '--verbose'], 'summary: unknown option "--verbose"'],
    [['--base', 'main', 'logs', 'extra'], 'summary: unexpected argument "extra"'],
    [['--base', 'main', 'logs', '--dir', 'other'], 'summary: unexpected argument "logs"'],
  ])('%j → %s', (argv, error) => {
    expect(parseSummaryArgs(argv)).toEqual({ kind: 'error', error });
  });
});
