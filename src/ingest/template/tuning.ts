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
import { structuredSettings } from './settings-block.ts';

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

/** The ```yaml block of best hyperparameters → an object (text it cannot read is kept as written). */
const bestHyperparametersHandler: Handler = (entry, ctx) => {
  if (bestTrialMetric(entry, ctx)) return;
  const code = blockOf(entry, ctx, 'code');
  if (!code) {
    // Text that names no settings (`Best: the third trial`) is left for the label's note, with a warning.
    bestSettingsWritten(entry, ctx);
    return;
  }
  const { text, position } = codeOf(code);
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
