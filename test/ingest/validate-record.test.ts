import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';

/** Parses and validates JSON text, returning the formatted diagnostics. */
function problems(text: string, file = 'exp.json'): string[] {
  return validateRecord(parseSource(text, { file }), { file }).diagnostics.map(formatDiagnostic);
}

describe('validateRecord', () => {
  test('returns the typed record and no diagnostics for a valid record', () => {
    const file = 'ok.json';
    const result = validateRecord(parseSource('{ "id": "exp-1", "status": "completed" }', { file }), { file });
    expect(result.diagnostics).toEqual([]);
    expect(result.record).toEqual({ id: 'exp-1', status: 'completed' });
  });

  test('reports a wrong type with its line:column, path, message and level error', () => {
    const text = '{\n  "id": "exp-1",\n  "evaluation": { "testMetrics": [{ "metric": "Accuracy", "value": "high" }] }\n}\n';
    const file = 'exp.json';
    const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
    expect(record).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        level: 'error',
        code: 'invalid-type',
        file,
        line: 3,
        column: 68,
        path: 'evaluation.testMetrics.0.value',
        message: 'expected a number, got the string "high"',
        hint: 'write a number, or leave the field out while it is not known',
      },
    ]);
    expect(formatDiagnostic(diagnostics[0]!)).toBe(
      'exp.json:3:68 evaluation.testMetrics.0.value: expected a number, got the string "high" — write a number, or leave the field out while it is not known',
    );
  });

  test('reports every problem of a record in one run, in source order', () => {
    const text = [
      '{',
      '  "id": "exp-1",',
      '  "date": "15/01/2025",',
      '  "status": "complete",',
      '  "dataset": { "version": 1.2, "splits": [{ "name": "Training", "fraction": 70 }] },',
      '  "evaluation": { "testMetrics": [{ "metric": "Accuracy", "value": "~0.869", "ci95": "wide" }] },',
      '  "model": { "hyperparameters": [{ "name": "lr", "searchSpace": { "kind": "range", "min": "low", "max": 1 } }] }',
      '}',
    ].join('\n');
    expect(problems(text)).toEqual([
      'exp.json:3:11 date: expected a date as YYYY-MM-DD (or an ISO 8601 timestamp), got the string "15/01/2025" — write 2025-01-15 (YYYY-MM-DD)',
      'exp.json:4:13 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "complete" — did you mean "completed"?',
      'exp.json:5:27 dataset.version: expected a string, got the number 1.2 — put it in quotes to keep it as text: "1.2"',
      'exp.json:5:77 dataset.splits.0.fraction: must be at most 1, got the number 70 — write fractions between 0 and 1 (70% → 0.7)',
      'exp.json:6:68 evaluation.testMetrics.0.value: expected a number, got the string "~0.869" — write the number alone, 0.869; say how near it is in a note beside it',
      'exp.json:6:86 evaluation.testMetrics.0.ci95: expected a number or an object, got the string "wide"',
      'exp.json:7:91 model.hyperparameters.0.searchSpace.min: expected a number, got the string "low" — write a number, or leave the field out while it is not known',
    ]);
  });

  test('names a number too large to store, which JSON and YAML read as infinity', () => {
    expect(problems('{\n  "id": "exp-1",\n  "evaluation": { "testMetrics": [{ "metric": "Loss", "value": -1e309 }] }\n}')).toEqual([
      'exp.json:3:64 evaluation.testMetrics.0.value: expected a number, got minus infinity (a number too large to store, such as 1e309)',
    ]);
  });

  test('reports a missing required field at its parent', () => {
    expect(problems('{\n  "id": "exp-1",\n  "comparison": { "claims": [{ "text": "+2%" }] }\n}')).toEqual([
      'exp.json:3:30 comparison.claims.0.metric: required field is missing (expected a string)',
    ]);
  });

  test('warns about a misspelt key with the closest known key, and keeps it', () => {
    const file = 'exp.json';
    const { record, diagnostics } = validateRecord(parseSource('{\n  "id": "exp-1",\n  "evalution": {}\n}', { file }), { file });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'exp.json:3:3 evalution: unknown field "evalution" (it is kept, but nothing reads it) — did you mean "evaluation"?',
    ]);
    expect(diagnostics[0]?.level).toBe('warning');
    expect(record).toEqual({ id: 'exp-1', evalution: {} });
  });

  test('suggests keys inside sections too, but not for metric-name keys', () => {
    const text = '{ "id": "exp-1", "dataset": { "recrods": 5 }, "training": { "history": [{ "epoch": 1, "Val Los": 0.3 }] } }';
    expect(problems(text)).toEqual([
      'exp.json:1:31 dataset.recrods: unknown field "recrods" (it is kept, but nothing reads it) — did you mean "records"?',
    ]);
  });

  test('suggests keys in list items, with the item index in the path, in document order', () => {
    const text =
      '{ "id": "exp-1", "dataset": { "splits": [{ "name": "a" }, { "name": "b", "recrods": 5 }] }, "model": { "hyperparameters": [{ "name": "lr", "value": 1, "tuningMetod": "grid" }] } }';
    expect(problems(text)).toEqual([
      'exp.json:1:74 dataset.splits.1.recrods: unknown field "recrods" (it is kept, but nothing reads it) — did you mean "records"?',
      'exp.json:1:152 model.hyperparameters.0.tuningMetod: unknown field "tuningMetod" (it is kept, but nothing reads it) — did you mean "tuningMethod"?',
    ]);
  });

  test('says nothing about unknown keys far from any known key', () => {
    expect(problems('{ "id": "exp-1", "costCenter": "ML" }')).toEqual([]);
  });

  test('reports an id that cannot be a URL segment', () => {
    expect(problems('{ "id": "my exp" }')).toEqual([
      'exp.json:1:9 id: an id may contain only letters, digits, ".", "_" and "-", and must start with a letter or digit, got the string "my exp" — set "id" (or "**Experiment ID**:" in a template) to a unique id such as "exp-042"',
    ]);
  });

  test('warns about placeholders in name, status and dates', () => {
    const file = 'exp.md';
    const parsed = parseSource(
      '**Experiment ID**: exp-1\n**Date**: [YYYY-MM-DD]\n\n## Overview\n\n**Experiment Name**: [experiment-name]\n',
      { file },
    );
    expect(validateRecord(parsed, { file }).diagnostics.map(formatDiagnostic)).toEqual([
      "exp.md:2:11 date: the date is still the template's placeholder (its [bracketed] text), not a value — replace the bracketed text with a value, or delete the line",
      "exp.md:6:22 name: the name is still the template's placeholder (its [bracketed] text), not a value — replace the bracketed text with a value, or delete the line",
    ]);
  });

  test('passes the syntax error of an unparsable file through, with no record', () => {
    const file = 'bad.json';
    const { record, diagnostics } = validateRecord(parseSource('{ "id": }', { file }), { file });
    expect(record).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual(['bad.json:1:9: invalid JSON: expected a value']);
  });
});

