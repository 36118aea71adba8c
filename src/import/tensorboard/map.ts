import type { Experiment, Hyperparameter, Scalar, Status, TestMetric } from '../../schema/index.ts';
import { buildHistory, finiteOrNull, latestPoint, selectTestMetrics } from '../history.ts';
import type { MetricPoint } from '../history.ts';
import { dropUndefined, sealRecord, toIsoDate } from '../record.ts';
import { compareText } from '../../util/compare-text.ts';
import type { TbRun } from './model.ts';

/**
 * The pure half of the TensorBoard import: one `TbRun` → one record. The mapping table is in the
 * README ("Import from TensorBoard"); keep the two in step.
 */

/** `session_end_info.status` → record status (0, unknown, leaves the status out). */
const STATUS: Record<number, Status> = { 1: 'completed', 2: 'failed', 3: 'running' };

/** Maps one run. `id` comes from `assignNamedIds` over all runs of the import. */
export function tbRunToRecord(run: TbRun, context: { id: string; schema?: string | undefined }): Experiment {
  const history = buildHistory(run.scalars);
  const hyperparameters: Hyperparameter[] = Object.keys(run.hparams)
    .sort(compareText)
    .map((name) => {
      const domain = run.domains[name];
      return dropUndefined({ name, value: jsonScalar(run.hparams[name] ?? null), searchSpace: domain });
    });
  const testMetrics = chooseTestMetrics(run);
  return sealRecord({
    ...dropUndefined({
      $schema: context.schema,
      id: context.id,
      name: run.name,
      date: toIsoDate(run.startTime),
      completionDate: toIsoDate(run.endTime),
      trackingPlatform: 'TensorBoard',
      status: run.status === undefined ? undefined : STATUS[run.status],
      model: hyperparameters.length === 0 ? undefined : { hyperparameters },
      training: history.rows.length === 0 ? undefined : { history: history.rows, historyAxis: 'step' },
      evaluation: testMetrics.length === 0 ? undefined : { testMetrics },
    }),
    // The source folder's own name when it is the run (its `name`): one id, whichever folder is imported.
    import: { source: 'tensorboard', runId: run.path === '.' ? run.name : run.path, nonFinite: history.nonFinite },
  });
}

/**
 * Test metrics: the final metrics of the merged `add_hparams` folder (latest value of each, names
 * as written); else the latest values of the metric tags the hparams experiment names; else the
 * split tiers every importer uses (`selectTestMetrics`).
 */
export function chooseTestMetrics(run: TbRun): TestMetric[] {
  const latest = (series: Readonly<Record<string, readonly MetricPoint[]>>, tags: readonly string[]): TestMetric[] =>
    tags
      .filter((tag) => (series[tag]?.length ?? 0) > 0)
      .sort(compareText)
      .map((tag) => ({ metric: tag, value: finiteOrNull(latestPoint(series[tag] ?? [])?.value ?? Number.NaN) }));
  const final = latest(run.finalMetrics, Object.keys(run.finalMetrics));
  if (final.length > 0) return final;
  const named = latest(run.scalars, run.metricTags);
  return named.length > 0 ? named : selectTestMetrics(run.scalars);
}

/** JSON has no NaN or ±Infinity: such a hyperparameter value is kept as its name (`"NaN"`). */
function jsonScalar(value: Scalar): Scalar {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
