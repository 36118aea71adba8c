/** The "Training Results" section: the per-epoch table, the best model, the training infrastructure. */

import { isLearningRateColumn, isUnitIntervalMetric, metricInfo } from '../../analysis/metrics.ts';
import { HISTORY_COUNTER_HEADER, historyAxisOfHeader } from '../../analysis/history-axis.ts';
import type { Code } from 'mdast';
import { pastedTableOf, startOf, stripEmphasis, tableOf, type Cell, type TableData } from '../markdown-blocks.ts';
import { setOwn } from '../../util/own.ts';
import { isPlainObject } from '../finish.ts';
import { isNotYetWritten, isPlaceholder } from '../placeholder.ts';
import { normalizeLabel } from '../text.ts';
import {
  parseDurationHours,
  parseEpoch,
  parseGpuCount,
  parseGpuHours,
  parseMassKg,
  parseMetricCell,
  parseMetricStatementWithAside,
  parseNumber,
} from '../units.ts';
import { bestRoundOf, trainingLogTableOf } from '../training-log.ts';
import { blockOf, type Context, type Handler, type LabelRule, type TableRule } from './context.ts';
import { asLabelRules, itemRule, keepUnknown, keyValueFields, keyValueItems, type ItemRule, type KeyValueItem } from './fields.ts';
import {
  column,
  fractionsAmongPercentages,
  isTextColumn,
  metricCell,
  metricColumn,
  numberCell,
  readTableRows,
  scaledCount,
} from './table.ts';
import * as msg from '../messages.ts';
import type { FieldPath, SourcePosition } from '../types.ts';

/**
 * The per-epoch table: first (or `Epoch`/`Step`) column is the epoch, the others metrics by header
 * as written. A GFM table, the comma- or tab-separated values of a pasted `metrics.csv`, or a pasted
 * training log (`trainingLogTableOf`: Keras, Lightning, the Hugging Face Trainer).
 */