describe('a status in other words', () => {
  test.each([
    ['Done', 'completed'],
    ['In progress', 'running'],
    ['Canceled', 'cancelled'],
  ])('"%s" in JSON is an error that suggests "%s"', (written, status) => {
    expect(problems(`{ "id": "exp-1", "status": "${written}" }`)).toEqual([
      `exp.json:1:28 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "${written}" — did you mean "${status}"?`,
    ]);
  });
});

describe('every problem of a file in one run', () => {
  test('impossible numbers are reported beside schema errors, from the parts that validate', () => {
    const text = [
      '{',
      '  "id": "exp-1",',
      '  "status": "finished",',
      '  "evaluation": {',
      '    "testMetrics": [{ "metric": "Recall", "value": "high" }],',
      '    "confusionMatrix": { "labels": ["a", "b"], "matrix": [[1, 2], [3]] }',
      '  },',
      '  "dataset": { "splits": [{ "name": "train", "fraction": 0.8 }, { "name": "test", "fraction": 0.5 }] }',
      '}',
    ].join('\n');
    const found = problems(text);
    expect(found.map((p) => /^exp\.json:(\d+):\d+ (\S+):/.exec(p)?.slice(1, 3).join(' '))).toEqual([
      '3 status',
      '5 evaluation.testMetrics.0.value',
      '6 evaluation.confusionMatrix.matrix.1',
      '8 dataset.splits',
    ]);
  });

  test('a part that does not validate is not checked: a ragged matrix beside a label that is no string', () => {
    const text = '{ "id": "exp-1", "evaluation": { "confusionMatrix": { "labels": ["a", 2], "matrix": [[1, 2], [3]] } } }';
    expect(problems(text)).toEqual([expect.stringMatching(/evaluation\.confusionMatrix\.labels\.1: expected a string/)]);
  });
});

