import { parse as parseYaml } from 'yaml';
import { DatasetSchema, ModelSchema, fieldNames, type Dataset, type Hyperparameter, type Model } from '../schema/index.ts';

/** The parts of a parent record a new experiment starts from. */
export interface Inheritable {
  dataset?: Dataset;
  model?: Model;
}

/** How a record file is written, judged the way the Logbook loader does. */
export type RecordForm = 'json' | 'frontmatter' | 'template';

const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** `*.json` → json; Markdown starting with a `---` line → frontmatter; other Markdown → template. */
export function detectRecordForm(text: string, file: string): RecordForm {
  if (/\.jsonc?$/i.test(file)) return 'json';
  return FRONTMATTER.test(text) ? 'frontmatter' : 'template';
}

/** The file name without folder and extension: the id the loader falls back to. */
export function fileStem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');
}

/**
 * Parses a JSON or frontmatter record into its raw data (no schema validation). Returns undefined
 * when the text does not parse or is not an object; template-form files also give undefined.
 */
export function readStructuredRecord(text: string, file: string): Record<string, unknown> | undefined {
  const form = detectRecordForm(text, file);
  try {
    let data: unknown;
    if (form === 'json') data = JSON.parse(text.replace(/^\uFEFF/, ''));
    else if (form === 'frontmatter') data = parseYaml(FRONTMATTER.exec(text)?.[1] ?? '');
    else return undefined;
    return isObject(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The id a record file declares: `id` in JSON or frontmatter, `**Experiment ID**:` in a template
 * (unless still a `[placeholder]`); otherwise the file name without extension, like the loader.
 */
export function readRecordId(text: string, file: string): string {
  if (detectRecordForm(text, file) === 'template') {
    const value = /^\s*\*\*Experiment ID\*\*:[ \t]*(.*?)\s*$/m.exec(text)?.[1];
    return value !== undefined && value !== '' && !/^\[.*\]$/.test(value) ? value : fileStem(file);
  }
  const id = readStructuredRecord(text, file)?.['id'];
  return typeof id === 'string' && id !== '' ? id : fileStem(file);
}

const DATASET_KEYS = fieldNames(DatasetSchema);

/**
 * Picks what a child experiment inherits from raw parent data: the dataset (name, version, location,
 * size, splits, split strategy, seed, preprocessing) and the model (type, architecture,
 * hyperparameter names, values and search spaces, training configuration). Parts that do not pass
 * the record schema are left out rather than copied broken.
 */
export function pickInheritable(data: unknown): Inheritable {
  const result: Inheritable = {};
  if (!isObject(data)) return result;
  const dataset = DatasetSchema.safeParse(data['dataset']);
  if (dataset.success) {
    const picked: Record<string, unknown> = {};
    const parsed: Record<string, unknown> = dataset.data;
    for (const key of DATASET_KEYS) if (parsed[key] !== undefined) picked[key] = parsed[key];
    if (Object.keys(picked).length > 0) result.dataset = picked;
  }
  const model = ModelSchema.safeParse(data['model']);
  if (model.success) {
    const m = model.data;
    const picked: Model = {};
    if (m.type !== undefined) picked.type = m.type;
    if (m.architecture !== undefined) picked.architecture = m.architecture;
    if (m.hyperparameters !== undefined) {
      picked.hyperparameters = m.hyperparameters.map((h) => {
        const copy: Hyperparameter = { name: h.name };
        if (h.value !== undefined) copy.value = h.value;
        if (h.searchSpace !== undefined) copy.searchSpace = h.searchSpace;
        return copy;
      });
    }
    if (m.training !== undefined) picked.training = m.training;
    if (Object.keys(picked).length > 0) result.model = picked;
  }
  return result;
}

/**
 * Reads the few labelled fields of a template-form record that need no Markdown parser
 * (dataset name, version, location; model type): the fallback when the Logbook parser is unavailable.
 */
export function readTemplateFields(text: string): Inheritable {
  const field = (label: string): string | undefined => {
    const value = new RegExp(`^\\s*\\*\\*${label}\\*\\*:[ \\t]*(.*?)\\s*$`, 'm').exec(text)?.[1];
    return value === undefined || value === '' || /^\[.*\]$/.test(value) ? undefined : value;
  };
  const result: Inheritable = {};
  const dataset: Dataset = {};
  const name = field('Dataset Name');
  const version = field('Dataset Version');
  const location = field('Dataset Location');
  if (name !== undefined) dataset.name = name;
  if (version !== undefined) dataset.version = version;
  if (location !== undefined) dataset.location = location;
  if (Object.keys(dataset).length > 0) result.dataset = dataset;
  const type = field('Model Type');
  if (type !== undefined) result.model = { type };
  return result;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
