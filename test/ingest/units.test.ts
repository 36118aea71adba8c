import { describe, expect, test } from 'vitest';
import {
  otherConfidenceLevel,
  literalDecimals,
  parseConfidenceInterval,
  parseCount,
  parseDurationHours,
  parseEpoch,
  parseEarlyStopping,
  parseGpuCount,
  parseGpuHours,
  parseMassKg,
  parseMetricCell,
  parseMetricStatement,
  parseMetricStatementWithAside,
  parseNumber,
  parseScalar,
  parsePercent,
  parseWrittenInterval,
  writtenInPercent,
  MAX_VALUE_TEXT,
} from '../../src/ingest/units.ts';

describe('literalDecimals', () => {
  test.each([
    ['0.890', 0.89, 3],
    ['0.890 (held-out)', 0.89, 3],
    ['**86.90%**', 86.9, 2],
    ['±0.010', 0.01, 3],
    ['+/- 0.010', 0.01, 3],
    ['8.90e-1', 0.89, 3],
    ['1e-4', 0.0001, 4],
    ['-0.50', -0.5, 2],
    ['1,000.0', 1000, 1],
    ['150000', 150000, 0],
    ['+2.0% vs previous best', 2, 1],
    // Decimal commas.
    ['77,0 %', 77, 1],
    ['0,870', 0.87, 3],
    ['±0,04 %', 0.04, 2],
    ['1,234', 1234, 0],
  ])('%s (= %d) was written with %i places', (text, value, decimals) => expect(literalDecimals(text, value)).toBe(decimals));

  test.each([
    ['70% (700K records)', 0.7],
    ['high', 1],
    ['0.891', 0.89],
    ['0,871', 0.87],
  ])('%s does not start with %d written out', (text, value) => expect(literalDecimals(text, value)).toBeUndefined());
});

describe('parseCount', () => {
  test.each([
    ['1M', 1000000],
    ['700K', 700000],
    ['150K', 150000],
    ['1.5B', 1500000000],
    ['6.5K', 6500],
    ['1,000,000', 1000000],
    ['42', 42],
    // Thousands grouped by spaces (plain, no-break, thin) or by dots, as SI, French and German write them.
    ['875 000', 875000],
    ['1\u00a0250\u00a0000', 1250000],
    ['98\u202f400', 98400],
    ['12.400', 12400],
    ['1.250.000', 1250000],
    // A decimal count is still rounded; a point with other than three digits after it is a decimal point.
    ['6.5', 7],
  ])('%s → %d', (text, expected) => {
    expect(parseCount(text)).toBe(expected);
  });

  test.each(['many', '1M records', ''])('%j is not a count', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });
});

describe('parsePercent', () => {
  test.each([
    ['70%', 0.7],
    ['15%', 0.15],
    ['12.5 %', 0.125],
  ])('%s → %d', (text, expected) => {
    expect(parsePercent(text)).toBe(expected);
  });

  test('needs a percent sign', () => {
    expect(parsePercent('70')).toBeUndefined();
  });
});

describe('parseConfidenceInterval', () => {
  test.each([
    ['±0.012', 0.012],
    ['+/- 0.015', 0.015],
    ['[0.857, 0.881]', { low: 0.857, high: 0.881 }],
    ['0.857–0.881', { low: 0.857, high: 0.881 }],
  ])('%s', (text, expected) => {
    expect(parseConfidenceInterval(text)).toEqual(expected);
  });

  test('returns undefined for words', () => {
    expect(parseConfidenceInterval('wide')).toBeUndefined();
  });
});

describe('parseDurationHours', () => {
  test.each([
    ['12 hours', 12],
    ['90 min', 1.5],
    ['2 days', 48],
    ['12h', 12],
    ['12', 12],
    // Compound, as people and tools write a wall time: 12 h + 30/60 h; 24 h + 4 h; 2 h + 15/60 h.
    ['12h 30m', 12.5],
    ['12h30m', 12.5],
    ['1 day 4 hours', 28],
    ['2h, 15 min', 2.25],
    ['12 hours and 30 minutes', 12.5],
    // A clock: 1 h + 30/60 h (+ 36/3600 h).
    ['1:30:00', 1.5],
    ['1:30', 1.5],
    ['1:30:36', 1.51],
    ['~12 h', 12],
    ['about 3 hours', 3],
  ])('%s → %d', (text, expected) => {
    expect(parseDurationHours(text)).toBe(expected);
  });

  test('returns undefined for an unknown unit', () => {
    expect(parseDurationHours('12 fortnights')).toBeUndefined();
    expect(parseDurationHours('3h on 4 GPUs')).toBeUndefined();
    expect(parseDurationHours('1:75')).toBeUndefined();
    expect(parseDurationHours('12h 30 fortnights')).toBeUndefined();
  });
});

