import { describe, expect, test } from 'vitest';
import { codeSpan, escapeMarkdown, formatChange, formatMetric, formatVerdict } from '../../src/summary/format.ts';
import { verdictOf } from '../../src/summary/build.ts';
import type { SummaryDelta } from '../../src/summary/types.ts';

function delta(current: number, reference: number, unit: string | null = null, extra: Partial<SummaryDelta> = {}): SummaryDelta {
  const absolute = current - reference;
  return {
    reference: 'ref',
    referenceId: null,
    metric: 'm',
    current,
    referenceValue: reference,
    absolute,
    absoluteUnit: unit === '%' ? 'pp' : unit,
    relative: reference === 0 ? null : absolute / Math.abs(reference),
    ciLow: null,
    ciHigh: null,
    betterDirection: 'higher',
    unit,
    verdict: 'better',
    noise: 'no-interval',
    ...extra,
  };
}

describe('formatChange', () => {
  test.each([
    ['accuracy 0.869 vs 0.851', delta(0.869, 0.851), '+0.018 (+2.1%)'],
    ['a percent metric in percentage points', delta(86.9, 85.1, '%'), '+1.8 pp (+2.1%)'],
    ['a drop, with a real minus sign', delta(0.851, 0.869), '−0.018 (−2.1%)'],
    ['milliseconds', delta(15.5, 12.5, 'ms'), '+3.0 ms (+24.0%)'],
    ['a zero reference', delta(0.5, 0), '+0.5 (relative n/a)'],
  ])('%s', (_, d, expected) => {
    expect(formatChange(d)).toBe(expected);
  });
});

describe('verdictOf', () => {
  test.each([
    [0.869, 0.851, 'higher', 'better'],
    [0.851, 0.869, 'higher', 'worse'],
    [15.5, 12.5, 'lower', 'worse'],
    [10, 12.5, 'lower', 'better'],
    [0.3, 0.1 + 0.2, 'higher', 'no-change'],
    [2, 1, null, 'no-direction'],
  ] as const)('%s vs %s (%s is better) → %s', (current, reference, direction, expected) => {
    expect(verdictOf({ current, reference, absolute: current - reference, betterDirection: direction })).toBe(expected);
  });
});

describe('formatVerdict', () => {
  test.each([
    ['better', 'outside-noise', 1, '✅ better'],
    ['worse', 'outside-noise', -1, '⚠️ worse'],
    ['better', 'within-noise', 1, '➖ better, within noise'],
    ['worse', 'within-noise', -1, '➖ worse, within noise'],
    ['better', 'no-interval', 1, '❔ better (no interval)'],
    ['no-change', 'within-noise', 0, 'no change'],
    ['no-direction', 'outside-noise', 2, '↑ higher (direction unknown)'],
    ['no-direction', 'outside-noise', -2, '↓ lower (direction unknown)'],
  ] as const)('%s, %s → %s', (verdict, noise, absolute, expected) => {
    expect(formatVerdict({ verdict, noise, absolute })).toBe(expected);
  });

  test('never calls a change better without an interval that excludes 0', () => {
    for (const noise of ['within-noise', 'no-interval'] as const)
      expect(formatVerdict({ verdict: 'better', noise, absolute: 1 })).not.toMatch(/^✅/);
  });
});

describe('formatMetric', () => {
  test.each([
    [{ metric: 'Accuracy', value: 0.863, unit: null, ciHalfWidth: 0.012, ciLow: 0.851, ciHigh: 0.875 }, '0.863 ± 0.012'],
    [{ metric: 'Recall', value: 86.3, unit: '%', ciHalfWidth: 1.25, ciLow: 85.05, ciHigh: 87.55 }, '86.30% ± 1.25 pp'],
    [{ metric: 'AUC', value: 0.91, unit: null, ciHalfWidth: null, ciLow: 0.88, ciHigh: 0.93 }, '0.91 (95% CI 0.88 to 0.93)'],
    [{ metric: 'Latency', value: 12, unit: 'ms', ciHalfWidth: null, ciLow: null, ciHigh: null }, '12 ms (no CI)'],
  ])('%j → %s', (m, expected) => {
    expect(formatMetric({ betterDirection: null, ...m })).toBe(expected);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['a | b', 'a \\| b'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['`x`', '\\`x\\`'],
    ['[click](https://evil)', '\\[click\\](https://evil)'],
    ['![pixel](https://evil/p.png)', '\\!\\[pixel\\](https://evil/p.png)'],
    ['**bold** _it_ ~~s~~', '\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~'],
    ['$x^2$', '\\$x^2\\$'],
    ['ping @octocat', 'ping @\u200boctocat'],
    ['AT&T', 'AT&amp;T'],
    ['line\none\r\ntwo', 'line one two'],
    ['a\u202eb\u0007c', 'abc'],
  ])('%j → %j', (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe('codeSpan', () => {
  test.each([
    ['content/x.md', '`content/x.md`'],
    ['a`b', '``a`b``'],
    ['`edge', '`` `edge ``'],
    ['two\nlines', '`two lines`'],
  ])('%j → %j', (text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });
});
