/** The "Dataset Information" section: name, version, location, size, splits, preprocessing. */

import { isPlaceholder } from '../placeholder.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { parseCount, parseNumber, parsePercent } from '../units.ts';
import type { Handler, LabelRule } from './context.ts';
import { keyValueItems, listRule, textRule } from './fields.ts';

/** `1M records, 125 features` → records and features; anything else also keeps `sizeText`. */
const datasetSizeHandler: Handler = (entry, ctx) => {
  if (entry.value === '') return;
  if (isPlaceholder(entry.value)) {
    ctx.b.placeholder(['dataset', 'records'], entry.position);
    return;
  }
  let understood = true;
  // A comma between digits groups thousands (`50,000 reviews`); any other separates the parts.
  for (const part of entry.value.split(/(?<!\d),|,(?!\d{3}(?!\d))|;|\band\b|\bx\b|×/)) {
    const match = new RegExp(String.raw`^\s*(\S+)\s+(${RECORD_NOUNS}|features?|columns?|cols?)\s*$`, 'i').exec(part);
    const count = match?.[1] ? parseCount(match[1]) : undefined;
    if (!match?.[2] || count === undefined) {
      if (part.trim() !== '') understood = false;
      continue;
    }
    const key = /^(features?|columns?|cols?)$/i.test(match[2]) ? 'features' : 'records';
    ctx.b.set(['dataset', key], count, entry.position);
  }
  if (!understood) ctx.b.set(['dataset', 'sizeText'], entry.value, entry.position);
};

/** What a split or a dataset counts: records by any of the names logs give them. */
const RECORD_NOUNS =
  'records?|rows?|samples?|examples?|instances?|images?|documents?|docs|reviews?|sentences?|utterances?|patients?|users?|customers?|transactions?|txns|events?|sessions?|items?|clips?|videos?|files?';
const SPLIT_RECORDS = new RegExp(String.raw`(\d[\d,.]*\s*[kKmMbB]?)\s*(?:${RECORD_NOUNS})\b`);
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
  if ((split['fraction'] === undefined && split['records'] === undefined && value !== '') || words !== '') split['text'] = value;
  return split;
}

/** The Train/Val/Test Split list: splits plus split strategy and random seed. */
const splitsHandler: Handler = (entry, ctx) => {
  const splits: Record<string, unknown>[] = [];
  let first: SourcePosition | undefined;
  for (const item of keyValueItems(entry, ctx)) {
    if (/strategy|method/.test(item.norm)) ctx.b.text(['dataset', 'splitStrategy'], item.value, item.position);
    else if (/seed/.test(item.norm)) ctx.b.text(['dataset', 'randomSeed'], item.value, item.position, parseNumber);
    else if (item.key === '') ctx.b.text(['dataset', 'splitNotes'], item.value, item.position);
    else if (isPlaceholder(item.value)) ctx.b.placeholder(['dataset', 'splits', splits.length], item.position);
    else {
      const path: FieldPath = ['dataset', 'splits', splits.length];
      first ??= item.item.position;
      ctx.b.mark(path, item.item.position);
      ctx.b.mark([...path, 'fraction'], item.position);
      ctx.b.mark([...path, 'records'], item.position);
      splits.push(readSplit(item.key, item.value));
    }
  }
  if (splits.length > 0) ctx.b.set(['dataset', 'splits'], splits, first);
};

/** The dataset's labels, in order: the first match wins. */
export const DATASET_RULES: readonly LabelRule[] = [
  textRule(/split strategy|splitting strategy/, ['dataset', 'splitStrategy']),
  textRule(/seed/, ['dataset', 'randomSeed'], parseNumber),
  { pattern: /split/, path: ['dataset', 'splits'], handler: splitsHandler },
  listRule(/preprocess|processing|cleaning|transform/, ['dataset', 'preprocessing']),
  textRule(/version/, ['dataset', 'version']),
  textRule(/location|path|uri|url|source|storage/, ['dataset', 'location']),
  { pattern: /size|records|rows/, path: ['dataset', 'records'], handler: datasetSizeHandler },
  textRule(/^(number of )?features$|feature count/, ['dataset', 'features'], parseCount),
  textRule(/name/, ['dataset', 'name']),
  // `- Dataset: imdb-reviews v2` under `## Data`: the label names the section, its value is the name.
  textRule(/^(dataset|data|corpus)$/, ['dataset', 'name']),
];
