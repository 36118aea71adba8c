/** The "Dataset Information" section: name, version, location, size, splits, preprocessing. */

import { bracketed, isPlaceholder } from '../placeholder.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { parseCount, parseNumber, parsePercent, roundFloat } from '../units.ts';
import type { Table } from 'mdast';
import { itemsOf, startOf, stripEmphasis, tableOf } from '../markdown-blocks.ts';
import { columnKey } from '../text.ts';
import { blockOf, type Context, type Handler, type LabelRule, type TableRule } from './context.ts';
import { column, readTableRows } from './table.ts';
import { keyValueItems, listRule, textField, textRule } from './fields.ts';
import { closingAside } from '../units.ts';

/** `1M records, 125 features` → records and features; anything else also keeps `sizeText`. */
const datasetSizeHandler: Handler = (entry, ctx) => {
  if (entry.value === '') return;
  if (isPlaceholder(entry.value)) {
    ctx.b.placeholder(['dataset', 'records'], entry.position);
    return;
  }
  // `Total Records: 12 345`, `Rows: 1.2M`: a bare count under a label naming what it counts.
  const bare = parseCount(stripEmphasis(entry.value).trim());
  if (bare !== undefined && new RegExp(String.raw`\b(?:${RECORD_NOUNS})\b`, 'i').test(entry.norm)) {
    ctx.b.set(['dataset', 'records'], bare, entry.position);
    return;
  }
  let understood = true;
  const seen = new Set<string>();
  // A comma between digits groups thousands (`50,000 reviews`); any other separates the parts.
  for (const part of entry.value.split(/(?<!\d),|,(?!\d{3}(?!\d))|;|\band\b|\bx\b|×/)) {
    const match = new RegExp(
      // `294,268 utterances (~1,012 hours)`: an aside after the count is kept in the text as written.
      // `~50k images`, `about 1.2M rows`: an approximate count is the count, the text kept as written.
      String.raw`^\s*(~|≈|about\s+|approx\.?\s+|approximately\s+|roughly\s+|around\s+|circa\s+|ca\.\s+)?(\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\S+)\s+((?:(?!of\b|in\b|from\b)[A-Za-z][\w-]*\s+){0,2}?)(${RECORD_NOUNS}|features?|columns?|cols?)\s*(\([^()]*\))?\s*$`,
      'i',
    ).exec(part);
    const count = match?.[2] ? parseCount(match[2]) : undefined;
    if (!match?.[4] || count === undefined) {
      if (part.trim() !== '') understood = false;
      continue;
    }
    // `~50k`, `50,000 hand-labeled images`, `(~1,012 hours)`: more than a count, so the text is kept as written too.
    if (match[1] !== undefined || (match[3] ?? '') !== '' || match[5] !== undefined) understood = false;
    const key = /^(features?|columns?|cols?)$/i.test(match[4]) ? 'features' : 'records';
    // `412M interactions, 18.3M users, 2.7M items`: the first count is the records; the others are
    // kept in the text as written, not taken for it.
    if (seen.has(key)) {
      understood = false;
      continue;
    }
    seen.add(key);
    ctx.b.set(['dataset', key], count, entry.position);
  }
  if (!understood) ctx.b.set(['dataset', 'sizeText'], entry.value, entry.position);
};

/**
 * `Features:` — a count (`125`, `1.2k`) → features; names, in brackets, after commas or as a list
 * below (`[age, income, tenure]`) → their names and their count; a count with its breakdown
 * (`45 (30 numerical, 15 categorical)`) → 45 and the text as written; any other text is kept as
 * written (`all columns except id`), not refused for not being a number.
 */
