/** The "Comparison to Baseline" section: the baseline table and the "Improvement vs Baseline" claims. */

import type { Nodes, Paragraph } from 'mdast';
import { setOwn } from '../../util/own.ts';
import { isPairClaim, parseClaimText } from '../../analysis/claims.ts';
import { metricInfo } from '../../analysis/metrics.ts';
import {
  isBold,
  itemsOf,
  linesOf,
  splitKeyValue,
  startOf,
  stripEmphasis,
  tableOf,
  type Cell,
  type Item,
  type TableData,
} from '../markdown-blocks.ts';
import { isNotMeasured, parseMetricCell, parseMetricStatement, parseWrittenInterval } from '../units.ts';
import { isNotYetWrittenWithAside, isPlaceholder } from '../placeholder.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { columnKey } from '../text.ts';
import {
  blockOf,
  testMetricsSoFar,
  unreadList,
  type Context,
  type Entry,
  type Handler,
  type LabelRule,
  type TableRule,
} from './context.ts';
import { keyValueItems } from './fields.ts';
import { currentColumn, isMetricColumn } from './side-by-side.ts';
import {
  column,
  DELTA_COLUMN,
  deltaColumns,
  isTextColumn,
  mapMetricKey,
  metricCell,
  metricColumn,
  metricColumns,
  readTableRows,
  SPREAD_HEADER,
} from './table.ts';

/** An aside naming a setting, not a run: `5-shot`, `top-5`, `fp16`, `8-bit`, `5-fold`, `7B`. */
const SETTING_ASIDE =
  /^(?:\d+-?shots?|top-?\d+|[a-z]+@\d+|(?:fp|bf|int)\d+|\d+(?:\.\d+)?[kmb]?|\d+-?(?:bit|way|fold|seeds?|epochs?|steps?|layers?))$/i;

/**
 * An id in a baseline label: `Previous Best (exp-042)` → `exp-042` (an aside with a digit, no
 * spaces), or an experiment id the label starts with, as ids are written (`exp-199 (r=8)`, `run_12`;
 * not `ResNet-50`, which names a model).
 */
export function idInLabel(label: string): string | undefined {
  const aside = /\(([A-Za-z0-9][A-Za-z0-9._-]*)\)\s*$/.exec(label)?.[1];
  // Not a setting written the same way: `MMLU (5-shot)`, `(top-5)`, `(fp16)`, `Llama (7B)`.
  if (aside && /\d/.test(aside) && !SETTING_ASIDE.test(aside)) return aside;
  return /^((?:exp|expt|experiment|run|trial)[-_]?\d[\w.-]*)(?=\s|$)/i.exec(label.trim())?.[1];
}

/**
 * `accuracy 91.9%`, `F1: 0.918`, `AUC = 0.93`, `p99 latency 10.9 ms.`: a metric of a baseline written in a
 * sentence, name then value (with its unit); a signed change in points (`F1 +1.2 pp`) is a claim, not a value.
 */
const METRIC_PART =
  /^([A-Za-z][\w@/()\- .]{0,40}?)\s*(?:[:=]\s*|\s)([-+]?\.?\d\S*(?:\s*%)?|\.?\d[\d.,]*\s+(?!(?:pp|p\.p|pts?|points?)\b)[A-Za-zµ]{1,8}(?:\/[A-Za-z]+)?\.?)$/;

/**
 * `- Logistic regression: accuracy 82.3%, F1 0.815`: a baseline (or a group) and its metrics in one list item,
 * each value placed where it is written; undefined unless every comma-separated part is a metric
 * Logbook knows and its value (`- Baseline: ResNet 50` names a model, not a metric "ResNet"), or a
 * bare value when the list's label names its `metric`. With `unknownNames`, a part named with any
 * name is a metric (the caller then decides whether the list as a whole reads as metrics).
 */
export function labelledMetricsItem(
  item: Pick<Item, 'text' | 'position' | 'nested'>,
  metric?: string,
  options: { unknownNames?: boolean } = {},
): { label: string; metrics: { name: string; cell: Cell }[] } | undefined {
  const split = item.nested === undefined ? splitKeyValue(item.text) : undefined;
  if (split === undefined || split.key === '' || split.value === '') return undefined;
  // `- EU: 0.91` under `Accuracy per region`: the value of the metric the label names.
  if (metric !== undefined && typeof parseMetricCell(split.value)?.value === 'number') {
    const cell = { text: split.value, position: { line: item.position.line, column: item.position.column + split.valueOffset } };
    return { label: split.key, metrics: [{ name: metric, cell }] };
  }
  const metrics: { name: string; cell: Cell }[] = [];
  for (const part of split.value.matchAll(/[^,;]+/g)) {
    const text = part[0].trim();
    const match = METRIC_PART.exec(text);
    if (!match?.[1] || match[2] === undefined || (options.unknownNames !== true && metricInfo(match[1].trim()).kind === null))
      return undefined;
    if (typeof parseMetricCell(match[2])?.value !== 'number') return undefined;
    const at = split.valueOffset + part.index + (part[0].length - part[0].trimStart().length) + text.length - match[2].length;
    metrics.push({
      name: match[1].trim(),
      cell: { text: match[2], position: { line: item.position.line, column: item.position.column + at } },
    });
  }
  return metrics.length > 0 ? { label: split.key, metrics } : undefined;
}

/** The metrics of a `labelledMetricsItem` as a row's `metrics` map, each value's position marked under `row`. */
export function metricMapOf(row: FieldPath, metrics: readonly { name: string; cell: Cell }[], ctx: Context): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const { name, cell } of metrics) {
    const key = mapMetricKey(name, [cell]);
    setOwn(map, key, metricCell(cell));
    ctx.b.mark([...row, 'metrics', key], cell.position);
  }
  return map;
}

