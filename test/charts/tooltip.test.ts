import { describe, expect, test } from 'vitest';
import { formatTooltipHtml } from '../../src/charts/tooltip.ts';

describe('formatTooltipHtml', () => {
  test('shows "image" and "title" keys as plain rows: no <img>, no heading', () => {
    expect(formatTooltipHtml({ image: 'https://evil.example/x.png', title: 'Group', Accuracy: 0.9 })).toBe(
      '<table><tr><td class="key">image</td><td class="value">https://evil.example/x.png</td></tr>' +
        '<tr><td class="key">title</td><td class="value">Group</td></tr>' +
        '<tr><td class="key">Accuracy</td><td class="value">0.9</td></tr></table>',
    );
  });

  test('escapes keys and values', () => {
    expect(formatTooltipHtml({ '<b>k</b>': '"><img src=x onerror=alert(1)>' })).toBe(
      '<table><tr><td class="key">&lt;b&gt;k&lt;/b&gt;</td><td class="value">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td></tr></table>',
    );
  });

  test('shows other values as text, and leaves out undefined ones', () => {
    expect(formatTooltipHtml('<i>plain</i>')).toBe('&lt;i&gt;plain&lt;/i&gt;');
    expect(formatTooltipHtml(['a', 1])).toBe('[&quot;a&quot;,1]');
    expect(formatTooltipHtml({ a: undefined, b: { c: [1] } })).toBe(
      '<table><tr><td class="key">b</td><td class="value">{&quot;c&quot;:[1]}</td></tr></table>',
    );
    expect(formatTooltipHtml({})).toBe('');
  });
});
