import { describe, expect, test } from 'vitest';
import {
  codeSpan,
  escapeMarkdown,
  formatChange,
  formatChangeInterval,
  formatComparedValues,
  formatFairnessFlag,
  formatMetric,
  formatVerdict,
} from '../../src/summary/format.ts';
import { verdictOf } from '../../src/summary/build.ts';
import type { SummaryDelta } from '../../src/summary/types.ts';

/** A delta of two values on the common scale: fractions when `fraction`, else in `unit`; `decimals` as written. */
function delta(
  current: number,
  reference: number,
  fraction: boolean,
  decimals: number,
  unit: string | null = null,
  extra: Partial<SummaryDelta> = {},
): SummaryDelta {
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
    fraction,
    decimals,
    verdict: 'better',
    noise: 'no-interval',
    intervalReason: null,
    ...extra,
  };
}

describe('formatChange', () => {
  test.each([
    ['accuracy 0.869 vs 0.851: +1.8 pp', delta(0.869, 0.851, true, 3), '+1.8 pp (+2.1%)'],
    ['87% vs 0.85 (both two places as fractions): +2 pp', delta(0.87, 0.85, true, 2), '+2 pp (+2.4%)'],
    ['a drop, with a real minus sign', delta(0.851, 0.869, true, 3), '−1.8 pp (−2.1%)'],
    ['milliseconds', delta(15.5, 12.5, false, 1, 'ms'), '+3.0 ms (+24.0%)'],
    ['a metric in percent that is not a proportion (MAPE)', delta(12.5, 10, false, 1, '%'), '+2.5 pp (+25.0%)'],
    ['a zero reference', delta(0.5, 0, false, 1), '+0.5 (relative n/a)'],
  ])('%s', (_, d, expected) => {
    expect(formatChange(d)).toBe(expected);
  });

  test('the compared values and the interval follow the display rule', () => {
    const d = delta(0.87, 0.85, true, 2, null, { ciLow: 0.010196, ciHigh: 0.029994 });
    expect(formatComparedValues(d)).toEqual({ current: '87%', reference: '85%' });
    expect(formatChangeInterval(d)).toBe('[+1.0, +3.0] pp');
    expect(formatChangeInterval(delta(45, 42, false, 0, 'ms', { ciLow: 1, ciHigh: 5 }))).toBe('[+1.0, +5.0] ms');
    expect(formatChangeInterval(delta(45, 42, false, 0, 'ms'))).toBe('—');
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
    [
      { metric: 'Accuracy', value: 0.87, unit: null, fraction: true, decimals: 2, ciHalfWidth: 0.007, ciLow: 0.863, ciHigh: 0.877 },
      '87.0% ± 0.7 pp',
    ],
    [
      { metric: 'Accuracy', value: 0.863, unit: null, fraction: true, decimals: 3, ciHalfWidth: 0.012, ciLow: 0.851, ciHigh: 0.875 },
      '86.3% ± 1.2 pp',
    ],
    [
      { metric: 'Recall', value: 0.863, unit: null, fraction: true, decimals: 3, ciHalfWidth: 0.0125, ciLow: 0.8505, ciHigh: 0.8755 },
      '86.30% ± 1.25 pp',
    ],
    [
      { metric: 'AUC', value: 0.91, unit: null, fraction: true, decimals: 2, ciHalfWidth: null, ciLow: 0.88, ciHigh: 0.93 },
      '91% (95% CI 88% to 93%)',
    ],
    [
      { metric: 'Latency', value: 12, unit: 'ms', fraction: false, decimals: 0, ciHalfWidth: null, ciLow: null, ciHigh: null },
      '12 ms (no CI)',
    ],
    [
      { metric: 'Latency', value: 12.5, unit: 'ms', fraction: false, decimals: 1, ciHalfWidth: 0.5, ciLow: 12, ciHigh: 13 },
      '12.5 ms ± 0.5 ms',
    ],
    [{ metric: 'Score', value: 3, unit: null, fraction: false, decimals: 0, ciHalfWidth: null, ciLow: null, ciHigh: null }, '3 (no CI)'],
    // WER in percent is no proportion (it can pass 100%), but its half-width is points all the same, as accuracy's is.
    [{ metric: 'WER', value: 12.4, unit: '%', fraction: false, decimals: 1, ciHalfWidth: 0.6, ciLow: 11.8, ciHigh: 13 }, '12.4% ± 0.6 pp'],
  ])('%j → %s', (m, expected) => {
    expect(formatMetric({ betterDirection: null, ...m })).toBe(expected);
  });
});

describe('formatFairnessFlag', () => {
  test("the rule's reason, the worst and best group in percent, and the gap in points", () => {
    expect(
      formatFairnessFlag({
        attribute: 'sex',
        metric: 'FPR',
        rule: 'difference',
        reason: 'The gap of 10 pp is at least 5 pp, and its 95% interval [2.001, 17.87] pp excludes 0.',
        ratio: 0.5,
        threshold: 0.8,
        difference: 0.1,
        unit: null,
        fraction: true,
        worstGroup: { group: 'b', value: 0.2, n: 200 },
        bestGroup: { group: 'a', value: 0.1, n: 200 },
        directionKnown: true,
      }),
    ).toBe(
      '**sex** · FPR: The gap of 10 pp is at least 5 pp, and its 95% interval \\[2.001, 17.87\\] pp excludes 0. — worst b (20%), best a (10%), gap 10 pp',
    );
  });
});

describe('formatFairnessFlag with written places', () => {
  test('groups written as 55.0% and 80.0% are shown so, and the gap to that precision', () => {
    const flag = formatFairnessFlag({
      attribute: 'age',
      metric: 'Selection Rate',
      rule: 'four-fifths',
      reason: 'Ratio 0.688 is below 0.8.',
      ratio: 0.55 / 0.8,
      threshold: 0.8,
      difference: 0.25,
      unit: null,
      fraction: true,
      worstGroup: { group: '18-29', value: 0.55, n: 100, decimals: 3 },
      bestGroup: { group: '30-49', value: 0.8, n: 100, decimals: 3 },
      directionKnown: true,
    });
    // 0.550 and 0.800 (three places as fractions) → one place in percent; 0.8 − 0.55 = 25.0 pp.
    expect(flag).toBe('**age** · Selection Rate: Ratio 0.688 is below 0.8. — worst 18-29 (55.0%), best 30-49 (80.0%), gap 25.0 pp');
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