/** True when every item of a list is a baseline and its metrics (see `labelledMetricsItem`). */
export function isBaselineList(items: readonly Pick<Item, 'text' | 'position' | 'nested'>[]): boolean {
  return items.length > 0 && items.every((item) => labelledMetricsItem(item) !== undefined);
}

/**
 * True when every item of a list is an improvement claim (`claimsOfItem`): `- F1: +0.012`,
 * `- Latency: −3 ms vs v2`, `- MASE: 0.81 vs 0.88 (−8%)`, `- vs seasonal naive: MAPE −3.4 pp`.
 */
export function isClaimList(items: readonly Item[]): boolean {
  return items.length > 0 && items.every((item) => claimsOfItem(item) !== undefined);
}

/** A claim as an item writes it: the metric, the text that states the change, and the run it is against when the item names one. */
interface WrittenClaim {
  metric: string;
  text: string;
  reference?: string;
  /** Where `text` starts in the item's value. */
  offset: number;
}

/**
 * The claims of one list item, or undefined when it states none: `F1: +0.012` (a signed change),
 * `MASE: 0.81 vs 0.88 (−8%)` or `WER: 9.9% → 8.7%` (this run's value against another, with the
 * change when written), `vs seasonal naive: MAPE −3.4 pp, MASE −8%` (changes against the run named).
 */
export function claimsOfItem(item: Pick<Item, 'text' | 'nested'>): WrittenClaim[] | undefined {
  const split = item.nested === undefined ? splitKeyValue(item.text) : undefined;
  if (split === undefined || split.key === '' || split.value === '') return undefined;
  const reference = VERSUS_LABEL.exec(stripEmphasis(split.key).trim())?.[1]?.trim();
  if (reference !== undefined) {
    const changes = metricChanges(split.value);
    return changes?.map((change) => ({ ...change, reference }));
  }
  const value = split.value;
  const claimed = typeof parseClaim(split.key, value)['value'] === 'number';
  const signed = /^[+\-−±]\s*\.?\d/.test(value);
  return claimed && (signed || isPairClaim(value)) ? [{ metric: stripEmphasis(split.key), text: value, offset: 0 }] : undefined;
}

/** A change as prose writes it: a number and its unit (`7.4 pp`, `23%`, `12 ms`). */
const AMOUNT = String.raw`\d[\d.,]*\s*(?:pp|p\.p\.|percentage points?|pts?|points?|%|ms|s|x|×)?`;
/** The words that introduce the run a change is against. */
const AGAINST = String.raw`(?:over|vs\.?|versus|against|compared (?:to|with)|relative to|than|from)`;
/** `+7.4 pp NDCG@10 over BM25`: the signed change, then the metric, then the run. */
const CHANGE_FIRST = new RegExp(String.raw`^([+\-−]\s*${AMOUNT})\s+(?:(?:in|on|of)\s+)?(.+?)\s+${AGAINST}\s+(?:the\s+)?(.+?)\.?$`, 'i');
/** `sMAPE −3.4 pp vs seasonal naive`, `NDCG@10 +0.9% vs v39 (within noise)`: the metric, the signed change, the run when named. */
const METRIC_CHANGE = new RegExp(String.raw`^(.+?)\s+([+\-−]\s*${AMOUNT})(?:\s+${AGAINST}\s+(?:the\s+)?(.+?))?\.?$`, 'i');
/** `P@5 improves by 23% relative to BM25`, `FPR dropped by 1.2 pp vs v2`: the metric, a verb, the amount, the run when named. */
const METRIC_VERB = new RegExp(
  String.raw`^(?:the\s+)?(.+?)\s+(?:is\s+|was\s+|has\s+|have\s+)?([a-z]+(?:\s+(?:up|down))?)\s+by\s+(${AMOUNT})(?:\s*\(?(?:relative|rel\.?|absolute|abs\.?)\)?)?(?:\s+${AGAINST}\s+(?:the\s+)?(.+?))?\.?$`,
  'i',
);
/** `Reduces FPR by 15% vs production`: a verb, the metric, the amount, the run when named. */
const VERB_METRIC = new RegExp(
  String.raw`^([a-z]+)\s+(?:the\s+)?(.+?)\s+by\s+(${AMOUNT})(?:\s*\(?(?:relative|rel\.?|absolute|abs\.?)\)?)?(?:\s+${AGAINST}\s+(?:the\s+)?(.+?))?\.?$`,
  'i',
);
const UP = /^(?:increase[sd]?|rise[sn]?|rose|went up|goes up|gain(?:s|ed)?|raise[sd]?|boost(?:s|ed)?|grew|grows)$/i;
const DOWN = /^(?:decrease[sd]?|drop(?:s|ped)?|fell|falls|went down|goes down|reduce[sd]?|lower(?:s|ed)?|cut(?:s)?|shrank|shrinks)$/i;
const BETTER = /^(?:improve[sd]?)$/i;
const WORSE = /^(?:worsen(?:s|ed)?|degrade[sd]?|regress(?:es|ed)?)$/i;

/**
 * A claim written as a sentence rather than `Metric: change`: `+7.4 pp NDCG@10 over BM25`,
 * `sMAPE −3.4 pp vs seasonal naive`, `P@5 improves by 23% relative to BM25`, `Reduces FPR by 15% vs production`. The sign comes from
 * the verb; "improves" is up for a higher-is-better metric and down for a lower-is-better one (an
 * unknown metric's "improves" is not read). Undefined unless the metric is one Logbook knows.
 */
