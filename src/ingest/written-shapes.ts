/**
 * Record parts written in the shape people (and programs) naturally give them, turned into the
 * shape the schema holds, in JSON and in Markdown frontmatter alike:
 * - `tags: [vision, mixup]` — a list of bare tags (and `- key: value` items), or one string of them
 *   separated by commas (`tags: vision, mixup`) or written as hashtags (`tags: "#nlp #cv"`) → `{ vision: "", mixup: "" }`, as the template's tag list is read;
 * - `hyperparameters: { lr: 0.1, batch_size: 256 }` — a map, as `json.dump(params)` or a YAML config
 *   writes it → `[{ name: "lr", value: 0.1 }, …]`; a map value that is itself an object
 *   (`lr: { value: 0.1, searchSpace: [0.01, 1] }`) keeps its fields;
 * - `evaluation.testMetrics: { accuracy: 0.87, f1: { value: 0.84, ci95: 0.01 } }` — metrics as a map,
 *   as `json.dump(metrics)` writes them → `[{ metric: "accuracy", value: 0.87 }, …]`;
 * - `training.history: { epoch: [1, 2], loss: [0.9, 0.7] }` — columns of equal length, as pandas'
 *   `to_dict("list")` writes a metrics frame → one row per epoch (numbered 1, 2, … when no column is
 *   `epoch` or `step`, as Keras' `history.history` is written);
 * - `dataset.features` written as the features' names → `featureNames` and their count;
 * - a setting's value written as a list or an object (`betas: [0.9, 0.999]`) → its text, `[0.9, 0.999]`;
 * - a 95% interval as its bounds, `ci95: [0.861, 0.887]` (as a script writes a pair) → `{ low, high }`,
 *   in test metrics and in baselines;
 * - top-level `params`, `metrics`, `history`, `parent`, `author`, `experiment_id` (as MLflow and
 *   habit name them) → the record's `model.hyperparameters`, `evaluation.testMetrics`,
 *   `training.history`, `lineage.parent`, `experimenter`, `id`, when the record does not give those too;
 * - a Hugging Face model card's `model-index` results → the test metrics, when the record gives none;
 * - `model: roberta-base`, `dataset: sst2` → the model's type, the dataset's name;
 * Anything else is left as written, for validation to report. Returns where each new path is
 * written in the source, so that a problem inside a converted part still points at its line.
 */
import { isPlainObject } from './finish.ts';
import { parseMetricCell } from './units.ts';
import { metricInfo } from '../analysis/metrics.ts';
import type { PositionLookup } from './types.ts';
import { statusFromWords } from './status.ts';
import { bareTag, tagsOfText } from './tags.ts';
import { setOwn } from '../util/own.ts';
import { HISTORY_STEP_KEYS, historyAxisOfHeader } from '../analysis/history-axis.ts';
import { parseCardMetricName } from '../import/huggingface/metric-name.ts';
import { NOT_A_METRIC } from './training-log.ts';

/** New dotted path → the source path it was read from. */
export type PathAliases = Map<string, string>;

/**
 * Top-level keys that tracking tools and habit give (MLflow's `params` and `metrics`, `parent`,
 * `author`), by their name lower-cased without `_`, `-` or spaces → where the record holds them, and
 * the kind of value that may move there.
 */
export const TOP_LEVEL_HOMES: ReadonlyMap<
  string,
  {
    path: readonly string[];
    holds: 'table' | 'text' | 'matrix' | 'numbers' | 'groups' | 'baselines';
    read?: (text: string) => string | undefined;
  }
> = new Map(
  Object.entries({
    params: { path: ['model', 'hyperparameters'], holds: 'table' },
    parameters: { path: ['model', 'hyperparameters'], holds: 'table' },
    hyperparameters: { path: ['model', 'hyperparameters'], holds: 'table' },
    hparams: { path: ['model', 'hyperparameters'], holds: 'table' },
    metrics: { path: ['evaluation', 'testMetrics'], holds: 'table' },
    testmetrics: { path: ['evaluation', 'testMetrics'], holds: 'table' },
    // `results: { test: { f1: 0.912 }, val: { f1: 0.921 } }` as a script dumps them; a `results` of text or notes stays.
    results: { path: ['evaluation', 'testMetrics'], holds: 'numbers' },
    testresults: { path: ['evaluation', 'testMetrics'], holds: 'numbers' },
    history: { path: ['training', 'history'], holds: 'table' },
    trainingmetrics: { path: ['training', 'history'], holds: 'table' },
    parent: { path: ['lineage', 'parent'], holds: 'text' },
    parentid: { path: ['lineage', 'parent'], holds: 'text' },
    author: { path: ['experimenter'], holds: 'text' },
    owner: { path: ['experimenter'], holds: 'text' },
    runname: { path: ['name'], holds: 'text' },
    config: { path: ['model', 'hyperparameters'], holds: 'table' },
    // A tracker's run state (`finished`, `crashed`, `killed`) in the status's words; another state stays where it is.
    state: { path: ['status'], holds: 'text', read: statusFromWords },
    createdat: { path: ['date'], holds: 'text' },
    created: { path: ['date'], holds: 'text' },
    createdon: { path: ['date'], holds: 'text' },
    // The code's version, as a frontmatter names it (`git_commit: 4f2a9c1`, `branch: feat/te`).
    gitcommit: { path: ['reproducibility', 'code', 'commit'], holds: 'text' },
    commit: { path: ['reproducibility', 'code', 'commit'], holds: 'text' },
    gitsha: { path: ['reproducibility', 'code', 'commit'], holds: 'text' },
    gitbranch: { path: ['reproducibility', 'code', 'branch'], holds: 'text' },
    branch: { path: ['reproducibility', 'code', 'branch'], holds: 'text' },
    title: { path: ['name'], holds: 'text' },
    experimentid: { path: ['id'], holds: 'text' },
    confusionmatrix: { path: ['evaluation', 'confusionMatrix'], holds: 'matrix' },
    // `baselines: { exp-500: { auc: 0.955 } }`, `fairness: { by: region, groups: { EU: {…} } }`: see `baselineMap`, `groupMap`.
    baselines: { path: ['comparison', 'baselines'], holds: 'baselines' },
    fairness: { path: ['evaluation', 'disaggregated'], holds: 'groups' },
    groups: { path: ['evaluation', 'disaggregated'], holds: 'groups' },
    bygroup: { path: ['evaluation', 'disaggregated'], holds: 'groups' },
    disaggregated: { path: ['evaluation', 'disaggregated'], holds: 'groups' },
    expid: { path: ['id'], holds: 'text' },
  }),
);

/** A map of metrics to numbers (`{ f1: 0.91 }`), of splits to such maps (`{ test: { f1: 0.91 } }`), or of metrics to `{ value, … }`. */
function isNumberMap(value: unknown): boolean {
  const number = (v: unknown): boolean => (typeof v === 'number' && Number.isFinite(v)) || v === null;
  const entry = (v: unknown): boolean =>
    number(v) ||
    (isPlainObject(v) && (Object.hasOwn(v, 'value') ? number(v['value']) : Object.values(v).length > 0 && Object.values(v).every(number)));
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.values(value).every(entry);
}

/** A metric's value: any number (one too large to store is reported where it is written) or null (not measured). */
function isMetricValue(value: unknown): value is number | null {
  return typeof value === 'number' || value === null;
}

/**
 * A number written as text (`"78.0%"`, `"~0.86"`, `"0.91 ± 0.01"`) or a value not given (`TBD`, `n/a`,
 * `—`): a metric of a row written as a map, read (or reported where it is written) as every metric is.
 */
const METRIC_TEXT = /^\s*(?:[~≈<>±+−-]\s*)*[\d.]|^\s*(?:n\/?a|tbd|tba|none|null|pending|unknown|\?|—|–|-)\s*$/i;

/**
 * A row written as a map (`{ n: 1200, recall: "78.0%", notes: "small group" }`): its metrics (numbers,
 * numbers as text, values not given) and its other text (`fields`). Undefined unless every value is
 * one of those, and at least one is a metric.
 */
function rowMap(value: unknown): { metrics: Record<string, unknown>; fields: Record<string, string> } | undefined {
  if (!isPlainObject(value)) return undefined;
  const metrics: Record<string, unknown> = {};
  const fields: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (isMetricValue(v) || (typeof v === 'string' && METRIC_TEXT.test(v))) setOwn(metrics, key, v);
    else if (typeof v === 'string') setOwn(fields, key, v);
    else return undefined;
  }
  return Object.keys(metrics).length > 0 ? { metrics, fields } : undefined;
}

