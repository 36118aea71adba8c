/** The "Hyperparameter Tuning" section: method, tool, trials, budget, the best hyperparameters' YAML block. */

import type { List } from 'mdast';
import { parseDocument } from 'yaml';
import { setOwn } from '../../util/own.ts';
import { isPlainObject } from '../finish.ts';
import { codeOf } from '../markdown-blocks.ts';
import { isPlaceholder } from '../placeholder.ts';
import type { FieldPath } from '../types.ts';
import { closingAside, parseCount, parseGpuHours, parseNumber, parseScalar } from '../units.ts';
import { metricInfo } from '../../analysis/metrics.ts';
import { blockOf, type Context, type Entry, type Handler, type LabelRule } from './context.ts';
import { keyValueItemsOf, textRule } from './fields.ts';
import { inlineHyperparameters } from './model.ts';
import type { Code } from 'mdast';
import { positionAt, structuredSettings, type Setting } from './settings-block.ts';
import type { SourcePosition } from '../types.ts';

/**
 * The best hyperparameters written on the label's line (`Best: lr=3e-5, warmup=0.1`) or as a list of
 * `name: value` items under it: an object of them, each at its value. True when read.
 */
function bestSettingsWritten(entry: Entry, ctx: Context): boolean {
  const path: FieldPath = ['tuning', 'bestHyperparameters'];
  // `Best: lr=0.03, num_leaves=127 (val AUC 0.9441)`: the aside says what the settings scored.
  const written = entry.value.replace(/\.$/, '');
  const aside = closingAside(written);
  const settingsText = aside !== undefined && inlineHyperparameters(aside.before, entry.position) !== undefined ? aside.before : written;
  // `Best trial config: {'lr': 3e-05, 'batch_size': 16}`, as Ray Tune's tutorials print it: a printed dict of the settings.
  const inline =
    entry.value === '' || isPlaceholder(entry.value)
      ? undefined
      : (inlineHyperparameters(settingsText, entry.position) ??
        structuredSettings(settingsText, entry.position)?.map((s) => ({ name: s.name, value: String(s.value), position: s.position })));
  if (inline !== undefined && settingsText !== written && aside !== undefined)
    ctx.b.set(['tuning', 'bestNote'], aside.inner, entry.position);
  const list =
    inline === undefined ? entry.blocks.find((node): node is List => node.type === 'list' && !ctx.consumed.has(node)) : undefined;
  const items = list === undefined ? [] : keyValueItemsOf(ctx.source, list);
  const listed = items.every(({ key, value, item }) => key !== '' && value !== '' && !item.nested)
    ? items.map(({ key, value, position }) => ({ name: key, value, position }))
    : [];
  const settings = inline ?? listed;
  if (settings.length === 0) return false;
  if (list !== undefined) ctx.consumed.add(list);
  const value: Record<string, unknown> = {};
  for (const setting of settings) setOwn(value, setting.name, parseScalar(setting.value.replace(/^`|`$/g, '')));
  // Where the settings start: the label's value, or the first item of its list.
  ctx.b.set(path, value, inline !== undefined ? entry.position : (settings[0]?.position ?? entry.position));
  for (const setting of settings) ctx.b.mark([...path, setting.name], setting.position);
  return true;
}

/** Words that say which trial a metric is of: `Best trial final validation loss` is the validation loss. */
const TRIAL_WORDS = /^(?:best|trial|run|final|last|overall|score|of|the)$/;

/**
 * `Best trial final validation loss: 0.2258`: what the best trial scored, a metric and its number,
 * kept by metric name in `tuning.bestTrialMetrics`. False unless the label, without the words saying
 * which trial, names a metric Logbook knows and the value is one number.
 */
function bestTrialMetric(entry: Entry, ctx: Context): boolean {
  const value = parseNumber(entry.value.trim().replace(/\.$/, ''));
  const name = entry.label
    .split(/\s+/)
    .filter((word) => !TRIAL_WORDS.test(word.toLowerCase()))
    .join(' ');
  if (value === undefined || name === '' || metricInfo(name).kind === null || entry.blocks.length > 0) return false;
  ctx.b.set(['tuning', 'bestTrialMetrics', name], value, entry.position);
  return true;
}

