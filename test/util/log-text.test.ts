import { describe, expect, test } from 'vitest';
import { commandData, commandProperty, oneLine, stripTerminalCodes } from '../../src/util/log-text.ts';

describe('oneLine', () => {
  test('shows line breaks and other control characters as visible escapes, so nothing can start a new log line', () => {
    expect(oneLine('a.json\n::error::forged\r\n::add-mask::x')).toBe('a.json\\n::error::forged\\r\\n::add-mask::x');
    expect(oneLine('bell\u0007 esc\u001b nel\u0085 ls\u2028 ps\u2029 del\u007f')).toBe(
      'bell\\x07 esc\\x1b nel\\x85 ls\\u2028 ps\\u2029 del\\x7f',
    );
  });
  test('leaves tabs and ordinary text, Unicode included, alone', () => {
    expect(oneLine('a\tb — 日本語 ✓')).toBe('a\tb — 日本語 ✓');
  });
});

describe('stripTerminalCodes', () => {
  test('removes colour, cursor, title (OSC) and 8-bit escape sequences, then keeps the rest on one line', () => {
    expect(
      stripTerminalCodes(
        '\u001b[1;31mred\u001b[0m \u001b[2J\u001b[Hcleared \u001b]0;title\u0007\u001b]8;;https://x\u001b\\link\u001b]8;;\u001b\\ \u009b31mc1\n::error::x',
      ),
    ).toBe('red cleared link c1\\n::error::x');
  });
});

describe('commandData and commandProperty', () => {
  test('escape what GitHub workflow commands need escaped', () => {
    expect(commandData('50%\r\nx')).toBe('50%25%0D%0Ax');
    expect(commandProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});