describe('dates that are no day in the calendar', () => {
  test.each(['2025-13-01', '2025-00-10', '2025-02-29', '2025-04-31', '2025-01-00'])('%s is an error naming the date', (date) => {
    expect(problems(`{ "id": "exp-1", "date": "${date}" }`)).toEqual([
      expect.stringContaining(`date: "${date}" is no day in the calendar`),
    ]);
  });

  test('the error says why: how many days the month has, or that there is no such month', () => {
    const message = (date: string) => problems(`{ "id": "exp-1", "date": "${date}" }`)[0]?.split(' is no day in the calendar: ')[1];
    expect(message('2025-02-30')).toBe('February 2025 has 28 days');
    expect(message('2024-02-30')).toBe('February 2024 has 29 days');
    expect(message('2025-04-31')).toBe('April 2025 has 30 days');
    expect(message('2025-13-01')).toBe('the month must be 01–12');
  });

  test.each(['2024-02-29', '2025-12-31', '2025-01-15T10:30:00Z'])('%s is a date', (date) => {
    expect(problems(`{ "id": "exp-1", "date": "${date}" }`)).toEqual([]);
  });
});

describe('hints for values written the way people write them', () => {
  test('words where a number goes, and a list where one number goes, say what to write', () => {
    expect(problems('{ "id": "a", "dataset": { "records": "lots" } }')).toEqual([
      'exp.json:1:38 dataset.records: expected a number, got the string "lots" — write a number, or leave the field out while it is not known',
    ]);
    expect(problems('{ "id": "a", "evaluation": { "testMetrics": [{ "metric": "AUC", "value": [0.91, 0.93] }] } }')).toEqual([
      'exp.json:1:74 evaluation.testMetrics.0.value: expected a number, got a list — write one number; a 95% interval goes in `ci95` ([low, high] or a half-width)',
    ]);
  });

  test('an approximate number says to write it alone; a list of records says one per file', () => {
    expect(problems('{ "id": "a", "evaluation": { "testMetrics": [{ "metric": "AUC", "value": "~0.91" }] } }')).toEqual([
      'exp.json:1:74 evaluation.testMetrics.0.value: expected a number, got the string "~0.91" — write the number alone, 0.91; say how near it is in a note beside it',
    ]);
    expect(problems('[{ "id": "a-1" }, { "id": "a-2" }]')).toEqual([
      'exp.json:1:1: expected an object, got a list — a file holds one experiment: put each in a file of its own (named by its id), or bring a table of runs in with "logbook import csv"',
    ]);
  });
});

