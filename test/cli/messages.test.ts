import { describe, expect, test } from 'vitest';
import * as msg from '../../src/cli/messages.ts';

describe('the note of a build above the large-site size', () => {
  test('names the count, the size, what changed and how to keep it', () => {
    expect(msg.largeSite(10_000, 4_000, ['staticCharts', 'comparePages'])).toBe(
      'logbook: 10,000 experiments, more than 4,000: charts are drawn in the browser (their data tables without JavaScript), ' +
        "and comparisons open the in-browser compare page, to keep the site within GitHub Pages' limits — " +
        'set "staticCharts": true and "comparePages": true in logbook.config.json to keep what smaller sites have',
    );
    expect(msg.largeSite(12, 9, ['comparePages'])).toBe(
      "logbook: 12 experiments, more than 9: comparisons open the in-browser compare page, to keep the site within GitHub Pages' limits — " +
        'set "comparePages": true in logbook.config.json to keep what smaller sites have',
    );
  });
});