/** The row of `split` in a list of metrics-by-split rows, added at the end when there is none: its index. */
function splitRow(rows: Record<string, unknown>[], split: string): number {
  const at = rows.findIndex((row) => row['split'] === split);
  return at >= 0 ? at : rows.push({ split }) - 1;
}

/** A top-level key as `TOP_LEVEL_HOMES` names it: lower case, without `_`, `-` or spaces. */
export function topLevelName(key: string): string {
  return key.toLowerCase().replace(/[\s_-]/g, '');
}

/**
 * Moves each top-level key of `TOP_LEVEL_HOMES` to its home when the home is empty and the value is
 * of its kind (a map or a list of rows for a table, text for a field); returns the moves (home → key). Anything
 * else stays where it is written, and validation says where Logbook reads it.
 */
function moveHome(data: Record<string, unknown>): Map<string, string> {
  const moved = new Map<string, string>();
  for (const key of Object.keys(data)) {
    const home = TOP_LEVEL_HOMES.get(topLevelName(key));
    const written = data[key];
    if (home === undefined || key === home.path[0]) continue;
    // `created_at: 1741094353` (seconds) or `1741094353000` (milliseconds, as MLflow keeps times): its UTC day.
    const value = home.path[0] === 'date' && typeof written === 'number' ? (unixDay(written) ?? written) : written;
    // A table is a map or a list of rows (a model card's `metrics: [accuracy]` names metrics, and stays).
    const fits =
      home.holds === 'text'
        ? typeof value === 'string' && value.trim() !== '' && (home.read === undefined || home.read(value) !== undefined)
        : home.holds === 'matrix'
          ? isMatrix(value) || isPlainObject(value)
          : home.holds === 'numbers'
            ? isNumberMap(value)
            : home.holds === 'groups' && isPlainObject(value)
              ? groupRows(value) !== undefined
              : home.holds === 'baselines' && isPlainObject(value)
                ? baselineRows(value) !== undefined
                : isPlainObject(value) || (Array.isArray(value) && value.length > 0 && value.every(isPlainObject));
    if (!fits) continue;
    let holder: Record<string, unknown> = data;
    for (const part of home.path.slice(0, -1)) {
      const next = holder[part];
      if (next === undefined) setOwn(holder, part, {});
      else if (!isPlainObject(next)) break;
      holder = holder[part] as Record<string, unknown>;
    }
    const field = home.path.at(-1) as string;
    if (holder === data && home.path.length > 1) continue;
    const there = holder[field];
    if (there !== undefined && there !== null) {
      // `title:` over a body whose `# heading` says the same: the name, written twice, is read once.
      if (typeof value === 'string' && typeof there === 'string' && value.trim() === there.trim()) delete data[key];
      continue;
    }
    setOwn(holder, field, home.read !== undefined && typeof value === 'string' ? home.read(value) : value);
    delete data[key];
    moved.set(home.path.join('.'), key);
  }
  return moved;
}