describe('a status with an aside after it', () => {
  test.each([
    ['completed (early stopped)', 'completed', 'early stopped'],
    // Stopped for now: not ended, so running; the words are the note.
    ['Paused', 'running', 'Paused'],
    ['on hold (GPU quota)', 'running', 'on hold (GPU quota)'],
    ['Blocked.', 'running', 'Blocked'],
    ['killed (OOM at epoch 3)', 'failed', 'OOM at epoch 3'],
    ['cancelled (budget cut)', 'cancelled', 'budget cut'],
    ['running (epoch 12/90)', 'running', 'epoch 12/90'],
  ])('"%s" is %s, the aside its note, in the template and in frontmatter', (written, status, note) => {
    for (const [text, file] of [
      [`**Experiment ID**: s-1\n\n**Status**: ${written}\n`, 's-1.md'],
      [`---\nid: s-1\nstatus: ${written}\n---\n`, 's-1.md'],
    ] as const) {
      const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
      expect(diagnostics, text).toEqual([]);
      expect(record, text).toMatchObject({ status, statusNote: note });
    }
  });

  test.each([
    ['Completed on 2026-11-20.', { status: 'completed', completionDate: '2026-11-20' }],
    ['Done, 3 Nov 2026', { status: 'completed', completionDate: '2026-11-03' }],
    ['Failed 2026-11-02', { status: 'failed', completionDate: '2026-11-02' }],
    ['Running since 2026-11-01', { status: 'running', statusNote: 'since 2026-11-01' }],
  ])('"%s": the status, and the day a run ended (or, still running, the note)', (written, read) => {
    for (const [text, file] of [
      [`**Experiment ID**: s-1\n\n**Status**: ${written}\n`, 's-1.md'],
      [`---\nid: s-1\nstatus: ${written}\n---\n`, 's-1.md'],
    ] as const) {
      const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
      expect(diagnostics, text).toEqual([]);
      expect(record, text).toMatchObject(read);
    }
  });

  test.each([
    ['Deployed', 'completed'],
    ['Superseded by exp-12', 'completed'],
    ['In production (since March)', 'completed'],
    ['Draft', 'planned'],
    ['Evaluating', 'running'],
    ['OOM at epoch 3', 'failed'],
    ['Timed out', 'failed'],
  ])('"%s" says more than a status: %s, the words kept as its note', (written, status) => {
    for (const [text, file] of [
      [`**Experiment ID**: s-1\n\n**Status**: ${written}\n`, 's-1.md'],
      [`---\nid: s-1\nstatus: ${written}\n---\n`, 's-1.md'],
    ] as const) {
      const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
      expect(diagnostics, text).toEqual([]);
      expect(record, text).toMatchObject({ status, statusNote: written });
    }
    // JSON reads no status words: the error says which status to write and where the words go.
    expect(problems(`{"id": "s-3", "status": "${written}"}`, 's-3.json')[0]).toContain(
      `write "${status}", with "statusNote": "${written}"`,
    );
  });

  test('words in another language with the status in brackets: the status, the words its note', () => {
    const { record, diagnostics } = validateRecord(
      parseSource('**Experiment ID**: s-1\n\n**Status**: afgerond (completed)\n', { file: 's-1.md' }),
      {
        file: 's-1.md',
      },
    );
    expect(diagnostics).toEqual([]);
    expect(record).toMatchObject({ status: 'completed', statusNote: 'afgerond' });
  });

  test.each([
    ['abgeschlossen', 'completed'],
    ['Terminé', 'completed'],
    ['completado', 'completed'],
    ['en cours', 'running'],
    ['fehlgeschlagen', 'failed'],
    ['cancelado', 'cancelled'],
  ])('a German, French or Spanish status word (%s) is its status (%s)', (word, status) => {
    const { record, diagnostics } = validateRecord(parseSource(`**Experiment ID**: s-2\n\n**Status**: ${word}\n`, { file: 's-2.md' }), {
      file: 's-2.md',
    });
    expect(diagnostics).toEqual([]);
    expect(record?.status).toBe(status);
  });

  test.each(['—', 'TBD', 'n/a'])('a completion date written "%s" is not filled in: a warning saying so, not an error', (written) => {
    const text = `**Experiment ID**: s-1\n**Date**: 2025-03-01\n**Completion Date**: ${written}\n`;
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 's-1.md' }), { file: 's-1.md' });
    expect(record?.placeholders).toEqual(['completionDate']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `s-1.md:3:22 completionDate: the completion date is not filled in yet (written "${written}"); it is shown as not filled — write the value when it is known, or leave the line out`,
    ]);
  });

  test('words that mean no status, aside or not, are still an error', () => {
    expect(problems('---\nid: s-2\nstatus: see notes (GPU quota)\n---\n', 's-2.md')).toEqual([
      's-2.md:3:9 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "see notes (GPU quota)" — use one of: planned, running, completed, failed, cancelled',
    ]);
  });

  test('JSON, which reads no status words, says a run on hold is running and where its words go', () => {
    expect(problems('{"id": "s-3", "status": "On hold"}', 's-3.json')).toEqual([
      's-3.json:1:25 status: expected one of "planned", "running", "completed", "failed", "cancelled", got the string "On hold" — a run that is on hold has not ended: write "running", with "statusNote": "On hold"',
    ]);
  });
});

describe('a CI written as fractions beside a value in percent', () => {
  test('is read in percent in the record, with a note at the interval (the places written shifted with it)', () => {
    const text = ['## Evaluation Results', '', '| Metric | Value | 95% CI |', '|---|---|---|', '| Accuracy | 90.2% | [0.896, 0.910] |', ''];
    const parsed = parseSource(['**Experiment ID**: c-1', '', ...text].join('\n'), { file: 'c-1.md' });
    const { record, diagnostics } = validateRecord(parsed, { file: 'c-1.md' });
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "c-1.md:7:22 evaluation.testMetrics.0.ci95: the 95% CI of Accuracy, [0.896, 0.91], is written as fractions beside its value 90.2%: it is read in percent, [89.6, 91] — write the interval on the value's scale to say so yourself",
    ]);
    expect(record?.evaluation?.testMetrics?.[0]?.ci95).toEqual({ low: 89.6, high: 91 });
    // In frontmatter 0.910 is recorded as written to three places: 91.0 is to one.
    const fm = [
      '---',
      'id: c-2',
      'evaluation:',
      '  testMetrics:',
      '    - { metric: Accuracy, value: 90.2%, ci95: { low: 0.896, high: 0.910 } }',
      '---',
      '',
    ];
    const written = validateRecord(parseSource(fm.join('\n'), { file: 'c-2.md' }), { file: 'c-2.md' }).record;
    expect(written?.evaluation?.testMetrics?.[0]?.ci95).toEqual({ low: 89.6, high: 91 });
    expect(written?.writtenDecimals?.['evaluation.testMetrics.0.ci95.high']).toBe(1);
  });
});

