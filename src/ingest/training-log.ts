/**
 * A training run's console output, pasted as a code block, read as its per-epoch table:
 *
 * - Keras: `Epoch 3/10` lines, each followed by a progress line `… - loss: 0.1064 - accuracy: 0.9679 - val_loss: 0.0902`;
 * - PyTorch Lightning and most hand-written loops: `Epoch 2: … train_loss=0.297, val_acc=0.957`;
 * - the Hugging Face Trainer: `{'eval_loss': 0.31, 'eval_accuracy': 0.90, 'epoch': 1.0}` dicts, one per log
 *   call, merged by their epoch (its end-of-training summary, the one with `train_runtime`, is not an epoch);
 * - gradient boosting, one line per round: XGBoost's `[10]\ttrain-logloss:0.41\teval-logloss:0.45`,
 *   LightGBM's `[10]\tvalid_0's auc: 0.871`, CatBoost's `10:\tlearn: 0.41\ttest: 0.45\tbest: …` (a table
 *   headed `round`, not `epoch`).
 *
 * Each value keeps the line and column it was printed at, so errors and written precision point into
 * the block. Timing and bookkeeping fields (`eta`, `v_num`, `*_runtime`, `*_per_second`, `total_flos`,
 * `grad_norm`) are not metrics and are left out of the table, and lines that are neither (progress
 * bars, warnings) are skipped: the block itself stays on the page as printed.
 */
import type { Code } from 'mdast';
import { codeOf, pastedTableOf, type Cell, type Source, type TableData } from './markdown-blocks.ts';