describe('parseMassKg', () => {
  test.each([
    ['15.6 kg', 15.6],
    ['15.6 kg CO2e', 15.6],
    ['1.2 t', 1200],
    ['500 g', 0.5],
  ])('%s → %d', (text, expected) => {
    expect(parseMassKg(text)).toBe(expected);
  });
});

describe('parseGpuHours', () => {
  test.each([
    ['100 GPU-hours', 100],
    ['48', 48],
    ['48 GPU hours', 48],
  ])('%s → %d', (text, expected) => {
    expect(parseGpuHours(text)).toBe(expected);
  });
});

describe('parseGpuCount', () => {
  test.each([
    ['4x NVIDIA A100 GPUs', 4],
    ['8 × V100', 8],
    ['2 GPUs', 2],
    ['1x T4 GPU', 1],
    ['4x NVIDIA A10G', 4],
    ['1x m6i.4xlarge (CPU only)', 0],
    ['1x c6i.16xlarge (64 vCPU, no GPU)', 0],
    ['2 servers without GPUs', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseGpuCount(text)).toBe(expected);
  });

  test('returns undefined without a count', () => {
    expect(parseGpuCount('NVIDIA A100')).toBeUndefined();
  });

  test('returns undefined for a count of machines that names no GPU', () => {
    expect(parseGpuCount('1x m6i.4xlarge')).toBeUndefined();
    expect(parseGpuCount('3x a1.large')).toBeUndefined();
  });
});

describe('parseEarlyStopping', () => {
  test.each([
    ['Yes (patience=10)', { enabled: true, patience: 10 }],
    ['Yes (patience=3, monitor=val_loss)', { enabled: true, patience: 3, monitor: 'val_loss' }],
    ['No', { enabled: false }],
    ['yes', { enabled: true }],
    // What the aside says besides patience and the metric is kept as the note; `on val WER` is the metric.
    ['Yes (patience=8, on val WER)', { enabled: true, patience: 8, monitor: 'val WER' }],
    ['No (fixed 400k steps)', { enabled: false, note: 'fixed 400k steps' }],
    ['Yes (patience=abc, restore best weights)', { enabled: true, note: 'patience=abc, restore best weights' }],
  ])('%s', (text, expected) => {
    expect(parseEarlyStopping(text)).toEqual(expected);
  });

  test('returns undefined for anything but yes/no', () => {
    expect(parseEarlyStopping('sometimes')).toBeUndefined();
  });
});