describe('an interval at another level under its own key', () => {
  test('`ci90` is not suggested to be renamed `ci95`', () => {
    const text = ['---', 'id: c-9', 'evaluation:', '  testMetrics:', '    - { metric: AUC, value: 0.91, ci90: 0.007 }', '---', ''].join(
      '\n',
    );
    expect(problems(text, 'c-9.md')).toEqual([
      'c-9.md:5:35 evaluation.testMetrics.0.ci90: unknown field "ci90" (it is kept, but nothing reads it) — "ci90" is kept as written; only 95% intervals ("ci95") are used for changes and checks — give the 95% interval there, not this one renamed',
    ]);
  });
});

describe('a per-epoch history of columns of other lengths', () => {
  test('is an error that names the lengths and says how to write it', () => {
    const json = JSON.stringify({ id: 'k-1', training: { history: { loss: [0.9, 0.7, 0.6, 0.5], val_loss: [0.8, 0.6] } } });
    const { diagnostics } = validateRecord(parseSource(json, { file: 'k-1.json' }), { file: 'k-1.json' });
    expect(diagnostics.map((d) => [d.level, d.path, d.hint])).toEqual([
      ['error', 'training.history', expect.stringMatching(/^its columns have different lengths \(loss 4, val_loss 2\)/)],
    ]);
  });
});

describe('a number not known yet (`TBD`, `N/A`) in a half-filled log', () => {
  test('is a field not filled in, shown as such, not an error that keeps the record off the site', () => {
    const text = [
      '**Experiment ID**: t-1',
      '',
      '## Training Results',
      '',
      '**Training Infrastructure**:',
      '- GPU-hours: TBD',
      '- Training Duration: TBD',
      '- Estimated CO2: N/A',
      '',
      '## Hyperparameter Tuning',
      '',
      '**Number of Trials**: not measured',
      '',
      '**Related Experiments**:',
      '- Related: TBD',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 't-1.md' }), { file: 't-1.md' });
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(record?.training?.infrastructure).toEqual({});
    expect(record?.tuning?.trials).toBeUndefined();
    expect(record?.lineage?.related).toBeUndefined();
    // `TBD` is read as not filled while the log is read; `N/A` and `not measured` where validation finds them.
    expect(diagnostics).toEqual([]);
    expect(record?.placeholders).toEqual([
      'training.infrastructure.gpuHours',
      'training.infrastructure.durationHours',
      'lineage.related',
      'training.infrastructure.co2Kg',
      'tuning.trials',
    ]);
  });

  test.each(['TBD (threshold not chosen yet)', 'TBD', 'N/A'])(
    'a confusion matrix written as %j in a code block is not filled in, not an error',
    (written) => {
      const text = ['**Experiment ID**: t-3', '', '## Evaluation', '', '**Confusion Matrix**:', '', '```', written, '```'].join('\n');
      const { record, diagnostics } = validateRecord(parseSource(text, { file: 't-3.md' }), { file: 't-3.md' });
      expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
      expect(record?.evaluation?.confusionMatrix).toBeUndefined();
      expect(record?.placeholders).toEqual(['evaluation.confusionMatrix']);
    },
  );

  test('a text not written yet (`Hypothesis: TBD`, `Split Strategy: —`, `- TBD` items) is not filled in; `N/A` is an answer, kept', () => {
    const text = [
      '**Experiment ID**: t-2',
      '',
      '## Overview',
      '',
      '**Hypothesis**: TBD',
      '',
      '## Dataset',
      '',
      '- Split Strategy: —',
      '- Preprocessing: N/A',
      '',
      '## Observations',
      '',
      '**What Worked Well**:',
      '- TBD',
    ].join('\n');
    const { record, diagnostics } = validateRecord(parseSource(text, { file: 't-2.md' }), { file: 't-2.md' });
    expect(diagnostics).toEqual([]);
    expect(record?.overview?.hypothesis).toBeUndefined();
    expect(record?.dataset?.splitStrategy).toBeUndefined();
    expect(record?.observations?.worked).toBeUndefined();
    expect(record?.placeholders).toEqual(['overview.hypothesis', 'dataset.splitStrategy', 'observations.worked.0']);
    expect(JSON.stringify(record?.dataset)).toContain('N/A');
  });

  test('other words where a number goes are still errors', () => {
    expect(problems('{ "id": "a", "tuning": { "trials": "lots" } }')).toEqual([
      'exp.json:1:36 tuning.trials: expected a number, got the string "lots" — write a number, or leave the field out while it is not known',
    ]);
  });
});