export const historyHandler: Handler = (entry, ctx) => {
  const gfm = blockOf(entry, ctx, 'table');
  const pasted = gfm
    ? undefined
    : entry.blocks
        .filter((node): node is Code => node.type === 'code' && !ctx.consumed.has(node))
        .map((node) => {
          const log = trainingLogTableOf(ctx.source, node);
          return { node, log, table: log === undefined ? pastedTableOf(ctx.source, node) : undefined };
        })
        .find((found) => found.table !== undefined || found.log !== undefined);
  const block = gfm ?? pasted?.node;
  const table = gfm ? tableOf(ctx.source, gfm) : (pasted?.log ?? pasted?.table);
  if (!block || !table) return;
  // `| Fold | AUC | … | Best Iter |`: a row per fold (seed, run) of a cross-validation, no epochs: kept as written.
  if (column(table, HISTORY_COUNTER_HEADER) < 0 && PER_RUN_HEADER.test(normalizeLabel(stripEmphasis(table.header[0]?.text ?? '')))) {
    ctx.consumed.delete(block);
    keepUnknown(entry, ['training'], ctx);
    return;
  }
  // A CSV is all its table; a console log holds more than its metrics (timings, warnings): it stays on the page too.
  if (pasted?.table !== undefined || gfm) ctx.consumed.add(block);
  if (pasted?.log !== undefined) bestRound(pasted.node, ctx);
  const epoch = Math.max(0, column(table, HISTORY_COUNTER_HEADER));
  // A table counted in steps (`| step | loss |`, a trainer's `global_step`) says so: its rows are no epochs.
  const axis = historyAxisOfHeader(stripEmphasis(table.header[epoch]?.text ?? ''));
  // The axis the rows read so far are counted in (none: epochs), before this table names its own.
  const axisBefore = ctx.b.get(['training', 'historyAxis']);
  if (axis !== undefined && !ctx.b.has(['training', 'historyAxis']))
    ctx.b.set(['training', 'historyAxis'], axis, table.header[epoch]?.position);
  // A proportion's column written in percent (`71.0%`) keys its values `Name (%)`, as in a metric map;
  // durations in several units (`41.2 s`, `6.2 min`) are read in the unit most of them use.
  const columns = table.header.map((head, index) =>
    metricColumn(
      stripEmphasis(head.text),
      table.rows.map((row) => row[index]),
    ),
  );
  const names = columns.map((c) => c.key);
  bareInPercentColumns(table, names, epoch, ctx);
  // `| **Best** | | 0.44 | 0.80 |`, `| Final | … |` closing the table: rows about the epochs, not epochs.
  const summary = table.rows.filter((row) => SUMMARY_ROW.test(stripEmphasis(row[epoch]?.text ?? '').trim()));
  if (summary.length > 0)
    historySummary(
      summary,
      table.rows.filter((row) => !summary.includes(row)),
      epoch,
      names,
      ctx,
    );
  // `| Stage |` over `weak`/`gold`, `| Note |`: text beside the epochs' values, kept apart as a table of its own.
  const textColumns = table.header.flatMap((_, index) => (index !== epoch && isTextColumn(table, index) ? [index] : []));
  // `|    |   epoch | …` over `|  0 |       1 | …`: the row numbers pandas' `to_markdown()` writes, headed by nothing.
  const rowNumbers = table.header.flatMap((head, index) =>
    index !== epoch &&
    stripEmphasis(head.text).trim() === '' &&
    table.rows.every((row, at) => stripEmphasis(row[index]?.text ?? '').trim() === String(at))
      ? [index]
      : [],
  );
  const notes: Record<string, unknown>[] = [];
  // `50M`, `1B` steps: counts in millions and billions.
  const readEpoch = (cell: Cell | undefined): unknown => numberCell(cell, (text) => parseEpoch(text) ?? scaledCount(text));
  readTableRows(summary.length > 0 ? { ...table, rows: table.rows.filter((row) => !summary.includes(row)) } : table, startOf(block), ctx, {
    path: ['training', 'history'],
    key: epoch,
    keyField: 'epoch',
    readKey: readEpoch,
    ...(axisBefore === axis
      ? mergeByEpoch(
          ctx,
          names,
          epoch,
          table.rows.filter((row) => !summary.includes(row)).map((row) => readEpoch(row[epoch])),
        )
      : {}),
    readRow: (row, write) => {
      const text: Record<string, unknown> = {};
      table.header.forEach((head, index) => {
        if (index === epoch || rowNumbers.includes(index)) return;
        const cell = row[index];
        const name = names[index] ?? stripEmphasis(head.text);
        const written = stripEmphasis(cell?.text ?? '').trim();
        // `nan`, `NaN`, `inf` as pandas prints a float that is no number: no value, said with a warning.
        if (cell !== undefined && PRINTED_NON_FINITE.test(written)) {
          write.set(name, null, cell);
          ctx.b.notes.push({
            path: [...write.path, name],
            position: cell.position,
            label: 'Training Metrics',
            message: msg.printedNonFinite(written),
            hint: msg.hintPrintedNonFinite(),
          });
        } else if (!textColumns.includes(index)) write.set(name, (columns[index]?.value ?? metricCell)(cell), cell);
        else if (cell !== undefined && stripEmphasis(cell.text) !== '') setOwn(text, stripEmphasis(head.text), stripEmphasis(cell.text));
      });
      if (Object.keys(text).length > 0)
        notes.push({ [stripEmphasis(table.header[epoch]?.text ?? '') || 'Epoch']: readEpoch(row[epoch]), ...text });
    },
  });
  if (notes.length > 0) ctx.b.append(['training', 'textByEpoch'], notes, startOf(block));
};

/** A float that is no number as pandas, NumPy and Python print it: `nan`, `NaN`, `inf`, `-inf`, `Infinity`. */
const PRINTED_NON_FINITE = /^(?:nan|-?(?:inf|infinity))$/i;