describe('parseNumber', () => {
  test.each([
    ['0.001', 0.001],
    ['1e-4', 0.0001],
    ['−1.2', -1.2],
    ['1,000', 1000],
    // Powers of ten as papers write them.
    ['3×10⁻⁵', 3e-5],
    ['3 x 10^-5', 3e-5],
    ['2.5·10^(-4)', 2.5e-4],
    ['10⁻⁴', 1e-4],
    ['10^6', 1e6],
    ['1e−4', 1e-4],
    ['−3×10⁻⁵', -3e-5],
  ])('%s → %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  test.each(['high', '1.2.0', '', '12 ms', '10^(-5', '3×10', '3 x 10^', '10^-4.5'])('%j is not a number', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});

describe('parseMetricCell', () => {
  test.each([
    ['0.869', { value: 0.869 }],
    ['86.9%', { value: 86.9, unit: '%' }],
    ['45ms', { value: 45, unit: 'ms' }],
    // A rate in thousands: 1.2 × 1000 = 1200 (not rounded).
    ['1.2k samples/s', { value: 1200, unit: 'samples/s' }],
    ['2.25M tokens/s', { value: 2250000, unit: 'tokens/s' }],
    // A time per item and a rate per second, as inference figures are written.
    ['3.2 ms/sample', { value: 3.2, unit: 'ms/sample' }],
    ['40 ms / batch', { value: 40, unit: 'ms/batch' }],
    ['1,200 tokens/s', { value: 1200, unit: 'tokens/s' }],
    ['850 img/sec', { value: 850, unit: 'img/sec' }],
    ['30 samples per second', { value: 30, unit: 'samples/s' }],
    ['5 seeds', undefined],
    // A length of generated text: tokens, words or characters.
    ['182 tokens', { value: 182, unit: 'tokens' }],
    // Money: the currency is the unit (23,410 dollars; −1.2k euros is −1,200).
    ['$23,410', { value: 23410, unit: '$' }],
    ['−€1.2k', { value: -1200, unit: '€' }],
    ['1.2k words', { value: 1200, unit: 'words' }],
    // Memory, and durations in parts or on a clock with hours: seconds (6 × 60 + 10 = 370; 3600 + 120 = 3720).
    ['10.2 GB', { value: 10.2, unit: 'GB' }],
    // A change in percentage points (an accuracy drop), as Logbook itself writes changes.
    ['0.5 pp', { value: 0.5, unit: 'pp' }],
    // A decimal comma before an exponent: 6.0 × 10⁻⁴ (a learning rate as much of Europe writes it).
    ['6,0e-4', { value: 0.0006 }],
    ['1,5E-5', { value: 0.000015 }],
    ['512 MiB', { value: 512, unit: 'MiB' }],
    ['6m 10s', { value: 370, unit: 's' }],
    ['1h 2m', { value: 3720, unit: 's' }],
    ['0:06:10', { value: 370, unit: 's' }],
    ['2h 5m 30.5s', { value: 7530.5, unit: 's' }],
    // Minutes or hours? Not read.
    ['6:10', undefined],
    ['-', { value: null }],
    ['', { value: null }],
    // What a half-filled log writes for a value not measured yet.
    ['TBD', { value: null }],
    ['tbc.', { value: null }],
    ['pending', { value: null }],
    ['?', { value: null }],
    ['not yet measured', { value: null }],
    ['N/A', { value: null }],
    // Text that is no value stays unread (the caller reports it).
    ['about 0.8', undefined],
    ['TBD by Friday', undefined],
  ])('%j', (text, expected) => {
    expect(parseMetricCell(text)).toEqual(expected);
  });
});

describe('parseMetricStatement', () => {
  test.each([
    ['86.9 % (95% CI 86.2–87.6%)', { value: 86.9, unit: '%', ci95: { low: 86.2, high: 87.6 } }],
    ['87.3% ±0.7%', { value: 87.3, unit: '%', ci95: 0.7 }],
    ['.829 ± .013', { value: 0.829, ci95: 0.013 }],
    ['0.91 (0.89, 0.93)', { value: 0.91, ci95: { low: 0.89, high: 0.93 } }],
    ['0.869 [0.857, 0.881]', { value: 0.869, ci95: { low: 0.857, high: 0.881 } }],
    ['0.869 ± 0.012 (95% CI)', { value: 0.869, ci95: 0.012 }],
    ['0.834 (95% CI: 0.821–0.847)', { value: 0.834, ci95: { low: 0.821, high: 0.847 } }],
    ['0.9 (CI 0.88 to 0.92)', { value: 0.9, ci95: { low: 0.88, high: 0.92 } }],
    ['**0.840** ±0.005', { value: 0.84, ci95: 0.005 }],
    ['12ms', { value: 12, unit: 'ms' }],
    ['-0.5', { value: -0.5 }],
  ])('%s', (text, expected) => {
    expect(parseMetricStatement(text)).toEqual(expected);
  });

  test.each(['0.87 (best so far)', 'n/a', 'high', '0.87 ± a lot', ''])('%s is not read (kept as written)', (text) => {
    expect(parseMetricStatement(text)).toBeUndefined();
  });
});

describe('parseEpoch', () => {
  test.each([
    ['3', 3],
    ['3/100', 3],
    ['Epoch 3', 3],
    ['ep. 12', 12],
    [' 7 / 10 ', 7],
    ['2.5', 2.5],
  ])('%s is %s', (text, epoch) => {
    expect(parseEpoch(text)).toBe(epoch);
  });
  test.each(['three', '3/', 'epoch'])('%s is not an epoch', (text) => {
    expect(parseEpoch(text)).toBeUndefined();
  });
});

describe('parseWrittenInterval', () => {
  test.each([
    ['90.4% – 92.0%', { low: 90.4, high: 92 }],
    ['95% CI: 0.85–0.89', { low: 0.85, high: 0.89 }],
    ['±0.7%', 0.7],
    ['CI [0.1, 0.3]', { low: 0.1, high: 0.3 }],
    ['±0.1 pp', 0.1],
    ['± 0.25 p.p.', 0.25],
    ['±0.4 percentage points', 0.4],
    ['85.1 pp – 86.3 pp', { low: 85.1, high: 86.3 }],
  ])('%s', (text, interval) => {
    expect(parseWrittenInterval(text)).toEqual(interval);
  });
  test.each([
    ['±0.7%', true],
    ['±0.1 pp', true],
    ['±0.4 percentage points', true],
    ['±0.007', false],
    ['0.82–0.85', false],
    ['±0.1 apples', false],
  ])('%s is written in percent: %s', (text, percent) => {
    expect(writtenInPercent(text)).toBe(percent);
  });
  test.each(['wide', '95% CI', ''])('%s is no interval', (text) => {
    expect(parseWrittenInterval(text)).toBeUndefined();
  });
});

describe('metric statements as people write them (third pass)', () => {
  test('a hyphen between two unsigned numbers is a range; one percent sign after the interval is the unit of both', () => {
    expect(parseMetricStatement('0.84 (95% CI 0.82-0.86)')).toEqual({ value: 0.84, ci95: { low: 0.82, high: 0.86 } });
    expect(parseMetricStatement('87.0 ± 0.7 %')).toEqual({ value: 87, unit: '%', ci95: 0.7 });
    // Beside a bare value of at most 1, "± 2%" could be relative or points: not read.
    expect(parseMetricStatement('0.91 ± 2%')).toBeUndefined();
    // In brackets too (it was read as ±0.9 beside 0.812: an interval of ±90 points).
    expect(parseMetricStatement('0.812 (±0.9%)')).toBeUndefined();
    // Percentage points beside a fraction are hundredths of it: ±0.7 pp = ±0.007.
    expect(parseMetricStatement('0.826 ± 0.7 pp')).toEqual({ value: 0.826, ci95: 0.007 });
    // Written without a space (`±0.6pp`): the same.
    expect(parseMetricStatement('0.870 ±0.6pp')).toEqual({ value: 0.87, ci95: 0.006 });
    expect(parseMetricStatement('87.0 ±0.6pp')).toEqual({ value: 87, ci95: 0.6 });
    expect(parseMetricStatement('0.826 (0.819–0.833)')).toEqual({ value: 0.826, ci95: { low: 0.819, high: 0.833 } });
    expect(parseMetricStatement('0.826 (95% CI: ±0.7 pp)')).toEqual({ value: 0.826, ci95: 0.007 });
    // Beside a value in percent both are the value's unit.
    expect(parseMetricStatement('81.2% (±0.9%)')).toEqual({ value: 81.2, unit: '%', ci95: 0.9 });
    // A minus sign is still one: −0.5 ± 0.1.
    expect(parseMetricStatement('-0.5 ± 0.1')).toEqual({ value: -0.5, ci95: 0.1 });
  });

  test('a closing aside is a note, or part of the name when it says which figure it is', () => {
    expect(parseMetricStatementWithAside('0.873 ± 0.007 (5 seeds)')).toEqual({ value: 0.873, ci95: 0.007, note: '5 seeds' });
    expect(parseMetricStatementWithAside('45ms (p95)')).toEqual({ value: 45, unit: 'ms', qualifier: 'p95' });
    expect(parseMetricStatementWithAside('~87%')).toBeUndefined();
    // Words inside the aside (`over`) are the aside's, not a condition after the value.
    expect(parseMetricStatementWithAside('0.81 ± 0.02 (std over 5 seeds)')).toEqual({ value: 0.81, std: 0.02, note: 'std over 5 seeds' });
  });

  test('an interval among other words of the aside is the interval; the other words are the note', () => {
    expect(parseMetricStatementWithAside('0.873 (95% CI: 0.861–0.885, n=5,000)')).toEqual({
      value: 0.873,
      ci95: { low: 0.861, high: 0.885 },
      note: 'n=5,000',
    });
    expect(parseMetricStatementWithAside('87.3% (bootstrap; CI 86.1%–88.5%)')).toEqual({
      value: 87.3,
      unit: '%',
      ci95: { low: 86.1, high: 88.5 },
      note: 'bootstrap',
    });
    // At another level, or a range not named an interval: the aside stays the note.
    expect(parseMetricStatementWithAside('0.873 (90% CI: 0.861–0.885, n=5,000)')).toEqual({
      value: 0.873,
      note: '90% CI: 0.861–0.885, n=5,000',
    });
    expect(parseMetricStatementWithAside('0.873 (0.861–0.885 across seeds, n=5)')).toEqual({
      value: 0.873,
      note: '0.861–0.885 across seeds, n=5',
    });
  });
});

describe('what a value is measured under, written after it without parentheses', () => {
  test('`on A100`, `with TTA`, `over 5 seeds`: kept as the note; the value, unit and interval read as before', () => {
    expect(parseMetricStatementWithAside('12 ms/sentence on A100')).toEqual({ value: 12, unit: 'ms/sentence', note: 'on A100' });
    expect(parseMetricStatementWithAside('87.3% with TTA')).toEqual({ value: 87.3, unit: '%', note: 'with TTA' });
    expect(parseMetricStatementWithAside('0.93 (95% CI 0.91–0.95) on holdout')).toEqual({
      value: 0.93,
      ci95: { low: 0.91, high: 0.95 },
      note: 'on holdout',
    });
    // A ± named a spread is one, as in an aside.
    expect(parseMetricStatementWithAside('0.91 ± 0.01 std over 5 seeds')).toEqual({ value: 0.91, std: 0.01, note: 'over 5 seeds' });
    // Words before the number, or a word with nothing after it, are still no value.
    expect(parseMetricStatementWithAside('about 0.9 on test')).toBeUndefined();
    expect(parseMetricStatementWithAside('0.9 on')).toBeUndefined();
  });
});

describe('decimal commas in metric values', () => {
  test('a comma that cannot group thousands is a decimal comma in a metric value; in other text it is not read', () => {
    expect(parseMetricCell('0,873')).toEqual({ value: 0.873 });
    expect(parseMetricCell('87,3%')).toEqual({ value: 87.3, unit: '%' });
    expect(parseMetricCell('1,2345')).toEqual({ value: 1.2345 });
    // Three digits after one comma group thousands, as before.
    expect(parseMetricCell('12,345')).toEqual({ value: 12345 });
    expect(parseMetricCell('1,234')).toEqual({ value: 1234 });
    // `0,873` was read as 873: a group of thousands never starts with 0.
    expect(parseNumber('0,873')).toBeUndefined();
    expect(parseNumber('1,000,000')).toBe(1000000);
    // A hyperparameter `3,3` is not 3.3; `0,05` and `6,0e-4` can only be decimals.
    expect(parseScalar('3,3')).toBe('3,3');
    expect(parseScalar('0,05')).toBe(0.05);
    expect(parseScalar('-0,5')).toBe(-0.5);
    expect(parseScalar('6,0e-4')).toBe(0.0006);
  });

  test('thousands grouped by spaces in a metric value (`1 210`, `12 345,6`, no-break and thin spaces); other spacing is not read', () => {
    expect(parseMetricCell('1 210')).toEqual({ value: 1210 });
    expect(parseMetricCell('12 345,6 %')).toEqual({ value: 12345.6, unit: '%' });
    expect(parseMetricCell('1\u00a0000\u202f000.5')).toEqual({ value: 1000000.5 });
    expect(parseMetricCell('-2 500')).toEqual({ value: -2500 });
    // Not groups of three: two numbers, not one.
    expect(parseMetricCell('12 34')).toBeUndefined();
    expect(parseMetricCell('1 2100')).toBeUndefined();
    expect(parseNumber('1 210')).toBeUndefined();
  });
});

describe('a ± that is a spread, not a 95% interval', () => {
  test('named after it (`SD`, `(std)`, `SE`) or in the aside (`mean ± std over 5 seeds`): the std or standard error, no ci95', () => {
    expect(parseMetricStatement('0.87 ± 0.02 SD')).toEqual({ value: 0.87, std: 0.02 });
    expect(parseMetricStatement('87.0 ± 0.7 % (std)')).toEqual({ value: 87, unit: '%', std: 0.7 });
    expect(parseMetricStatement('0.87 +/- 0.01 SEM')).toEqual({ value: 0.87, standardError: 0.01 });
    expect(parseMetricStatementWithAside('0.912 ± 0.004 (mean ± std over 5 seeds)')).toEqual({
      value: 0.912,
      std: 0.004,
      note: 'mean ± std over 5 seeds',
    });
    expect(parseMetricStatementWithAside('0.80 (SE 0.01)')).toEqual({ value: 0.8, standardError: 0.01 });
    expect(parseMetricStatementWithAside('0.80 (SD = 0.02)')).toEqual({ value: 0.8, std: 0.02 });
  });

  test('a ± with no such word, or named an interval, stays the 95% interval; bounds are never a spread', () => {
    expect(parseMetricStatement('0.87 ± 0.02')).toEqual({ value: 0.87, ci95: 0.02 });
    expect(parseMetricStatement('0.87 ± 0.02 (95% CI)')).toEqual({ value: 0.87, ci95: 0.02 });
    expect(parseMetricStatementWithAside('0.873 ± 0.007 (5 seeds)')).toEqual({ value: 0.873, ci95: 0.007, note: '5 seeds' });
    expect(parseMetricStatementWithAside('0.91 [0.89, 0.93] (std)')).toEqual({ value: 0.91, ci95: { low: 0.89, high: 0.93 }, note: 'std' });
    // "see" is no SE.
    expect(parseMetricStatementWithAside('0.87 ± 0.02 (see appendix)')).toEqual({ value: 0.87, ci95: 0.02, note: 'see appendix' });
  });
});

describe('intervals at another confidence level than 95%', () => {
  test.each([
    ['90% CI', 90],
    ['CI (99%)', 99],
    ['80% confidence', 80],
    ['CI 90%', 90],
    ['95% CI', undefined],
    ['std over 5 seeds', undefined],
  ])('%s → %s', (words, level) => expect(otherConfidenceLevel(words)).toBe(level));

  test('`± 0.012 (80% CI)` is no 95% interval: the value, and the interval as its note', () => {
    expect(parseMetricStatementWithAside('0.801 ± 0.012 (80% CI)')).toEqual({ value: 0.801, note: '80% CI: ± 0.012' });
    expect(parseMetricStatementWithAside('0.801 ± 0.012 (95% CI)')).toEqual({ value: 0.801, ci95: 0.012 });
  });
});

describe('interval bounds with decimal commas', () => {
  test.each([
    ['0,929–0,939', { low: 0.929, high: 0.939 }],
    ['[0,947; 0,955]', { low: 0.947, high: 0.955 }],
    ['0,81 – 0,85', { low: 0.81, high: 0.85 }],
    // A comma and a space between two decimal-comma numbers, as a list writes them.
    ['[0,861, 0,885]', { low: 0.861, high: 0.885 }],
    ['(85,6, 88,1)', { low: 85.6, high: 88.1 }],
  ])('%s → %o', (text, expected) => expect(parseWrittenInterval(text)).toEqual(expected));

  test('bounds that could be thousands are not read as decimals', () => {
    expect(parseWrittenInterval('1,234–1,456')).toBeUndefined();
    expect(parseWrittenInterval('[1,234, 1,456]')).toBeUndefined();
    // Without the space it is one list of four numbers, not two bounds.
    expect(parseWrittenInterval('[0,861,0,885]')).toBeUndefined();
  });
});

describe('text longer than any value is no value', () => {
  // An untrusted record's value of 100,000 characters (`o–o–o…`, a `±` then tabs) took the readers'
  // patterns 5–25 s each; past MAX_VALUE_TEXT characters none of them looks at it.
  const long = (body: string): string => body.repeat(Math.ceil((MAX_VALUE_TEXT + 1) / body.length));
  test.each([
    ['a range', `o${long('–o')}o,—`],
    ['a ± and tabs', `±${long('\t')}\n`],
    ['a % and tabs', `%${long('\t')}\t`],
    ['digits', `${long('1')}`],
  ])('%s', (_, text) => {
    expect(parseNumber(text)).toBeUndefined();
    expect(parseMetricCell(text)).toBeUndefined();
    expect(parseConfidenceInterval(text)).toBeUndefined();
    expect(parseWrittenInterval(text)).toBeUndefined();
    expect(parseMetricStatement(text)).toBeUndefined();
    expect(parseMetricStatementWithAside(text)).toBeUndefined();
    expect(parsePercent(text)).toBeUndefined();
    expect(writtenInPercent(text)).toBe(false);
    expect(parseScalar(text)).toBe(text.trim());
  });

  test('a value of MAX_VALUE_TEXT characters is still read', () => {
    const padded = `${'0'.repeat(MAX_VALUE_TEXT - 5)}0.875`;
    expect(parseNumber(padded)).toBe(0.875);
  });
});
