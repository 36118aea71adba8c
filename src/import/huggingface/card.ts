import { parse as parseYaml } from 'yaml';
import { isPlainObject } from '../hash.ts';
import { messages } from './messages.ts';
import { parseCardMetricName } from './metric-name.ts';
import type { CardMetric, LogEntry, ModelCard } from './model.ts';
import { parseLoggedNumber } from '../history.ts';

/**
 * Reads a Hugging Face model card (README.md): the YAML metadata (`model-index`, `datasets`,
 * `base_model`, `license`, `co2_eq_emissions`) and, from the body the Trainer writes, the
 * "Training hyperparameters" and "Framework versions" lists and the "Training results" table.
 * Throws an `ImportError` when the metadata is not YAML or `model-index` is malformed; a table
 * it cannot read is a warning pushed to `warnings`. `file` names the card in messages.
 */
export function parseModelCard(text: string, file: string, warnings: string[] = []): ModelCard {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  let meta: Record<string, unknown> = {};
  if (match !== null) {
    let parsed: unknown;
    try {
      parsed = parseYaml(match[1] ?? '', { logLevel: 'error' });
    } catch (error) {
      throw messages.badCard(file, error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    }
    if (parsed !== null && parsed !== undefined && !isPlainObject(parsed)) throw messages.badCard(file, 'not a mapping');
    meta = parsed ?? {};
  }
  const body = match === null ? text : text.slice(match[0].length);
  const card: ModelCard = {
    metrics: [],
    datasets: stringList(meta['datasets']),
    hyperparameters: readList(body, /training hyper-?parameters/i, /^[-*]\s+([^:]+?):\s*(.+)$/),
    frameworks: readList(body, /framework versions/i, /^[-*]\s+(\S.*?)\s+(\S+)$/),
  };
  const results = readTrainingResults(body, file);
  if (results.rows.length > 0) card.trainingResults = results.rows;
  if (results.warning !== undefined) warnings.push(results.warning);
  const baseModel = stringList(meta['base_model'])[0];
  if (baseModel !== undefined) card.baseModel = baseModel;
  if (typeof meta['license'] === 'string') card.license = meta['license'];
  const co2 = meta['co2_eq_emissions'];
  const grams = typeof co2 === 'number' ? co2 : isPlainObject(co2) && typeof co2['emissions'] === 'number' ? co2['emissions'] : undefined;
  if (grams !== undefined && Number.isFinite(grams) && grams >= 0) card.co2Grams = grams;
  readModelIndex(meta['model-index'], file, card);
  return card;
}

function readModelIndex(index: unknown, file: string, card: ModelCard): void {
  if (index === undefined || index === null) return;
  if (!Array.isArray(index)) throw messages.badModelIndex(file, 'not a list');
  index.forEach((entry: unknown, entryIndex) => {
    if (!isPlainObject(entry)) throw messages.badModelIndex(file, `entry ${entryIndex + 1} is not a mapping`);
    if (entryIndex === 0 && typeof entry['name'] === 'string') card.modelName = entry['name'];
    const results = entry['results'];
    if (!Array.isArray(results)) throw messages.badModelIndex(file, `entry ${entryIndex + 1} has no results list`);
    results.forEach((result: unknown, resultIndex) => {
      const where = `results[${resultIndex}]`;
      if (!isPlainObject(result)) throw messages.badModelIndex(file, `${where} is not a mapping`);
      const task = isPlainObject(result['task']) ? result['task'] : {};
      const dataset = isPlainObject(result['dataset']) ? result['dataset'] : {};
      const metrics = result['metrics'];
      if (!Array.isArray(metrics)) throw messages.badModelIndex(file, `${where} has no metrics list`);
      metrics.forEach((metric: unknown, metricIndex) => {
        if (!isPlainObject(metric) || typeof metric['type'] !== 'string')
          throw messages.badModelIndex(file, `${where}.metrics[${metricIndex}] has no type`);
        const value = metric['value'];
        const number = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : Number.NaN;
        const named = typeof metric['name'] === 'string' ? parseCardMetricName(metric['name']) : undefined;
        const entryMetric: CardMetric = { type: metric['type'], value: Number.isFinite(number) ? number : null };
        if (named !== undefined) entryMetric.name = named.name;
        if (named?.ci !== undefined) entryMetric.ci = named.ci;
        if (typeof task['type'] === 'string') entryMetric.taskType = task['type'];
        if (typeof dataset['name'] === 'string') entryMetric.datasetName = dataset['name'];
        if (typeof dataset['type'] === 'string') entryMetric.datasetType = dataset['type'];
        if (typeof dataset['split'] === 'string') entryMetric.datasetSplit = dataset['split'];
        card.metrics.push(entryMetric);
      });
    });
  });
}

/**
 * `key: value` lines of the list under the first heading matching `heading`, up to the next
 * heading. A bold key (`- **Training regime:** fp16`, as huggingface_hub's card template writes
 * it) is read as plain; HTML comments are no text, and a value that is only the template's
 * `[More Information Needed]` is no value.
 */
function readList(body: string, heading: RegExp, line: RegExp): Record<string, string> {
  const values: Record<string, string> = {};
  for (const item of sectionLines(withoutComments(body), heading)) {
    const match = line.exec(item.replace(/^([-*]\s+)(\*\*|__)(.+?)\2/, '$1$3'));
    if (match?.[1] !== undefined && match[2] !== undefined && !isPlaceholder(match[2])) values[match[1].trim()] = match[2].trim();
  }
  return values;
}

/** Markdown without its HTML comments (`<!-- … -->`, over several lines too): they are no text of the card. */
function withoutComments(body: string): string {
  return body.replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * The "Training results" table `Trainer.create_model_card` writes (`| Training Loss | Epoch | Step |
 * Validation Loss | Accuracy |`), as the `log_history` entries it was made from: one per row, with
 * `step`, `epoch`, `loss` (training), `eval_loss` and `eval_<name>` for the other columns (`F1
 * Macro` → `eval_f1_macro`); a cell that is no number (`No log`) is left out. A table without a
 * `Step` column, or with a row whose step is no number, is not read: a warning says so.
 */
export function readTrainingResults(body: string, file: string): { rows: LogEntry[]; warning?: string } {
  const lines = sectionLines(withoutComments(body), /training results/i).filter((line) => line.startsWith('|'));
  if (lines.length === 0) return { rows: [] };
  const cells = (line: string): string[] =>
    line
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const header = cells(lines[0] ?? '').map(resultColumnKey);
  const stepColumn = header.indexOf('step');
  if (stepColumn < 0) return { rows: [], warning: messages.trainingResultsUnread(file, 'it has no Step column') };
  const rows: LogEntry[] = [];
  for (const line of lines.slice(1)) {
    if (/^\|[\s:|-]*$/.test(line)) continue; // the |:---:| line under the header
    const entry: LogEntry = {};
    cells(line).forEach((cell, index) => {
      const key = header[index];
      const value = parseLoggedNumber(cell);
      if (key !== undefined && value !== undefined) entry[key] = value;
    });
    if (entry['step'] === undefined || !Number.isFinite(entry['step']))
      return { rows: [], warning: messages.trainingResultsUnread(file, `a row has no step ("${line}")`) };
    rows.push(entry);
  }
  return { rows };
}

/** A "Training results" column as the `log_history` key the Trainer titled it from. */
function resultColumnKey(title: string): string {
  const words = title.toLowerCase().split(/\s+/).filter(Boolean);
  const name = words.join('_');
  if (name === 'training_loss') return 'loss';
  if (name === 'validation_loss') return 'eval_loss';
  if (name === 'epoch' || name === 'step') return name;
  return `eval_${name}`;
}

/** The trimmed lines under the first heading matching `heading`, up to the next heading. */
function sectionLines(body: string, heading: RegExp): string[] {
  const lines: string[] = [];
  let inside = false;
  for (const raw of body.split(/\r?\n/)) {
    const text = raw.trim();
    if (/^#{1,6}\s/.test(text)) {
      if (inside) break;
      inside = heading.test(text);
      continue;
    }
    if (inside) lines.push(text);
  }
  return lines;
}

/** The card template's stand-in for a value not filled in: `[More Information Needed]`. */
function isPlaceholder(value: string): boolean {
  return /^\[?\s*more information needed\s*\]?$/i.test(value.trim());
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
