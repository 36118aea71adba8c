import { describe, expect, test } from 'vitest';
import { readWrittenClaims } from '../../src/ingest/written-claims.ts';
import { parseSource, validateRecord } from '../../src/ingest/index.ts';

describe('claims written as lines in a JSON or frontmatter record', () => {
  test('each line is read as a log’s claim is; a line of no claim is kept as the claims’ note', () => {
    const data = {
      comparison: {
        claims: [
          'sMAPE −3.4 pp vs seasonal naive',
          { metric: 'MASE', text: '−6.5% vs parent' },
          'WRMSSE: 0.561 vs 0.602 (−6.8%)',
          'Much easier to deploy',
        ],
      },
    };
    const aliases = readWrittenClaims(data);
    expect(data.comparison).toEqual({
      claims: [
        { metric: 'sMAPE', text: 'sMAPE −3.4 pp vs seasonal naive', value: -3.4, unit: 'pp', reference: 'seasonal naive' },
        { metric: 'MASE', text: '−6.5% vs parent' },
        { metric: 'WRMSSE', text: '0.561 vs 0.602 (−6.8%)', value: -6.8, unit: '%' },
      ],
      claimsNote: 'Much easier to deploy',
    });
    expect([...aliases]).toEqual([]);
  });

  test('a JSON record with claims as strings validates, and its claims are checked: 11.8 − 15.2 = −3.4 pp', () => {
    const json = JSON.stringify({
      id: 'tft-8',
      name: 'TFT',
      evaluation: { testMetrics: [{ metric: 'sMAPE', value: '11.8%' }] },
      comparison: { baselines: { 'seasonal naive': { sMAPE: '15.2%' } }, claims: ['Unclear line', 'sMAPE −3.4 pp vs seasonal naive'] },
    });
    const { record, diagnostics } = validateRecord(parseSource(json, { file: 'tft-8.json' }), { file: 'tft-8.json' });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(record?.comparison?.claims).toEqual([
      { metric: 'sMAPE', text: 'sMAPE −3.4 pp vs seasonal naive', value: -3.4, unit: 'pp', reference: 'seasonal naive' },
    ]);
    expect(record?.comparison?.claimsNote).toBe('Unclear line');
  });
});
