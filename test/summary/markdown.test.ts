import { describe, expect, test } from 'vitest';
import { renderJson } from '../../src/summary/json.ts';
import { renderMarkdown, SUMMARY_MARKER } from '../../src/summary/markdown.ts';
import { CHILD, DIR, json, PARENT, summarize } from './fixtures.ts';

const FILES = { 'exp-001.json': json(PARENT), 'exp-002.json': json(CHILD) };

describe('renderMarkdown', () => {
  test('starts with the marker and the one-line overview', async () => {
    const summary = await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: `${DIR}/exp-002.json` }]);
    const lines = renderMarkdown(summary).split('\n');
    expect(lines[0]).toBe(SUMMARY_MARKER);
    expect(lines[3]).toBe('**1 experiment changed since `main`: 1 added; 1 with warnings, 1 with fairness flags.**');
  });

  test('shows the heading with id, name, status and a deep link, and section links', async () => {
    const md = renderMarkdown(await summarize(FILES, [{ kind: 'modified', file: `${DIR}/exp-002.json`, repoPath: `${DIR}/exp-002.json` }]));
    expect(md).toContain('### ⚠️ [`exp-002`](https://example.org/logbook/experiments/exp-002/) — Child (status: completed)\n');
    expect(md).toContain(
      'Modified: `content/experiments/exp-002.json` · [evaluation](https://example.org/logbook/experiments/exp-002/#evaluation) · ' +
        '[comparison](https://example.org/logbook/experiments/exp-002/#comparison) · [fairness](https://example.org/logbook/experiments/exp-002/#fairness) · ' +
        '[checks](https://example.org/logbook/experiments/exp-002/#checks)',
    );
  });

  test('lists the test metrics with their CIs, proportions in percent whatever scale they were written on', async () => {
    const md = renderMarkdown(await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]));
    expect(md).toContain(
      '**Test metrics** (95% CI): Accuracy 86.9% ± 1.0 pp · Recall 82.4% ± 0.5 pp · Latency (ms) 15.5 ms ± 0.5 ms · F1 Score 78.5% ± 2.0 pp\n',
    );
  });

  test('renders parent deltas: signed change in pp for proportions, relative %, regression and within-noise verdicts', async () => {
    const md = renderMarkdown(await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]));
    expect(md).toContain('**vs parent** [`exp-001`](https://example.org/logbook/experiments/exp-001/)');
    // 0.869 − 0.851 = 1.8 pp; 0.018 / 0.851 = 2.12%; CI ±√(0.01² + 0.01²) = ±1.414 pp → [0.39, 3.21], excludes 0.
    expect(md).toContain('| Accuracy | 86.9% | 85.1% | +1.8 pp (+2.1%) | [+0.39, +3.21] pp | ✅ better |');
    // 82.4% − 80.4% = 2.0 pp; 2.0 / 80.4 = 2.49%; CI ±√(0.5² + 0.5²) = ±0.707 → [1.29, 2.71].
    expect(md).toContain('| Recall | 82.4% | 80.4% | +2.0 pp (+2.5%) | [+1.29, +2.71] pp | ✅ better |');
    // Latency is lower-is-better: 15.5 − 12.5 = +3.0 ms, +24.0%, CI [2.29, 3.71] excludes 0 → a regression.
    expect(md).toContain('| Latency (ms) | 15.5 ms | 12.5 ms | +3.0 ms (+24.0%) | [+2.29, +3.71] ms | ⚠️ worse |');
    // 0.785 − 0.780 = 0.5 pp (+0.6%), CI ±√(0.02² + 0.02²) = ±2.83 pp → [−2.33, +3.33] includes 0.
    expect(md).toContain('| F1 Score | 78.5% | 78.0% | +0.5 pp (+0.6%) | [−2.33, +3.33] pp | ➖ better, within noise |');
  });

  test('a latency written in s against a parent in ms is named in ms, the unit its values are shown in', async () => {
    const child = {
      ...CHILD,
      evaluation: {
        ...CHILD.evaluation,
        testMetrics: CHILD.evaluation.testMetrics.map((m) =>
          m.metric === 'Latency (ms)' ? { metric: 'Latency (s)', value: 0.0155, ci95: 0.0005 } : m,
        ),
      },
    };
    const md = renderMarkdown(
      await summarize({ ...FILES, 'exp-002.json': json(child) }, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]),
    );
    // 0.0155 s ± 0.0005 = 15.5 ms ± 0.5 against 12.5 ms ± 0.5: +3.0 ms, +24.0%, CI [2.29, 3.71] ms, as written in ms.
    expect(md).toContain('| Latency (ms) | 15.5 ms | 12.5 ms | +3.0 ms (+24.0%) | [+2.29, +3.71] ms | ⚠️ worse |');
    expect(md).not.toContain('| Latency (s) |');
  });

  test("renders baseline deltas: the record's own CI is never dropped, and no interval is said so", async () => {
    const md = renderMarkdown(await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]));
    // 0.869 − 0.8 = 6.9 pp; 0.069 / 0.8 = 8.6%; the row has no CI or size, so the interval is the child's ±1.0 pp: [5.9, 7.9].
    expect(md).toContain('| Rules engine | Accuracy | 86.9% | 80.0% | +6.9 pp (+8.6%) | [+5.90, +7.90] pp | ✅ better |');
    // Throughput has no CI on either side and is not a proportion.
    expect(md).toContain('| Rules engine | Throughput | 120 | 100 | +20 (+20.0%) | — | ❔ better (no interval) |');
  });

  test('lists values that could not be put on one scale, with the reason', async () => {
    const child = {
      ...CHILD,
      comparison: {
        baselines: [
          { label: 'This', current: true, metrics: { 'Cost (kg)': 15.5 } },
          { label: 'Old', metrics: { 'Cost (€)': 20 } },
        ],
      },
    };
    const md = renderMarkdown(
      await summarize({ ...FILES, 'exp-002.json': json(child) }, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]),
    );
    expect(md).toContain(
      '**Not compared** (the values cannot be put on one scale):\n\n- Cost (kg) vs Old: the values are in different units (kg and €)\n',
    );
  });

  test('shows fairness flags with the rule, the reason and the worst/best group', async () => {
    const md = renderMarkdown(await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]));
    expect(md).toContain('selection rates by the four-fifths rule, other rates by a gap beyond noise');
    // 0.5 / 0.8 = 0.625 < 0.8, and 50/100 vs 80/100 is beyond noise.
    expect(md).toContain(
      '- ⚠️ **age** · Selection Rate: Ratio 0.625 is below 0.8 (four-fifths rule, a heuristic), and the 95% interval of the gap excludes 0. — worst 18-29 (50%), best 30-49 (80%), gap 30 pp\n',
    );
  });

  test('lists check warnings with their code and message', async () => {
    const md = renderMarkdown(await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }]));
    expect(md).toMatch(/^- ⚠️ warning `claim-mismatch`: .*\+5% vs Rules engine.*$/m);
  });

  test('shows a record that fails validation with its file:line:col diagnostics in a caution box', async () => {
    const files = { ...FILES, 'bad.json': '{\n  "id": "exp-bad",\n  "status": "done"\n}\n' };
    const summary = await summarize(
      files,
      [
        { kind: 'added', file: `${DIR}/bad.json`, repoPath: '' },
        { kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' },
      ],
      { rawIdentities: new Map([[`${DIR}/bad.json`, { id: 'exp-bad', name: null, status: 'done' }]]) },
    );
    const md = renderMarkdown(summary);
    expect(md).toContain('**2 experiments changed since `main`: 2 added; 1 failing validation, 1 with warnings, 1 with fairness flags.**');
    // Failing records come first.
    expect(md.indexOf('### ❌ `exp-bad` — fails validation')).toBeLessThan(md.indexOf('### ⚠️ `exp-002`'));
    expect(md).toContain(
      '> ```text\n> error: content/experiments/bad.json:3:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "done" — did you mean "completed"?\n> ```',
    );
  });

  test('says so when nothing changed, and lists removed records', async () => {
    const md = renderMarkdown(await summarize(FILES, [], { removed: [{ id: 'exp-000', file: `${DIR}/exp-000.json` }] }));
    expect(md).toContain('**No experiment records added or changed since `main`. 1 experiment removed.**');
    expect(md).toContain('Removed: `exp-000` (`content/experiments/exp-000.json`)');
    expect(md).not.toContain('###');
    expect(renderMarkdown(await summarize(FILES, []))).toContain('**No experiment records added or changed since `main`.**');
  });

  test('no links when no http(s) site is known: a comment would resolve them against the pull request, where they lead nowhere', async () => {
    for (const site of ['', '/logbook/']) {
      const md = renderMarkdown(await summarize(FILES, [{ kind: 'modified', file: `${DIR}/exp-001.json`, repoPath: '' }], { site }));
      expect(md).toContain('### `exp-001` — Parent (status: completed)');
      expect(md).not.toContain('](');
      expect(md).toContain('No links to the deployed site: set `site` in logbook.config.json (its https:// address) or pass `--site`.');
    }
  });

  test('a record added on the branch has no page on the deployed site yet: no links to it, and where to see it', async () => {
    const runUrl = 'https://github.com/org/repo/actions/runs/42';
    const added = await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }], { runUrl });
    const md = renderMarkdown(added);
    expect(md).toContain('### ⚠️ `exp-002` — Child (status: completed)\n');
    expect(md).toContain('Added: `content/experiments/exp-002.json` · evaluation · comparison · fairness · checks\n');
    expect(md).toContain(
      '_Page after merge_: until then, the site built from this branch is attached to [the workflow run](https://github.com/org/repo/actions/runs/42) as the `logbook-site` artifact.',
    );
    expect(md).not.toContain('experiments/exp-002/');
    // Its parent is already deployed, so it is still linked.
    expect(md).toContain('**vs parent** [`exp-001`](https://example.org/logbook/experiments/exp-001/)');
    // A parent added on the same branch is not linked either.
    const both = await summarize(FILES, [
      { kind: 'added', file: `${DIR}/exp-001.json`, repoPath: '' },
      { kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' },
    ]);
    const md2 = renderMarkdown(both);
    expect(md2).toContain('**vs parent** `exp-001` (details)');
    expect(md2).toContain('_Page after merge_: the deployed site shows this experiment once the branch is merged.');
    expect(md2).not.toContain('https://example.org/logbook/experiments/');
  });

  test('names a renamed file with its previous path', async () => {
    const md = renderMarkdown(
      await summarize(FILES, [{ kind: 'renamed', file: `${DIR}/exp-001.json`, repoPath: '', previousFile: `${DIR}/old.json` }]),
    );
    expect(md).toContain('**1 experiment changed since `main`: 1 renamed.**');
    expect(md).toContain('Renamed from `content/experiments/old.json` to `content/experiments/exp-001.json`');
  });
});

