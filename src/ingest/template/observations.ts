/** The "Observations & Insights" section: what worked, what did not, learnings, the feature-importance table. */

import { itemsOf, startOf, stripEmphasis, tableOf } from '../markdown-blocks.ts';
import { isPlaceholder } from '../placeholder.ts';
import { toCamelCase } from '../text.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { parseNumber } from '../units.ts';
import { blockOf, unreadList, type Context, type Entry, type Handler, type LabelRule, type TableRule } from './context.ts';
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
  if (!block) {
    importanceList(entry, ctx);
    return;
  }
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

/** `card1_te — 1520.3`, `TransactionAmt: 1210.8`, `D15 (640.5)`: a feature and its importance. */
const IMPORTANCE_ITEM =
  /^(.*?\S)\s*(?:[—–:=]|\s-)\s*([-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%?)$|^(.*?\S)\s*\(([-+]?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%?)\)$/i;

/** Features and their importances as a list, one per item (`1. card1_te — 1520.3`); read only when every item is one. */
function importanceList(entry: Entry, ctx: Context): void {
  const list = unreadList(entry, ctx);
  if (list === undefined) return;
  const items = itemsOf(ctx.source, list);
  const read = items.map((item) => {
    const match = item.nested ? null : IMPORTANCE_ITEM.exec(stripEmphasis(item.text).replace(/`/g, ''));
    const feature = match?.[1] ?? match?.[4];
    const number = match?.[2] ?? match?.[5];
    const importance = number === undefined ? undefined : parseNumber(number);
    return feature === undefined || importance === undefined
      ? undefined
      : { feature, importance, percent: (match?.[3] ?? match?.[6]) === '%', item };
  });
  if (read.length === 0 || read.some((r) => r === undefined)) return;
  ctx.consumed.add(list);
  const path: FieldPath = ['observations', 'featureImportance'];
  const offset = ctx.b.lengthOf(path);
  const rows = (read as NonNullable<(typeof read)[number]>[]).map((r, index) => {
    for (const field of [[], ['feature'], ['importance']]) ctx.b.mark([...path, offset + index, ...field], r.item.position);
    // A share written in percent keeps its unit as a note of the row: importances are shown as written.
    return r.percent ? { feature: r.feature, importance: r.importance, unit: '%' } : { feature: r.feature, importance: r.importance };
  });
  ctx.b.append(path, rows, startOf(list));
}

/** What a mark at the start of an observation says: it worked (`✅`, `✔`, `👍`, `[+]`), it did not (`❌`, `✗`, `👎`, `[-]`). */
const WORKED_MARK = /^(?:✅|✔️?|☑️?|👍|\[\+\]|\(\+\))\s*/u;
const FAILED_MARK = /^(?:❌|✗|✘|✖️?|👎|\[-\]|\(-\))\s*/u;
/** Any other mark an observation may start with (`⚠️`, `💡`, `🤔`, `ℹ️`): kept out of the text. */
const OTHER_MARK = /^(?:⚠️?|💡|🤔|ℹ️?|❗|❓|🔍|📌|📈|📉)\s*/u;

/** True when a list right under the observations' heading marks its items as worked or not (`- ✅ Mixup helped`). */
export function isMarkedObservationList(items: readonly { text: string; nested?: unknown }[]): boolean {
  return items.length > 0 && items.some((item) => WORKED_MARK.test(item.text) || FAILED_MARK.test(item.text));
}

/**
 * `- ✅ Mixup helped`, `- ❌ EMA hurt`, `- ⚠️ Val acc noisy`: the observations as a marked list —
 * what worked, what did not, and the rest the learnings — each without its mark.
 */
const markedObservations: Handler = (entry, ctx) => {
  const list = unreadList(entry, ctx);
  if (!list) return;
  ctx.consumed.add(list);
  const lists: Record<'worked' | 'didNotWork' | 'learnings', { text: string; position: SourcePosition }[]> = {
    worked: [],
    didNotWork: [],
    learnings: [],
  };
  for (const item of itemsOf(ctx.source, list)) {
    const text = item.text.trim();
    const kind = WORKED_MARK.test(text) ? 'worked' : FAILED_MARK.test(text) ? 'didNotWork' : 'learnings';
    lists[kind].push({ text: text.replace(WORKED_MARK, '').replace(FAILED_MARK, '').replace(OTHER_MARK, ''), position: item.position });
  }
  for (const [field, items] of Object.entries(lists)) {
    if (items.length === 0) continue;
    const path: FieldPath = ['observations', field];
    const offset = ctx.b.lengthOf(path);
    items.forEach((item, index) => ctx.b.mark([...path, offset + index], item.position));
    ctx.b.append(
      path,
      items.map((item) => item.text),
      items[0]?.position ?? startOf(list),
    );
  }
};

/** The observations section's labels, in order: the first match wins. */
export const OBSERVATIONS_RULES: readonly LabelRule[] = [
  // The label a marked list right under the heading stands for (`isMarkedObservationList`).
  { pattern: /^marked observations$/, path: ['observations'], handler: markedObservations },
  listRule(/didn t|did not|not work|failed|negative|unsuccessful|went wrong/, ['observations', 'didNotWork']),
  listRule(/worked|work well|went well|success|positive/, ['observations', 'worked']),
  listRule(/learning|lesson|takeaway/, ['observations', 'learnings']),
  textRule(/importance method|importance type/, ['observations', 'featureImportanceMethod']),
  { pattern: /importance|features/, path: ['observations', 'featureImportance'], handler: featureImportanceHandler },
];

/** Tables of this section written without a label line, by header row, in order: the first match wins. */
export const OBSERVATIONS_TABLES: readonly TableRule[] = [{ pattern: /^(feature|variable)s?( |$)/, label: 'Feature Importance' }];