export function proseClaim(written: string): { metric: string; change: string; reference?: string } | undefined {
  const text = stripEmphasis(written).trim();
  const first = CHANGE_FIRST.exec(text);
  if (first !== null) {
    const [, change = '', metric = '', reference = ''] = first;
    return metricInfo(metric).kind === null ? undefined : { metric, change: change.replace(/\s+/g, ' '), reference };
  }
  const changeAfter = METRIC_CHANGE.exec(text);
  if (changeAfter !== null && metricInfo(changeAfter[1] ?? '').kind !== null) {
    const [, metric = '', change = '', reference] = changeAfter;
    return { metric, change: change.replace(/\s+/g, ' '), ...(reference === undefined ? {} : { reference }) };
  }
  const verbFirst = VERB_METRIC.exec(text);
  const metricFirst = verbFirst === null || metricInfo(verbFirst[2] ?? '').kind === null ? METRIC_VERB.exec(text) : null;
  const [verb = '', metric = '', amount = '', reference] =
    metricFirst !== null ? [metricFirst[2], metricFirst[1], metricFirst[3], metricFirst[4]] : verbFirst === null ? [] : verbFirst.slice(1);
  const info = metricInfo(metric);
  if (info.kind === null) return undefined;
  const direction = info.direction;
  const sign = UP.test(verb)
    ? '+'
    : DOWN.test(verb)
      ? '−'
      : BETTER.test(verb) && direction !== null
        ? direction === 'higher'
          ? '+'
          : '−'
        : WORSE.test(verb) && direction !== null
          ? direction === 'higher'
            ? '−'
            : '+'
          : undefined;
  if (sign === undefined) return undefined;
  return { metric, change: `${sign}${amount.trim()}`, ...(reference === undefined || reference === '' ? {} : { reference }) };
}

/** `MAPE −3.4 pp, MASE −8%`: metrics each with a signed change, in order; undefined unless every part reads so. */
function metricChanges(text: string): { metric: string; text: string; offset: number }[] | undefined {
  const changes: { metric: string; text: string; offset: number }[] = [];
  // Parts end at a comma or semicolon and a space: `+1,200 QPS` keeps its thousands.
  for (const part of text.matchAll(/[^,;]+(?:[,;](?!\s)[^,;]*)*/g)) {
    const match = /^\s*([A-Za-z][\w@/()\- .]{0,40}?)\s*[:=]?\s*([+\-−][\s\S]*)$/.exec(part[0]);
    const [, metric = '', change = ''] = match ?? [];
    if (match === null || metricInfo(metric).kind === null || typeof parseClaim(metric, change)['value'] !== 'number') return undefined;
    changes.push({ metric, text: change.trim(), offset: part.index + part[0].length - change.length });
  }
  return changes.length > 0 ? changes : undefined;
}

/** `14.1% → 12.4% (−1.7 pp)`: a value before, the arrow, this experiment's value, and the change as an aside. */
const TRANSITION = /^(.+?)\s*(?:→|⟶|➝|->|=>)\s*(.+?)(?:\s*\(([^()]*)\))?$/;

/** One `Metric: before → after (change)` item: the metric, both values' cells and the aside (a claimed change), or undefined. */
function transitionItem(item: Item): { metric: string; before: Cell; after: Cell; change?: string } | undefined {
  const split = item.nested === undefined ? splitKeyValue(item.text) : undefined;
  if (split === undefined || split.key === '') return undefined;
  const match = TRANSITION.exec(split.value);
  const [beforeText, afterText] = [match?.[1]?.trim() ?? '', match?.[2]?.trim() ?? ''];
  const numeric = (text: string): boolean => typeof parseMetricCell(stripEmphasis(text))?.value === 'number';
  if (match === null || !numeric(beforeText) || !numeric(afterText)) return undefined;
  const column = (text: string, from: number): number => item.position.column + split.valueOffset + split.value.indexOf(text, from);
  const at = (text: string, from: number): Cell => ({ text, position: { line: item.position.line, column: column(text, from) } });
  const afterFrom = split.value.indexOf(beforeText) + beforeText.length;
  return {
    metric: stripEmphasis(split.key),
    before: at(beforeText, 0),
    after: at(afterText, afterFrom),
    ...(match[3] !== undefined && match[3].trim() !== '' ? { change: match[3].trim() } : {}),
  };
}

/** True when every item of a list is `Metric: before → after` (`- WER: 14.1% → 12.4% (−1.7 pp)`). */
export function isTransitionList(items: readonly Item[]): boolean {
  return items.length > 0 && items.every((item) => transitionItem(item) !== undefined);
}

/**
 * A list of `Metric: before → after (change)` items: the values before are one baseline — the
 * experiment the label or the section's heading names in parentheses (`Compared to baseline
 * (asr-whisper-09)`), else the parent, else "Before" — the values after are this experiment's test
 * metrics (those it does not give elsewhere), and a change in parentheses is an improvement claim
 * about that baseline, checked like any other.
 */
function transitionList(entry: Entry, ctx: Context): boolean {
  const list = unreadList(entry, ctx);
  if (!list) return false;
  const items = itemsOf(ctx.source, list);
  const read = items.map(transitionItem);
  if (read.length === 0 || read.some((r) => r === undefined)) return false;
  ctx.consumed.add(list);
  const parent = ctx.b.get(['lineage', 'parent']);
  const named = idInLabel(`(${entry.qualifier})`) ?? idInLabel(ctx.section ?? '');
  const id = named ?? (typeof parent === 'string' && parent !== '' ? parent : undefined);
  transitionBaseline(read as Transition[], id ?? 'Before', id, items[0]?.position ?? startOf(list), ctx);
  return true;
}

/** One metric's `before → after (change)`, each value at its cell. */
type Transition = NonNullable<ReturnType<typeof transitionItem>>;

/**
 * The values before as one baseline named `label` (an experiment when `id` is given), the values
 * after as this experiment's test metrics (those it does not give anywhere, so after every section is
 * read), and each change written in parentheses as an improvement claim about that baseline.
 */