const featuresHandler: Handler = (entry, ctx) => {
  const value = stripEmphasis(entry.value).trim();
  // The names listed give the count only when no count is written (`Features: 45` beside a few names).
  const setNames = (names: string[]): void => {
    ctx.b.set(['dataset', 'featureNames'], names, entry.position);
    if (ctx.b.get(['dataset', 'features']) === undefined) ctx.b.set(['dataset', 'features'], names.length, entry.position);
  };
  const list = value === '' ? blockOf(entry, ctx, 'list') : undefined;
  if (list) {
    const names = itemsOf(ctx.source, list).map((item) => stripEmphasis(item.text).replace(/^`|`$/g, '').trim());
    if (names.length > 0 && names.every((name) => name !== '')) setNames(names);
    return;
  }
  if (value === '') return;
  if (isPlaceholder(value)) {
    ctx.b.placeholder(['dataset', 'features'], entry.position);
    return;
  }
  const count = parseCount(value.replace(/\s+(features?|columns?|cols?)$/i, ''));
  if (count !== undefined) {
    ctx.b.set(['dataset', 'features'], count, entry.position);
    return;
  }
  const names = featureNamesOf(value);
  if (names !== undefined) {
    setNames(names);
    return;
  }
  // A count and, in parentheses, what it is made of: the count is the total.
  const total = /^(\S+)(?:\s+(?:features?|columns?|cols?))?\s*\([^()]*\)$/i.exec(value)?.[1];
  const counted = total === undefined ? undefined : parseCount(total);
  if (counted !== undefined) ctx.b.set(['dataset', 'features'], counted, entry.position);
  ctx.b.set(['dataset', 'featuresText'], value, entry.position);
};

