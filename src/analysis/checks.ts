/**
 * Consistency checks: numbers of a record that contradict other numbers of the same record (or the
 * collection). Each finding is a `Check` with a stable code, a message naming the numbers, and the
 * dotted path of the field concerned. Nothing here throws on odd input: a record that parsed is checked.
 *
 * Tolerances are "beyond rounding": a reported number may be off by half a unit of its last decimal
 * place (plus `EPSILON`); counts written like "150K" may be off by `COUNT_TOLERANCE` of the total.
 */
import type { ConfusionMatrix, EpochRow, Experiment, GroupRow, Scalar, TestMetric } from '../schema/index.ts';
import { isBetter, isUnitIntervalMetric, metricInfo, type MetricInfo } from './metrics.ts';
import { message } from './messages.ts';
import type { Check } from './schema.ts';
import { groupRowsByAttribute } from './fairness.ts';
import { findCurrentRow } from './deltas.ts';
import { findTestSplit, isOverallGroup, isWellFormedMatrix, matrixTotal, positiveIndex, testSetSizes } from './sizes.ts';
import { agreeAsRoundings, agreesWithinRounding, decimalsOf, EPSILON, roundingHalfUnit, sum } from './stats.ts';
import { getOwn } from '../util/own.ts';
import { maxOf } from '../util/arrays.ts';

/** Relative slack for counts that are usually written rounded ("700K", "1M"). */
export const COUNT_TOLERANCE = 0.005;

/** Slack for split fractions that should add up to 1. */
export const FRACTION_SUM_TOLERANCE = 0.01;

const LEVEL_ORDER: Readonly<Record<Check['level'], number>> = { error: 0, warning: 1, info: 2 };

/** Checks ordered errors first, then warnings, then info; stable within a level. */
export function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

function countsAgree(a: number, b: number): boolean {
  return Math.abs(a - b) <= COUNT_TOLERANCE * Math.max(a, b);
}

// ---------------------------------------------------------------------------------------------
// Confusion matrix

