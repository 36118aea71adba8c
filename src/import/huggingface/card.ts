import { parse as parseYaml } from 'yaml';
import { isPlainObject } from '../hash.ts';
import { messages } from './messages.ts';
import { parseCardMetricName } from './metric-name.ts';
import type { CardMetric, ModelCard } from './model.ts';

/**
 * Reads a Hugging Face model card (README.md): the YAML metadata (`model-index`, `datasets`,
 * `base_model`, `license`, `co2_eq_emissions`) and, from the body the Trainer writes, the
 * "Training hyperparameters" and "Framework versions" lists. Throws an `ImportError` when the
 * metadata is not YAML or `model-index` is malformed. `file` names the card in messages.
 */
export function parseModelCard(text: string, file: string): ModelCard {
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
  let inside = false;
  for (const raw of body.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)) {
    const text = raw.trim().replace(/^([-*]\s+)(\*\*|__)(.+?)\2/, '$1$3');
    if (/^#{1,6}\s/.test(text)) {
      if (inside) break;
      inside = heading.test(text);
      continue;
    }
    if (!inside) continue;
    const match = line.exec(text);
    if (match?.[1] !== undefined && match[2] !== undefined && !isPlaceholder(match[2])) values[match[1].trim()] = match[2].trim();
  }
  return values;
}

/** The card template's stand-in for a value not filled in: `[More Information Needed]`. */
function isPlaceholder(value: string): boolean {
  return /^\[?\s*more information needed\s*\]?$/i.test(value.trim());
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