describe('renderMarkdown with hostile record text', () => {
  const hostile = {
    ...PARENT,
    name: 'Evil <script>alert(1)</script> | `code` [x](javascript:alert(1)) @org/team <!-- logbook-summary -->\nnext',
    evaluation: { testMetrics: [{ metric: 'Acc | <b>uracy</b>', value: 0.9 }] },
  };

  test('escapes HTML, table pipes, backticks, links and mentions', async () => {
    const md = renderMarkdown(
      await summarize({ 'exp-001.json': json(hostile) }, [{ kind: 'added', file: `${DIR}/exp-001.json`, repoPath: '' }]),
    );
    expect(md).toContain(
      '— Evil &lt;script&gt;alert(1)&lt;/script&gt; \\| \\`code\\` \\[x\\](javascript:alert(1)) @\u200borg/team &lt;\\!-- logbook-summary --&gt; next (status: completed)',
    );
    expect(md).toContain('Acc \\| &lt;b&gt;uracy&lt;/b&gt; 90% (no CI)');
    expect(md).not.toMatch(/<script|<b>/);
    expect(md.split(SUMMARY_MARKER)).toHaveLength(2);
  });

  test('keeps hostile text in a failing file name and declared id inert', async () => {
    const file = `${DIR}/x\`\`\`y<img>.json`;
    const summary = await summarize({ 'exp-001.json': json(PARENT) }, [{ kind: 'added', file, repoPath: '' }], {
      rawIdentities: new Map([[file, { id: '<img src=x onerror=alert(1)>', name: null, status: null }]]),
      diagnostics: [{ level: 'error', code: 'json-syntax', file, line: 1, column: 1, path: '', message: 'bad ``` <img>' }],
    });
    const md = renderMarkdown(summary);
    expect(md).toContain('### ❌ &lt;img src=x onerror=alert(1)&gt; — fails validation');
    expect(md).toContain('Added: ````content/experiments/x```y<img>.json````');
    // The code fence is longer than any backtick run in the diagnostics, so they cannot close it.
    expect(md).toContain('> ````text\n> error: content/experiments/x```y<img>.json:1:1: bad ``` <img>\n> ````');
  });
});

