/** The "Hyperparameter Tuning" section: method, tool, trials, budget, the best hyperparameters' YAML block. */

import { parseDocument } from 'yaml';
import { isPlainObject } from '../finish.ts';
import { codeOf } from '../markdown-blocks.ts';
import { isPlaceholder } from '../placeholder.ts';
import { parseCount, parseGpuHours } from '../units.ts';
import { blockOf, type Handler, type LabelRule } from './context.ts';
import { textRule } from './fields.ts';

/** The ```yaml block of best hyperparameters → an object (text it cannot read is kept as written). */
const bestHyperparametersHandler: Handler = (entry, ctx) => {
  const code = blockOf(entry, ctx, 'code');
  if (!code) {
    if (entry.value !== '') ctx.b.text(['tuning', 'bestHyperparameters'], entry.value, entry.position);
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