function transitionBaseline(
  written: readonly Transition[],
  label: string,
  id: string | undefined,
  position: SourcePosition,
  ctx: Context,
): void {
  // `F1 0.842 → 0.873` after the results gave `Entity F1: 0.873`: the same figure, named as the results name it.
  const tests: FieldPath = ['evaluation', 'testMetrics'];
  const reported = Array.from({ length: ctx.b.lengthOf(tests) }, (_, i) => ({
    name: ctx.b.get([...tests, i, 'metric']),
    value: ctx.b.get([...tests, i, 'value']),
  }));
  const rows = written.map((row) => {
    const kind = metricInfo(row.metric).kind;
    const after = parseMetricCell(stripEmphasis(row.after.text))?.value;
    const same = reported.find(
      (m) => typeof m.name === 'string' && kind !== null && metricInfo(m.name).kind === kind && after !== undefined && m.value === after,
    );
    return same === undefined || typeof same.name !== 'string' ? row : { ...row, metric: same.name };
  });
  const baseline: FieldPath = ['comparison', 'baselines', ctx.b.lengthOf(['comparison', 'baselines'])];
  ctx.b.mark(baseline, position);
  ctx.b.mark([...baseline, 'label'], position);
  const metrics = metricMapOf(
    baseline,
    rows.map((r) => ({ name: r.metric, cell: r.before })),
    ctx,
  );
  ctx.b.set(baseline, { label, ...(id === undefined ? {} : { experimentId: id }), metrics }, position);
  (ctx.afterSections ??= []).push(() => {
    const given = new Set(
      Array.from({ length: ctx.b.lengthOf(tests) }, (_, i) => ctx.b.get([...tests, i, 'metric'])).map((m) => metricInfo(String(m)).key),
    );
    for (const row of rows) {
      const after = parseMetricCell(stripEmphasis(row.after.text));
      if (given.has(metricInfo(row.metric).key) || typeof after?.value !== 'number') continue;
      const path: FieldPath = [...tests, ctx.b.lengthOf(tests)];
      ctx.b.set(
        path,
        { metric: row.metric, value: after.value, ...(after.unit === undefined ? {} : { unit: after.unit }) },
        row.after.position,
      );
      ctx.b.mark([...path, 'metric'], row.after.position);
      ctx.b.mark([...path, 'value'], row.after.position);
      given.add(metricInfo(row.metric).key);
    }
  });
  // `(−1.7 pp)`: what the change was said to be, against that baseline.
  for (const row of rows) {
    if (row.change === undefined) continue;
    const claim = parseClaim(row.metric, row.change);
    if (typeof claim['value'] === 'number') appendClaim(ctx, claim, label, row.after.position);
  }
}

/** A label naming what this run is compared with: `vs spaCy en_core_web_trf`, `Versus exp-12`, `Compared to the rules engine`. */
const VERSUS_LABEL = /^(?:vs\.?|versus|against|compared (?:to|with))\s+(\S.*)$/i;

/** `F1 0.842 → 0.873 (+3.1 pts)`: a metric named before its two values. */
const NAMED_TRANSITION = /^([A-Za-z][\w@/\- .]{0,40}?)\s+(\S+)\s*(?:→|⟶|➝|->|=>)\s*(\S+)(?:\s*\(([^()]*)\))?$/;

/**
 * `- vs spaCy en_core_web_trf: F1 0.842 → 0.873 (+3.1 pts); EM 71.0 → 74.2`: one baseline, named by
 * the label after its `vs`, its metrics before, this run's after, the changes in parentheses its
 * claims (`transitionBaseline`). Anything else under such a label is read as claims (`claimsHandler`).
 */
const versusHandler: Handler = (entry, ctx) => {
  const name = VERSUS_LABEL.exec(stripEmphasis(entry.label).trim())?.[1]?.trim();
  const value = stripEmphasis(entry.value);
  const parts = value.split(/;\s+|,\s+(?=[A-Za-z])/);
  const rows = parts.map((part): Transition | undefined => {
    const match = NAMED_TRANSITION.exec(part.trim());
    const [, metric = '', before = '', after = '', change] = match ?? [];
    const numeric = (text: string): boolean => typeof parseMetricCell(text)?.value === 'number';
    if (match === null || !numeric(before) || !numeric(after) || metricInfo(metric).kind === null) return undefined;
    const at = (text: string, from: number): Cell => ({
      text,
      position: { line: entry.position.line, column: entry.position.column + value.indexOf(text, from) },
    });
    const from = value.indexOf(part);
    return {
      metric,
      before: at(before, from),
      after: at(after, value.indexOf(after, from + metric.length + before.length)),
      ...(change !== undefined && change.trim() !== '' ? { change: change.trim() } : {}),
    };
  });
  if (name === undefined || entry.blocks.length > 0 || rows.length === 0 || rows.some((row) => row === undefined)) {
    // `**vs seasonal naive**: MAPE −3.4 pp, MASE −8%`: changes against the run the label names.
    const changes = name === undefined || entry.blocks.length > 0 ? undefined : metricChanges(value);
    if (changes === undefined) claimsHandler(entry, ctx);
    else
      for (const change of changes)
        appendClaim(ctx, parseClaim(change.metric, change.text), name, {
          line: entry.position.line,
          column: entry.position.column + change.offset,
        });
    return;
  }
  transitionBaseline(rows as Transition[], name, idInLabel(`(${name})`) ?? idInLabel(name), entry.position, ctx);
};

/** The baselines written as a list, one item each (`isBaselineList`); a proportion written in percent keys `Name (%)`. */
function baselineList(entry: Entry, ctx: Context): boolean {
  const list = unreadList(entry, ctx);
  return list !== undefined && baselineRows(itemsOf(ctx.source, list), list, ctx);
}

/** The baselines written as the lines of a paragraph, one each, as a list would hold them (see `paragraphLabel`). */
function baselineLines(entry: Entry, ctx: Context): boolean {
  const paragraph = entry.blocks.find((node): node is Paragraph => node.type === 'paragraph' && !ctx.consumed.has(node));
  if (paragraph === undefined) return false;
  const items = linesOf(ctx.source, paragraph).map(({ text, line }) => ({
    text: text.trim(),
    position: { line, column: text.length - text.trimStart().length + 1 },
    nested: undefined,
  }));
  return baselineRows(items, paragraph, ctx);
}