/** A number as Python prints it. */
const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
/** A printed dict of scalars (Optuna's `params`): no dict inside it. */
const FLAT_DICT = String.raw`\{[^{}]*\}`;
/** `Trial 41 finished with value: 0.9132 and parameters: {…}.`, as Optuna logs each finished trial. */
const OPTUNA_FINISHED = new RegExp(String.raw`\bTrial (\d+) finished with value: (${NUMBER}) and parameters: (${FLAT_DICT})`, 'g');
/** `Best is trial 41 with value: 0.9132.`, closing each of those lines. */
const OPTUNA_BEST_IS = new RegExp(String.raw`\bBest is trial (\d+) with value: (${NUMBER})`, 'g');
/** A line printing a field of the best trial: `Best trial: 41`, `Best value: 0.9132`, `Best params: {…}`; `Value: …`, `Params:` under `Best trial:`. */
const OPTUNA_LINE =
  /^(\s*)(best[ _](?:trial(?:[ _]number)?|value|params|parameters|hyperparameters)|number|value|params)\s*[:=]\s*(.*?)\s*$/i;
/** The study's statistics Optuna's examples print above the best trial. */
const OPTUNA_STATISTICS = /^\s*(?:study statistics\s*:?|number of (?:finished|pruned|complete) trials\s*:\s*\d+)\s*$/i;

/** A number read from Optuna's output, where it was printed. */
interface Printed {
  value: number;
  position: SourcePosition;
}

/** Optuna's best trial as read from what it printed: the trial's number, its objective value and its settings, each where printed. */
export interface OptunaBestTrial {
  number?: Printed | undefined;
  value?: Printed | undefined;
  params?: Setting[] | undefined;
}

/**
 * Optuna's best trial as printed, in `text` starting at `start`:
 *
 * - `study.best_trial` itself: `FrozenTrial(number=41, …, values=[0.9132], …, params={'lr': 0.0012, …}, …)`;
 * - the study's log: `Trial 41 finished with value: 0.9132 and parameters: {…}. Best is trial 41 with
 *   value: 0.9132.`, of which the last `Best is trial` names the best trial (its settings are read
 *   from its own `Trial 41 finished` line, when that is in the text);
 * - lines printing its fields: `Best trial: 41`, `Best value: 0.9132`, `Best params: {…}`, or Optuna's
 *   examples' `Best trial:` over `Value: 0.9132` and `Params:` over a `name: value` line per setting.
 *
 * The value is the study's objective (Optuna does not print its name); a study of several objectives
 * (`values=[0.91, 12.3]`) has no one value. Undefined unless the text is one of these and gives the
 * value or the settings.
 */
export function optunaBestTrial(text: string, start: SourcePosition): OptunaBestTrial | undefined {
  if (text.length > 20_000) return undefined;
  const at = (offset: number): SourcePosition => positionAt(text, offset, start);
  const number = (written: string | undefined, offset: number): Printed | undefined => {
    const value = written === undefined ? undefined : parseNumber(written);
    return value === undefined ? undefined : { value, position: at(offset) };
  };
  const params = (dict: string | undefined, offset: number): Setting[] | undefined =>
    dict === undefined ? undefined : structuredSettings(dict, at(offset));
  const best = readFrozenTrial(text, number, params) ?? readStudyLog(text, number, params) ?? readBestLines(text, number, at);
  return best !== undefined && (best.value !== undefined || best.params !== undefined) ? best : undefined;
}

type ReadNumber = (written: string | undefined, offset: number) => Printed | undefined;
type ReadParams = (dict: string | undefined, offset: number) => Setting[] | undefined;

/** `FrozenTrial(number=41, …, values=[0.9132], …, params={…}, …)`: `study.best_trial` printed. */
function readFrozenTrial(text: string, number: ReadNumber, params: ReadParams): OptunaBestTrial | undefined {
  const call = text.indexOf('FrozenTrial(');
  if (call < 0) return undefined;
  const field = (pattern: RegExp): RegExpExecArray | null => {
    pattern.lastIndex = call;
    return pattern.exec(text);
  };
  const trial = field(/\bnumber=(\d+)/g);
  const values = field(/\bvalues=\[([^\]]*)\]/g);
  const single = field(new RegExp(String.raw`\bvalue=(${NUMBER})`, 'g'));
  const settings = field(new RegExp(String.raw`\bparams=(${FLAT_DICT})`, 'g'));
  // `values=[0.9132]`: one objective; `values=[0.91, 12.3]`, several: no one value of the trial.
  const listed = values?.[1]?.split(',') ?? [];
  const value =
    values !== null
      ? listed.length === 1
        ? number(
            listed[0]?.trim(),
            values.index + values[0].indexOf('[') + 1 + (listed[0]?.length ?? 0) - (listed[0]?.trimStart().length ?? 0),
          )
        : undefined
      : single !== null
        ? number(single[1], single.index + single[0].indexOf('=') + 1)
        : undefined;
  return {
    ...(trial === null ? {} : { number: number(trial[1], trial.index + trial[0].indexOf('=') + 1) }),
    ...(value === undefined ? {} : { value }),
    ...(settings === null ? {} : { params: params(settings[1], settings.index + settings[0].indexOf('{')) }),
  };
}

