/** The "Model Configuration" section: type, architecture, the hyperparameter table, the training configuration. */

import { stripEmphasis, tableOf, startOf } from '../markdown-blocks.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { isListPlaceholder, isPlaceholder } from '../placeholder.ts';
import { columnKey } from '../text.ts';
import { parseEarlyStopping, parseNumber, parseScalar } from '../units.ts';
import { blockOf, firstCodeRead, type Context, type Entry, type Handler, type LabelRule, type TableRule } from './context.ts';
import { asLabelRules, itemRule, keyValueFields, keyValueItems, textRule, type ItemRule } from './fields.ts';
import { column, readTableRows } from './table.ts';
import { settingsOf, splitTopLevel, structuredSettings, type Setting } from './settings-block.ts';

/**
 * A search space as written: `[0.0001, 0.01]` range, `[16, 32, 64]` choice, otherwise text (`fixed`,
 * `Optuna TPE over lr`). Searched by a grid (`method`), two values in brackets are the grid's two
 * values, not a range: a grid tries only what it lists.
 */
export function parseSearchSpace(text: string, method?: string): Record<string, unknown> | undefined {
  const trimmed = stripEmphasis(text);
  // `fixed` says the value was not searched: kept as written (it was shown as `—`, as if not filled).
  if (trimmed === '' || /^(-|—|n\/a|none)$/i.test(trimmed)) return undefined;
  const scale = /\blog/i.test(trimmed) ? { scale: 'log' } : {};
  const bracketed = /^(?:[a-z_-]*)\s*[[({]\s*(.*?)\s*[\])}]$/i.exec(trimmed);
  if (bracketed) {
    const items = (bracketed[1] ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    const numbers = items.map((item) => parseNumber(item));
    const isChoice = trimmed.startsWith('{') || /choice/i.test(trimmed) || /\bgrid\b/i.test(method ?? '');
    if (!isChoice && items.length === 2 && numbers.every((n) => n !== undefined)) {
      return { kind: 'range', min: numbers[0], max: numbers[1], ...scale };
    }
    if (items.length > 0) return { kind: 'choice', values: items.map((item) => parseScalar(item.replace(/^["']|["']$/g, ''))) };
  }
  const range = /^(\S+)\s*(?:-|–|—|to|\.\.)\s*(\S+?)(?:\s*\((log|linear)[^)]*\))?$/i.exec(trimmed);
  const min = range?.[1] ? parseNumber(range[1]) : undefined;
  const max = range?.[2] ? parseNumber(range[2]) : undefined;
  if (min !== undefined && max !== undefined) return { kind: 'range', min, max, ...(range?.[3] ? { scale: range[3].toLowerCase() } : {}) };
  return { kind: 'text', text: trimmed };
}

/**
 * Hyperparameters written on the label's line: `lr=3e-4, batch_size=64` or
 * `` `learning_rate: 0.05`; `num_leaves: 63` `` — every part a name and a value, or undefined.
 */
export function inlineHyperparameters(
  value: string,
  position: SourcePosition,
): { name: string; value: string; position: SourcePosition }[] | undefined {
  const pairs = splitTopLevel(value)
    .flatMap(spaceSeparatedSettings)
    .map(({ part, offset }) => {
      const match = /^(\s*`?\s*(?:--)?)([A-Za-z_][\w.-]*)\s*(=|:)\s*(.+?)\s*`?\s*$/.exec(part);
      if (!match?.[2] || match[4] === undefined) return undefined;
      return {
        name: match[2],
        value: match[4].replace(/^`|`$/g, ''),
        equals: match[3] === '=',
        position: { line: position.line, column: position.column + offset + (match[1]?.length ?? 0) },
      };
    });
  if (pairs.length === 0 || pairs.some((pair) => pair === undefined)) return undefined;
  const read = pairs as NonNullable<(typeof pairs)[number]>[];
  // One `name: value` alone is a sentence as often as a setting; `name=value` is a setting.
  return read.length >= 2 || read[0]?.equals === true ? read : undefined;
}

/** One `name=value` written without spaces: a token of a command line (`imgsz=800`, `--lr=3e-4`). */
const SETTING_TOKEN = /^(?:--)?[A-Za-z_][\w.-]*=[^\s=]+$/;

/**
 * A part holding settings separated by spaces only, as command lines write them
 * (`imgsz=800 epochs=150 lr0=3e-4`): each token a part of its own, at its offset. Any other
 * part (`lr = 3e-4`, `optimizer: Adam with warmup`) is kept whole.
 */
function spaceSeparatedSettings({ part, offset }: { part: string; offset: number }): { part: string; offset: number }[] {
  // A comma or semicolon closing a token separates it from the next (`` `dim=128, lr=3e-4` `` in one code span).
  const tokens = [...part.replace(/`/g, ' ').matchAll(/\S+/g)].map((token) => ({
    text: token[0].replace(/[,;]$/, ''),
    index: token.index,
  }));
  if (tokens.length < 2 || !tokens.every((token) => SETTING_TOKEN.test(token.text))) return [{ part, offset }];
  return tokens.map((token) => ({ part: token.text, offset: offset + token.index }));
}

/** The settings of the first code block under the entry that holds settings (`settingsOf`); the block is then read. */
function settingsBlock(entry: Entry, ctx: Context): Setting[] | undefined {
  const found = firstCodeRead(entry, ctx, settingsOf);
  // A W&B config's own entries (`_wandb:` with the Python and W&B versions) are no settings: the
  // block stays on the page as written, so that they are not lost.
  if (found && !/^\s*(?:_wandb|wandb_version)\s*:/m.test(found.node.value)) ctx.consumed.add(found.node);
  return found?.value;
}

/** A number as settings are written: `3e-5`, `32`, `0.1`, `10%`. */
const SETTING_NUMBER = String.raw`[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:e[-+]?\d+)?%?`;
const NAME_THEN_NUMBER = new RegExp(String.raw`^([a-z][\w-]*(?: [a-z][\w-]*)?)\s*(?:[=:]\s*|\s)(${SETTING_NUMBER})$`, 'i');
const NUMBER_THEN_NAME = new RegExp(String.raw`^(${SETTING_NUMBER})\s+([a-z][\w-]*(?: [a-z][\w-]*)?)$`, 'i');

/**
 * A setting's value followed by more settings on its line (`3e-5, batch 32, 4 epochs, warmup 10%`):
 * the label's number, then each part as `name number` or `number name`. Undefined unless every part
 * reads so (a sentence or a list of values stays as written).
 */
export function settingRun(label: string, text: string): { name: string; value: string | number | boolean | null }[] | undefined {
  const parts = text.split(/\s*[,;]\s+/);
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0 || typeof parseScalar(first) !== 'number') return undefined;
  const settings = [{ name: label, value: parseScalar(first) }];
  for (const part of rest) {
    const named = NAME_THEN_NUMBER.exec(part);
    const counted = named === null ? NUMBER_THEN_NAME.exec(part) : null;
    const [name, value] = named !== null ? [named[1], named[2]] : counted !== null ? [counted[2], counted[1]] : [undefined, undefined];
    if (name === undefined || value === undefined) return undefined;
    settings.push({ name, value: parseScalar(value) });
  }
  return settings;
}

/**
 * Hyperparameters written as a `name: value` list (`- learning_rate: 0.05`), on the label's line
 * (`lr=3e-4, batch_size=64`, a printed dict, `Namespace(…)`), or as a pasted config (`settingsOf`),
 * in order — added after any read before (`## Config` over `Namespace(…)`, then `## Hyperparameters`).
 */
function hyperparameterList(entry: Entry, ctx: Context): void {
  const path: FieldPath = ['model', 'hyperparameters'];
  const offset = ctx.b.lengthOf(path);
  const listed = entry.blocks.some((node) => node.type === 'list');
  const inline = listed ? undefined : inlineHyperparameters(entry.value, entry.position);
  const structured = inline === undefined && entry.value !== '' ? structuredSettings(entry.value, entry.position) : undefined;
  const written = inline ?? structured;
  const settings: {
    name: string;
    value?: unknown;
    description?: string;
    row: SourcePosition;
    at: SourcePosition;
    placeholder?: boolean;
  }[] = [];
  if (inline !== undefined)
    for (const pair of inline)
      settings.push({ name: pair.name, value: parseScalar(stripEmphasis(pair.value)), row: pair.position, at: pair.position });
  else if (structured !== undefined || !listed)
    for (const setting of structured ?? settingsBlock(entry, ctx) ?? [])
      settings.push({
        name: setting.name,
        value: setting.value,
        ...(setting.description === undefined ? {} : { description: setting.description }),
        row: setting.position,
        at: setting.position,
      });
  if (settings.length === 0)
    for (const item of keyValueItems(entry, ctx).filter((item) => item.key !== '')) {
      if (isPlaceholder(item.key)) continue;
      // `- LR: 3e-5, batch 32, 4 epochs`: this setting and more on its line.
      const run = settingRun(item.key, stripEmphasis(item.value).replace(/`/g, ''));
      if (run !== undefined) {
        for (const setting of run) settings.push({ ...setting, row: item.item.position, at: item.position });
        continue;
      }
      const placeholder = isListPlaceholder(item.value);
      settings.push({
        name: item.key,
        ...(placeholder ? {} : { value: parseScalar(stripEmphasis(item.value)) }),
        row: item.item.position,
        at: item.position,
        placeholder,
      });
    }
  if (settings.length === 0) return;
  ctx.b.append(
    path,
    settings.map(({ name, value, description }) => ({
      name,
      ...(value === undefined ? {} : { value }),
      ...(description === undefined ? {} : { description }),
    })),
    written !== undefined ? entry.position : settings[0]?.row,
  );
  settings.forEach((setting, index) => {
    const row = [...path, offset + index];
    if (setting.placeholder) ctx.b.placeholder([...row, 'value'], setting.at);
    ctx.b.mark(row, setting.row);
    ctx.b.mark([...row, 'name'], setting.row);
    if (!setting.placeholder) ctx.b.mark([...row, 'value'], setting.at);
  });
  // The label's own line was read, also when the list already held settings.
  if (written !== undefined && offset > 0) ctx.b.mark([...path, offset], entry.position);
}

/** The hyperparameter table: name, value, search space, tuning method (other columns kept). */
const hyperparametersHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (!block) {
    hyperparameterList(entry, ctx);
    return;
  }
  const table = tableOf(ctx.source, block);
  const name = Math.max(0, column(table, /param|name/));
  const space = column(table, /search|space|range|grid|candidates|distribution/, [name]);
  const method = column(table, /tuning|method|strategy/, [name, space]);
  const value = column(table, /value|used|final|chosen|setting/, [name, space, method]);
  readTableRows(table, startOf(block), ctx, {
    path: ['model', 'hyperparameters'],
    key: name,
    keyField: 'name',
    listPlaceholderKey: true,
    readRow: (row, write) => {
      row.forEach((cell, index) => {
        if (index === name || cell.text === '') return;
        const field =
          index === value
            ? 'value'
            : index === space
              ? 'searchSpace'
              : index === method
                ? 'tuningMethod'
                : columnKey(table.header[index]?.text ?? '') || `column${index + 1}`;
        const isPlaceholderCell = field === 'searchSpace' || field === 'value' ? isListPlaceholder(cell.text) : isPlaceholder(cell.text);
        if (isPlaceholderCell) {
          write.placeholder(field, cell);
          return;
        }
        write.mark([field], cell);
        if (field === 'value') write.set(field, parseScalar(stripEmphasis(cell.text)));
        else if (field === 'searchSpace') {
          const parsed = parseSearchSpace(cell.text, method >= 0 ? stripEmphasis(row[method]?.text ?? '') : undefined);
          if (parsed) write.set(field, parsed);
        } else write.set(field, stripEmphasis(cell.text));
      });
    },
  });
};

/** Training-configuration items (also usable as labels of their own), in order: the first match wins. */
export const TRAINING_CONFIG_RULES: readonly ItemRule[] = [
  itemRule(/optimi[sz]er/, ['model', 'training', 'optimizer']),
  itemRule(/loss/, ['model', 'training', 'lossFunction']),
  itemRule(/early stop/, ['model', 'training', 'earlyStopping'], parseEarlyStopping),
  itemRule(/schedule|scheduler/, ['model', 'training', 'learningRateSchedule']),
  itemRule(/epochs?$/, ['model', 'training', 'epochs'], parseNumber),
];

/** The model's labels, in order: the first match wins. */
/** The hyperparameters' label, read in the training section too (`### Training hyperparameters` under `## Training procedure`). */
export const HYPERPARAMETERS_RULE: LabelRule = {
  pattern: /hyperparam|parameters/,
  path: ['model', 'hyperparameters'],
  handler: hyperparametersHandler,
};

export const MODEL_RULES: readonly LabelRule[] = [
  textRule(/architecture|structure|layers/, ['model', 'architecture']),
  HYPERPARAMETERS_RULE,
  {
    pattern: /training config|config|training setup/,
    path: ['model', 'training'],
    handler: keyValueFields(['model', 'training'], TRAINING_CONFIG_RULES),
  },
  ...asLabelRules(TRAINING_CONFIG_RULES),
  textRule(/type|family|algorithm|^(base )?model$|backbone|^pretrained( model)?$/, ['model', 'type']),
];

/** `Model: distilbert-base-uncased` above the first section (the properties a note starts with): the model's type. */
export const MODEL_NAME_RULE: LabelRule = textRule(/^(base )?model( name| type)?$|^backbone$/, ['model', 'type']);

/** Tables of this section written without a label line, by header row, in order: the first match wins. */
export const MODEL_TABLES: readonly TableRule[] = [
  { pattern: /^((hyper ?)?param|settings?( |$)|config|options?( |$)|keys?( |$))/, label: 'Hyperparameters' },
];