/** Baseline rows from items that are each a baseline and its metrics (`labelledMetricsItem`); false, reading nothing, when one is not. */
function baselineRows(items: readonly Pick<Item, 'text' | 'position' | 'nested'>[], block: Nodes, ctx: Context): boolean {
  const baselines = items.map((item) => labelledMetricsItem(item));
  if (baselines.length === 0 || baselines.some((b) => b === undefined)) return false;
  ctx.consumed.add(block);
  const path: FieldPath = ['comparison', 'baselines'];
  const offset = ctx.b.lengthOf(path);
  const rows = items.map((item, i) => {
    const read = baselines[i] as NonNullable<ReturnType<typeof labelledMetricsItem>>;
    const row: FieldPath = [...path, offset + i];
    ctx.b.mark(row, item.position);
    ctx.b.mark([...row, 'label'], item.position);
    const metrics = metricMapOf(row, read.metrics, ctx);
    const id = idInLabel(read.label);
    return { label: read.label, ...(id ? { experimentId: id } : {}), metrics };
  });
  ctx.b.append(path, rows, items[0]?.position ?? startOf(block));
  return true;
}

/** A baseline table's row for this experiment: **bold**, or `this run`, `current model`, `ours`, `proposed (ViT-S)`. */
export function isCurrentLabel(cell: string): boolean {
  const text = stripEmphasis(cell).replace(/\s*\([^)]*\)$/, '');
  return (
    isBold(cell) ||
    /^(?:(?:current|this) (?:experiment|model|run|work|method)|current|ours|our (?:model|method)|proposed(?: model| method)?)$/i.test(text)
  );
}

/** The columns of a baseline table that hold text rather than metrics: its notes and the set each row was evaluated on (-1 when none). */
export function baselineTextColumns(table: TableData): { notes: number; evaluatedOn: number } {
  const notes = column(table, /note|comment|remark|description/, [0]);
  return { notes, evaluatedOn: column(table, /evaluated on|test set|eval set|dataset/, [0, notes]) };
}

/** The baseline table (label, `current` for the **bold** row, metric columns, notes), or a list of baselines. */
export const baselinesHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (!block) {
    if (!transitionList(entry, ctx) && !baselineList(entry, ctx)) baselineLines(entry, ctx);
    return;
  }
  const table = tableOf(ctx.source, block);
  baselineTable(table, baselineTextColumns(table), startOf(block), ctx);
};

/** Reads a baseline table (its text columns found by `baselineTextColumns`) into the baselines. */
export function baselineTable(
  written: TableData,
  { notes, evaluatedOn }: { notes: number; evaluatedOn: number },
  start: SourcePosition,
  ctx: Context,
): void {
  const label = 0;
  // `| Benchmark | llm-sft-004 (parent) | **llm-sft-007** | Δ |`: a row per metric, read as a row per experiment.
  const byExperiment = experimentsSideBySide(written, ctx);
  if (byExperiment !== undefined) return baselineTable(byExperiment, baselineTextColumns(byExperiment), start, ctx);
  // `| **Δ vs qa-mt5-l-07** | +1.7 | +0.2 |`: a row of changes is this experiment's claims, not a baseline.
  const changeRows = written.rows.filter((row) => CHANGE_ROW.test(stripEmphasis(row[label]?.text ?? '')));
  const table = changeRows.length === 0 ? written : { ...written, rows: written.rows.filter((row) => !changeRows.includes(row)) };
  const changes = deltaColumns(table);
  // Each column's key and reading, once per table (not once per row).
  const columns = metricColumns(table, ['comparison', 'baselines'], ctx);
  const intervals = intervalColumns(table, [label, notes, evaluatedOn, ...changes]);
  // `| # ratings |`, `| N |`: how many the row's results were measured on, and `| Std |`, their
  // spread: kept as written (no metric to compare).
  const textColumns = table.header.flatMap((head, index) =>
    index !== label &&
    index !== notes &&
    index !== evaluatedOn &&
    !changes.includes(index) &&
    !intervals.has(index) &&
    (isTextColumn(table, index) || SIZE_HEADER.test(stripEmphasis(head.text).trim()) || SPREAD_HEADER.test(stripEmphasis(head.text).trim()))
      ? [index]
      : [],
  );
  readTableRows(table, start, ctx, {
    path: ['comparison', 'baselines'],
    key: label,
    keyField: 'label',
    readRow: (row, write) => {
      const labelCell = row[label];
      const text = stripEmphasis(labelCell?.text ?? '');
      if (isCurrentLabel(labelCell?.text ?? '')) write.set('current', true);
      const id = idInLabel(text);
      if (id) write.set('experimentId', id, labelCell);
      const metrics: Record<string, unknown> = {};
      const rowIntervals: Record<string, unknown> = {};
      table.header.forEach((head, index) => {
        const cell = row[index];
        if (index === label || !cell || changes.includes(index)) return;
        const cellText = stripEmphasis(cell.text);
        // `| MOS | 95% CI |` over `4.31 | ±0.06`: the interval of the metric before it.
        const of = intervals.get(index);
        if (of !== undefined) {
          const interval = isNotMeasured(cellText) ? undefined : parseWrittenInterval(cellText);
          const key = (columns[of] ?? metricColumn(stripEmphasis(table.header[of]?.text ?? ''), [])).key;
          if (interval !== undefined) {
            setOwn(rowIntervals, key, interval);
            write.mark(['ci95', key], cell);
          } else if (cellText !== '' && !isNotMeasured(cellText))
            write.set(columnKey(stripEmphasis(head.text)) || `column${index + 1}`, cellText, cell);
          return;
        }
        if (index === notes || index === evaluatedOn) {
          if (cellText !== '' && !/^(-|—|–)$/.test(cellText)) write.set(index === notes ? 'notes' : 'evaluatedOn', cellText, cell);
          return;
        }
        // `| Framework |` over `PyTorch`: text beside the row's metrics, kept as written.
        if (textColumns.includes(index)) {
          if (cellText !== '' && !isNotMeasured(cellText))
            write.set(columnKey(stripEmphasis(head.text)) || `column${index + 1}`, cellText, cell);
          return;
        }
        const { key, value } = columns[index] ?? metricColumn(stripEmphasis(head.text), []);
        setOwn(metrics, key, value(cell));
        write.mark(['metrics', key], cell);
        // `71.2 ± 0.4`: the value, and its interval in the row's `ci95` (as a baseline map written so is read).
        const interval = parseMetricCell(cellText) === undefined ? parseMetricStatement(cellText)?.ci95 : undefined;
        if (interval !== undefined) {
          setOwn(rowIntervals, key, interval);
          write.mark(['ci95', key], cell);
        }
      });
      write.set('metrics', metrics);
      if (Object.keys(rowIntervals).length > 0) write.set('ci95', rowIntervals);
    },
  });
  changeClaims(table, changes, ctx);
  for (const row of changeRows) changeRowClaims(table, row, [notes, evaluatedOn, ...changes], ctx);
}