/** `Trial 41 finished with value: 0.9132 and parameters: {…}. Best is trial 41 with value: 0.9132.`: Optuna's log of a study. */
function readStudyLog(text: string, number: ReadNumber, params: ReadParams): OptunaBestTrial | undefined {
  const best = [...text.matchAll(OPTUNA_BEST_IS)].at(-1);
  if (best === undefined) return undefined;
  const finished = [...text.matchAll(OPTUNA_FINISHED)].find((m) => m[1] === best[1]);
  const numberAt = best.index + best[0].indexOf(best[1] ?? '');
  const valueAt = best.index + best[0].lastIndexOf(best[2] ?? '');
  return {
    ...(best[1] === undefined ? {} : { number: number(best[1], numberAt) }),
    ...(best[2] === undefined ? {} : { value: number(best[2], valueAt) }),
    ...(finished?.[3] === undefined ? {} : { params: params(finished[3], finished.index + finished[0].lastIndexOf('{')) }),
  };
}

/**
 * `Best trial: 41`, `Best value: 0.9132`, `Best params: {…}`, or `Best trial:` over `Value: …` and
 * `Params:` over a `name: value` line per setting: Optuna's fields printed a line each. Undefined when
 * any line is something else.
 */
function readBestLines(text: string, number: ReadNumber, at: (offset: number) => SourcePosition): OptunaBestTrial | undefined {
  const best: OptunaBestTrial = {};
  let underBest = false;
  let paramsIndent: number | undefined;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineAt = offset;
    offset += line.length + 1;
    if (line.trim() === '' || OPTUNA_STATISTICS.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    // `    lr: 0.0012` under `  Params:`: one of the best trial's settings.
    if (paramsIndent !== undefined && indent > paramsIndent) {
      const setting = /^(\s*)([A-Za-z_][\w.-]*)\s*:\s*(\S.*?)\s*$/.exec(line);
      if (setting === null) return undefined;
      best.params = [
        ...(best.params ?? []),
        { name: setting[2] ?? '', value: parseScalar(setting[3] ?? ''), position: at(lineAt + indent) },
      ];
      continue;
    }
    paramsIndent = undefined;
    const field = OPTUNA_LINE.exec(line);
    if (field === null) return undefined;
    const name = (field[2] ?? '').toLowerCase().replace(/_/g, ' ');
    const written = field[3] ?? '';
    const valueAt = lineAt + line.lastIndexOf(written);
    // `Value:`, `Params:` and `Number:` alone are fields of the best trial only under `Best trial:`.
    if (!name.startsWith('best') && !underBest) return undefined;
    if (/^best trial/.test(name)) {
      underBest = written === '';
      if (written === '') continue;
      best.number = number(written, valueAt);
      if (best.number === undefined || !Number.isInteger(best.number.value)) return undefined;
    } else if (/value$/.test(name)) {
      best.value = number(written, valueAt);
      if (best.value === undefined) return undefined;
    } else if (name === 'number') {
      best.number = number(written, valueAt);
    } else if (written === '') paramsIndent = indent;
    else {
      best.params = structuredSettings(written, at(valueAt));
      if (best.params === undefined) return undefined;
    }
  }
  return best;
}

