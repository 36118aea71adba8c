/** The JSON Schema users point their editors at (`public/schema/experiment.schema.json`). */

import { z } from 'zod';
import { ExperimentSchema } from '../schema/index.ts';
import { HISTORY_STEP_KEYS } from '../analysis/history-axis.ts';
import { CLASS_NAME_KEYS, METRIC_NAME_KEYS, SETTING_NAME_KEYS, TOP_LEVEL_HOMES, topLevelName } from './written-shapes.ts';

/** The `$id` of the record schema: a name that stays the same wherever the file is published. */
export const EXPERIMENT_SCHEMA_ID = 'urn:logbook:schema:experiment:1';

/** The JSON Schema of a record as users write it (zod input types), pretty-printed with a trailing newline. */
export function renderExperimentJsonSchema(): string {
  const schema = z.toJSONSchema(ExperimentSchema, { io: 'input' }) as JsonSchema;
  return `${JSON.stringify({ $id: EXPERIMENT_SCHEMA_ID, ...withWrittenShapes(schema) }, null, 2)}\n`;
}

type JsonSchema = Record<string, unknown>;

/**
 * The top-level keys `readWrittenShapes` moves home (`TOP_LEVEL_HOMES`), as they are spelled in
 * records — the schema names exact keys, while Logbook compares them without case, `_` or `-`.
 */
export const TOP_LEVEL_SPELLINGS: readonly string[] = [
  'params',
  'parameters',
  'hyperparameters',
  'hparams',
  'metrics',
  'test_metrics',
  'results',
  'test_results',
  'history',
  'training_metrics',
  'parent',
  'parent_id',
  'author',
  'owner',
  'run_name',
  'title',
  'config',
  'state',
  'created_at',
  'createdAt',
  'created',
  'created_on',
  'git_commit',
  'commit',
  'git_sha',
  'git_branch',
  'branch',
  'experiment_id',
  'experimentId',
  'exp_id',
  'expid',
  'confusion_matrix',
  'baselines',
  'fairness',
  'groups',
  'by_group',
  'disaggregated',
];

/** A 95% interval written as its bounds, `[0.861, 0.887]`. */
const BOUNDS_PAIR: JsonSchema = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
  description: '95% CI as its bounds, [low, high].',
};

/**
 * The schema with the shapes Logbook reads besides its own (`readWrittenShapes`) as alternatives,
 * so an editor accepts what `logbook validate` accepts: tags as a list or a string, the model and the
 * dataset named in one word, hyperparameters and test
 * metrics as maps, a history as columns or counted in steps, an interval as a pair, a bare confusion
 * matrix, features as names, a setting's value as a list, and the top-level keys tools and habit use
 * (`params`, `metrics`, `experiment_id`, …).
 */
