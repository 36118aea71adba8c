/** The "Observations & Insights" section: what worked, what did not, learnings, the feature-importance table. */

import { startOf, stripEmphasis, tableOf } from '../markdown-blocks.ts';
import { isPlaceholder } from '../placeholder.ts';
import { toCamelCase } from '../text.ts';
import { blockOf, type Handler, type LabelRule, type TableRule } from './context.ts';
import { listRule, textRule } from './fields.ts';
import { column, numberCell, readTableRows } from './table.ts';

const IMPORTANCE_METHOD = /\b(shap|gain|permutation|split|weight|cover|lime|impurity|gini)\b/i;

/** The feature-importance table: feature, importance, description (other columns kept). */
const featureImportanceHandler: Handler = (entry, ctx) => {
  const method = entry.qualifier
    .split(/[,;]/)
    .map((part) => part.trim())
    .find((part) => IMPORTANCE_METHOD.test(part));
  if (method) ctx.b.set(['observations', 'featureImportanceMethod'], method, entry.position);
  const block = blockOf(entry, ctx, 'table');
  if (!block) return;
  const table = tableOf(ctx.source, block);
  const feature = Math.max(0, column(table, /feature|name|variable/));
  const importance = column(table, /importance|score|weight|gain|shap|value/, [feature]);
  const description = column(table, /desc|meaning|notes?/, [feature, importance]);
  readTableRows(table, startOf(block), ctx, {
    path: ['observations', 'featureImportance'],
    key: feature,
    keyField: 'feature',
    readRow: (row, write) => {
      table.header.forEach((head, index) => {
        const cell = row[index];
        if (index === feature || !cell || cell.text === '') return;
        const key =
          index === importance ? 'importance' : index === description ? 'description' : toCamelCase(head.text) || `column${index + 1}`;
        if (isPlaceholder(cell.text)) {
          write.placeholder(key, cell);
          return;
        }
        write.set(key, index === importance ? numberCell(cell) : stripEmphasis(cell.text), cell);
      });
    },
  });
};

/** The observations section's labels, in order: the first match wins. */
export const OBSERVATIONS_RULES: readonly LabelRule[] = [
  listRule(/didn t|did not|not work|failed|negative|unsuccessful/, ['observations', 'didNotWork']),
  listRule(/worked|work well|went well|success|positive/, ['observations', 'worked']),
  listRule(/learning|lesson|takeaway/, ['observations', 'learnings']),
  textRule(/importance method|importance type/, ['observations', 'featureImportanceMethod']),
  { pattern: /importance|features/, path: ['observations', 'featureImportance'], handler: featureImportanceHandler },
];

/** Tables of this section written without a label line, by header row, in order: the first match wins. */
export const OBSERVATIONS_TABLES: readonly TableRule[] = [{ pattern: /^(feature|variable)s?( |$)/, label: 'Feature Importance' }];