/** The UTC day (`YYYY-MM-DD`) of a Unix time in seconds or milliseconds between 2001 and 2096; undefined for any other number. */
function unixDay(time: number): string | undefined {
  const ms = time >= 1e9 && time < 4e9 ? time * 1000 : time >= 1e12 && time < 4e12 ? time : undefined;
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/** A top-level number named with the split it was measured on, as the Hugging Face Trainer's `all_results.json` names them. */
const FLAT_SPLIT_KEY = /^(test|predict|eval|val|valid|validation|dev|train)[_/](.+)$/i;

/**
 * Numbers at the top of a record named with their split (`test_accuracy`, `eval_f1`, `train_loss`,
 * as the Hugging Face Trainer writes `all_results.json`) → the test split's (`test_`, `predict_`) as
 * the test metrics, named as written, the others — and the test split's timings (`test_runtime`,
 * `test_samples_per_second`) — as `evaluation.metricsBySplit` rows (`eval`, `train`, `test`, …),
 * each metric without its split. Only figures the metric vocabulary knows (not `train_batch_size`
 * or `eval_steps`), when the record has no `evaluation` and has at least two (a lone `train_loss`
 * is left alone). Returns where each was written.
 */
function flatSplitMetrics(data: Record<string, unknown>): [string, string][] {
  if (data['evaluation'] !== undefined) return [];
  const found = Object.entries(data).flatMap(([key, value]) => {
    const match = FLAT_SPLIT_KEY.exec(key);
    // A figure Logbook knows (`accuracy`, `loss`, `runtime`); `train_batch_size` and `eval_steps` are settings.
    return match !== null && isMetricValue(value) && metricInfo(match[2] ?? '').kind !== null
      ? [{ key, value, split: (match[1] ?? '').toLowerCase(), metric: match[2] ?? '' }]
      : [];
  });
  if (found.length < 2) return [];
  const sources: [string, string][] = [];
  const testMetrics: Record<string, unknown> = {};
  const rows: Record<string, unknown>[] = [];
  for (const { key, value, split, metric } of found) {
    delete data[key];
    // `test_runtime`, `test_samples_per_second`: how long the evaluation took, kept with its split, not a test metric.
    if ((split === 'test' || split === 'predict') && !NOT_A_METRIC.test(metric)) {
      const index = Object.keys(testMetrics).length;
      setOwn(testMetrics, key, value);
      sources.push([`evaluation.testMetrics.${index}`, key], [`evaluation.testMetrics.${index}.value`, key]);
      continue;
    }
    const at = splitRow(rows, split);
    setOwn(rows[at] as Record<string, unknown>, metric, value);
    sources.push([`evaluation.metricsBySplit.${at}.${metric}`, key]);
  }
  const evaluation: Record<string, unknown> = {};
  if (Object.keys(testMetrics).length > 0) evaluation['testMetrics'] = testMetrics;
  if (rows.length > 0) evaluation['metricsBySplit'] = rows;
  data['evaluation'] = evaluation;
  return sources;
}

/** A summary key that is a test-set metric: `test/acc`, `test_f1`, `test.loss`. */
const TEST_SUMMARY_KEY = /^test[/_.-]\S/i;

/**
 * A run's `summary` (as Weights & Biases exports a run: the last value of everything logged, with
 * `_step`, `_runtime` and the training and validation metrics) → its test-set numbers (`test/acc`,
 * `test_f1`) as the test metrics, when the record gives none; the rest stays in `summary`. True when
 * any were moved.
 */
function summaryTestMetrics(data: Record<string, unknown>): boolean {
  const summary = data['summary'];
  const evaluation = data['evaluation'];
  if (!isPlainObject(summary) || (isPlainObject(evaluation) && evaluation['testMetrics'] !== undefined)) return false;
  if (evaluation !== undefined && !isPlainObject(evaluation)) return false;
  const picked = Object.entries(summary).filter(([key, value]) => TEST_SUMMARY_KEY.test(key) && typeof value === 'number');
  if (picked.length === 0) return false;
  const metrics: Record<string, unknown> = {};
  for (const [key, value] of picked) {
    setOwn(metrics, key, value);
    delete summary[key];
  }
  if (Object.keys(summary).length === 0) delete data['summary'];
  setOwn(data, 'evaluation', { ...(isPlainObject(evaluation) ? evaluation : {}), testMetrics: metrics });
  return true;
}

/**
 * A Hugging Face model card's `model-index` (the frontmatter the Hub and the Trainer write) → its
 * results as the test metrics, when the record gives none: each metric by its `name` (or its `type`
 * when unnamed), the interval a name written by `logbook export model-card` carries, the dataset and
 * its split. The metrics leave `model-index`; the model's name, task and dataset stay there. A result
 * whose metrics are not all a `type` and a number stays as written. Returns where each metric was
 * written (empty when none were read).
 */
function modelIndexTestMetrics(data: Record<string, unknown>): PathAliases {
  const aliases: PathAliases = new Map();
  const index = data['model-index'];
  const evaluation = data['evaluation'];
  if (!Array.isArray(index) || (evaluation !== undefined && !(isPlainObject(evaluation) && evaluation['testMetrics'] === undefined)))
    return aliases;
  const rows: Record<string, unknown>[] = [];
  const bySplit: Record<string, unknown>[] = [];
  index.forEach((entry, entryIndex) => {
    const results = isPlainObject(entry) ? entry['results'] : undefined;
    if (!Array.isArray(results)) return;
    results.forEach((result, resultIndex) => {
      const metrics = isPlainObject(result) ? result['metrics'] : undefined;
      if (!isPlainObject(result) || !Array.isArray(metrics) || metrics.length === 0) return;
      const readable = metrics.every(
        (metric) =>
          isPlainObject(metric) && typeof metric['type'] === 'string' && (typeof metric['value'] === 'number' || metric['value'] === null),
      );
      if (!readable) return;
      const dataset = isPlainObject(result['dataset']) ? result['dataset'] : {};
      // A result on the validation or training split is no test result: a row of the metrics by split.
      const other = typeof dataset['split'] === 'string' ? CARD_OTHER_SPLITS[dataset['split'].trim().toLowerCase()] : undefined;
      (metrics as Record<string, unknown>[]).forEach((metric, metricIndex) => {
        const named = typeof metric['name'] === 'string' ? parseCardMetricName(metric['name']) : undefined;
        const from = `model-index.${entryIndex}.results.${resultIndex}.metrics.${metricIndex}`;
        if (other !== undefined) {
          const at = splitRow(bySplit, other);
          const name = String(named?.name ?? metric['type']);
          const row = bySplit[at] as Record<string, unknown>;
          if (Object.hasOwn(row, name)) return;
          setOwn(row, name, metric['value']);
          aliases.set(`evaluation.metricsBySplit.${at}.${name}`, `${from}.value`);
          return;
        }
        aliases.set(`evaluation.testMetrics.${rows.length}`, from);
        aliases.set(`evaluation.testMetrics.${rows.length}.value`, `${from}.value`);
        rows.push({
          metric: named?.name ?? metric['type'],
          value: metric['value'],
          ...(named?.ci === undefined ? {} : { ci95: named.ci }),
          ...(named === undefined || named.name === metric['type'] ? {} : { type: metric['type'] }),
          ...(typeof dataset['name'] === 'string' ? { dataset: dataset['name'] } : {}),
          ...(typeof dataset['split'] === 'string' ? { split: dataset['split'] } : {}),
        });
      });
      delete result['metrics'];
    });
  });
  if (rows.length === 0 && bySplit.length === 0) return aliases;
  if (rows.length > 0) aliases.set('evaluation.testMetrics', 'model-index');
  const held = isPlainObject(evaluation) ? evaluation : {};
  const splits = bySplit.length > 0 && held['metricsBySplit'] === undefined ? { metricsBySplit: bySplit } : {};
  setOwn(data, 'evaluation', { ...held, ...(rows.length > 0 ? { testMetrics: rows } : {}), ...splits });
  return aliases;
}

/** A model card's result split that is not the test set → the metrics-by-split row it goes to. */
const CARD_OTHER_SPLITS: Readonly<Record<string, string>> = {
  validation: 'val',
  valid: 'val',
  val: 'val',
  dev: 'val',
  eval: 'val',
  train: 'train',
  training: 'train',
};

/** Converts the parts of `data` described above in place; returns the path aliases for their positions. */
export function readWrittenShapes(data: Record<string, unknown>): PathAliases {
  // `model: llama-3-8b` first, so that `config:` beside it still finds the model to go under.
  const named: PathAliases = new Map();
  namedParts(data, named);
  const moved = moveHome(data);
  if (summaryTestMetrics(data)) moved.set('evaluation.testMetrics', 'summary');
  const flat = flatSplitMetrics(data);
  const cardMetrics = modelIndexTestMetrics(data);
  const aliases = readShapes(data);
  for (const [path, from] of named) aliases.set(path, from);
  for (const [path, from] of cardMetrics) if (!aliases.has(path)) aliases.set(path, from);
  for (const [path, from] of flat) aliases.set(path, from);
  if (moved.size === 0) return aliases;
  // A part read from a moved key is written under that key: `model.hyperparameters.lr` → `params.lr`.
  const source = (path: string): string => {
    for (const [home, key] of moved) if (path === home || path.startsWith(`${home}.`)) return key + path.slice(home.length);
    return path;
  };
  for (const [path, from] of aliases) aliases.set(path, source(from));
  for (const [home, key] of moved) if (!aliases.has(home)) aliases.set(home, key);
  return aliases;
}

/**
 * `model: roberta-base` and `dataset: sst2` (a frontmatter naming them in one word) → the model's
 * type and the dataset's name, as `Model:` and `Dataset:` labels are read.
 */
function namedParts(data: Record<string, unknown>, aliases: PathAliases): void {
  for (const [part, field] of [
    ['model', 'type'],
    ['dataset', 'name'],
  ] as const) {
    const value = data[part];
    if (typeof value !== 'string' || value.trim() === '') continue;
    data[part] = { [field]: value };
    aliases.set(`${part}.${field}`, part);
  }
}

function readShapes(data: Record<string, unknown>): PathAliases {
  const aliases: PathAliases = new Map();
  // `tags: vision, classification` (Jekyll's and Hugo's comma-separated string): the tags it lists.
  const written = data['tags'];
  const listed = typeof written === 'string' ? tagsOfText(written) : undefined;
  if (listed !== undefined) data['tags'] = listed;
  const tags = data['tags'];
  if (Array.isArray(tags)) {
    const read: Record<string, unknown> = {};
    let readable = true;
    tags.forEach((tag, index) => {
      if (typeof tag === 'string' && bareTag(tag) !== '') {
        setOwn(read, bareTag(tag), '');
        aliases.set(`tags.${bareTag(tag)}`, `tags.${index}`);
      } else if (isPlainObject(tag)) {
        for (const [key, value] of Object.entries(tag)) {
          setOwn(read, key, value);
          aliases.set(`tags.${key}`, `tags.${index}.${key}`);
        }
      } else readable = false;
    });
    if (readable) data['tags'] = read;
    else aliases.clear();
    // Tags read from one string are all where that string is.
    if (typeof written === 'string') for (const path of aliases.keys()) if (path.startsWith('tags.')) aliases.set(path, 'tags');
  }
  featureList(data, aliases);
  splitSizeFields(data, aliases);
  wandbConfig(data);
  nestedSettings(data);
  namedMapToList(data, 'model', 'hyperparameters', 'name', aliases);
  rowNames(data, 'model', 'hyperparameters', 'name', SETTING_NAME_KEYS, aliases);
  rowNames(data, 'model', 'hyperparameters', 'value', VALUE_KEYS, aliases, 'value');
  listSettings(data);
  classificationReportDict(data, aliases);
  namedMapToList(data, 'evaluation', 'testMetrics', 'metric', aliases);
  rowNames(data, 'evaluation', 'testMetrics', 'metric', METRIC_NAME_KEYS, aliases);
  rowNames(data, 'evaluation', 'testMetrics', 'value', VALUE_KEYS, aliases, 'value');
  metricsBySplit(data, aliases);
  splitPrefixedMetrics(data, aliases);
  mapToRows(data, 'comparison', 'baselines', baselineRows, aliases);
  mapToRows(data, 'evaluation', 'disaggregated', groupRows, aliases);
  bareMatrix(data, aliases);
  const evaluation = data['evaluation'];
  const metrics = isPlainObject(evaluation) ? evaluation['testMetrics'] : undefined;
  if (Array.isArray(metrics))
    metrics.forEach((metric, index) => {
      if (!isPlainObject(metric)) return;
      intervalSpellings(metric, `evaluation.testMetrics.${index}`, aliases);
      intervalBounds(metric, 'ci95', `evaluation.testMetrics.${index}.ci95`, aliases);
    });
  const comparison = data['comparison'];
  const baselines = isPlainObject(comparison) ? comparison['baselines'] : undefined;
  if (Array.isArray(baselines))
    baselines.forEach((row, index) => {
      const intervals = isPlainObject(row) ? row['ci95'] : undefined;
      if (isPlainObject(intervals))
        for (const key of Object.keys(intervals)) intervalBounds(intervals, key, `comparison.baselines.${index}.ci95.${key}`, aliases);
    });
  const training = data['training'];
  const history = isPlainObject(training) ? training['history'] : undefined;
  if (isPlainObject(training) && isPlainObject(history)) {
    const columns = Object.entries(history);
    const length = Array.isArray(columns[0]?.[1]) ? columns[0][1].length : -1;
    if (length > 0 && columns.every(([, values]) => Array.isArray(values) && values.length === length)) {
      // Keras' `history.history` has no epoch column: its rows are epochs 1, 2, … in order.
      const numbered = columns.some(([name]) => /^(epoch|step)s?$/i.test(name));
      training['history'] = Array.from({ length }, (_, row) => {
        aliases.set(`training.history.${row}`, `training.history.${columns[0]?.[0] ?? ''}.${row}`);
        const entry: Record<string, unknown> = numbered ? {} : { epoch: row + 1 };
        for (const [name, values] of columns) {
          setOwn(entry, name, (values as unknown[])[row]);
          aliases.set(`training.history.${row}.${name}`, `training.history.${name}.${row}`);
        }
        return entry;
      });
    }
  }
  epochRows(data, aliases);
  stepRows(data, aliases);
  return aliases;
}

/**
 * Rows of one epoch written apart, as PyTorch Lightning's CSVLogger writes them (a training row and
 * a validation row per epoch, each with the epoch and the step) → one row per epoch, when the rows
 * agree on every value they both have. Each value keeps the place it was written at.
 */
function epochRows(data: Record<string, unknown>, aliases: PathAliases): void {
  const training = data['training'];
  const rows = isPlainObject(training) ? training['history'] : undefined;
  if (!isPlainObject(training) || !Array.isArray(rows) || rows.length < 2 || !rows.every(isPlainObject)) return;
  const filled = (value: unknown): boolean => value !== null && value !== undefined && value !== '';
  const merged: Record<string, unknown>[] = [];
  const places = new Map<string, string>();
  const source = (index: number, key: string): string =>
    aliases.get(`training.history.${index}.${key}`) ?? `training.history.${index}.${key}`;
  rows.forEach((row, index) => {
    const last = merged.at(-1);
    const joins =
      last !== undefined &&
      filled(row['epoch']) &&
      row['epoch'] === last['epoch'] &&
      Object.entries(row).every(([key, value]) => !filled(value) || !filled(last[key]) || last[key] === value);
    const into = joins ? last : {};
    if (!joins) merged.push(into);
    for (const [key, value] of Object.entries(row)) {
      if (joins && (!filled(value) || filled(into[key]))) continue;
      setOwn(into, key, value);
      places.set(`training.history.${merged.length - 1}.${key}`, source(index, key));
    }
  });
  if (merged.length === rows.length) return;
  training['history'] = merged;
  for (const key of [...aliases.keys()]) if (key.startsWith('training.history.')) aliases.delete(key);
  for (const [path, from] of places) aliases.set(path, from);
}

/**
 * `training.history` rows counted in steps (`[{ step: 100, loss: 0.9 }]`, none with an `epoch`) →
 * each row's counter as its `epoch` field, and `training.historyAxis` saying what it counts.
 */
function stepRows(data: Record<string, unknown>, aliases: PathAliases): void {
  const training = data['training'];
  const rows = isPlainObject(training) ? training['history'] : undefined;
  if (!isPlainObject(training) || !Array.isArray(rows) || rows.length === 0 || !rows.every(isPlainObject)) return;
  if (rows.some((row) => Object.hasOwn(row, 'epoch'))) return;
  const key = HISTORY_STEP_KEYS.find((name) => rows.every((row) => typeof row[name] === 'number'));
  if (key === undefined) return;
  rows.forEach((row, index) => {
    const entry: Record<string, unknown> = { epoch: row[key] };
    for (const [name, value] of Object.entries(row)) if (name !== key) setOwn(entry, name, value);
    rows[index] = entry;
    const from = aliases.get(`training.history.${index}.${key}`) ?? `training.history.${index}.${key}`;
    aliases.set(`training.history.${index}.epoch`, from);
  });
  if (training['historyAxis'] === undefined) training['historyAxis'] = historyAxisOfHeader(key) ?? 'step';
}

/** Fields of a hyperparameter written as an object (`lr: { value: 0.1, searchSpace: … }`): such an object is one setting, not a group. */
const SETTING_FIELDS = new Set(['value', 'searchSpace', 'tuningMethod']);

/**
 * Hyperparameters grouped as a config file nests them (`params.yaml`: `train: { lr: 0.01 }`) → one
 * setting per leaf, named by its dotted path (`train.lr`), as the DVC importer names them; its
 * position is that path in the source too.
 */
function nestedSettings(data: Record<string, unknown>): void {
  const model = data['model'];
  const map = isPlainObject(model) ? model['hyperparameters'] : undefined;
  if (!isPlainObject(model) || !isPlainObject(map)) return;
  const isGroup = (value: unknown): value is Record<string, unknown> =>
    isPlainObject(value) && Object.keys(value).length > 0 && !Object.keys(value).some((key) => SETTING_FIELDS.has(key));
  if (!Object.values(map).some(isGroup)) return;
  const flat: Record<string, unknown> = {};
  const visit = (prefix: string, value: unknown, depth: number): void => {
    if (isGroup(value) && depth < 8) for (const [key, inner] of Object.entries(value)) visit(`${prefix}.${key}`, inner, depth + 1);
    else setOwn(flat, prefix, value);
  };
  for (const [key, value] of Object.entries(map)) visit(key, value, 0);
  model['hyperparameters'] = flat;
}

/** `dataset.features` written as the features' names (`["age", "income"]`) → their names and their count. */
function featureList(data: Record<string, unknown>, aliases: PathAliases): void {
  const dataset = data['dataset'];
  const features = isPlainObject(dataset) ? dataset['features'] : undefined;
  if (!isPlainObject(dataset) || !Array.isArray(features) || dataset['featureNames'] !== undefined) return;
  if (features.length === 0 || !features.every((name) => typeof name === 'string' && name.trim() !== '')) return;
  dataset['featureNames'] = features;
  dataset['features'] = features.length;
  aliases.set('dataset.featureNames', 'dataset.features');
  features.forEach((_, index) => aliases.set(`dataset.featureNames.${index}`, `dataset.features.${index}`));
}

/**
 * A Weights & Biases `config.yaml` as the hyperparameters: every setting written `{ desc: null,
 * value: … }` → its value (a description that says something is kept), and W&B's own `_wandb`
 * entry (its versions and run metadata, no setting) kept at the top of the record, not among the settings.
 */
function wandbConfig(data: Record<string, unknown>): void {
  const model = data['model'];
  const settings = isPlainObject(model) ? model['hyperparameters'] : undefined;
  if (!isPlainObject(settings) || !Object.values(settings).some((v) => isPlainObject(v) && Object.hasOwn(v, 'desc'))) return;
  if (isPlainObject(settings['_wandb']) && data['_wandb'] === undefined) {
    const internal = settings['_wandb'];
    data['_wandb'] = Object.hasOwn(internal, 'value') ? internal['value'] : internal;
    delete settings['_wandb'];
  }
  for (const value of Object.values(settings))
    if (isPlainObject(value) && Object.hasOwn(value, 'value') && value['desc'] === null) delete value['desc'];
}

/** A split's size written as a field of the dataset: `train_size`, `n_test`, `val_samples`, `test_rows`. */
const SPLIT_SIZE_KEY =
  /^(?:n_?(train(?:ing)?|val(?:id(?:ation)?)?|dev|test(?:ing)?|holdout)|(train(?:ing)?|val(?:id(?:ation)?)?|dev|test(?:ing)?|holdout)_?(?:size|samples|rows|examples|records|count|n))$/i;

/**
 * Split sizes written as fields of the dataset (`train_size: 50000`, `test_size: 10000`, as a
 * script or a config names them) → `dataset.splits`, in the order written, when the record gives
 * no splits: the test set's size is what intervals and checks count on.
 */
function splitSizeFields(data: Record<string, unknown>, aliases: PathAliases): void {
  const dataset = data['dataset'];
  if (!isPlainObject(dataset) || dataset['splits'] !== undefined) return;
  const sizes = Object.entries(dataset).flatMap(([key, value]) => {
    const match = SPLIT_SIZE_KEY.exec(key);
    const name = match?.[1] ?? match?.[2];
    return name !== undefined && typeof value === 'number' && Number.isInteger(value) && value >= 0 ? [{ key, name, records: value }] : [];
  });
  if (sizes.length === 0) return;
  dataset['splits'] = sizes.map(({ key, name, records }, index) => {
    delete dataset[key];
    aliases.set(`dataset.splits.${index}`, `dataset.${key}`);
    aliases.set(`dataset.splits.${index}.records`, `dataset.${key}`);
    return { name, records };
  });
}

/**
 * A setting whose value is a list or an object (`betas: [0.9, 0.999]`, `layers: [64, 64]`,
 * `schedule: { "10": 0.01 }` in a list of settings) → that value as text, as the template reads
 * `- betas: [0.9, 0.999]`: a setting holds one value to show and compare, and this keeps all of it.
 */
function listSettings(data: Record<string, unknown>): void {
  const model = data['model'];
  const list = isPlainObject(model) ? model['hyperparameters'] : undefined;
  if (!Array.isArray(list)) return;
  for (const setting of list)
    if (isPlainObject(setting) && (Array.isArray(setting['value']) || isPlainObject(setting['value'])))
      setting['value'] = valueText(setting['value']);
}

/** A JSON value as text: `[0.9, 0.999]`, `["relu", "gelu"]`, `[[3, 3], [5, 5]]`, `{"name": "adamw"}`. */
function valueText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(valueText).join(', ')}]`;
  if (isPlainObject(value))
    return `{${Object.entries(value)
      .map(([key, inner]) => `${JSON.stringify(key)}: ${valueText(inner)}`)
      .join(', ')}}`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A split's name as a key of a metrics file (DVC's `metrics.json`: `{ "test": { "acc": 0.91 } }`). */
const SPLIT_KEY = /^(train(ing)?|val(id(ation)?)?|dev|test(ing)?|eval(uation)?|hold-?out)$/i;
/** The split whose metrics are the test metrics, in order of preference. */
const TEST_KEYS = [/^test(ing)?$/i, /^hold-?out$/i, /^eval(uation)?$/i];

/**
 * A metric's 95% interval beside it in a split's metrics, as scripts name it: `auc_ci`, `auc_ci95`,
 * `auc CI`, `auc_conf_int`, `aucCI` (the metric's name, then the interval's, apart or capitalized).
 */
const CI_KEY = /^(.+?)(?:[\s_-]+(?:ci(?:[\s_-]?95)?|conf(?:idence)?[\s_-]*int(?:erval)?)|CI(?:95)?)$/i;
const CI_CAMEL = /[a-z0-9]CI(?:95)?$/;

/** An interval as a script writes it: `[0.905, 0.921]`, `{ low, high }` or a half-width. */
function intervalValue(value: unknown): number | { low: number; high: number } | undefined {
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (finite(value)) return value >= 0 ? value : undefined;
  const pair: readonly unknown[] =
    Array.isArray(value) && value.length === 2 ? value : isPlainObject(value) ? [value['low'], value['high']] : [];
  const [low, high] = pair;
  return finite(low) && finite(high) && low <= high ? { low, high } : undefined;
}

/**
 * Test metrics written by split (`metrics: { test: { acc: 0.91 }, train: { acc: 0.99 } }`, as a
 * metrics file keeps them) → the test split's as the test metrics, every split's kept as
 * `evaluation.metricsBySplit` (one row each). Only when every entry is a split holding numbers —
 * and, beside a metric, its interval (`auc_ci: [0.905, 0.921]`), which becomes the test metric's
 * `ci95` (the split's row keeps it as written).
 */
function metricsBySplit(data: Record<string, unknown>, aliases: PathAliases): void {
  const evaluation = data['evaluation'];
  const list = isPlainObject(evaluation) ? evaluation['testMetrics'] : undefined;
  if (!isPlainObject(evaluation) || !Array.isArray(list) || list.length === 0) return;
  const splits = list.map((entry) => {
    if (!isPlainObject(entry) || typeof entry['metric'] !== 'string' || !SPLIT_KEY.test(entry['metric']) || Object.hasOwn(entry, 'value'))
      return undefined;
    const values = Object.entries(entry).filter(([key]) => key !== 'metric');
    // `auc_ci` beside `auc`: that metric's interval.
    const intervals = new Map<string, { key: string; ci95: number | { low: number; high: number } }>();
    for (const [key, v] of values) {
      // `aucci` is no interval's name; `auc_ci` and `aucCI` are.
      const base = /[\s_-]/.test(key) || CI_CAMEL.test(key) ? CI_KEY.exec(key)?.[1] : undefined;
      const ci95 = intervalValue(v);
      if (base !== undefined && ci95 !== undefined && Object.hasOwn(entry, base) && isMetricValue(entry[base]))
        intervals.set(base, { key, ci95 });
    }
    const ciKeys = new Set([...intervals.values()].map(({ key }) => key));
    // A number a script wrote as text (`"f1": "0.884"`, `"97.2%"`) is read as a test metric's
    // value is; a flag beside the metrics (`"passed_gate": true`) stays in the split's row only.
    const readable = (v: unknown): boolean => isMetricValue(v) || (typeof v === 'string' && METRIC_TEXT.test(v)) || typeof v === 'boolean';
    return values.length > 0 && values.some(([, v]) => typeof v !== 'boolean') && values.every(([key, v]) => readable(v) || ciKeys.has(key))
      ? { split: entry['metric'], values, intervals, ciKeys }
      : undefined;
  });
  if (splits.some((split) => split === undefined)) return;
  const read = splits as NonNullable<(typeof splits)[number]>[];
  const source = (split: string, metric?: string): string => `evaluation.testMetrics.${split}${metric === undefined ? '' : `.${metric}`}`;
  evaluation['metricsBySplit'] = read.map(({ split, values }, index) => {
    aliases.set(`evaluation.metricsBySplit.${index}`, source(split));
    for (const [metric] of values) aliases.set(`evaluation.metricsBySplit.${index}.${metric}`, source(split, metric));
    return Object.fromEntries([['split', split], ...values]);
  });
  const test = TEST_KEYS.map((pattern) => read.find(({ split }) => pattern.test(split))).find((found) => found !== undefined);
  for (const key of [...aliases.keys()]) if (key.startsWith('evaluation.testMetrics.')) aliases.delete(key);
  if (test === undefined) {
    delete evaluation['testMetrics'];
    return;
  }
  evaluation['testMetrics'] = test.values
    .filter(([metric, value]) => !test.ciKeys.has(metric) && typeof value !== 'boolean')
    .map(([metric, value], index) => {
      aliases.set(`evaluation.testMetrics.${index}`, source(test.split, metric));
      aliases.set(`evaluation.testMetrics.${index}.value`, source(test.split, metric));
      const interval = test.intervals.get(metric);
      if (interval === undefined) return { metric, value };
      aliases.set(`evaluation.testMetrics.${index}.ci95`, source(test.split, interval.key));
      return { metric, value, ci95: interval.ci95 };
    });
}

/**
 * A metric named with the split it was measured on, other than the test split: `val_auc`,
 * `train/loss`, `dev-f1`, and `eval_f1` (the Hugging Face Trainer's evaluation set, which
 * `flatSplitMetrics` reads as a split of its own too).
 */
const OTHER_SPLIT_PREFIX = /^(train(?:ing)?|val(?:id(?:ation)?)?|dev|eval)[_/.-](.+)$/i;

/**
 * Test metrics named with another split (`metrics: { test_auc: 0.962, val_auc: 0.968 }`, as scripts
 * and trackers name them) → those of the validation, training or dev split move to
 * `evaluation.metricsBySplit` (a row per split, the metric's name without the split), so a
 * validation figure is never shown, compared or charted as a test result.
 */
function splitPrefixedMetrics(data: Record<string, unknown>, aliases: PathAliases): void {
  const evaluation = data['evaluation'];
  const list = isPlainObject(evaluation) ? evaluation['testMetrics'] : undefined;
  if (!isPlainObject(evaluation) || !Array.isArray(list)) return;
  // A number, or text that reads as one (`n/a`, `87%`): what else the entry holds stays, for validation to report.
  const valueOf = (value: unknown): number | null | undefined => {
    if (isMetricValue(value)) return value;
    const read = typeof value === 'string' ? parseMetricCell(value) : undefined;
    return read !== undefined && (read.unit === undefined || read.unit === '%') ? read.value : undefined;
  };
  const splitOf = (entry: unknown): RegExpExecArray | null =>
    isPlainObject(entry) && typeof entry['metric'] === 'string' && valueOf(entry['value']) !== undefined
      ? OTHER_SPLIT_PREFIX.exec(entry['metric'])
      : null;
  if (!list.some((entry) => splitOf(entry) !== null)) return;
  const sourceOf = (index: number, field?: string): string => {
    const path = `evaluation.testMetrics.${index}${field === undefined ? '' : `.${field}`}`;
    return aliases.get(path) ?? aliases.get(`evaluation.testMetrics.${index}`) ?? path;
  };
  const existing = evaluation['metricsBySplit'];
  const rows: Record<string, unknown>[] = Array.isArray(existing) ? existing.filter(isPlainObject) : [];
  if (Array.isArray(existing) && rows.length !== existing.length) return;
  const kept: { entry: unknown; from: number }[] = [];
  const moved: { split: string; metric: string; value: unknown; source: string }[] = [];
  list.forEach((entry, index) => {
    const match = splitOf(entry);
    if (match === null || !isPlainObject(entry)) kept.push({ entry, from: index });
    else
      moved.push({
        split: (match[1] ?? '').toLowerCase(),
        metric: match[2] ?? '',
        value: valueOf(entry['value']),
        source: sourceOf(index, 'value'),
      });
  });
  // The aliases of the test metrics that stay, at their new places.
  const stay = kept.map(({ from }) => ({ row: sourceOf(from), value: sourceOf(from, 'value') }));
  for (const key of [...aliases.keys()]) if (key.startsWith('evaluation.testMetrics.')) aliases.delete(key);
  stay.forEach(({ row, value }, index) => {
    aliases.set(`evaluation.testMetrics.${index}`, row);
    aliases.set(`evaluation.testMetrics.${index}.value`, value);
  });
  for (const { split, metric, value, source } of moved) {
    const at = splitRow(rows, split);
    const row = rows[at] as Record<string, unknown>;
    if (Object.hasOwn(row, metric)) continue;
    setOwn(row, metric, value);
    aliases.set(`evaluation.metricsBySplit.${at}.${metric}`, source);
  }
  evaluation['metricsBySplit'] = rows;
  if (kept.length > 0) evaluation['testMetrics'] = kept.map(({ entry }) => entry);
  else delete evaluation['testMetrics'];
}

/** An experiment id as a baseline's label may be one (`exp-500`, `run_12`): the baseline links that run. */
const RUN_ID = /^(?:exp|expt|run|trial)[-_]?\d[\w.-]*$/i;

/** A converted row and where each of its parts was written (row path suffix → source path). */
type Converted = { rows: Record<string, unknown>[]; sources: [string, string][] };

/**
 * Baselines written as a map (`baselines: { exp-500: { auc: 0.955 }, logistic: { auc: 0.91 } }`)
 * → rows labelled by their key (an id among them links that run), their numbers the metrics. A row
 * written as a baseline row (`{ metrics: {…} }`) keeps its fields. Undefined for any other map.
 */
function baselineRows(map: Record<string, unknown>): Converted | undefined {
  const rows: Record<string, unknown>[] = [];
  const sources: [string, string][] = [];
  for (const [label, value] of Object.entries(map)) {
    const source = `comparison.baselines.${label}`;
    const id = RUN_ID.test(label) ? { experimentId: label } : {};
    sources.push([`${rows.length}`, source]);
    const row = isPlainObject(value) && isPlainObject(value['metrics']) ? undefined : rowMap(value);
    if (row !== undefined) {
      // Its text: the notes and the set it was evaluated on under the row's own names, anything else as written.
      const fields = Object.entries(row.fields).map(([key, text]): [string, string] => [
        BASELINE_TEXT_FIELDS.get(topLevelName(key)) ?? key,
        text,
      ]);
      for (const [key] of Object.entries(row.fields))
        sources.push([`${rows.length}.${BASELINE_TEXT_FIELDS.get(topLevelName(key)) ?? key}`, `${source}.${key}`]);
      for (const key of Object.keys(row.metrics)) sources.push([`${rows.length}.metrics.${key}`, `${source}.${key}`]);
      sources.push([`${rows.length}.metrics`, source]);
      rows.push({ label, ...id, ...Object.fromEntries(fields), metrics: row.metrics });
    } else if (isPlainObject(value) && isPlainObject(value['metrics'])) rows.push({ label, ...id, ...value });
    else return undefined;
  }
  return rows.length > 0 ? { rows, sources } : undefined;
}

/** A baseline's text written under its row's names (`note`, `evaluated_on`) → the baseline row's field. */
const BASELINE_TEXT_FIELDS: ReadonlyMap<string, string> = new Map([
  ['notes', 'notes'],
  ['note', 'notes'],
  ['comment', 'notes'],
  ['evaluatedon', 'evaluatedOn'],
  ['testset', 'evaluatedOn'],
]);

/** Keys of a group's row that are its size, not a metric. */
const GROUP_SIZE_KEYS = /^(?:n|count|size|support|samples?|n_samples)$/i;
/** A group that is everyone: its row is the Overall row. */
const OVERALL_KEY = /^(?:overall|all|total|everyone)$/i;

/**
 * Groups written as a map → `evaluation.disaggregated` rows: `{ by: region, groups: { EU: { n, recall } } }`
 * (the attribute named by `by` or `attribute`), `{ region: { EU: {…}, US: {…} } }` (by attribute),
 * or `{ EU: {…}, US: {…} }` (one attribute, called `group`). A group's `n` (`count`, `size`,
 * `support`) is its size, its other numbers its metrics; `overall` or `all` is the Overall row.
 * Undefined for any other map (`{ dp_ratio: 0.91 }` names no groups).
 */
function groupRows(map: Record<string, unknown>): Converted | undefined {
  const by = typeof map['by'] === 'string' ? map['by'] : typeof map['attribute'] === 'string' ? map['attribute'] : undefined;
  const nested = Object.values(map).every((v) => isPlainObject(v) && Object.values(v).every(isPlainObject));
  const byAttribute: [string, unknown, string][] =
    map['groups'] !== undefined
      ? [[by ?? 'group', map['groups'], 'evaluation.disaggregated.groups']]
      : nested
        ? Object.entries(map).map(([attribute, groups]): [string, unknown, string] => [
            attribute,
            groups,
            `evaluation.disaggregated.${attribute}`,
          ])
        : [['group', map, 'evaluation.disaggregated']];
  const rows: Record<string, unknown>[] = [];
  const sources: [string, string][] = [];
  for (const [attribute, groups, source] of byAttribute) {
    if (!isPlainObject(groups)) return undefined;
    for (const [group, value] of Object.entries(groups)) {
      const row = rowMap(value);
      if (row === undefined) return undefined;
      const size = Object.keys(row.metrics).find((key) => GROUP_SIZE_KEYS.test(key));
      const metrics: Record<string, unknown> = {};
      const at = `${rows.length}`;
      for (const [key, v] of Object.entries(row.metrics))
        if (key !== size) {
          setOwn(metrics, key, v);
          sources.push([`${at}.metrics.${key}`, `${source}.${group}.${key}`]);
        }
      sources.push([at, `${source}.${group}`], [`${at}.metrics`, `${source}.${group}`]);
      if (size !== undefined) sources.push([`${at}.n`, `${source}.${group}.${size}`]);
      for (const key of Object.keys(row.fields)) sources.push([`${at}.${key}`, `${source}.${group}.${key}`]);
      rows.push({
        group,
        ...(OVERALL_KEY.test(group) ? { overall: true } : { attributes: { [attribute]: group } }),
        ...(size === undefined ? {} : { n: row.metrics[size] }),
        ...row.fields,
        metrics,
      });
    }
  }
  return rows.length > 0 ? { rows, sources } : undefined;
}

/** `parent.field` written as a map, converted to rows when `convert` reads it (the places noted). */
function mapToRows(
  data: Record<string, unknown>,
  parent: string,
  field: string,
  convert: (map: Record<string, unknown>) => Converted | undefined,
  aliases: PathAliases,
): void {
  const holder = data[parent];
  const map = isPlainObject(holder) ? holder[field] : undefined;
  if (!isPlainObject(holder) || !isPlainObject(map)) return;
  const converted = convert(map);
  if (converted === undefined) return;
  for (const [suffix, source] of converted.sources) aliases.set(`${parent}.${field}.${suffix}`, source);
  holder[field] = converted.rows;
}

/** A square list of rows of counts, 2 × 2 or larger (`cm.tolist()`). */
function isMatrix(value: unknown): value is number[][] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((row) => Array.isArray(row) && row.length === value.length && row.every((v) => typeof v === 'number'))
  );
}

/** Where the classes of a bare confusion matrix are named at the top level (scikit-learn's `labels`, `target_names`). */
/** The top-level keys that name a bare confusion matrix's classes, as tools spell them. */
export const CLASS_NAME_KEYS: readonly string[] = ['labels', 'classes', 'class_names', 'target_names'];
const CLASS_NAMES = new Set(CLASS_NAME_KEYS.map(topLevelName));

/**
 * `evaluation.confusionMatrix` written as the bare matrix (`[[812, 41], [85, 262]]`) → `{ labels,
 * matrix }`, its classes from a top-level `labels`/`classes`/`class_names`/`target_names` of as many
 * names (moved there), else `Class 1`, `Class 2`, … as the template names an unlabelled matrix.
 */
function bareMatrix(data: Record<string, unknown>, aliases: PathAliases): void {
  const evaluation = data['evaluation'];
  const matrix = isPlainObject(evaluation) ? evaluation['confusionMatrix'] : undefined;
  if (!isPlainObject(evaluation) || !isMatrix(matrix)) return;
  const path = 'evaluation.confusionMatrix';
  const namesKey = Object.keys(data).find((key) => CLASS_NAMES.has(topLevelName(key)));
  const names = namesKey === undefined ? undefined : data[namesKey];
  let labels = matrix.map((_row, i) => `Class ${i + 1}`);
  if (
    namesKey !== undefined &&
    Array.isArray(names) &&
    names.length === matrix.length &&
    names.every((n) => typeof n === 'string' || typeof n === 'number')
  ) {
    labels = names.map(String);
    delete data[namesKey];
    aliases.set(`${path}.labels`, namesKey);
    labels.forEach((_label, i) => aliases.set(`${path}.labels.${i}`, `${namesKey}.${i}`));
  }
  evaluation['confusionMatrix'] = { labels, matrix };
  aliases.set(`${path}.matrix`, path);
  matrix.forEach((row, i) => {
    aliases.set(`${path}.matrix.${i}`, `${path}.${i}`);
    row.forEach((_v, j) => aliases.set(`${path}.matrix.${i}.${j}`, `${path}.${i}.${j}`));
  });
}

/** Keys a metric's 95% interval is written under besides `ci95` (compared lower case, without `_`, `-`, spaces). */
const INTERVAL_KEYS: ReadonlySet<string> = new Set(['ci', 'ci95%', 'confidenceinterval', 'confint', 'interval', '95ci', '95%ci']);
/** Keys of the interval's bounds written as two fields (`ci_low`/`ci_high`, `lower`/`upper`, `ci95_lower`, …). */
const BOUND_KEYS = {
  low: new Set(['low', 'lower', 'lo', 'lowerbound', 'cilow', 'cilower', 'ci95low', 'ci95lower', 'lowerci', 'lci', 'cilo']),
  high: new Set(['high', 'upper', 'hi', 'upperbound', 'cihigh', 'ciupper', 'ci95high', 'ci95upper', 'upperci', 'uci', 'cihi']),
} as const;

/** Keys the confidence level of an interval is written under (`ci_level: 0.9`, `level: 90`), beside it or in it. */
const LEVEL_KEYS: ReadonlySet<string> = new Set(['cilevel', 'level', 'confidencelevel', 'confidence', 'cl']);

const keyOf = (key: string): string => key.toLowerCase().replace(/[\s_-]+/g, '');

/** A confidence level as written (`0.9`, `90`, `"90%"`) in percent, or undefined. */
function levelPercent(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(/\s*%$/, '')) : Number.NaN;
  if (!Number.isFinite(number) || number <= 0 || number >= 100) return undefined;
  const percent = number < 1 ? number * 100 : number;
  return Number.parseFloat(percent.toPrecision(6));
}

/**
 * A test metric's interval written under another name with a confidence level other than 95%
 * (`ci: [0.876, 0.892], ci_level: 0.9`, `confidence_interval: { low, high, level: 0.99 }`): where the
 * level is written and what it is. Such an interval is no `ci95`; it stays as written (and validation
 * warns at the level). Undefined when there is no such level.
 */
export function otherLevelInterval(metric: Record<string, unknown>): { at: string[]; level: number } | undefined {
  if (Object.hasOwn(metric, 'ci95')) return undefined;
  const named = Object.keys(metric).find((key) => INTERVAL_KEYS.has(keyOf(key)));
  const bounds = (['low', 'high'] as const).every((bound) => Object.keys(metric).some((key) => BOUND_KEYS[bound].has(keyOf(key))));
  if (named === undefined && !bounds) return undefined;
  const interval = named === undefined ? undefined : metric[named];
  const inside = isPlainObject(interval) ? Object.keys(interval).find((key) => LEVEL_KEYS.has(keyOf(key))) : undefined;
  const beside = Object.keys(metric).find((key) => LEVEL_KEYS.has(keyOf(key)));
  const at = named !== undefined && inside !== undefined ? [named, inside] : beside !== undefined ? [beside] : undefined;
  const level =
    at === undefined
      ? undefined
      : levelPercent(at.length === 2 ? (interval as Record<string, unknown>)[at[1] as string] : metric[at[0] as string]);
  return at === undefined || level === undefined || level === 95 ? undefined : { at, level };
}

/**
 * A test metric's interval written under another name — `ci: [0.89, 0.93]`, `confidence_interval: 0.01`
 * — or as two bounds (`ci_low: 0.82, ci_high: 0.86`, `lower`/`upper`) → its `ci95`, when it has none
 * and no other level is given for it (`otherLevelInterval`).
 */
function intervalSpellings(metric: Record<string, unknown>, path: string, aliases: PathAliases): void {
  if (Object.hasOwn(metric, 'ci95') || otherLevelInterval(metric) !== undefined) return;
  const source = (key: string): string => (aliases.has(path) ? `${aliases.get(path)}.${key}` : `${path}.${key}`);
  const named = Object.keys(metric).find((key) => INTERVAL_KEYS.has(keyOf(key)));
  const [low, high] = (['low', 'high'] as const).map((bound) => Object.keys(metric).find((key) => BOUND_KEYS[bound].has(keyOf(key))));
  const read =
    named !== undefined
      ? { from: [named], interval: metric[named] }
      : low !== undefined && high !== undefined && typeof metric[low] === 'number' && typeof metric[high] === 'number'
        ? { from: [low, high], interval: { low: metric[low], high: metric[high] } }
        : undefined;
  if (read === undefined) return;
  // The interval takes the place of the first key it was written under; the rest keep their order.
  const entries = Object.entries(metric);
  for (const key of Object.keys(metric)) delete metric[key];
  for (const [key, value] of entries) {
    if (key === read.from[0]) metric['ci95'] = read.interval;
    else if (!read.from.includes(key)) setOwn(metric, key, value);
  }
  read.from.forEach((key, index) => {
    if (index === 0) aliases.set(`${path}.ci95`, source(key));
    if (read.from.length === 2) aliases.set(`${path}.ci95.${index === 0 ? 'low' : 'high'}`, source(key));
  });
}

/**
 * `holder[key]` written as a pair of bounds, low first (`[0.861, 0.887]`) → `{ low, high }`; a pair of
 * numbers as text (`[53%, 61%]`) → the text `[53%, 61%]`, which the values' reader reads; anything else as written.
 */
function intervalBounds(holder: Record<string, unknown>, key: string, path: string, aliases: PathAliases): void {
  const pair = holder[key];
  if (!Array.isArray(pair) || pair.length !== 2) return;
  const [low, high] = pair as unknown[];
  // `[53%, 61%]`: bounds written as text are the interval written as text, read beside its value as any is.
  if (typeof low === 'string' && typeof high === 'string' && parseMetricCell(low)?.value != null && parseMetricCell(high)?.value != null) {
    holder[key] = `[${low}, ${high}]`;
    return;
  }
  if (typeof low !== 'number' || typeof high !== 'number' || !(low <= high)) return;
  holder[key] = { low, high };
  const source = aliases.get(path) ?? path;
  aliases.set(`${path}.low`, `${source}.0`);
  aliases.set(`${path}.high`, `${source}.1`);
}

/**
 * `parent.field` written as a map of named entries (`{ lr: 0.1 }`, `{ f1: { value: 0.84 } }`) → a
 * list with the name in `nameField`; an entry that is an object keeps its fields.
 */
function namedMapToList(data: Record<string, unknown>, parent: string, field: string, nameField: string, aliases: PathAliases): void {
  const holder = data[parent];
  const map = isPlainObject(holder) ? holder[field] : undefined;
  if (!isPlainObject(holder) || !isPlainObject(map)) return;
  holder[field] = Object.entries(map).map(([name, value], index) => {
    const source = `${parent}.${field}.${name}`;
    aliases.set(`${parent}.${field}.${index}`, source);
    if (isPlainObject(value) && !Object.hasOwn(value, nameField)) return { [nameField]: name, ...value };
    aliases.set(`${parent}.${field}.${index}.value`, source);
    return { [nameField]: name, value };
  });
}

/** The averaged rows of a scikit-learn classification report, and the names their metrics get (`Macro F1`): printed or as a dict. */
export const REPORT_AVERAGES: Readonly<Record<string, string>> = {
  'macro avg': 'Macro',
  'weighted avg': 'Weighted',
  'micro avg': 'Micro',
  'samples avg': 'Samples',
};
const REPORT_FIELDS: readonly (readonly [string, string])[] = [
  ['precision', 'Precision'],
  ['recall', 'Recall'],
  ['f1-score', 'F1'],
];

/**
 * scikit-learn's `classification_report(output_dict=True)` as the test metrics (`metrics: { cat:
 * { precision, recall, f1-score, support }, …, accuracy: 0.91, macro avg: {…}, weighted avg: {…} }`)
 * → its accuracy and averaged precision, recall and F1 (`Macro F1`, `Weighted Recall`), as the
 * printed report is read; the classes' rows are kept as they are in `evaluation.perClass`, a row per class.
 */
function classificationReportDict(data: Record<string, unknown>, aliases: PathAliases): void {
  const evaluation = data['evaluation'];
  const map = isPlainObject(evaluation) ? evaluation['testMetrics'] : undefined;
  if (!isPlainObject(evaluation) || !isPlainObject(map)) return;
  const isRow = (value: unknown): value is Record<string, unknown> =>
    isPlainObject(value) && REPORT_FIELDS.every(([field]) => ['number', 'string'].includes(typeof value[field]) || value[field] === null);
  const averages = Object.keys(map).filter((key) => REPORT_AVERAGES[key.toLowerCase()] !== undefined && isRow(map[key]));
  const classes = Object.keys(map).filter((key) => !averages.includes(key) && key.toLowerCase() !== 'accuracy');
  if (averages.length === 0 || !classes.every((key) => isRow(map[key]))) return;
  const source = 'evaluation.testMetrics';
  const metrics: Record<string, unknown>[] = [];
  const add = (metric: string, value: unknown, from: string): void => {
    aliases.set(`${source}.${metrics.length}`, from);
    aliases.set(`${source}.${metrics.length}.value`, from);
    metrics.push({ metric, value });
  };
  const accuracy = Object.keys(map).find((key) => key.toLowerCase() === 'accuracy');
  if (accuracy !== undefined && typeof map[accuracy] === 'number') add('Accuracy', map[accuracy], `${source}.${accuracy}`);
  for (const key of averages) {
    const row = map[key] as Record<string, unknown>;
    for (const [field, name] of REPORT_FIELDS)
      add(`${REPORT_AVERAGES[key.toLowerCase()]} ${name}`, row[field], `${source}.${key}.${field}`);
  }
  evaluation['testMetrics'] = metrics;
  if (classes.length > 0) {
    // A row per class, named as the report names it: shown as a table.
    evaluation['perClass'] = classes.map((key) => ({ class: key, ...(map[key] as Record<string, unknown>) }));
    aliases.set('evaluation.perClass', source);
    classes.forEach((key, index) => {
      aliases.set(`evaluation.perClass.${index}`, `${source}.${key}`);
      for (const field of Object.keys(map[key] as Record<string, unknown>))
        aliases.set(`evaluation.perClass.${index}.${field}`, `${source}.${key}.${field}`);
    });
  }
}

/** Other keys a hyperparameter row is named by (MLflow's `{ key, value }`). */
export const SETTING_NAME_KEYS: readonly string[] = ['key'];
/** Other keys a test-metric row is named by (`{ name, value }`, MLflow's `{ key, value, step }`). */
export const METRIC_NAME_KEYS: readonly string[] = ['name', 'key'];
/** Other keys a row's value is written under: Comet's API writes `{ name, valueCurrent, valueMax, valueMin }`. */
const VALUE_KEYS: readonly string[] = ['valueCurrent', 'value_current', 'currentValue', 'lastValue', 'last_value', 'latest'];

/**
 * Rows of `parent.field` that name themselves under another key — `{ name: "accuracy", value: 0.91 }`
 * for a test metric, MLflow's `{ key: "lr", value: "0.001" }` (its API's `params` and `metrics`
 * lists) — have that name moved to `nameField`, when the row has no `nameField` and the other key
 * holds text. The same for a row's value under another key (`holds: 'value'`: text, a number or null),
 * Comet's `{ name: "test_f1", valueCurrent: "0.9398" }`.
 */
function rowNames(
  data: Record<string, unknown>,
  parent: string,
  field: string,
  nameField: string,
  spellings: readonly string[],
  aliases: PathAliases,
  holds: 'text' | 'value' = 'text',
): void {
  const holder = data[parent];
  const rows = isPlainObject(holder) ? holder[field] : undefined;
  if (!Array.isArray(rows)) return;
  const fits = (value: unknown): boolean =>
    typeof value === 'string' ? value.trim() !== '' : holds === 'value' && (typeof value === 'number' || value === null);
  rows.forEach((row, index) => {
    if (!isPlainObject(row) || Object.hasOwn(row, nameField)) return;
    const key = spellings.find((spelling) => fits(row[spelling]));
    if (key === undefined) return;
    const renamed: Record<string, unknown> = { [nameField]: row[key] };
    for (const [name, value] of Object.entries(row)) if (name !== key) setOwn(renamed, name, value);
    rows[index] = renamed;
    const path = `${parent}.${field}.${index}`;
    aliases.set(`${path}.${nameField}`, aliases.has(path) ? `${aliases.get(path)}.${key}` : `${path}.${key}`);
  });
}

/**
 * `writtenDecimals` of the source (by the paths it was written at) by the paths the record holds the
 * numbers at: a number read from a moved or reshaped part (`params.lr`) is found at its new path
 * (`model.hyperparameters.0.value`; of several new paths read from one source path, the deepest).
 */
export function aliasedDecimals(decimals: Readonly<Record<string, number>>, aliases: PathAliases): Record<string, number> {
  if (aliases.size === 0) return { ...decimals };
  const target = new Map<string, string>();
  for (const [path, from] of aliases) {
    const known = target.get(from);
    if (known === undefined || path.split('.').length > known.split('.').length) target.set(from, path);
  }
  const read: Record<string, number> = {};
  for (const [key, places] of Object.entries(decimals)) {
    const parts = key.split('.');
    let path = key;
    for (let length = parts.length; length > 0; length--) {
      const found = target.get(parts.slice(0, length).join('.'));
      if (found === undefined) continue;
      path = [found, ...parts.slice(length)].join('.');
      break;
    }
    setOwn(read, path, places);
  }
  return read;
}

/**
 * Positions looked up through `aliases`: a path under a new path is looked up under the source path
 * it was read from (`model.hyperparameters.0.value` → `model.hyperparameters.lr`).
 */
export function aliasedPositions(positions: PositionLookup, aliases: PathAliases): PositionLookup {
  if (aliases.size === 0) return positions;
  return {
    get(path: string): ReturnType<PositionLookup['get']> {
      const exact = aliases.get(path);
      if (exact !== undefined) return positions.get(exact) ?? positions.get(path);
      const parts = path.split('.');
      for (let length = parts.length - 1; length > 0; length--) {
        const prefix = parts.slice(0, length).join('.');
        const source = aliases.get(prefix);
        if (source !== undefined) return positions.get([source, ...parts.slice(length)].join('.')) ?? positions.get(source);
      }
      return positions.get(path);
    },
  };
}