/** Two or more feature names (`[age, income]`, `age, income, tenure`, quoted or in backticks); undefined for anything else. */
function featureNamesOf(text: string): string[] | undefined {
  const inner = bracketed(text) ?? text;
  const names = inner.split(',').map((name) => name.trim().replace(/^(["'`])(.*)\1$/, '$2'));
  const isName = (name: string): boolean => /^[^\s()[\]:]+$/.test(name) && parseNumber(name) === undefined;
  return names.length >= 2 && names.every(isName) ? names : undefined;
}

/** A count as logs write it: `37`, `50,000`, `50k`, `1.2M`. */
const COUNT = String.raw`\d[\d,.]*\s*[kKmMbB]?`;

/**
 * A dataset list item with no label that can be only one thing: `37 features` (the feature count),
 * `50k train / 5k val / 10k test` (the splits), `65k rows` (the size) — read as if labelled so.
 */
export function datasetItemLabel(text: string): { label: string; value: string } | undefined {
  const item = stripEmphasis(text).trim();
  const features = new RegExp(String.raw`^(${COUNT})\s+(?:input\s+)?(?:features?|columns?)$`, 'i').exec(item);
  if (features?.[1] !== undefined) return { label: 'Features', value: features[1] };
  // `112,480 labelled tickets → train 90,000 / val 11,240 / test 11,240`: the total, then its splits.
  const total = totalThenSplits(item);
  if (total !== undefined && datasetItemLabel(total.splits)?.label === 'Splits') return { label: 'Splits', value: item };
  // A comma between digits groups thousands (`train 90,000`), not splits.
  const parts = item.split(/\s*(?:[/;|·•]|(?<!\d),|,(?!\d{3}(?!\d)))\s*/);
  const split = new RegExp(
    String.raw`^(?:${COUNT}\s*(?:(?:${RECORD_NOUNS})\s+)?(?:\(\d+%\)\s*)?${SPLIT_WORD}|${SPLIT_WORD}\s*:?\s*${COUNT})$`,
    'i',
  );
  if (parts.length >= 2 && parts.every((part) => split.test(part))) return { label: 'Splits', value: item };
  if (new RegExp(String.raw`^${COUNT}\s*(?:${RECORD_NOUNS})$`, 'i').test(item)) return { label: 'Size', value: item };
  return undefined;
}

/** `112,480 labelled tickets → train 90,000 / …`: the count before the arrow (or colon) and the splits after it. */
function totalThenSplits(text: string): { records: number; splits: string } | undefined {
  const match = new RegExp(String.raw`^(${COUNT})\s+(?:[A-Za-z][\w-]*\s+){0,2}(?:${RECORD_NOUNS})\s*(?:→|->|=>|:|—|–)\s*(.+)$`, 'i').exec(
    stripEmphasis(text).trim(),
  );
  const records = match?.[1] === undefined ? undefined : parseCount(match[1].trim());
  return records === undefined || match?.[2] === undefined ? undefined : { records, splits: match[2] };
}

/** What a split or a dataset counts: records by any of the names logs give them. */
const RECORD_NOUNS =
  'records?|rows?|samples?|examples?|instances?|images?|documents?|docs|reviews?|sentences?|utterances?|patients?|users?|customers?|transactions?|txns|events?|sessions?|items?|clips?|videos?|files?|interactions?|ratings?|clicks?|impressions?|queries|query|tickets?|frames?|volumes?|scans?|tweets?|posts?|messages?|emails?|calls?|conversations?|dialogues?|recordings?|sales?|studies|study|cases?|series|listings?|products?|articles?|pages?|prompts?|questions?|problems?|clients?|accounts?|members?|borrowers?|applicants?|loans?|households?|students?|respondents?|subjects?|participants?|people|persons?|individuals?|companies|firms?|stores?|merchants?|devices?|machines?|sensors?|molecules?|compounds?|proteins?|sequences?|genomes?|cells?|slides?|tiles?|patches?|videos?|tracks?|songs?|games?|episodes?|trajectories|trajectory|dialogs?|turns?|pairs?|triples?|graphs?|nodes?|edges?|points?|samples?';
/** `2,000 images`, `2,000 hand-labeled images` (up to two words between the count and what it counts). */
const SPLIT_RECORDS = new RegExp(
  String.raw`(\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+|\d[\d,.]*\s*[kKmMbB]?)\s*(?:(?!of\b|in\b|from\b)[A-Za-z][\w-]*\s+){0,2}(?:${RECORD_NOUNS})\b`,
);
/** A bare count beside a percentage (`40,000 (80%)`, `80% / 40k`). */
const BARE_COUNT = /(?:^|[\s(/,;])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*[kKmMbB]?)(?=$|[\s)/,;])/;

/**
 * `Training: 70% (700K records)`, `Training: 40,000 (80%)` → `{ name, fraction, records }`. Words
 * beyond the numbers (`80% (stratified by user)`) keep the value as written in `text`.
 */
function readSplit(name: string, value: string): Record<string, unknown> {
  const split: Record<string, unknown> = { name };
  const percent = /([+-]?\d+(?:\.\d+)?)\s*%/.exec(value);
  let rest = value;
  // A count alone (`200,000`, `25k`, `12000`): records, not a fraction ("1,000" is no 1).
  const count = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*[kKmMbB]|\d{4,})$/.exec(value.trim());
  if (count?.[1] && !percent) {
    const records = parseCount(count[1].replace(/\s+/g, ''));
    if (records !== undefined) return { name, records };
  }
  if (percent?.[0]) {
    split['fraction'] = parsePercent(percent[0]);
    rest = rest.replace(percent[0], ' ');
  } else {
    const fraction = /^(0?\.\d+|1(?:\.0+)?|0)(?![\d,.])\b/.exec(value.trim());
    if (fraction?.[1]) {
      split['fraction'] = parseNumber(fraction[1]);
      rest = rest.replace(fraction[1], ' ');
    }
  }
  const records = SPLIT_RECORDS.exec(rest) ?? (percent ? BARE_COUNT.exec(rest) : null);
  if (records?.[1]) {
    split['records'] = parseCount(records[1].replace(/\s+/g, '')) ?? records[1];
    rest = rest.replace(records[0], ' ');
  }
  const words = rest
    .replace(new RegExp(String.raw`\b(?:${RECORD_NOUNS})\b`, 'gi'), ' ')
    .replace(/[^A-Za-z]+/g, ' ')
    .trim();
  // `2025-03-03 → 2025-03-05, 4.1M impressions`: a date range (numbers no count or share took) is kept too.
  if ((split['fraction'] === undefined && split['records'] === undefined && value !== '') || words !== '' || /\d/.test(rest))
    split['text'] = value;
  return split;
}

/** The name of a split, as logs write it. */
const SPLIT_NAME = /^(?:train(?:ing)?|val(?:id|idation)?|dev(?:elopment)?|test(?:ing)?|hold-?out|eval(?:uation)?)(?:\s+(?:set|split))?$/i;
/** Between the parts of a one-line split: `/`, `|`, `;`, a middle dot or bullet (`·`, `•`), or a comma that does not group thousands. */
const SPLIT_PART = /[/|;·•]|,(?!\d{3}(?!\d))/;
/** A part without a name: a number, a percentage or a count (`80`, `80%`, `0.8`, `40,000`, `5k`). */
const BARE_SPLIT = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)\s*(%|[kKmMbB])?$/;

/** Split names for `n` unnamed parts: from the label (`Train/Val/Test Split`) when it names as many, else the usual ones. */
function splitNames(label: string, n: number): string[] | undefined {
  const named = label
    .replace(/\bsplits?\b|\bratios?\b|[()]/gi, ' ')
    .split(/\s*[/|,-]\s*|\s+/)
    .filter((w) => SPLIT_NAME.test(w));
  if (named.length === n) return named;
  return n === 2 ? ['Train', 'Test'] : n === 3 ? ['Train', 'Validation', 'Test'] : undefined;
}

/**
 * Splits written on the label's line: named (`Train: 40,000 / Val: 5,000 / Test: 5,000`, `80% train,
 * 10% val, 10% test`) or a ratio named by the label (`Train/Val/Test Split: 80/10/10`, `0.8/0.1/0.1`,
 * percentages when they add up to 100, fractions when to 1, else counts). A closing parenthesis
 * (`70/15/15 (stratified)`) is the splits' note. Undefined when the line is not that.
 */
export function inlineSplits(label: string, value: string): { splits: Record<string, unknown>[]; note: string | undefined } | undefined {
  const whole = splitParts(label, value.trim());
  if (whole !== undefined) return { splits: whole, note: undefined };
  const aside = closingAside(value);
  const splits = aside === undefined ? undefined : splitParts(label, aside.before);
  return splits === undefined ? undefined : { splits, note: aside?.inner || undefined };
}

/** A part of a one-line split and its split's name, written before (`Train: 80%`, `train 40k`) or after (`80% train`) the number. */
function namedPart(part: string): { name: string; value: string } | undefined {
  const mark = part.search(/[:=]/);
  if (mark > 0 && SPLIT_NAME.test(part.slice(0, mark).trim()))
    return { name: part.slice(0, mark).trim(), value: part.slice(mark + 1).trim() };
  const words = part.split(/\s+/).filter((word) => word !== '');
  for (const k of [2, 1]) {
    if (words.length <= k) continue;
    const first = words.slice(0, k).join(' ');
    if (SPLIT_NAME.test(first)) return { name: first, value: words.slice(k).join(' ') };
    const last = words.slice(-k).join(' ');
    if (SPLIT_NAME.test(last)) return { name: last, value: words.slice(0, -k).join(' ') };
  }
  return undefined;
}

function splitParts(label: string, body: string): Record<string, unknown>[] | undefined {
  const parts = body
    .split(SPLIT_PART)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const named = parts.map(namedPart);
  if (named.every((p) => p !== undefined)) {
    const splits = named.map((p) => readSplit(p.name, p.value));
    return splits.every((s) => s['text'] === undefined) ? splits : undefined;
  }
  if (named.some((p) => p !== undefined)) return undefined;
  const bare = parts.map((part) => BARE_SPLIT.exec(part));
  const names = splitNames(label, parts.length);
  if (names === undefined || !bare.every((m) => m !== null)) return undefined;
  const numbers = bare.map((m) => parseNumber(m?.[1] ?? '') ?? Number.NaN);
  const units = new Set(bare.map((m) => m?.[2]?.toLowerCase() ?? ''));
  const sum = numbers.reduce((a, b) => a + b, 0);
  let read: (n: number, i: number) => Record<string, unknown>;
  if (units.size === 1 && units.has('%')) read = (n) => ({ fraction: roundFloat(n / 100) });
  else if (units.has('%')) return undefined;
  else if (units.size === 1 && units.has('') && Math.abs(sum - 100) <= 1) read = (n) => ({ fraction: roundFloat(n / 100) });
  else if (units.size === 1 && units.has('') && Math.abs(sum - 1) <= 0.01) read = (n) => ({ fraction: n });
  else if (bare.every((m) => m?.[1] !== undefined && !m[1].includes('.')))
    read = (_n, i) => ({ records: parseCount(parts[i]?.replace(/\s+/g, '') ?? '') });
  else return undefined;
  const splits = names.map((name, i) => ({ name, ...read(numbers[i] ?? Number.NaN, i) }));
  return splits.every((s) => Object.values(s).every((v) => v !== undefined)) ? splits : undefined;
}

/** A header naming the splits' column (`Split`, `Set`, `Subset`, `Partition`). */
const SPLIT_COLUMN = /^(?:data(?:set)? )?(?:split|set|subset|partition|fold)s?(?: name)?$/;

/**
 * A table of splits, a row each: its name, its records (a column `Rows`, `Samples`, `Size`, `N`, or
 * one named for what it counts), its share (`%`, `Fraction`, `Share`); other columns (`Fraud rate`,
 * `Period`) are kept on the split as written. A cell that is not a count or a share keeps its text
 * under its column's name, so nothing written is lost.
 */
function readSplitsTable(block: Table, ctx: Context): void {
  const table = tableOf(ctx.source, block);
  const name = Math.max(0, column(table, SPLIT_COLUMN));
  const records = column(table, new RegExp(String.raw`^(?:(?:number|no|count) of )?(?:${RECORD_NOUNS}|n|count|size|total)$`, 'i'), [name]);
  const share = column(table, /^(?:fraction|share|percent(?:age)?|proportion|ratio|pct|)$/, [name, records]);
  readTableRows(table, startOf(block), ctx, {
    path: ['dataset', 'splits'],
    key: name,
    keyField: 'name',
    readRow: (row, write) => {
      row.forEach((cell, index) => {
        const text = stripEmphasis(cell.text);
        if (index === name || text === '') return;
        const field = columnKey(table.header[index]?.text ?? '') || `column${index + 1}`;
        if (isPlaceholder(text)) write.placeholder(index === records ? 'records' : index === share ? 'fraction' : field, cell);
        else if (index === records && parseCount(text) !== undefined) write.set('records', parseCount(text), cell);
        else if (index === share && (parsePercent(text) ?? parseNumber(text)) !== undefined)
          write.set('fraction', parsePercent(text) ?? parseNumber(text), cell);
        else write.set(field, text, cell);
      });
    },
  });
}

/** The Train/Val/Test Split list (or table): splits plus split strategy and random seed. */
const splitsHandler: Handler = (entry, ctx) => {
  const block = blockOf(entry, ctx, 'table');
  if (block !== undefined) readSplitsTable(block, ctx);
  // Splits a table gave come first; those of the label's line or list follow them.
  const offset = ctx.b.lengthOf(['dataset', 'splits']);
  const splits: Record<string, unknown>[] = [];
  let first: SourcePosition | undefined;
  // `112,480 labelled tickets → train 90,000 / …`: the dataset's records, then the splits.
  const total = entry.value === '' ? undefined : totalThenSplits(entry.value);
  if (total !== undefined && !ctx.b.has(['dataset', 'records'])) ctx.b.set(['dataset', 'records'], total.records, entry.position);
  const written = total?.splits ?? entry.value;
  const inline = written === '' || isPlaceholder(written) ? undefined : inlineSplits(entry.label, written);
  // `Split: stratified by intent, seed 13`: how the data was split, and its seed.
  const strategy = inline === undefined && written !== '' && !isPlaceholder(written) ? splitStrategyOf(written) : undefined;
  if (strategy !== undefined) {
    if (strategy.strategy !== '') ctx.b.text(['dataset', 'splitStrategy'], strategy.strategy, entry.position);
    if (strategy.seed !== undefined && !ctx.b.has(['dataset', 'randomSeed']))
      ctx.b.set(['dataset', 'randomSeed'], strategy.seed, entry.position);
  }
  if (inline !== undefined) {
    first = entry.position;
    for (const split of inline.splits) {
      const path: FieldPath = ['dataset', 'splits', offset + splits.length];
      for (const field of ['', 'fraction', 'records']) ctx.b.mark(field === '' ? path : [...path, field], entry.position);
      splits.push(split);
    }
    if (inline.note !== undefined) ctx.b.text(['dataset', 'splitNotes'], inline.note, entry.position);
  }
  for (const item of keyValueItems(entry, ctx)) {
    if (/strategy|method/.test(item.norm)) ctx.b.text(['dataset', 'splitStrategy'], item.value, item.position);
    else if (/seed/.test(item.norm)) {
      const seeds = seedList(item.value);
      if (seeds !== undefined) ctx.b.set(['dataset', 'randomSeeds'], seeds, item.position);
      else ctx.b.text(['dataset', 'randomSeed'], item.value, item.position, parseNumber);
    } else if (item.key === '') ctx.b.text(['dataset', 'splitNotes'], item.value, item.position);
    else if (isPlaceholder(item.value)) ctx.b.placeholder(['dataset', 'splits', offset + splits.length], item.position);
    else {
      const path: FieldPath = ['dataset', 'splits', offset + splits.length];
      first ??= item.item.position;
      ctx.b.mark(path, item.item.position);
      ctx.b.mark([...path, 'fraction'], item.position);
      ctx.b.mark([...path, 'records'], item.position);
      splits.push(readSplit(item.key, item.value));
    }
  }
  if (splits.length > 0) ctx.b.append(['dataset', 'splits'], splits, first);
};

/**
 * A split's strategy written in words, with its seed (`stratified by intent, seed 13`, `random 80/20
 * (seed=42)`, `time-based`): the words, and the seed when one is given. Undefined for other text.
 */
function splitStrategyOf(text: string): { strategy: string; seed?: number } | undefined {
  if (
    !/\b(?:stratif\w*|random(?:ly)?|time[- ]based|temporal|chronological\w*|grouped|group[- ]?k?[- ]?fold|k[- ]?fold|\d+[- ]fold|by (?:user|patient|customer|session|date|time|group|site|subject)\w*|out[- ]of[- ]time|leave[- ]one)\b/i.test(
      text,
    )
  )
    return undefined;
  const seed = /[,;(]?\s*\b(?:random )?seed\s*(?:[:=]\s*|\s)(\d+)\)?/i.exec(text);
  const strategy = (seed === null ? text : text.slice(0, seed.index) + text.slice(seed.index + seed[0].length))
    .trim()
    .replace(/[,;]\s*$/, '');
  return { strategy, ...(seed?.[1] === undefined ? {} : { seed: Number(seed[1]) }) };
}

/** The splits, by a label naming them (`Train/Val/Test Split`, `Splits`, `Data split`). */
export const SPLITS_RULE: LabelRule = { pattern: /split/, path: ['dataset', 'splits'], handler: splitsHandler };

/** A split's name as a label is normalized (`train`, `val`, `test set`). */
const SPLIT_WORD = '(?:train(?:ing)?|val(?:id|idation)?|dev(?:elopment)?|test(?:ing)?|holdout|eval(?:uation)?)';

/**
 * A label that names splits: several (`Train / val / test: 40,000 / 5,000 / 5,000`, read as a
 * one-line split with its names from the label) or one (`Train: 40,000 (80%)`, one split of its own,
 * after those read before it).
 */
export const SPLIT_NAME_RULE: LabelRule = {
  pattern: new RegExp(String.raw`^${SPLIT_WORD}(?: (?:set|split|size|records|rows))?(?: ${SPLIT_WORD}(?: (?:set|split))?)*$`),
  path: ['dataset', 'splits'],
  handler: (entry, ctx) => {
    if (entry.value === '') return;
    if (!/[/|,]/.test(entry.label.replace(/\d,\d/g, ''))) {
      const path: FieldPath = ['dataset', 'splits', ctx.b.lengthOf(['dataset', 'splits'])];
      if (isPlaceholder(entry.value)) {
        ctx.b.placeholder(path, entry.position);
        return;
      }
      for (const field of ['', 'fraction', 'records']) ctx.b.mark(field === '' ? path : [...path, field], entry.position);
      const name = entry.label.replace(/\s+(?:size|records|rows)$/i, '').trim();
      ctx.b.append(['dataset', 'splits'], [readSplit(name, entry.value)], entry.position);
      return;
    }
    splitsHandler(entry, ctx);
  },
};

/** `0, 1, 2, 3, 4`, `[0, 1, 2]`, `42 / 43 / 44`: several seeds, each a whole number. */
function seedList(text: string): number[] | undefined {
  const inner = stripEmphasis(text)
    .trim()
    .replace(/^[[{(]\s*|\s*[\]})]$/g, '');
  if (!/^\d+(?:\s*[,;/]\s*\d+|\s+\d+)+$/.test(inner)) return undefined;
  return inner.split(/\s*[,;/]\s*|\s+/).map(Number);
}

/** `Random Seed: 42` → the split's seed; `Random Seed: 0, 1, 2, 3, 4` (a run per seed) → the seeds, kept as a list. */
const seedHandler: Handler = (entry, ctx) => {
  const seeds = entry.value === '' ? undefined : seedList(entry.value);
  if (seeds !== undefined) ctx.b.set(['dataset', 'randomSeeds'], seeds, entry.position);
  else textField(['dataset', 'randomSeed'], parseNumber)(entry, ctx);
};

/** The dataset's name, by a label that is only that (`Dataset`, `Data`, `Corpus`, `Dataset name`). */
export const DATASET_NAME_RULE: LabelRule = textRule(/^(dataset|data|corpus|training data)( name)?$/, ['dataset', 'name']);

/** The dataset's labels, in order: the first match wins. */
export const DATASET_RULES: readonly LabelRule[] = [
  textRule(/split strategy|splitting strategy/, ['dataset', 'splitStrategy']),
  { pattern: /seed/, path: ['dataset', 'randomSeed'], handler: seedHandler },
  SPLITS_RULE,
  SPLIT_NAME_RULE,
  listRule(/preprocess|processing|cleaning|transform/, ['dataset', 'preprocessing']),
  textRule(/version/, ['dataset', 'version']),
  // `s3://bucket/churn/v5/` in backticks, as a path is often written: the path.
  textRule(/location|path|uri|url|source|storage/, ['dataset', 'location'], (text) => /^`([^`]+)`$/.exec(text)?.[1] ?? text),
  {
    pattern: /size|records|rows|^(?:(?:total )?number of |total |num )?(?:samples|examples|instances)$/,
    path: ['dataset', 'records'],
    handler: datasetSizeHandler,
  },
  { pattern: /^(number of )?features$|feature count|^feature (names|list)$/, path: ['dataset', 'features'], handler: featuresHandler },
  textRule(/name/, ['dataset', 'name']),
  // `- Dataset: imdb-reviews v2` under `## Data`: the label names the section, its value is the name.
  DATASET_NAME_RULE,
];

/** Tables of this section written without a label line, by header row: a table of splits. */
export const DATASET_TABLES: readonly TableRule[] = [
  { pattern: /^(?:data(?:set)? )?(?:split|set|subset|partition|fold)s?(?: name)?(?: \||$)/, label: 'Splits' },
];