/** A first column counting folds, seeds, runs or trials: each row a run of its own, not a point of one run's history. */
const PER_RUN_HEADER = /^(?:cv )?(?:fold|seed|run|trial|split|repeat)s?(?: #| no| id)?$/;

/** Kinds of per-epoch column that describe the run's resources, not the model's quality. */
const RESOURCE_KINDS = new Set<string | null>([null, 'throughput', 'memory', 'latency', 'time', 'cost', 'co2']);

/**
 * A second per-epoch table of resource columns (`| Epoch | GPU mem (GB) | img/s |` under Training
 * Infrastructure, after the losses), for epochs the first table has: its columns join those epochs'
 * rows, rather than repeating the epochs with the other columns empty. Any other second table — of
 * the same columns, of losses or scores (a second stage restarting at epoch 1), counted on another
 * axis (the caller's check), with an epoch the rows do not have or an epoch written twice — adds its
 * rows as before.
 */
function mergeByEpoch(
  ctx: Context,
  names: readonly string[],
  epoch: number,
  incoming: readonly unknown[],
): { mergeInto?: (key: unknown) => number | undefined } {
  const existing = ctx.b.get(['training', 'history']);
  if (!Array.isArray(existing) || existing.length === 0) return {};
  const rows = existing.filter(isPlainObject);
  const columns = new Set(rows.flatMap((row) => Object.keys(row)));
  const others = names.filter((_, index) => index !== epoch);
  if (others.some((name) => columns.has(name) || !RESOURCE_KINDS.has(metricInfo(name).kind))) return {};
  const at = new Map<unknown, number>();
  const twice = new Set<unknown>();
  existing.forEach((row, index) => {
    const key = (row as Record<string, unknown> | null)?.['epoch'];
    if (at.has(key)) twice.add(key);
    else at.set(key, index);
  });
  const keys = incoming.filter((key) => key !== undefined && key !== '');
  if (new Set(keys).size !== keys.length || keys.some((key) => twice.has(key) || !at.has(key))) return {};
  return { mergeInto: (key) => at.get(key) };
}

/**
 * A bare value of a fraction's size (`0.712`) in a column of a proportion written in percent
 * (`78.4%` above and below it): it is kept as written — 0.712 percent — with a warning, since it may
 * be the fraction 71.2% written without its sign.
 */
function bareInPercentColumns(table: TableData, names: readonly string[], epoch: number, ctx: Context): void {
  names.forEach((name, index) => {
    if (index === epoch || !name.endsWith(' (%)') || !isUnitIntervalMetric(metricInfo(name))) return;
    const column = name.slice(0, -4);
    // `78.4%` and `80.1%` beside it: a bare `0.712` is the fraction, read as 71.2% (`metricColumn`).
    const asFraction = fractionsAmongPercentages(
      metricInfo(column),
      table.rows.map((row) => parseMetricCell(stripEmphasis(row[index]?.text ?? ''))),
    );
    for (const row of table.rows) {
      const cell = row[index];
      const read = parseMetricCell(stripEmphasis(cell?.text ?? ''));
      if (cell === undefined || typeof read?.value !== 'number' || read.unit !== undefined || read.value > 1) continue;
      const text = stripEmphasis(cell.text);
      ctx.b.notes.push({
        path: ['training', 'history'],
        position: cell.position,
        label: name,
        message: asFraction ? msg.bareFractionInPercentColumn(column, text, read.value) : msg.bareValueInPercentColumn(column, text),
        hint: asFraction ? msg.hintBareFractionInPercentColumn(read.value) : msg.hintBareValueInPercentColumn(read.value),
      });
    }
  });
}

/** The first cell of a per-epoch table's summary row: the best epoch's values, the last, their mean, … */
const SUMMARY_ROW = /^(?:best(?: epoch| model| checkpoint)?|final|last|mean|avg|average|median|min(?:imum)?|max(?:imum)?|total|overall)\b/i;

/**
 * A per-epoch table's summary rows. `Best` gives the best model's values (unless the log gives
 * them elsewhere) and its epoch when exactly one row of the table holds those values; every other
 * row (`Final`, `Mean`) is kept in `training.historySummary` with its values, as written.
 */
function historySummary(
  summary: readonly TableData['rows'][number][],
  epochs: readonly TableData['rows'][number][],
  epoch: number,
  names: readonly string[],
  ctx: Context,
): void {
  const valuesOf = (row: TableData['rows'][number]): [string, number | string | null][] =>
    row.flatMap((cell, index) =>
      index === epoch || cell === undefined || stripEmphasis(cell.text) === '' ? [] : [[names[index] ?? '', metricCell(cell)]],
    );
  const others: { label: string; metrics: Record<string, unknown> }[] = [];
  for (const row of summary) {
    const label = stripEmphasis(row[epoch]?.text ?? '').trim();
    const values = valuesOf(row);
    if (/^best/i.test(label) && !ctx.b.has(['training', 'bestModel', 'metrics'])) {
      const at = row[epoch]?.position;
      for (const [name, value] of values) ctx.b.set(['training', 'bestModel', 'metrics', name], value, at);
      const matching = epochs.filter((other) => {
        const own = new Map(valuesOf(other));
        return values.every(([name, value]) => own.get(name) === value);
      });
      const which = matching.length === 1 ? numberCell(matching[0]?.[epoch], parseEpoch) : undefined;
      if (typeof which === 'number' && !ctx.b.has(['training', 'bestModel', 'epoch']))
        ctx.b.set(['training', 'bestModel', 'epoch'], which, at);
      continue;
    }
    const metrics: Record<string, unknown> = {};
    for (const [name, value] of values) setOwn(metrics, name, value);
    others.push({ label, metrics });
  }
  if (others.length > 0) ctx.b.append(['training', 'historySummary'], others, summary[0]?.[epoch]?.position);
}

/** A metric name as the metric vocabulary keys it, so "Validation Accuracy" matches the table's "Val Acc". */
function metricKey(name: string): string {
  return isLearningRateColumn(name) ? 'learning rate' : metricInfo(name).key;
}

/**
 * The best round a pasted gradient-boosting log prints after training (`bestRoundOf`: LightGBM's
 * `Early stopping, best iteration is:`, CatBoost's `bestTest = 0.3012` / `bestIteration = 412`) as
 * the best model: its round and metrics, keyed as in the log's table. Not when the best model is
 * given at another round already. True when read.
 */
function bestRound(code: Code, ctx: Context): boolean {
  const best = bestRoundOf(ctx.source, code);
  const round = best === undefined ? undefined : parseNumber(best.round.text);
  const path: FieldPath = ['training', 'bestModel'];
  const written = ctx.b.get([...path, 'epoch']);
  if (best === undefined || round === undefined || (written !== undefined && written !== round)) return false;
  ctx.b.set([...path, 'epoch'], round, best.round.position);
  for (const { name, cell } of best.metrics) {
    const value = parseNumber(cell.text);
    if (value !== undefined && !ctx.b.has([...path, 'metrics', name])) ctx.b.set([...path, 'metrics', name], value, cell.position);
  }
  return true;
}

/** The best-model list: epoch, selected-by, and metric values keyed like the epoch table where possible. */
const bestModelHandler: Handler = (entry, ctx) => {
  const byQualifier = /^by (.+)$/i.exec(entry.qualifier)?.[1];
  if (byQualifier && !/validation metric|metric$/i.test(byQualifier))
    ctx.b.set(['training', 'bestModel', 'selectedBy'], byQualifier, entry.position);
  const history = ctx.b.data['training'];
  const columns =
    isPlainObject(history) && Array.isArray(history['history']) && isPlainObject(history['history'][0])
      ? Object.keys(history['history'][0])
      : [];
  // Written on the label's line (`**Best Model**: epoch 85 (val loss 0.334)`): the epoch it names, and the text as written.
  if (entry.value !== '' && !isPlaceholder(entry.value)) {
    // `**Best epoch**: 17 (by val AUC)`: the label names the epoch, the value starts with it.
    const named = /\b(?:epoch|step|iteration|round)\b/.test(entry.norm) ? /^\s*(\d+)\b/.exec(entry.value)?.[1] : undefined;
    // `best_iteration = 103, best_score = 0.2499`: XGBoost's attributes printed, the round the first.
    const epoch = named ?? /(?:\b|\bbest_)(?:epoch|step|iteration|round)\s*[:=]?\s*(\d+)/i.exec(entry.value)?.[1];
    if (epoch !== undefined) ctx.b.set(['training', 'bestModel', 'epoch'], Number(epoch), entry.position);
    const by = /\(\s*(?:selected by|chosen by|by)\s+([^()]+?)\s*\)\s*$/i.exec(entry.value)?.[1];
    if (by !== undefined && !ctx.b.has(['training', 'bestModel', 'selectedBy']))
      ctx.b.set(['training', 'bestModel', 'selectedBy'], by, entry.position);
    ctx.b.set(['training', 'bestModel', 'description'], entry.value.trim(), entry.position);
  }
  // CatBoost's `bestTest = 0.3012` / `bestIteration = 412` pasted under the label: the best round.
  for (const node of entry.blocks) if (node.type === 'code' && !ctx.consumed.has(node) && bestRound(node, ctx)) ctx.consumed.add(node);
  for (const item of keyValueItems(entry, ctx)) {
    if (item.key === '') continue;
    // `- Round: 2400` (a boosted model's round), `- Step: 12000`: where the best model was taken.
    if (/^(best )?(epoch|step|iteration|iter|round|boosting round)$/.test(item.norm))
      ctx.b.text(['training', 'bestModel', 'epoch'], item.value, item.position, parseEpoch);
    else if (/selected by|selection|criterion|chosen by/.test(item.norm))
      ctx.b.text(['training', 'bestModel', 'selectedBy'], item.value, item.position);
    else {
      const key = columns.find((name) => metricKey(name) === metricKey(item.key)) ?? item.key;
      const path: FieldPath = ['training', 'bestModel', 'metrics', key];
      const read = isPlaceholder(item.value) ? undefined : parseMetricCell(item.value);
      // `0.914 (EMA weights)`: the value, the aside kept in the best model's note; words alone (`Weights: EMA`) are the note's.
      const statement = read === undefined && !isPlaceholder(item.value) ? parseMetricStatementWithAside(item.value) : undefined;
      if (read !== undefined || isPlaceholder(item.value)) ctx.b.text(path, item.value, item.position, (t) => parseMetricCell(t)?.value);
      else if (statement !== undefined) {
        ctx.b.set(path, statement.value, item.position);
        const aside = statement.note ?? statement.qualifier;
        if (aside !== undefined) bestModelNote(`${item.key}: ${aside}`, item.position, ctx);
      } else bestModelNote(`${item.key}: ${item.value.trim()}`, item.position, ctx);
    }
  }
};

/** Adds a line to the best model's note (`training.bestModel.note`), shown beside it. */
function bestModelNote(line: string, position: SourcePosition, ctx: Context): void {
  ctx.b.addLine(['training', 'bestModel', 'note'], line, position);
}

/** The hardware as written, and the GPU count it gives (`4x NVIDIA A100` → 4). */
function hardwareRead(item: KeyValueItem, ctx: Context): void {
  ctx.b.text(['training', 'infrastructure', 'hardware'], item.value, item.position);
  // `1× A10G, ~1h 40m total`: how long it ran, written after the hardware (the text is kept as written).
  const after = /,\s*((?:~|≈|about\s+)?\d[^,;]*?)(?:\s+(?:total|in total|wall(?:[- ]clock)?|training))?\.?\s*$/i.exec(item.value)?.[1];
  const hours = after === undefined ? undefined : parseDurationHours(after);
  if (hours !== undefined && /[a-z]/i.test(after ?? '') && !ctx.b.has(['training', 'infrastructure', 'durationHours'])) {
    ctx.b.set(['training', 'infrastructure', 'durationHours'], hours, item.position);
    ctx.b.set(['training', 'infrastructure', 'durationText'], (after ?? '').trim(), item.position);
  }
  const count = isPlaceholder(item.value) ? undefined : parseGpuCount(item.value);
  if (count !== undefined) ctx.b.set(['training', 'infrastructure', 'gpuCount'], count, item.position);
}

/** Training-infrastructure items (also usable as labels of their own), in order: the first match wins. */
export const INFRASTRUCTURE_RULES: readonly ItemRule[] = [
  itemRule(/gpu ?hours|gpu h/, ['training', 'infrastructure', 'gpuHours'], parseGpuHours),
  itemRule(/co2|carbon|emission/, ['training', 'infrastructure', 'co2Kg'], parseMassKg),
  {
    pattern: /duration|time|wall/,
    path: ['training', 'infrastructure', 'durationHours'],
    read: (item, ctx) => {
      const written = item.value.trim();
      // `[duration]`, `TBD`: not filled in yet, as any other field.
      if (written === '' || isPlaceholder(written) || isNotYetWritten(written)) {
        ctx.b.text(['training', 'infrastructure', 'durationHours'], written, item.position);
        return;
      }
      const hours = parseDurationHours(written);
      if (hours !== undefined) ctx.b.set(['training', 'infrastructure', 'durationHours'], hours, item.position);
      // Written with a unit ("25 min", "12h 30m"): kept as written for the page; the hours are for checks.
      // A duration Logbook cannot read ("3h on 4 GPUs") is kept as written too, with a warning.
      if (hours === undefined || parseNumber(written) === undefined) {
        const path: FieldPath = ['training', 'infrastructure', 'durationText'];
        ctx.b.set(path, written, item.position);
        if (hours === undefined)
          ctx.b.notes.push({
            path,
            position: item.position,
            label: 'Duration',
            message: msg.durationKeptAsText(written),
            hint: msg.hintDurationKeptAsText(),
          });
      }
    },
  },
  {
    pattern: /^(number of )?gpus?( count)?$|gpu count/,
    path: ['training', 'infrastructure', 'gpuCount'],
    // `GPUs: 4`, or `GPU: 1× RTX 4090`: the hardware, and the count it gives.
    read: (item, ctx) =>
      parseNumber(item.value) === undefined && parseGpuCount(item.value) !== undefined
        ? hardwareRead(item, ctx)
        : ctx.b.text(['training', 'infrastructure', 'gpuCount'], item.value, item.position, parseNumber),
  },
  {
    pattern: /hardware|device|accelerator|^instance( type)?$|^compute$/,
    path: ['training', 'infrastructure', 'hardware'],
    read: hardwareRead,
  },
];

/**
 * The hardware a run used, its GPU count and GPU-hours, and how long it trained (`Train time: 14 min`,
 * `Wall clock: 5h 12m`, not any label with "time" in it): labels a setup section also writes.
 */
export const HARDWARE_RULES: readonly ItemRule[] = INFRASTRUCTURE_RULES.flatMap((rule) => {
  const field = String(rule.path[rule.path.length - 1]);
  if (['hardware', 'gpuCount', 'gpuHours'].includes(field)) return [rule];
  return field === 'durationHours'
    ? [{ ...rule, pattern: /^(?:train(?:ing)?|run|wall)[ -]?(?:time|duration|clock(?: time)?)$|^(?:training )?duration$/ }]
    : [];
});

/** The training section's labels, in order: the first match wins. */
export const TRAINING_RULES: readonly LabelRule[] = [
  { pattern: /best/, path: ['training', 'bestModel'], handler: bestModelHandler },
  {
    pattern: /infrastructure|resources|cost/,
    path: ['training', 'infrastructure'],
    handler: keyValueFields(['training', 'infrastructure'], INFRASTRUCTURE_RULES),
  },
  // `### Training results` over the Trainer's table (Hugging Face model cards): the per-epoch history.
  { pattern: /metric|history|epoch|curve|progress|\blogs?\b|\bresults?\b/, path: ['training', 'history'], handler: historyHandler },
  ...asLabelRules(INFRASTRUCTURE_RULES),
];

/**
 * The per-epoch table where a log puts it under its results (`## Results`, then `| Epoch | Loss |`),
 * by its header row or a label naming it: read as the training history, not as test metrics.
 */
export const HISTORY_ELSEWHERE: LabelRule = {
  pattern: /^(training (metrics|history|curves?|progress|log)|per epoch( metrics)?|epochs?|learning curves?)$/,
  path: ['training', 'history'],
  handler: historyHandler,
};

/** Tables of this section written without a label line, by header row, in order: the first match wins. */
export const TRAINING_TABLES: readonly TableRule[] = [
  // `| Timesteps | Mean episode return |`, `| Env steps |`: a reinforcement learner's history is counted in steps too.
  { pattern: /^(epoch|(?:time ?|env |environment |global |training )?step|iteration|iter|round)s?( |$)|^ep \|/, label: 'Training Metrics' },
  // `| Training Loss | Epoch | Step | Validation Loss |`, as the Hugging Face Trainer writes it: an epoch column anywhere.
  { pattern: /(^|\| )epoch( \||$)/, label: 'Training Metrics' },
];