/** A metric derived from a confusion matrix, with the formula that gives it. */
export interface DerivedMetric {
  value: number;
  formula: string;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function derived(value: number | null, formula: string): DerivedMetric | null {
  return value === null ? null : { value, formula };
}

/**
 * The value of a metric derived from a well-formed confusion matrix. Binary matrices give accuracy,
 * error, precision, recall, F1, specificity, FPR, FNR and balanced accuracy for the positive class
 * (`positiveLabel`, default the second label); multi-class matrices (or a named average) give
 * accuracy, error and macro (default), weighted or micro precision, recall and F1. Null when the
 * metric cannot be derived or divides by zero.
 */
export function deriveFromMatrix(cm: ConfusionMatrix, info: MetricInfo): DerivedMetric | null {
  const k = cm.labels.length;
  const at = (i: number, j: number): number => cm.matrix[i]?.[j] ?? 0;
  const total = matrixTotal(cm);
  const trace = sum(cm.labels.map((_, i) => at(i, i)));
  if (info.kind === 'accuracy') return derived(ratio(trace, total), `correct / total = ${trace} / ${total}`);
  if (info.kind === 'error') return derived(ratio(total - trace, total), `incorrect / total = ${total - trace} / ${total}`);
  if (k === 2 && info.average === null) {
    const p = positiveIndex(cm);
    const q = 1 - p;
    const tp = at(p, p);
    const fn = at(p, q);
    const fp = at(q, p);
    const tn = at(q, q);
    switch (info.kind) {
      case 'precision':
        return derived(ratio(tp, tp + fp), `TP / (TP + FP) = ${tp} / (${tp} + ${fp})`);
      case 'recall':
        return derived(ratio(tp, tp + fn), `TP / (TP + FN) = ${tp} / (${tp} + ${fn})`);
      case 'f1':
        return derived(ratio(2 * tp, 2 * tp + fp + fn), `2TP / (2TP + FP + FN) = ${2 * tp} / (${2 * tp} + ${fp} + ${fn})`);
      case 'specificity':
        return derived(ratio(tn, tn + fp), `TN / (TN + FP) = ${tn} / (${tn} + ${fp})`);
      case 'fpr':
        return derived(ratio(fp, fp + tn), `FP / (FP + TN) = ${fp} / (${fp} + ${tn})`);
      case 'fnr':
        return derived(ratio(fn, fn + tp), `FN / (FN + TP) = ${fn} / (${fn} + ${tp})`);
      case 'balanced-accuracy': {
        const r = ratio(tp, tp + fn);
        const s = ratio(tn, tn + fp);
        return derived(r === null || s === null ? null : (r + s) / 2, `(TPR + TNR) / 2 = (${tp}/${tp + fn} + ${tn}/${tn + fp}) / 2`);
      }
      default:
        return null;
    }
  }
  if (info.kind !== 'precision' && info.kind !== 'recall' && info.kind !== 'f1') return null;
  const average = info.average ?? 'macro';
  if (average === 'micro') return derived(ratio(trace, total), `micro average = correct / total = ${trace} / ${total}`);
  const perClass = cm.labels.map((_, c) => {
    const tp = at(c, c);
    const predicted = sum(cm.labels.map((__, i) => at(i, c)));
    const actual = sum(cm.matrix[c] ?? []);
    const value =
      info.kind === 'precision' ? ratio(tp, predicted) : info.kind === 'recall' ? ratio(tp, actual) : ratio(2 * tp, predicted + actual);
    return { value, support: actual };
  });
  if (perClass.some((c) => c.value === null)) return null;
  const formulas: Readonly<Record<string, string>> = { precision: 'TP / (TP + FP)', recall: 'TP / (TP + FN)', f1: '2TP / (2TP + FP + FN)' };
  const formula = formulas[info.kind] ?? '';
  if (average === 'weighted') {
    const weighted = ratio(sum(perClass.map((c) => (c.value ?? 0) * c.support)), total);
    return derived(weighted, `support-weighted average over ${k} classes of ${formula}`);
  }
  return derived(sum(perClass.map((c) => c.value ?? 0)) / k, `macro average over ${k} classes of ${formula}`);
}

/** Scale of a reported proportion: 100 when it is in percent (unit "%", or a bare value in (1, 100]). */
function reportedScale(info: MetricInfo, value: number): number {
  return info.unit === '%' || (info.unit === null && value > 1 && value <= 100) ? 100 : 1;
}

/** Confusion-matrix shape and the test metrics it contradicts (`metric-mismatch`). */
export function checkConfusionMatrix(record: Experiment): Check[] {
  const cm = record.evaluation?.confusionMatrix;
  if (cm === undefined) return [];
  const path = 'evaluation.confusionMatrix';
  if (!isWellFormedMatrix(cm)) {
    return [
      {
        level: 'error',
        code: 'confusion-matrix-shape',
        message: message.matrixShape(
          cm.labels.length,
          cm.matrix.length,
          cm.matrix.map((row) => row.length),
        ),
        path: `${path}.matrix`,
      },
    ];
  }
  const checks: Check[] = [];
  if (matrixTotal(cm) === 0)
    return [{ level: 'warning', code: 'confusion-matrix-empty', message: message.matrixEmpty(), path: `${path}.matrix` }];
  if (cm.positiveLabel !== undefined && !cm.labels.includes(cm.positiveLabel)) {
    checks.push({
      level: 'warning',
      code: 'confusion-matrix-positive-label',
      message: message.positiveLabelUnknown(cm.positiveLabel, cm.labels),
      path: `${path}.positiveLabel`,
    });
  }
  (record.evaluation?.testMetrics ?? []).forEach((tm, i) => {
    const info = metricInfo(tm.metric, tm.unit);
    // The matrix is of the test set at top-1: train/validation and top-k metrics are not derivable from it.
    if (tm.value === null || (info.split !== null && info.split !== 'test') || /(?:^|_)top_(?!1(?:_|$))/.test(info.key)) return;
    const d = deriveFromMatrix(cm, info);
    if (d === null) return;
    const scale = reportedScale(info, tm.value);
    if (!agreesWithinRounding(tm.value, d.value * scale)) {
      checks.push({
        level: 'warning',
        code: 'metric-mismatch',
        message: message.metricMismatch(tm.metric, tm.value, d.value * scale, d.formula, 'confusion matrix'),
        path: `evaluation.testMetrics.${i}.value`,
        hint: message.metricMismatchHint(),
      });
    }
  });
  return checks;
}

/** The test-set size stated by the matrix, the test split and the Overall group must agree (`test-size-mismatch`). */
export function checkTestSize(record: Experiment): Check[] {
  const sizes = testSetSizes(record);
  const first = sizes[0];
  if (first === undefined || sizes.every((s) => countsAgree(s.n, first.n))) return [];
  return [{ level: 'warning', code: 'test-size-mismatch', message: message.testSizeMismatch(sizes), path: 'evaluation' }];
}

// ---------------------------------------------------------------------------------------------
// Dataset splits

/**
 * `split-mismatch`: fractions that do not add up to 1 (±0.01), record counts that do not add up to the
 * dataset size, or a fraction × dataset size that is not the split's record count, beyond rounding.
 */
export function checkSplits(record: Experiment): Check[] {
  const dataset = record.dataset;
  const splits = dataset?.splits ?? [];
  if (dataset === undefined || splits.length === 0) return [];
  const checks: Check[] = [];
  const fractions = splits.map((s) => s.fraction);
  if (fractions.every((f) => f !== undefined)) {
    const total = sum(fractions);
    if (Math.abs(total - 1) > FRACTION_SUM_TOLERANCE + EPSILON) {
      checks.push({
        level: 'warning',
        code: 'split-mismatch',
        message: message.splitFractionSum(total, fractions),
        path: 'dataset.splits',
      });
    }
  }
  const datasetRecords = dataset.records;
  if (datasetRecords === undefined || datasetRecords === 0) return checks;
  const records = splits.map((s) => s.records);
  if (records.every((r) => r !== undefined)) {
    const total = sum(records);
    if (!countsAgree(total, datasetRecords)) {
      checks.push({
        level: 'warning',
        code: 'split-mismatch',
        message: message.splitRecordSum(total, records, datasetRecords),
        path: 'dataset.splits',
      });
    }
  }
  splits.forEach((split, i) => {
    if (split.fraction === undefined || split.records === undefined) return;
    // A fraction written as "70%" is good to ±0.005; the counts themselves to COUNT_TOLERANCE.
    const tolerance = 0.5 * 10 ** -Math.max(2, decimalsOf(split.fraction)) + COUNT_TOLERANCE;
    if (Math.abs(split.records / datasetRecords - split.fraction) > tolerance + EPSILON) {
      checks.push({
        level: 'warning',
        code: 'split-mismatch',
        message: message.splitFractionRecords(split.name, split.fraction, datasetRecords, split.records),
        path: `dataset.splits.${i}.records`,
      });
    }
  });
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Disaggregated table

/** F1 of reported precision and recall is consistent with the reported F1, allowing for the rounding of all three. */
function checkF1(
  metrics: ReadonlyArray<{ name: string; value: number; unit?: string | undefined }>,
  where: string,
  pathOf: (name: string) => string,
): Check[] {
  const infos = metrics.map((m) => ({ ...m, info: metricInfo(m.name, m.unit) }));
  const plain = (kind: string) =>
    infos.find((m) => m.info.kind === kind && m.info.average === null && (m.info.split === null || m.info.split === 'test'));
  const p = plain('precision');
  const r = plain('recall');
  const f = plain('f1');
  if (p === undefined || r === undefined || f === undefined || p.info.unit !== r.info.unit || r.info.unit !== f.info.unit) return [];
  if (!/^f1$|(?:^|_)f1$/.test(f.info.key)) return [];
  const f1 = (a: number, b: number): number => (a + b === 0 ? 0 : (2 * a * b) / (a + b));
  const hp = roundingHalfUnit(p.value);
  const hr = roundingHalfUnit(r.value);
  const low = f1(p.value - hp, r.value - hr);
  const high = f1(p.value + hp, r.value + hr);
  const hf = roundingHalfUnit(f.value) + EPSILON;
  if (f.value >= low - hf && f.value <= high + hf) return [];
  return [
    {
      level: 'warning',
      code: 'metric-mismatch',
      message: message.f1Mismatch(where, f.value, p.value, r.value, f1(p.value, r.value)),
      path: pathOf(f.name),
    },
  ];
}

/** Range checks of a value that must be a proportion (0–1, or 0–100 with unit "%"). */
function checkRange(name: string, value: number | null, unit: string | undefined, path: string): Check[] {
  const info = metricInfo(name, unit);
  if (value === null || !isUnitIntervalMetric(info)) return [];
  if (info.unit === '%') {
    return value < 0 || value > 100
      ? [{ level: 'warning', code: 'value-out-of-range', message: message.outOfRange(name, value, 100), path }]
      : [];
  }
  if (value >= 0 && value <= 1) return [];
  if (value > 1 && value <= 100)
    return [{ level: 'warning', code: 'value-out-of-range', message: message.proportionAsPercent(name, value), path }];
  return [{ level: 'warning', code: 'value-out-of-range', message: message.outOfRange(name, value, 1), path }];
}

function entries(metrics: Readonly<Record<string, number | null>>): Array<{ name: string; value: number }> {
  return Object.entries(metrics).flatMap(([name, value]) => (value === null ? [] : [{ name, value }]));
}

/**
 * The disaggregated table: group sizes against the overall n (`group-size-mismatch`), the Overall row
 * against the test metrics and against the size-weighted mean of the groups (`group-overall-mismatch`),
 * F1 against precision and recall per group, and proportions out of range.
 */
export function checkGroups(record: Experiment): Check[] {
  const rows = record.evaluation?.disaggregated ?? [];
  if (rows.length === 0) return [];
  const checks: Check[] = [];
  const index = new Map<GroupRow, number>(rows.map((row, i) => [row, i]));
  const overall = rows.find(isOverallGroup);
  const overallIndex = overall === undefined ? -1 : rows.indexOf(overall);
  const testSplit = findTestSplit(record);
  const expected =
    overall?.n !== undefined
      ? { n: overall.n, source: 'Overall row n' }
      : testSplit?.records !== undefined
        ? { n: testSplit.records, source: 'test split size' }
        : null;

  rows.forEach((row, i) => {
    for (const { name, value } of entries(row.metrics))
      checks.push(...checkRange(name, value, undefined, `evaluation.disaggregated.${i}.metrics.${name}`));
    checks.push(...checkF1(entries(row.metrics), `Group "${row.group}":`, (name) => `evaluation.disaggregated.${i}.metrics.${name}`));
  });

  for (const { attribute, rows: groupRows } of groupRowsByAttribute(rows)) {
    const sizes = groupRows.map((row) => row.n);
    if (expected === null || !sizes.every((n) => n !== undefined)) continue;
    const total = sum(sizes);
    const firstIndex = index.get(groupRows[0] as GroupRow) ?? 0;
    if (!countsAgree(total, expected.n)) {
      checks.push({
        level: 'warning',
        code: 'group-size-mismatch',
        message: message.groupSizeSum(attribute, total, sizes, expected.n, expected.source),
        path: `evaluation.disaggregated.${firstIndex}.n`,
      });
      continue;
    }
    if (overall === undefined) continue;
    // The groups partition the population: an overall proportion of counts is their size-weighted mean.
    for (const { name, value } of entries(overall.metrics)) {
      const info = metricInfo(name);
      if (info.kind !== 'accuracy' && info.kind !== 'error' && info.kind !== 'selection-rate') continue;
      const values = groupRows.map((row) => getOwn(row.metrics, name));
      if (!values.every((v) => typeof v === 'number')) continue;
      const weighted = sum(groupRows.map((row, g) => (values[g] as number) * (row.n as number))) / total;
      const slack = sum(groupRows.map((row, g) => roundingHalfUnit(values[g] as number) * (row.n as number))) / total;
      if (!agreesWithinRounding(value, weighted, slack)) {
        checks.push({
          level: 'warning',
          code: 'group-overall-mismatch',
          message: message.groupOverallMean(name, attribute, weighted, value),
          path: `evaluation.disaggregated.${overallIndex}.metrics.${name}`,
        });
      }
    }
  }

  if (overall !== undefined) {
    for (const { name, value } of entries(overall.metrics)) {
      const info = metricInfo(name);
      const test = (record.evaluation?.testMetrics ?? []).find(
        (tm) => tm.value !== null && metricInfo(tm.metric, tm.unit).key === info.key,
      );
      if (test?.value === null || test?.value === undefined || metricInfo(test.metric, test.unit).unit !== info.unit) continue;
      if (!agreeAsRoundings(value, test.value)) {
        checks.push({
          level: 'warning',
          code: 'group-overall-mismatch',
          message: message.overallVsTest(name, value, test.value),
          path: `evaluation.disaggregated.${overallIndex}.metrics.${name}`,
        });
      }
    }
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Test metrics and baseline table

function ciChecks(tm: TestMetric, i: number): Check[] {
  const ci = tm.ci95;
  if (ci === undefined || typeof ci === 'number' || tm.value === null) return [];
  const path = `evaluation.testMetrics.${i}.ci95`;
  if (ci.low > ci.high) return [{ level: 'warning', code: 'ci-mismatch', message: message.ciReversed(tm.metric, ci.low, ci.high), path }];
  if (tm.value < ci.low - roundingHalfUnit(ci.low) - EPSILON || tm.value > ci.high + roundingHalfUnit(ci.high) + EPSILON) {
    return [{ level: 'warning', code: 'ci-mismatch', message: message.ciExcludesValue(tm.metric, tm.value, ci.low, ci.high), path }];
  }
  return [];
}

/**
 * Test metrics and the baseline table: values out of range, CIs that do not contain their value,
 * F1 against precision and recall, and the current baseline row against the test metrics.
 */
export function checkMetricValues(record: Experiment): Check[] {
  const checks: Check[] = [];
  const testMetrics = record.evaluation?.testMetrics ?? [];
  testMetrics.forEach((tm, i) => {
    checks.push(...checkRange(tm.metric, tm.value, tm.unit, `evaluation.testMetrics.${i}.value`), ...ciChecks(tm, i));
  });
  const multiClass = (record.evaluation?.confusionMatrix?.labels.length ?? 2) > 2;
  if (!multiClass) {
    const values = testMetrics.flatMap((tm) => (tm.value === null ? [] : [{ name: tm.metric, value: tm.value, unit: tm.unit }]));
    checks.push(...checkF1(values, 'Test', (name) => `evaluation.testMetrics.${testMetrics.findIndex((tm) => tm.metric === name)}.value`));
  }
  const baselines = record.comparison?.baselines ?? [];
  baselines.forEach((row, i) => {
    for (const { name, value } of entries(row.metrics))
      checks.push(...checkRange(name, value, undefined, `comparison.baselines.${i}.metrics.${name}`));
  });
  const current = findCurrentRow(record);
  if (current !== undefined) {
    const i = baselines.indexOf(current);
    for (const { name, value } of entries(current.metrics)) {
      const key = metricInfo(name).key;
      const tm = testMetrics.find((t) => t.value !== null && metricInfo(t.metric, t.unit).key === key);
      if (tm?.value === null || tm?.value === undefined || agreeAsRoundings(value, tm.value)) continue;
      checks.push({
        level: 'warning',
        code: 'baseline-current-mismatch',
        message: message.currentRowVsTest(name, value, tm.value),
        path: `comparison.baselines.${i}.metrics.${name}`,
      });
    }
  }
  return checks;
}

// ---------------------------------------------------------------------------------------------
// Training

/** `compute-mismatch`: GPU-hours against GPU count × duration, allowing for the rounding of each. */
export function checkCompute(record: Experiment): Check[] {
  const infra = record.training?.infrastructure;
  const { gpuHours, gpuCount, durationHours } = infra ?? {};
  if (gpuHours === undefined || gpuCount === undefined || durationHours === undefined) return [];
  const tolerance = roundingHalfUnit(gpuHours) + gpuCount * roundingHalfUnit(durationHours) + EPSILON;
  if (Math.abs(gpuHours - gpuCount * durationHours) <= tolerance) return [];
  return [
    {
      level: 'warning',
      code: 'compute-mismatch',
      message: message.computeMismatch(gpuHours, gpuCount, durationHours),
      path: 'training.infrastructure.gpuHours',
    },
  ];
}

function historyColumn(history: readonly EpochRow[], name: string): string | undefined {
  const key = metricInfo(name).key;
  const columns = [...new Set(history.flatMap((row) => Object.keys(row)))].filter((c) => c !== 'epoch');
  return columns.find((c) => metricInfo(c).key === key);
}

function numberAt(row: EpochRow, column: string): number | null {
  const value = getOwn(row, column);
  return typeof value === 'number' ? value : null;
}

/**
 * The best model against the training history: its values against the history row of its epoch, its
 * selection metric against the other rows (`best-epoch-mismatch`), the configured epochs and early
 * stopping, the order of the history, and checkpoint artifacts of another epoch.
 */
export function checkTraining(record: Experiment): Check[] {
  const training = record.training;
  const history = training?.history ?? [];
  const checks: Check[] = [];
  for (let i = 1; i < history.length; i++) {
    const previous = history[i - 1]?.epoch ?? 0;
    const next = history[i]?.epoch ?? 0;
    if (next <= previous) {
      checks.push({
        level: 'info',
        code: 'history-order',
        message: message.historyOrder(previous, next),
        path: `training.history.${i}.epoch`,
      });
      break;
    }
  }
  const best = training?.bestModel;
  const epoch = best?.epoch;
  if (best === undefined || epoch === undefined) return checks;
  const bestMetrics = entries(best.metrics ?? {});
  const row = history.find((r) => r.epoch === epoch);

  for (const { name, value } of bestMetrics) {
    const column = historyColumn(history, name);
    const historyValue = row === undefined || column === undefined ? null : numberAt(row, column);
    if (historyValue !== null && !agreeAsRoundings(value, historyValue)) {
      checks.push({
        level: 'warning',
        code: 'best-epoch-mismatch',
        message: message.bestEpochValue(epoch, name, value, historyValue),
        path: `training.bestModel.metrics.${name}`,
      });
    }
  }

  const others = history.filter((r) => r.epoch !== epoch);
  const selectedColumn = best.selectedBy === undefined ? undefined : historyColumn(history, best.selectedBy);
  if (selectedColumn !== undefined) {
    const info = metricInfo(selectedColumn);
    const own =
      bestMetrics.find((m) => metricInfo(m.name).key === info.key)?.value ?? (row === undefined ? null : numberAt(row, selectedColumn));
    if (own !== null && info.direction !== null) {
      const direction = info.direction;
      let better: { epoch: number; value: number } | null = null;
      for (const r of others) {
        const v = numberAt(r, selectedColumn);
        if (
          v !== null &&
          isBetter(v, own, direction) &&
          !agreeAsRoundings(v, own) &&
          (better === null || isBetter(v, better.value, direction))
        )
          better = { epoch: r.epoch, value: v };
      }
      if (better !== null) {
        checks.push({
          level: 'warning',
          code: 'best-epoch-mismatch',
          message: message.bestEpochNotBest(epoch, selectedColumn, own, better.epoch, better.value, direction),
          path: 'training.bestModel.epoch',
        });
      }
    }
  } else {
    // Selection metric unknown: flag only an epoch that beats the best model on every metric it reports.
    const compared = bestMetrics.flatMap((m) => {
      const column = historyColumn(history, m.name);
      const direction = metricInfo(m.name).direction;
      return column === undefined || direction === null ? [] : [{ ...m, column, direction }];
    });
    const dominating =
      compared.length === 0
        ? undefined
        : others.find((r) =>
            compared.every((m) => {
              const v = numberAt(r, m.column);
              return v !== null && isBetter(v, m.value, m.direction) && !agreeAsRoundings(v, m.value);
            }),
          );
    if (dominating !== undefined) {
      checks.push({
        level: 'warning',
        code: 'best-epoch-mismatch',
        message: message.bestEpochDominated(
          epoch,
          dominating.epoch,
          compared.map((m) => m.name),
        ),
        path: 'training.bestModel.epoch',
      });
    }
  }

  const config = record.model?.training;
  if (config?.epochs !== undefined && epoch > config.epochs) {
    checks.push({
      level: 'warning',
      code: 'best-epoch-mismatch',
      message: message.bestEpochBeyondTraining(epoch, config.epochs),
      path: 'training.bestModel.epoch',
    });
  }
  const patience = config?.earlyStopping?.enabled === true ? config.earlyStopping.patience : undefined;
  const lastEpoch = maxOf(history.map((r) => r.epoch));
  if (patience !== undefined && history.length > 0 && lastEpoch > epoch + patience) {
    checks.push({
      level: 'warning',
      code: 'early-stopping-mismatch',
      message: message.earlyStopping(epoch, patience, lastEpoch),
      path: 'model.training.earlyStopping.patience',
      hint: message.earlyStoppingHint(),
    });
  }
  (record.reproducibility?.artifacts ?? []).forEach((artifact, i) => {
    const match = /epoch[-_ ]?(\d+)/i.exec(`${artifact.name} ${artifact.uri}`);
    if (match !== null && Number(match[1]) !== epoch) {
      checks.push({
        level: 'info',
        code: 'checkpoint-epoch-mismatch',
        message: message.checkpointEpoch(artifact.name, Number(match[1]), epoch),
        path: `reproducibility.artifacts.${i}.uri`,
      });
    }
  });
  return checks;
}

// ---------------------------------------------------------------------------------------------
// References, placeholders, dates, tuning

/** `dangling-reference`: parent and related ids (warning) and baseline experiment ids (info) not among `ids`. */
export function checkReferences(record: Experiment, ids: ReadonlySet<string>): Check[] {
  const checks: Check[] = [];
  const parent = record.lineage?.parent;
  if (parent !== undefined && !ids.has(parent)) {
    checks.push({ level: 'warning', code: 'dangling-reference', message: message.danglingParent(parent), path: 'lineage.parent' });
  }
  (record.lineage?.related ?? []).forEach((id, i) => {
    if (!ids.has(id))
      checks.push({ level: 'warning', code: 'dangling-reference', message: message.danglingRelated(id), path: `lineage.related.${i}` });
  });
  (record.comparison?.baselines ?? []).forEach((row, i) => {
    if (row.experimentId !== undefined && !ids.has(row.experimentId)) {
      checks.push({
        level: 'info',
        code: 'dangling-reference',
        message: message.danglingBaseline(row.label, row.experimentId),
        path: `comparison.baselines.${i}.experimentId`,
      });
    }
  });
  return checks;
}

/** `placeholder`: one info item listing the fields left as unfilled template placeholders. */
export function checkPlaceholders(record: Experiment): Check[] {
  const paths = record.placeholders ?? [];
  return paths.length === 0 ? [] : [{ level: 'info', code: 'placeholder', message: message.placeholders(paths), path: 'placeholders' }];
}

/** `date-order`: a completion date before the start date (compared as calendar dates). */
export function checkDates(record: Experiment): Check[] {
  const { date, completionDate } = record;
  if (date === undefined || completionDate === undefined || completionDate.slice(0, 10) >= date.slice(0, 10)) return [];
  return [{ level: 'warning', code: 'date-order', message: message.dateOrder(date, completionDate), path: 'completionDate' }];
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sameScalar(a: unknown, b: Scalar): boolean {
  return (
    a === b ||
    (typeof a === 'string' && typeof b === 'number' && Number(a) === b) ||
    (typeof a === 'number' && typeof b === 'string' && Number(b) === a)
  );
}

/** `hyperparameter-mismatch` (info): a best hyperparameter found by tuning differs from the value in the hyperparameter table. */
export function checkTuning(record: Experiment): Check[] {
  const best = record.tuning?.bestHyperparameters ?? {};
  const table = record.model?.hyperparameters ?? [];
  return table.flatMap((hp, i) => {
    if (!(hp.name in best) || hp.value === undefined || sameScalar(best[hp.name], hp.value)) return [];
    return [
      {
        level: 'info' as const,
        code: 'hyperparameter-mismatch',
        message: message.hyperparameterTuned(hp.name, showValue(best[hp.name]), showValue(hp.value)),
        path: `model.hyperparameters.${i}.value`,
      },
    ];
  });
}

/** Context of the collection a record is checked in. */
export interface CheckContext {
  /** Ids of all records in the collection. */
  ids: ReadonlySet<string>;
  /** The parent cycle this record is on, if any. */
  cycle?: readonly string[] | null;
}

/** All record-level checks (claims are checked with the deltas), errors first. */
export function checkRecord(record: Experiment, context: CheckContext): Check[] {
  const cycle = context.cycle ?? null;
  return sortChecks([
    ...(cycle === null
      ? []
      : [{ level: 'error' as const, code: 'lineage-cycle', message: message.lineageCycle(cycle), path: 'lineage.parent' }]),
    ...checkConfusionMatrix(record),
    ...checkTestSize(record),
    ...checkMetricValues(record),
    ...checkGroups(record),
    ...checkSplits(record),
    ...checkCompute(record),
    ...checkTraining(record),
    ...checkReferences(record, context.ids),
    ...checkDates(record),
    ...checkTuning(record),
    ...checkPlaceholders(record),
  ]);
}