/** The header of a table's first column when its rows are metrics: `Metric`, `Benchmark`, `Task`. */
const METRIC_ROWS_HEADER = /^(?:metric|benchmark|task|measure|score|eval(?:uation)?)s?(?: name)?$/i;

/**
 * A table with a row per metric and experiments side by side (`| Benchmark | llm-sft-004 (parent) |
 * **llm-sft-007** | Δ |`) turned into the baseline table's shape: a row per experiment, this one's
 * (`currentColumn`, or the one whose values are its test metrics) marked current, and the change
 * column a row of changes against the one other experiment. Undefined for any other table, and for
 * one with a column that is neither an experiment's values nor the change (nothing may be lost).
 */
function experimentsSideBySide(table: TableData, ctx: Context): TableData | undefined {
  const first = stripEmphasis(table.header[0]?.text ?? '').trim();
  const metricNames = table.rows.filter((row) => metricInfo(stripEmphasis(row[0]?.text ?? '')).kind !== null).length;
  const changes = deltaColumns(table);
  // `| v2 | 95% CI | v3 | 95% CI |`: an interval column is of the experiment before it.
  const intervals = intervalColumns(table, [0, ...changes]);
  const others = table.header.flatMap((_, index) => (index > 0 && !changes.includes(index) && !intervals.has(index) ? [index] : []));
  const rowsAreMetrics =
    METRIC_ROWS_HEADER.test(first) ||
    (table.rows.length >= 2 &&
      metricNames * 3 >= table.rows.length * 2 &&
      others.every((index) => metricInfo(stripEmphasis(table.header[index]?.text ?? '')).kind === null));
  if (!rowsAreMetrics || others.length < 2 || changes.length > 1 || !others.every((index) => isMetricColumn(table, index)))
    return undefined;
  const text = (path: FieldPath): string | undefined => {
    const value = ctx.b.get(path);
    return typeof value === 'string' ? value : undefined;
  };
  const own = { id: text(['id']), title: ctx.title, parent: text(['lineage', 'parent']) };
  const current = currentColumn(table, others, own, changes[0]) ?? columnOfTestMetrics(table, others, ctx);
  const cell = (at: Cell | undefined, written: string): Cell => ({ text: written, position: at?.position ?? startOfTable(table) });
  const headerText = (index: number): string => stripEmphasis(table.header[index]?.text ?? '');
  const baselines = others.filter((index) => index !== current);
  const change = changes[0];
  const changeRow =
    change === undefined
      ? []
      : [
          [
            cell(table.header[change], baselines.length === 1 ? `Δ vs ${headerText(baselines[0] ?? -1)}` : 'Δ'),
            ...table.rows.map((row) => row[change] ?? cell(undefined, '')),
          ],
        ];
  const intervalOf = new Map([...intervals].map(([interval, of]) => [of, interval]));
  /** A value with its interval, as one cell (`41.5% (95% CI [34.0, 49.4])`) that `baselineTable` reads as a statement. */
  const valueCell = (row: readonly Cell[], index: number): Cell => {
    const value = row[index] ?? cell(undefined, '');
    const interval = stripEmphasis(row[intervalOf.get(index) ?? -1]?.text ?? '');
    return interval === '' || isNotMeasured(interval) ? value : cell(value, `${value.text} (95% CI ${interval})`);
  };
  return {
    header: [cell(table.header[0], 'Model'), ...table.rows.map((row) => row[0] ?? cell(undefined, ''))],
    rows: [
      ...others.map((index) => [
        cell(table.header[index], index === current ? `**${headerText(index)}**` : headerText(index)),
        ...table.rows.map((row) => valueCell(row, index)),
      ]),
      ...changeRow,
    ],
  };
}

/** Where a table starts: its first header cell's place. */
function startOfTable(table: TableData): SourcePosition {
  return table.header[0]?.position ?? { line: 1, column: 1 };
}

/**
 * Of experiments side by side, the one column whose values are the test metrics this record
 * already gave (every metric both name, equal as written); undefined when none or several are.
 */
function columnOfTestMetrics(table: TableData, columns: readonly number[], ctx: Context): number | undefined {
  const values = new Map<string, number>();
  for (const { metric, value } of testMetricsSoFar(ctx))
    if (metric !== '' && typeof value === 'number') values.set(metricInfo(metric).key, value);
  const matching = columns.filter((index) => {
    let compared = 0;
    for (const row of table.rows) {
      const known = values.get(metricInfo(stripEmphasis(row[0]?.text ?? '')).key);
      const written = parseMetricCell(stripEmphasis(row[index]?.text ?? ''))?.value;
      if (known === undefined || typeof written !== 'number') continue;
      if (written !== known) return false;
      compared++;
    }
    return compared > 0;
  });
  return matching.length === 1 ? matching[0] : undefined;
}

