import { describe, expect, test } from 'vitest';
import { checkRecords, withConsistentDates } from '../../src/import/pipeline.ts';
import { sealRecord } from '../../src/import/record.ts';

describe('withConsistentDates', () => {
  test('an end before the start: completionDate left out, the record sealed again, a warning naming the run', () => {
    const record = sealRecord({
      id: 'multi-per-step-137d3dc6',
      date: '2026-12-04',
      completionDate: '2026-01-01',
      import: { source: 'mlflow', runId: '137d3dc6ef26489ca660ac6eebd900f8' },
    });
    const warnings: string[] = [];
    const fixed = withConsistentDates(record, warnings);
    expect(fixed).toEqual(
      sealRecord({
        id: 'multi-per-step-137d3dc6',
        date: '2026-12-04',
        import: { source: 'mlflow', runId: '137d3dc6ef26489ca660ac6eebd900f8' },
      }),
    );
    expect(fixed.completionDate).toBeUndefined();
    expect(warnings).toEqual([
      'run "137d3dc6ef26489ca660ac6eebd900f8": its end (2026-01-01) is before its start (2026-12-04); completionDate left out — check the run\'s end time in the source',
    ]);
    expect(checkRecords([fixed])).toEqual([fixed]);
  });

  test('an end on the start day or later is kept as it is', () => {
    const record = sealRecord({ id: 'a', date: '2026-01-01', completionDate: '2026-01-01', import: { source: 'csv', runId: 'a' } });
    const warnings: string[] = [];
    expect(withConsistentDates(record, warnings)).toBe(record);
    expect(warnings).toEqual([]);
  });
});

describe('checkRecords', () => {
  test('a record validate would reject (a 2-label confusion matrix with 1 row) is an ImportError naming the run', () => {
    const record = sealRecord({
      id: 'cm',
      evaluation: { confusionMatrix: { labels: ['0', '1'], matrix: [[3, 1]] } },
      import: { source: 'dvc', runId: 'workspace' },
    });
    expect(() => checkRecords([record])).toThrow(
      'run "workspace" maps to a record validate rejects (evaluation.confusionMatrix.matrix: the confusion matrix has 1 row, but 2 labels: it must be square, one row and one column per label)',
    );
  });

  test('a record past a limit validate enforces (1,001 hyperparameters, 1,000 at most) is an ImportError naming the run', () => {
    const hyperparameters = Array.from({ length: 1001 }, (_, index) => ({ name: `p${index}`, value: index }));
    const record = sealRecord({ id: 'wide', model: { hyperparameters }, import: { source: 'tensorboard', runId: 'runs/wide' } });
    expect(() => checkRecords([record])).toThrow(/^run "runs\/wide" maps to a record validate rejects \(model\.hyperparameters: /);
  });
});