/** Writes Optuna's best trial: its number, its objective value (as `value` among the best trial's metrics) and its settings, unless settings were read already. */
function writeOptunaBestTrial(best: OptunaBestTrial, ctx: Context): void {
  if (best.number !== undefined) ctx.b.set(['tuning', 'bestTrial'], best.number.value, best.number.position);
  if (best.value !== undefined) ctx.b.set(['tuning', 'bestTrialMetrics', 'value'], best.value.value, best.value.position);
  const path: FieldPath = ['tuning', 'bestHyperparameters'];
  if (best.params === undefined || best.params.length === 0 || ctx.b.has(path)) return;
  const value: Record<string, unknown> = {};
  for (const setting of best.params) setOwn(value, setting.name, setting.value);
  ctx.b.set(path, value, best.params[0]?.position);
  for (const setting of best.params) ctx.b.mark([...path, setting.name], setting.position);
}

/**
 * `Best trial: 41`, `Best value: 0.9132`, `Best trial: FrozenTrial(…)` written as label lines: Optuna's
 * best trial (`optunaBestTrial`). True when read.
 */
function optunaBestLabel(entry: Entry, ctx: Context): boolean {
  if (entry.blocks.length > 0 || !/^best (?:trial(?: number)?|value)$/.test(entry.norm)) return false;
  const best =
    /^best trial/.test(entry.norm) && /^\d+$/.test(entry.value.trim())
      ? { number: { value: Number(entry.value.trim()), position: entry.position } }
      : optunaBestTrial(`${entry.norm}: ${entry.value}`, {
          line: entry.position.line,
          column: entry.position.column - entry.norm.length - 2,
        });
  if (best === undefined) return false;
  writeOptunaBestTrial(best, ctx);
  return true;
}

/** A code block of Optuna's output with no label line above it, under the tuning heading: the best hyperparameters' label. */
export function optunaCodeLabel(code: Code): string | undefined {
  return optunaBestTrial(code.value, { line: 1, column: 1 }) === undefined ? undefined : 'Best Hyperparameters Found';
}

/** The ```yaml block of best hyperparameters → an object (text it cannot read is kept as written). */
const bestHyperparametersHandler: Handler = (entry, ctx) => {
  if (bestTrialMetric(entry, ctx) || optunaBestLabel(entry, ctx)) return;
  const code = blockOf(entry, ctx, 'code');
  if (!code) {
    // Text that names no settings (`Best: the third trial`) is left for the label's note, with a warning.
    bestSettingsWritten(entry, ctx);
    return;
  }
  const { text, position } = codeOf(code);
  // Optuna's best trial, printed (`Best trial: FrozenTrial(…)`, `Best value: 0.9132`): not a YAML document of settings.
  const optuna = optunaBestTrial(text, position);
  if (optuna !== undefined) {
    writeOptunaBestTrial(optuna, ctx);
    return;
  }
  if (isPlaceholder(text)) {
    ctx.b.placeholder(['tuning', 'bestHyperparameters'], position);
    return;
  }
  const document = parseDocument(text, { prettyErrors: false });
  const value: unknown = document.errors.length === 0 ? document.toJS() : undefined;
  if (!isPlainObject(value)) {
    ctx.b.set(['tuning', 'bestHyperparameters'], text, position);
    return;
  }
  ctx.b.set(['tuning', 'bestHyperparameters'], value, position);
  text.split('\n').forEach((line, index) => {
    const key = /^([^\s#:][^:]*):/.exec(line)?.[1]?.trim();
    if (key) ctx.b.mark(['tuning', 'bestHyperparameters', key], { line: position.line + index, column: position.column });
  });
};

/** `100 GPU-hours` → the budget as written, and in GPU-hours when it names them. */
const budgetHandler: Handler = (entry, ctx) => {
  ctx.b.text(['tuning', 'budget'], entry.value, entry.position);
  const gpuHours = /gpu/i.test(entry.value) && !isPlaceholder(entry.value) ? parseGpuHours(entry.value) : undefined;
  if (gpuHours !== undefined) ctx.b.set(['tuning', 'budgetGpuHours'], gpuHours, entry.position);
};

/** The tuning section's labels, in order: the first match wins. */
export const TUNING_RULES: readonly LabelRule[] = [
  { pattern: /best/, path: ['tuning', 'bestHyperparameters'], handler: bestHyperparametersHandler },
  textRule(/visuali|dashboard|results|link|plot/, ['tuning', 'visualization']),
  textRule(/method|strategy|algorithm|approach/, ['tuning', 'method']),
  textRule(/tool|framework|library/, ['tuning', 'tool']),
  textRule(/trials|iterations|runs/, ['tuning', 'trials'], parseCount),
  { pattern: /budget/, path: ['tuning', 'budget'], handler: budgetHandler },
];