function withWrittenShapes(schema: JsonSchema): JsonSchema {
  widen(at(schema, 'tags'), {
    type: 'array',
    items: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] },
    description: 'Tags as a list: ["vision", "mixup"], items may be { "owner": "cv-team" }.',
  });
  widen(at(schema, 'tags'), { type: 'string', description: 'Tags as one string, separated by commas: "vision, mixup".' });
  widen(at(schema, 'dataset', 'features'), {
    type: 'array',
    items: { type: 'string' },
    description: "The features' names (their count is the number of features).",
  });
  // A row named under another key (`{ "name": "accuracy", "value": 0.91 }`, MLflow's `{ "key": "lr", "value": "0.001" }`).
  for (const [path, field, spellings] of [
    [['evaluation', 'testMetrics', '[]'], 'metric', METRIC_NAME_KEYS],
    [['model', 'hyperparameters', '[]'], 'name', SETTING_NAME_KEYS],
  ] as const) {
    const named = at(schema, ...path);
    if (named === undefined) throw new Error(`json-schema: no ${path.join('.')} row in the record schema`);
    const required = ((named['required'] as string[] | undefined) ?? []).filter((key) => key !== field);
    if (required.length > 0) named['required'] = required;
    else delete named['required'];
    named['anyOf'] = [field, ...spellings].map((key) => ({ required: [key] }));
  }
  widen(at(schema, 'model', 'hyperparameters', '[]', 'value'), {
    type: ['array', 'object'],
    description: 'A list or an object, kept as its text ([0.9, 0.999]).',
  });
  widen(at(schema, 'model', 'hyperparameters'), {
    type: 'object',
    additionalProperties: true,
    description:
      'Settings as a map: name → value ({ "lr": 0.001 }), groups nested ({ "train": { "lr": 0.01 } } → train.lr), or name → fields ({ "lr": { "value": 0.1 } }).',
  });
  widen(at(schema, 'evaluation', 'testMetrics', '[]', 'ci95'), BOUNDS_PAIR);
  widen(at(schema, 'evaluation', 'testMetrics'), {
    type: 'object',
    additionalProperties: { anyOf: [{ type: ['number', 'null'] }, { type: 'object' }] },
    description:
      'Metrics as a map: name → value ({ "accuracy": 0.87 }), name → fields ({ "f1": { "value": 0.84, "ci95": [0.83, 0.85] } }), or by split ({ "test": { "accuracy": 0.87 }, "train": { … } }).',
  });
  widen(at(schema, 'evaluation', 'confusionMatrix'), {
    type: 'array',
    items: { type: 'array', items: { type: 'number' } },
    description: 'The bare matrix (rows: actual, columns: predicted), its classes from a top-level "labels", "classes" or "target_names".',
  });
  const baselineIntervals = at(schema, 'comparison', 'baselines', '[]', 'ci95');
  widen(baselineIntervals?.['additionalProperties'] as JsonSchema | undefined, BOUNDS_PAIR);
  const row = at(schema, 'training', 'history', '[]');
  if (row === undefined) throw new Error('json-schema: no training.history row in the record schema');
  // A row counted in steps (`{ "step": 100, "loss": 0.9 }`) has no `epoch`.
  delete row['required'];
  row['anyOf'] = ['epoch', ...HISTORY_STEP_KEYS].map((key) => ({ required: [key] }));
  widen(at(schema, 'training', 'history'), {
    type: 'object',
    additionalProperties: { type: 'array', items: { type: ['number', 'null'] } },
    description: 'Columns of equal length ({ "loss": [0.9, 0.7] }), as pandas\' to_dict("list") and Keras\' history.history write them.',
  });
  const properties = schema['properties'] as Record<string, JsonSchema>;
  for (const key of TOP_LEVEL_SPELLINGS) {
    const home = TOP_LEVEL_HOMES.get(topLevelName(key));
    if (home === undefined) throw new Error(`json-schema: "${key}" is no top-level key Logbook moves home`);
    const target = home.holds === 'text' ? { type: 'string' } : structuredClone(at(schema, ...home.path) ?? {});
    properties[key] = { ...target, description: `Read as "${home.path.join('.')}" when the record does not give that field.` };
  }
  for (const key of CLASS_NAME_KEYS)
    properties[key] = {
      type: 'array',
      items: { type: ['string', 'number'] },
      description: 'The classes of a top-level "confusion_matrix", in its order.',
    };
  // The id may be written under a name tools give it; without any, the file's name is the id (a warning).
  const ids = ['id', ...TOP_LEVEL_SPELLINGS.filter((key) => TOP_LEVEL_HOMES.get(topLevelName(key))?.path.join('.') === 'id')];
  delete schema['required'];
  schema['anyOf'] = ids.map((key) => ({ required: [key] }));
  // Last: a part widened to a string no longer has its fields at `properties` for the widenings above.
  widen(at(schema, 'model'), { type: 'string', description: 'The model in one word, "roberta-base": its type.' });
  widen(at(schema, 'dataset'), { type: 'string', description: 'The dataset in one word, "sst2": its name.' });
  return schema;
}

/** The schema of the field at `steps` (`[]` steps into a list's items); undefined when there is none. */
function at(node: JsonSchema | undefined, ...steps: string[]): JsonSchema | undefined {
  return steps.reduce<JsonSchema | undefined>(
    (current, step) =>
      step === '[]'
        ? (current?.['items'] as JsonSchema | undefined)
        : (current?.['properties'] as Record<string, JsonSchema> | undefined)?.[step],
    node,
  );
}

/** Makes `node` accept `alternatives` too (in place, its description kept on the outside). */
function widen(node: JsonSchema | undefined, ...alternatives: JsonSchema[]): void {
  if (node === undefined) throw new Error('json-schema: a field the written shapes widen is missing from the record schema');
  const { description, ...shape } = node;
  for (const key of Object.keys(node)) delete node[key];
  const options = Object.keys(shape).length === 1 && Array.isArray(shape['anyOf']) ? (shape['anyOf'] as JsonSchema[]) : [shape];
  Object.assign(node, description === undefined ? {} : { description }, { anyOf: [...options, ...alternatives] });
}
