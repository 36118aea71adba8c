import { describe, expect, test } from 'vitest';
import { ExperimentSchema } from '../../../src/schema/index.ts';
import { csvToRecords, describeCsvPlan, messages, parseCsv, parseDate, planCsv } from '../../../src/import/csv/index.ts';
import type { CsvFlags } from '../../../src/import/importer.ts';

const NO_FLAGS: CsvFlags = { params: [], metrics: [], ignore: [] };
const records = (text: string, flags: CsvFlags = NO_FLAGS, baseName = 'file') => {
  const table = parseCsv(text);
  return csvToRecords(table, planCsv(table, flags, baseName), { baseName });
};

describe('parseCsv', () => {
  test('quotes, doubled quotes, commas and newlines in quoted cells, CRLF, a BOM, blank lines', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, ""y""","line1\nline2"\r\n\r\n3,\n')).toEqual({
      columns: ['a', 'b'],
      rows: [
        ['x, "y"', 'line1\nline2'],
        ['3', ''],
      ],
      lines: [2, 5],
    });
  });

  test('a semicolon-separated file (Excel, `to_csv(sep=";", decimal=",")`): semicolons separate, a decimal comma is a point', () => {
    expect(parseCsv('epoch;val_loss;note;acc\n1;0,640;"a; b";87,3 %\n2;1.234,5;x, y;-1,5e-3\n')).toEqual({
      columns: ['epoch', 'val_loss', 'note', 'acc'],
      rows: [
        ['1', '0.640', 'a; b', '87.3 %'],
        ['2', '1234.5', 'x, y', '-1.5e-3'],
      ],
      lines: [2, 3],
    });
    // A comma in the header: a comma-separated file, its cells as written.
    expect(parseCsv('a,b;c\n1;2,3\n').rows).toEqual([['1;2', '3']]);
  });

  test.each([
    ['', messages.empty()],
    ['a,b\n"open,1\n', messages.unterminatedQuote(2)],
    ['a,b\n1,2,3\n', messages.ragged(2, 3, 2)],
    ['a,a\n1,2\n', messages.duplicateColumn('a')],
    ['a\u0000b', messages.notText()],
  ])('rejects %j', (text, error) => {
    expect(() => parseCsv(text)).toThrow(error.message);
  });
});

describe('planCsv', () => {
  test('a table of runs: named columns, prefixes, then what the values are', () => {
    const table = parseCsv(
      'Run ID,Name,Status,Start Time,User,Duration,params.lr,metrics.val_loss,tags.team,tags.mlflow.source.type,batch_size,accuracy,empty\nr1,a,FINISHED,2024-01-02,ann,3s,0.1,0.4,x,LOCAL,32,0.9,\n',
    );
    expect(planCsv(table, NO_FLAGS).columns.map((column) => [column.column, column.role, column.key, column.because])).toEqual([
      ['Run ID', 'id', 'Run ID', 'name'],
      ['Name', 'name', 'Name', 'name'],
      ['Status', 'status', 'Status', 'name'],
      ['Start Time', 'date', 'Start Time', 'name'],
      ['User', 'experimenter', 'User', 'name'],
      ['Duration', 'ignored', 'Duration', 'name'],
      ['params.lr', 'param', 'lr', 'name'],
      ['metrics.val_loss', 'metric', 'val_loss', 'name'],
      ['tags.team', 'tag', 'team', 'name'],
      ['tags.mlflow.source.type', 'ignored', 'mlflow.source.type', 'name'],
      ['batch_size', 'param', 'batch_size', 'values'],
      ['accuracy', 'metric', 'accuracy', 'values'],
      ['empty', 'ignored', 'empty', 'values'],
    ]);
  });

  test('flags win: --metric, --param, --ignore, --id, --name', () => {
    const table = parseCsv('key,title,lr,accuracy,note\nk1,t,0.1,0.9,x\n');
    const plan = planCsv(table, { ...NO_FLAGS, id: 'key', name: 'title', metrics: ['lr'], params: ['accuracy'], ignore: ['note'] });
    expect(plan.columns.map((column) => [column.role, column.because])).toEqual([
      ['id', 'flag'],
      ['name', 'flag'],
      ['metric', 'flag'],
      ['param', 'flag'],
      ['ignored', 'flag'],
    ]);
  });

  test('a table without a run id or name column but with a step column is a history', () => {
    const plan = planCsv(parseCsv('epoch,loss,val_acc,time\n1,0.5,0.6,12:00\n'), NO_FLAGS);
    expect(plan.table).toBe('history');
    expect(plan.columns.map((column) => column.role)).toEqual(['step', 'metric', 'metric', 'ignored']);
  });

  test.each([
    [{ ...NO_FLAGS, id: 'nope' }, messages.unknownColumn('--id', 'nope', ['a', 'b'])],
    [{ ...NO_FLAGS, table: 'history' as const }, messages.noStepColumn(['a', 'b'])],
  ])('rejects %j', (flags, error) => {
    expect(() => planCsv(parseCsv('a,b\n1,2\n'), flags)).toThrow(error.message);
  });

  test('describes the mapping, one line per column, with the flag that changes it', () => {
    expect(describeCsvPlan(planCsv(parseCsv('Name,lr,f1,Source Type\na,0.1,0.5,LOCAL\n'), NO_FLAGS))).toEqual([
      'read as a table of runs (one row per run); --table history reads it as one run’s history',
      '  column "Name" → run name',
      '  column "lr" → hyperparameter "lr" (--metric or --ignore lr to change)',
      '  column "f1" → metric "f1" (--param or --ignore f1 to change)',
      '  column "Source Type" → ignored (--param or --metric "Source Type" to change)',
    ]);
  });
});

describe('csvToRecords: a table of runs', () => {
  const csv = [
    'Run ID,Name,Status,Start Time,End Time,User,Notes,lr,test_acc,train_loss,Parent Run ID,git commit',
    'aaaa1111xxxx,base,FINISHED,2024-05-01 10:00:00,1714557600000,ann,first try,0.1,0.91,0.31,,abc123',
    'bbbb2222yyyy,"child, deeper",crashed,1714557600,,bob,,0.05,,nan,aaaa1111xxxx,',
  ].join('\n');
  const [base, child] = records(csv);

  test('one valid record per row, id = name slug + first 8 characters of the run id', () => {
    expect([base?.id, child?.id]).toEqual(['base-aaaa1111', 'child-deeper-bbbb2222']);
    expect(ExperimentSchema.safeParse(base).success && ExperimentSchema.safeParse(child).success).toBe(true);
  });

  test('named columns: status words, dates (ISO text, epoch ms or s), user, notes, commit', () => {
    expect(base).toMatchObject({
      status: 'completed',
      date: '2024-05-01',
      completionDate: '2024-05-01',
      experimenter: 'ann',
      notes: 'first try',
      reproducibility: { code: { commit: 'abc123' } },
    });
    expect(child).toMatchObject({ status: 'failed', date: '2024-05-01', experimenter: 'bob' });
  });

  test('params typed, test_ metrics as test metrics (prefix stripped), the other metrics as final metrics', () => {
    expect(base?.model?.hyperparameters).toEqual([{ name: 'lr', value: 0.1 }]);
    expect(base?.evaluation?.testMetrics).toEqual([{ metric: 'acc', value: 0.91 }]);
    expect(base?.training).toEqual({ finalMetrics: { train_loss: 0.31 } });
    expect(child?.training).toEqual({ finalMetrics: { train_loss: null } });
  });

  test('the parent column becomes lineage when the parent is in the file', () => {
    expect(child?.lineage).toEqual({ parent: 'base-aaaa1111' });
    expect(base?.lineage).toBeUndefined();
  });

  test('without an id column, unique names are the run ids; otherwise the row number', () => {
    expect(records('Name,acc\na,1\nb,2\n').map((record) => [record.id, (record['import'] as { runId: string }).runId])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
    ]);
    expect(records('Name,acc\na,1\na,2\n').map((record) => (record['import'] as { runId: string }).runId)).toEqual(['row 1', 'row 2']);
  });

  test('a repeated run id is an ImportError', () => {
    expect(() => records('run_id,acc\nx,1\nx,2\n')).toThrow(messages.duplicateRunId('x').message);
  });

  test('a header without rows is an ImportError', () => {
    expect(() => records('Name,acc\n')).toThrow(messages.noRows().message);
  });
});

describe('csvToRecords: one run’s history', () => {
  test('TensorBoard’s CSV download: the Value column is named after the file; NaN a null cell', () => {
    const [record] = records('Wall time,Step,Value\n1.5,0,0.9\n2.5,1,nan\n3.5,2,0.5\n', NO_FLAGS, 'val_loss');
    expect(record?.training?.history).toEqual([
      { epoch: 0, val_loss: 0.9 },
      { epoch: 1, val_loss: null },
      { epoch: 2, val_loss: 0.5 },
    ]);
    expect(record?.training?.historyAxis).toBe('step');
    // A history whose step column is an epoch counts epochs.
    expect(records('epoch,loss\n1,0.9\n2,0.5\n', NO_FLAGS, 'h')[0]?.training?.historyAxis).toBeUndefined();
    expect(record?.evaluation?.testMetrics).toEqual([{ metric: 'val_loss', value: 0.5 }]);
    expect(record).toMatchObject({
      id: 'val-loss',
      name: 'val_loss',
      import: { source: 'csv', runId: 'val_loss', nonFinite: [{ metric: 'val_loss', step: 1, value: 'NaN' }] },
    });
  });

  test('a step that is not a number is an ImportError with its line', () => {
    expect(() => records('step,loss\n0,1\nx,2\n')).toThrow(messages.badStep(3, 'x').message);
  });
});

describe('parseDate', () => {
  test.each([
    ['2024-05-01', '2024-05-01'],
    ['2024-05-01T10:00:00Z', '2024-05-01'],
    ['1714557600', '2024-05-01'],
    ['1714557600000', '2024-05-01'],
    ['yesterday', undefined],
    ['-5', undefined],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
});