/** Languages a pasted training log may be marked with (or none). */
const LOG_LANGS = /^(text|txt|log|logs|console|output|out|plaintext|shell|bash|sh|python|py|pycon)$/i;
/** `Epoch 3/10`, `Epoch 3:`, `epoch 3 |` at the start of a line. */
const EPOCH_LINE = /^\s*epoch\s+(\d+)(?:\s*\/\s*\d+)?\b/i;
/** `name: 0.123`, `name=0.123`, `'name': 0.123`: a metric and the number printed for it (a name starts a word: linear in the line). */
const PAIR = /(['"]?)(?<![\w./-])([A-Za-z_][\w./-]*)\1\s*[:=]\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(?![\w.])/gi;
/** `[10]` (XGBoost, LightGBM) or `10:` before `learn:` (CatBoost) at the start of a line: a boosting round. */
const ROUND_LINE = /^\s*(?:\[(\d+)\]\s|(\d+):\s+(?=learn:))/;
/** LightGBM's `valid_0's auc: 0.871`: the data set and the metric, as printed. */
const SET_PAIR = /([A-Za-z_][\w.-]*)'s ([A-Za-z_][\w.@-]*):\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(?![\w.])/g;
/** The line after which gradient boosting prints its best round again: `Early stopping, best iteration is:`, `Stopping. Best iteration:`. */
const BEST_ROUND_FOLLOWS = /\bbest iteration(?: is)?:\s*$/i;
/** CatBoost's summary of the best round after training: `bestTest = 0.3012`, `bestIteration = 412`. */
export const CATBOOST_BEST = /^\s*(bestTest|bestIteration)\s*=\s*(-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*$/i;
/** CatBoost's bookkeeping on a round's line: the best value so far, the time taken and left. */
const ROUND_BOOKKEEPING = /^(?:best|total|remaining)$/i;
/** Longer lines are not a console's progress lines (and are not scanned: hostile text could be slow to). */
const LONGEST_LINE = 2_000;
/** Printed alongside the metrics, but not metrics. */
export const NOT_A_METRIC = /^(?:eta|v_num|it|step|global_step|steps|epoch|epochs|total_flos|grad_norm)$|runtime|_per_second$/i;
/** The Hugging Face Trainer's end-of-training summary. */
const SUMMARY = /['"]?train_runtime['"]?\s*:/;

interface Row {
  epoch: Cell;
  cells: Map<string, Cell>;
}

/** The best round of a boosting log: the round, and each metric printed for it (named as in the log's table). */
export interface BestRound {
  round: Cell;
  metrics: { name: string; cell: Cell }[];
}

/**
 * The per-epoch table a pasted training log holds (header `epoch` and the metric names as printed,
 * in first-printed order), or undefined when the block is not one: fewer than two epochs with a
 * metric, or another language.
 */
export function trainingLogTableOf(source: Source, code: Code): TableData | undefined {
  return readTrainingLog(source, code).table;
}

/**
 * The best round a gradient-boosting log prints after training, or undefined when it prints none:
 * LightGBM's `Early stopping, best iteration is:` (XGBoost's `Stopping. Best iteration:`) over the
 * round's line again (`[187]\tvalid_0's auc: 0.916012`: its metrics named as in the log's table), or
 * CatBoost's `bestTest = 0.3012` and `bestIteration = 412` (the best value on the eval set, named
 * `test` as the eval set's column of CatBoost's rounds is). Each at the line and column printed.
 */
export function bestRoundOf(source: Source, code: Code): BestRound | undefined {
  return readTrainingLog(source, code).best;
}

/** A pasted training log's per-epoch table and its best round (see `trainingLogTableOf`, `bestRoundOf`). */
function readTrainingLog(source: Source, code: Code): { table?: TableData; best?: BestRound } {
  if (code.lang && !LOG_LANGS.test(code.lang)) return {};
  const { text, position: first } = codeOf(code);
  const rows = new Map<number, Row>();
  const names = new Map<string, Cell>();
  let current: Row | undefined;
  let rounds = 0;
  let bestFollows = false;
  let best: BestRound | undefined;
  // CatBoost's `bestTest`, `bestIteration`: the best round's, wherever printed.
  const catboost: { test?: Cell; iteration?: Cell } = {};
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.length > LONGEST_LINE) return;
    // `Early stopping, best iteration is:` (LightGBM), `Stopping. Best iteration:` (XGBoost): the round
    // printed next repeats the best one, out of order; the history has its rounds already.
    if (BEST_ROUND_FOLLOWS.test(line)) {
      bestFollows = true;
      return;
    }
    const lineNumber = first.line + index;
    const written = source.lines[lineNumber - 1] ?? line;
    const indent = Math.max(0, written.indexOf(line));
    const at = (offset: number) => ({ line: lineNumber, column: indent + offset + 1 });
    const roundAgain = bestFollows ? ROUND_LINE.exec(line) : null;
    if (roundAgain !== null) {
      bestFollows = false;
      current = undefined;
      const counter = roundAgain[1] ?? roundAgain[2] ?? '';
      const pairs = roundPairs(' '.repeat(roundAgain[0].length) + line.slice(roundAgain[0].length), at);
      best = {
        round: { text: counter, position: at(roundAgain[0].search(/\d/)) },
        metrics: pairs.filter(({ name }) => !NOT_A_METRIC.test(name)),
      };
      return;
    }
    const summary = CATBOOST_BEST.exec(line);
    if (summary !== null) {
      const cell = { text: summary[2] ?? '', position: at(line.lastIndexOf(summary[2] ?? '')) };
      if (/^besttest$/i.test(summary[1] ?? '')) catboost.test = cell;
      else catboost.iteration = cell;
      return;
    }
    if (SUMMARY.test(line)) return;
    const epochLine = EPOCH_LINE.exec(line);
    const roundLine = epochLine === null ? ROUND_LINE.exec(line) : null;
    const counter = epochLine?.[1] ?? roundLine?.[1] ?? roundLine?.[2];
    const start = epochLine ?? roundLine;
    let rest = line;
    if (counter !== undefined && start !== null) {
      current = rowOf(rows, { text: counter, position: at(start[0].search(/\d/)) });
      rest = ' '.repeat(start[0].length) + line.slice(start[0].length);
      if (roundLine !== null) rounds += 1;
    }
    const pairs = roundLine === null ? linePairs(rest, at) : roundPairs(rest, at);
    const epochPair = pairs.find((pair) => pair.name.toLowerCase() === 'epoch');
    // A dict that names its epoch (Hugging Face) is that epoch's, wherever it is printed.
    const row = epochPair ? rowOf(rows, epochPair.cell) : current;
    if (row === undefined) return;
    for (const { name, cell } of pairs) {
      if (NOT_A_METRIC.test(name)) continue;
      if (!names.has(name)) names.set(name, cell);
      row.cells.set(name, cell);
    }
  });
  if (catboost.iteration !== undefined)
    best = { round: catboost.iteration, metrics: catboost.test === undefined ? [] : [{ name: 'test', cell: catboost.test }] };
  const filled = [...rows.values()].filter((row) => row.cells.size > 0);
  if (filled.length < 2 || names.size === 0) return best === undefined ? {} : { best };
  const columns = [...names.keys()];
  const table = {
    header: [
      // Rounds of boosting are counted as such (`historyAxisOfHeader`), not as epochs.
      { text: rounds > 0 ? 'round' : 'epoch', position: filled[0]?.epoch.position ?? first },
      ...columns.map((name) => ({ text: name, position: names.get(name)?.position ?? first })),
    ],
    rows: filled.map((row) => [row.epoch, ...columns.map((name) => row.cells.get(name) ?? { text: '', position: row.epoch.position })]),
  };
  return best === undefined ? { table } : { table, best };
}

type At = (offset: number) => { line: number; column: number };

/** A line's `name: value` pairs, each value at its column (`at`). */
function linePairs(rest: string, at: At): { name: string; cell: Cell }[] {
  return [...rest.matchAll(PAIR)].map((m) => pairOf(m[2] as string, m, m[3] as string, at));
}

/** A boosting round's pairs (its counter blanked out of `rest`): LightGBM's `valid_0's auc`, or `name: value`; CatBoost's bookkeeping left out. */
function roundPairs(rest: string, at: At): { name: string; cell: Cell }[] {
  const setPairs = [...rest.matchAll(SET_PAIR)];
  const pairs = setPairs.length > 0 ? setPairs.map((m) => pairOf(`${m[1]}'s ${m[2]}`, m, m[3] as string, at)) : linePairs(rest, at);
  return pairs.filter(({ name }) => !ROUND_BOOKKEEPING.test(name));
}

/** A pair named `name` whose value `value` ends match `m`. */
function pairOf(name: string, m: RegExpMatchArray, value: string, at: At): { name: string; cell: Cell } {
  return { name, cell: { text: value, position: at((m.index ?? 0) + m[0].length - value.length) } };
}

/** The row of an epoch (`1.0` and `1` are one epoch), created at its first mention. */
function rowOf(rows: Map<number, Row>, epoch: Cell): Row {
  const key = Number(epoch.text);
  let row = rows.get(key);
  if (row === undefined) {
    row = { epoch: { ...epoch, text: String(key) }, cells: new Map() };
    rows.set(key, row);
  }
  return row;
}

/**
 * The table a code block holds: a training log (`trainingLogTableOf`), a pasted CSV/TSV or a table
 * drawn in text (`pastedTableOf`). The log is tried first: its lines hold commas too (Lightning's progress bar),
 * and a CSV has no `Epoch 3` lines or `name: value` pairs.
 */
export function codeTableOf(source: Source, code: Code): TableData | undefined {
  return trainingLogTableOf(source, code) ?? pastedTableOf(source, code);
}
