import type { Experiment, Hyperparameter, Scalar, TestMetric } from '../../schema/index.ts';
import type { EpochRow } from '../../schema/index.ts';
import { buildHistory, chooseTestMetricKeys, finiteOrNull } from '../history.ts';
import type { MetricPoint } from '../history.ts';
import { setOwn } from '../../util/own.ts';
import { dropUndefined, nonEmptyOrUndefined, sealRecord } from '../record.ts';
import { compareText } from '../../util/compare-text.ts';
import type { DvcRun } from './model.ts';

/**
 * The pure half of the DVC import: one `DvcRun` → one record. The mapping table is in the README
 * ("Import from DVC"); keep the two in step.
 */

/** What `dvcRunToRecord` needs besides the run. */
export interface DvcContext {
  /** Run id (`workspace` or revision) → record id, for every run of this import. */
  recordIds: ReadonlyMap<string, string>;
  schema?: string | undefined;
}

/** Maps one run. */
export function dvcRunToRecord(run: DvcRun, context: DvcContext): Experiment {
  const history = buildHistory(historySeries(run));
  const rows: EpochRow[] =
    history.rows.length > 0 || run.metricsStep === undefined || Object.keys(run.metrics).length === 0
      ? history.rows
      : [
          {
            epoch: run.metricsStep,
            ...Object.fromEntries(
              Object.entries(run.metrics)
                .sort(([a], [b]) => compareText(a, b))
                .map(([key, value]) => [key, finiteOrNull(value)]),
            ),
          },
        ];
  const hyperparameters: Hyperparameter[] = Object.keys(run.params)
    .sort(compareText)
    .map((name) => ({ name, value: jsonScalar(run.params[name] ?? null) }));
  const seeds = seedParams(run.params);
  const testMetrics: TestMetric[] = chooseTestMetricKeys(Object.keys(run.metrics))
    .map(({ key, name }) => ({ metric: name, value: finiteOrNull(run.metrics[key] ?? Number.NaN) }))
    .sort((a, b) => compareText(a.metric, b.metric));
  const parentId = run.parentRunId === undefined ? undefined : context.recordIds.get(run.parentRunId);
  const code = dropUndefined({
    branch: run.branch,
    commit: run.commit,
    entryPoint: run.stages.length === 0 ? undefined : run.stages.map((stage) => stage.cmd).join(' && '),
  });
  return sealRecord({
    ...dropUndefined({
      $schema: context.schema,
      id: context.recordIds.get(run.runId) ?? run.runId,
      name: run.name,
      date: run.date,
      trackingPlatform: 'DVC',
      status: run.status,
      tags: run.experimentName === undefined ? undefined : { dvc_experiment: run.experimentName },
      lineage: parentId === undefined ? undefined : { parent: parentId },
      model: hyperparameters.length === 0 ? undefined : { hyperparameters },
      training: rows.length === 0 ? undefined : { history: rows, historyAxis: 'step' },
      evaluation: nonEmptyOrUndefined(
        dropUndefined({ testMetrics: testMetrics.length === 0 ? undefined : testMetrics, confusionMatrix: run.confusionMatrix }),
      ),
      reproducibility: nonEmptyOrUndefined(
        dropUndefined({
          code: nonEmptyOrUndefined(code),
          seeds: nonEmptyOrUndefined(seeds),
          artifacts:
            run.outs.length === 0
              ? undefined
              : run.outs.map((file) => dropUndefined({ name: file.path, uri: file.path, md5: file.md5, size: file.size })),
          dependencies:
            run.deps.length === 0 ? undefined : run.deps.map((file) => dropUndefined({ path: file.path, md5: file.md5, size: file.size })),
        }),
      ),
    }),
    import: { source: 'dvc', runId: run.runId, nonFinite: history.nonFinite },
  });
}

/**
 * The history's metric series: DVCLive's TSV files, and each metrics-file value that neither a TSV
 * file nor the test metrics hold (`auc` of a second metrics file, a summary's `best_epoch`) as one
 * point at the metrics' `step`, else at the history's last step, as the history row `dvc exp show`
 * gives them. Without TSV files, the series are empty (the metrics are then the history's one row).
 */
export function historySeries(run: DvcRun): Record<string, MetricPoint[]> {
  const series: Record<string, MetricPoint[]> = { ...run.history };
  const steps = Object.values(run.history).flatMap((points) => points.map((point) => point.step));
  if (steps.length === 0) return series;
  const step = run.metricsStep ?? Math.max(...steps);
  const tested = new Set(chooseTestMetricKeys(Object.keys(run.metrics)).map(({ key }) => key));
  for (const [key, value] of Object.entries(run.metrics))
    if (!Object.hasOwn(run.history, key) && !tested.has(key)) setOwn(series, key, [{ step, timestamp: 0, value }]);
  return series;
}

/** Integer params named `seed`, `*.seed` or `*_seed` → `reproducibility.seeds`, keyed by the param name. */
export function seedParams(params: Readonly<Record<string, Scalar>>): Record<string, number> {
  const seeds: Record<string, number> = {};
  for (const [name, value] of Object.entries(params))
    if (/(^|[._])seed$/i.test(name) && typeof value === 'number' && Number.isSafeInteger(value)) seeds[name] = value;
  return seeds;
}

/** JSON has no NaN or ±Infinity: such a param value is kept as its name (`"NaN"`). */
function jsonScalar(value: Scalar): Scalar {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