/** A column saying how many results were measured on: `# ratings`, `No. of prompts`, `N`, `n samples`, `Test size`. */
const SIZE_HEADER =
  /^(?:#\s*\S.*|no\.\s.+|number of .+|n|n samples|count|support|(?:test )?(?:set )?size|ratings|votes|raters|judgments|judgements|annotators|prompts|questions|utterances)$/i;

/** A column headed as a 95% interval: `95% CI`, `CI`, `CI (95%)`, `Confidence interval`, `±`. */
const INTERVAL_HEADER = /^(?:95\s*%?\s*)?(?:ci|c\.i\.|confidence interval)(?:\s*\(?95\s*%?\)?)?$|^(?:±|\+\/-)$/i;

/**
 * A table's interval columns (`| MOS | 95% CI |`), each with the column of the metric it is the
 * interval of: the one just before it, when that one is no column in `skip`.
 */
export function intervalColumns(table: TableData, skip: readonly number[]): Map<number, number> {
  const found = new Map<number, number>();
  table.header.forEach((head, index) => {
    if (index > 1 && !skip.includes(index) && !skip.includes(index - 1) && INTERVAL_HEADER.test(stripEmphasis(head.text).trim()))
      found.set(index, index - 1);
  });
  return found;
}

/** A baseline table's row of changes: `Δ`, `Delta vs exp-7`, `Improvement over production`, `Diff.` (the reference in group 1). */
const CHANGE_ROW =
  /^(?:Δ|∆|delta|diff(?:erence)?\.?|change|improvement|gain|uplift)(?:\s*\(?(?:vs\.?|versus|over|against|relative to|from|to)\s+(.+?)\)?)?$/i;

/** Each metric cell of a row of changes as an improvement claim against the reference its label names. */
function changeRowClaims(table: TableData, row: readonly Cell[], skip: readonly number[], ctx: Context): void {
  const reference = CHANGE_ROW.exec(stripEmphasis(row[0]?.text ?? ''))?.[1]?.trim();
  row.forEach((cell, index) => {
    const metric = stripEmphasis(table.header[index]?.text ?? '');
    const text = stripEmphasis(cell.text);
    if (index === 0 || skip.includes(index) || metric === '' || isNotMeasured(text) || isPlaceholder(text)) return;
    const claim = parseClaim(metric, text);
    if (typeof claim['value'] === 'number') appendClaim(ctx, claim, reference, cell.position);
  });
}

/** Adds an improvement claim (`parseClaim`'s) at `position`, against `reference` when the claim names none. */
export function appendClaim(ctx: Context, claim: Record<string, unknown>, reference: string | undefined, position: SourcePosition): void {
  const path: FieldPath = ['comparison', 'claims', ctx.b.lengthOf(['comparison', 'claims'])];
  ctx.b.set(path, reference === undefined || claim['reference'] !== undefined ? claim : { ...claim, reference }, position);
  ctx.b.mark([...path, 'value'], position);
}

/**
 * A baseline table's change columns (`| Model | mIoU | Δ mIoU |` with `+2.5%` on this experiment's
 * row and `—` on the baseline's): what this experiment's row says of its change, as improvement
 * claims, checked against the change Logbook computes. The metric is the one the header names after
 * the Δ (or the one metric column beside it); the reference, the one row whose change is empty.
 */
function changeClaims(table: TableData, changes: readonly number[], ctx: Context): void {
  const current = table.rows.find((row) => isCurrentLabel(row[0]?.text ?? ''));
  if (current === undefined) return;
  const metricColumns = table.header.flatMap((_, index) => (index > 0 && !changes.includes(index) ? [index] : []));
  const empty = table.rows.filter((row) => changes.every((index) => isNotMeasured(stripEmphasis(row[index]?.text ?? ''))));
  const reference = empty.length === 1 ? stripEmphasis(empty[0]?.[0]?.text ?? '') : undefined;
  for (const index of changes) {
    const named = stripEmphasis(table.header[index]?.text ?? '')
      .replace(DELTA_COLUMN, '')
      .replace(/^[\s:(]+|[\s)]+$/g, '')
      .replace(/^(?:in|of|on)\s+/i, '');
    const metric = named !== '' ? named : metricColumns.length === 1 ? stripEmphasis(table.header[metricColumns[0] ?? -1]?.text ?? '') : '';
    const cell = current[index];
    const text = stripEmphasis(cell?.text ?? '');
    if (metric === '' || cell === undefined || isNotMeasured(text) || isPlaceholder(text)) continue;
    const claim = parseClaim(metric, text);
    if (typeof claim['value'] === 'number') appendClaim(ctx, claim, reference, cell.position);
  }
}

/**
 * An improvement claim (`+2.1% vs previous best`, `+3ms vs previous best (acceptable)`, `3x vs
 * previous best`) as the record stores it: the text, and what the analysis's one claim parser reads in it.
 */
export function parseClaim(metric: string, text: string): Record<string, unknown> {
  const parsed = parseClaimText(text);
  return {
    metric,
    text,
    ...(parsed.value === null ? {} : { value: parsed.value }),
    ...(parsed.unit === null ? {} : { unit: parsed.unit }),
    ...(parsed.reference === null ? {} : { reference: parsed.reference }),
    ...(parsed.comment === null ? {} : { comment: parsed.comment }),
  };
}

/** `+830 mean return (+19%)`: a signed change, the metric it is of, and an aside. */
const CHANGE_OF_METRIC = new RegExp(String.raw`^([+\-−]\s*${AMOUNT})\s+(?:(?:in|on|of)\s+)?(.+?)(\s*\([^()]*\))?$`, 'i');

/**
 * A claim written on the label's line of an improvement label that names what it is against
 * (`Improvement vs parent: +830 mean return (+19%), still about half of SAC.`): the change of its
 * first clause, against the run the label names, the rest of the line its text. Undefined unless the
 * clause names a metric Logbook knows.
 */
function labelLineClaim(label: string, value: string): Record<string, unknown> | undefined {
  const reference = /\b(?:vs\.?|versus|over|against|compared (?:to|with))\s+(.+)$/i.exec(stripEmphasis(label))?.[1]?.trim();
  const text = stripEmphasis(value).trim();
  const clause = text.split(/[,;]\s+|\.\s+|\.$/)[0] ?? '';
  const match = CHANGE_OF_METRIC.exec(clause.trim());
  if (match === null || reference === undefined) return undefined;
  const [, change = '', metric = '', aside = ''] = match;
  if (metricInfo(metric).kind === null) return undefined;
  return { ...parseClaim(metric.trim(), `${change.replace(/\s+/g, ' ')} vs ${reference}${aside}`), text };
}

/** The "Improvement vs Baseline" list: `Metric: claim` items (or `Metric: before → after` items, see `transitionList`). */
const claimsHandler: Handler = (entry, ctx) => {
  if (transitionList(entry, ctx)) return;
  // A second list of claims (`**Claims**:` and `**Improvement vs Baseline**:`) adds to the first.
  const earlier = ctx.b.get(['comparison', 'claims']);
  const claims: unknown[] = Array.isArray(earlier) ? [...(earlier as unknown[])] : [];
  let first: SourcePosition | undefined;
  // On the label's own line: `**Improvement vs parent**: +830 mean return (+19%), still about half of SAC.`
  const onLine = entry.value === '' ? undefined : labelLineClaim(entry.label, entry.value);
  if (onLine !== undefined) {
    first = entry.position;
    ctx.b.mark(['comparison', 'claims', claims.length], entry.position);
    ctx.b.mark(['comparison', 'claims', claims.length, 'value'], entry.position);
    claims.push(onLine);
  }
  for (const item of keyValueItems(entry, ctx)) {
    const path: FieldPath = ['comparison', 'claims', claims.length];
    if (item.value === '') continue;
    // A sentence: `+7.4 pp NDCG@10 over BM25`, `P@5 improves by 23% relative to BM25`.
    const prose = item.key === '' || claimsOfItem(item.item) === undefined ? proseClaim(item.item.text) : undefined;
    if (prose !== undefined) {
      first ??= item.item.position;
      const at: FieldPath = ['comparison', 'claims', claims.length];
      ctx.b.mark(at, item.item.position);
      ctx.b.mark([...at, 'value'], item.item.position);
      const parsed = parseClaim(prose.metric, prose.reference === undefined ? prose.change : `${prose.change} vs ${prose.reference}`);
      claims.push({ ...parsed, text: stripEmphasis(item.item.text).trim() });
      continue;
    }
    // Neither `Metric: change` nor a sentence Logbook reads: kept as a note, shown with the claims.
    if (item.key === '') {
      ctx.b.addLine(['comparison', 'claimsNote'], item.value, item.position);
      continue;
    }
    // `- PR-AUC: TBD`: a claim not written yet.
    if (isPlaceholder(item.value) || isNotMeasured(stripEmphasis(item.value)) || isNotYetWrittenWithAside(stripEmphasis(item.value))) {
      ctx.b.placeholder(path, item.position);
      continue;
    }
    first ??= item.item.position;
    // `- vs seasonal naive: MAPE −3.4 pp, MASE −8%`: a claim per metric, against the run the key names.
    const against = VERSUS_LABEL.test(item.key) ? claimsOfItem(item.item) : undefined;
    for (const claim of against ?? [{ metric: item.key, text: item.value, offset: 0 }]) {
      const at: FieldPath = ['comparison', 'claims', claims.length];
      ctx.b.mark(at, item.item.position);
      ctx.b.mark([...at, 'value'], { line: item.position.line, column: item.position.column + claim.offset });
      const parsed = parseClaim(claim.metric, claim.text);
      claims.push('reference' in claim && parsed['reference'] === undefined ? { ...parsed, reference: claim.reference } : parsed);
    }
  }
  if (claims.length > (Array.isArray(earlier) ? earlier.length : 0)) ctx.b.set(['comparison', 'claims'], claims, first);
};

/** A list of `Metric: before → after` items, under any heading of the comparison or the results. */
export const TRANSITIONS_RULE: LabelRule = {
  pattern: /^before and after$/,
  path: ['comparison', 'baselines'],
  handler: (entry, ctx) => void transitionList(entry, ctx),
};

/** The comparison's labels, in order: the first match wins. */
export const COMPARISON_RULES: readonly LabelRule[] = [
  TRANSITIONS_RULE,
  { pattern: /^(?:vs|versus|against|compared (?:to|with)) \S/, path: ['comparison', 'baselines'], handler: versusHandler },
  { pattern: /improvement|delta|gain|\bvs\b|versus|uplift|^claims?$/, path: ['comparison', 'claims'], handler: claimsHandler },
  { pattern: /baseline|comparison|models/, path: ['comparison', 'baselines'], handler: baselinesHandler },
];

/** Tables of this section written without a label line, by header row, in order: the first match wins. */
export const COMPARISON_TABLES: readonly TableRule[] = [
  {
    pattern: /^(model|baseline|method|approach|system|experiment|run|variant|modell|modele|modelo|methode|metodo)s?( |$)/,
    label: 'Baseline Models',
  },
  // `| | NDCG@10 | HR@10 |` over a row per model: the corner left empty, as the models need no heading.
  { pattern: /^ \| \S/, label: 'Baseline Models' },
  // `| Benchmark | llm-sft-004 (parent) | **llm-sft-007** | Δ |`: a row per metric, the experiments side by side.
  { pattern: /^(?:metric|benchmark|task|measure|score|eval(?:uation)?)s?(?: name)?(?: \||$)/, label: 'Baseline Models' },
];