describe('renderJson', () => {
  test('prints the same content with stable keys and unrounded numbers', async () => {
    const summary = await summarize(FILES, [{ kind: 'added', file: `${DIR}/exp-002.json`, repoPath: '' }], {
      removed: [{ id: 'exp-000', file: `${DIR}/exp-000.json` }],
    });
    const doc = JSON.parse(renderJson(summary));
    expect(Object.keys(doc)).toEqual(['base', 'mergeBase', 'site', 'runUrl', 'overview', 'changed', 'removed']);
    expect(doc.overview).toBe('1 experiment changed since main: 1 added; 1 with warnings, 1 with fairness flags. 1 experiment removed.');
    const [entry] = doc.changed;
    expect(Object.keys(entry)).toEqual([
      'id',
      'file',
      'change',
      'name',
      'status',
      'url',
      'pageAfterMerge',
      'headline',
      'parentDeltas',
      'baselineDeltas',
      'notCompared',
      'fairnessFlags',
      'checks',
      'diagnostics',
      'previousFile',
      'valid',
      'parent',
    ]);
    expect(entry).toMatchObject({
      id: 'exp-002',
      file: 'content/experiments/exp-002.json',
      change: 'added',
      url: null,
      pageAfterMerge: true,
    });
    const accuracy = entry.parentDeltas[0];
    expect(accuracy).toMatchObject({
      reference: 'exp-001',
      metric: 'Accuracy',
      verdict: 'better',
      noise: 'outside-noise',
      absoluteUnit: null,
    });
    expect(accuracy.absolute).toBeCloseTo(0.018, 12);
    expect(accuracy.relative).toBeCloseTo(0.018 / 0.851, 12);
    expect(accuracy).toMatchObject({ fraction: true, decimals: 3, current: 0.869, referenceValue: 0.851 });
    // Recall is written in percent (82.4%); the summary holds it as the fraction 0.824, like every proportion.
    expect(entry.parentDeltas[1]).toMatchObject({ metric: 'Recall', absoluteUnit: null, unit: null, fraction: true, current: 0.824 });
    expect(entry.parentDeltas[2]).toMatchObject({ metric: 'Latency (ms)', verdict: 'worse', noise: 'outside-noise' });
    expect(entry.parentDeltas[3]).toMatchObject({ metric: 'F1 Score', verdict: 'better', noise: 'within-noise' });
    expect(entry.fairnessFlags).toEqual([
      {
        attribute: 'age',
        metric: 'Selection Rate',
        rule: 'four-fifths',
        reason: 'Ratio 0.625 is below 0.8 (four-fifths rule, a heuristic), and the 95% interval of the gap excludes 0.',
        ratio: 0.625,
        threshold: 0.8,
        difference: expect.closeTo(0.3, 12),
        unit: null,
        fraction: true,
        // 0.5 and 0.8, written to one place.
        worstGroup: { group: '18-29', value: 0.5, n: 100, decimals: 1 },
        bestGroup: { group: '30-49', value: 0.8, n: 100, decimals: 1 },
        directionKnown: true,
      },
    ]);
    expect(entry.checks.map((c: { code: string }) => c.code)).toContain('claim-mismatch');
    expect(doc.removed).toEqual([{ id: 'exp-000', file: 'content/experiments/exp-000.json' }]);
  });
});
