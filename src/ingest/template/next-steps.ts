/** The "Next Steps" section: recommendations (a checkbox list) and deployment readiness. */

import { itemMarkdown, itemsOf } from '../markdown-blocks.ts';
import { normalizeLabel } from '../text.ts';
import { blockOf, type Handler, type LabelRule } from './context.ts';
import { asLabelRules, itemList, itemRule, keyValueFields, setItems, type ItemRule } from './fields.ts';

/** `Yes` / `No` / `Needs Review` → 'yes' / 'no' / 'needs-review' (anything else kept as written). */
function readReadiness(text: string): string {
  const norm = normalizeLabel(text);
  if (/^yes\b/.test(norm)) return 'yes';
  if (/^no\b/.test(norm)) return 'no';
  if (/needs? review|review/.test(norm)) return 'needs-review';
  return text;
}

/** Checkbox list → recommendations with `done`. */
const recommendationsHandler: Handler = (entry, ctx) => {
  const list = blockOf(entry, ctx, 'list');
  if (!list) {
    if (entry.value !== '') ctx.b.text(['nextSteps', 'recommendations'], entry.value, entry.position, (text) => [{ text, done: false }]);
    return;
  }
  setItems(['nextSteps', 'recommendations'], itemsOf(ctx.source, list), ctx, (item) => ({
    text: itemMarkdown(ctx.source, item),
    done: item.checked === true,
  }));
};

/** Deployment-readiness items (also usable as labels of their own), in order: the first match wins. */
export const DEPLOYMENT_RULES: readonly ItemRule[] = [
  itemRule(/ready|readiness|production/, ['nextSteps', 'readyForProduction'], readReadiness),
  { pattern: /blocker/, path: ['nextSteps', 'blockers'], read: itemList(['nextSteps', 'blockers']) },
  { pattern: /action/, path: ['nextSteps', 'actionItems'], read: itemList(['nextSteps', 'actionItems']) },
];

/** The next-steps section's labels, in order: the first match wins. */
export const NEXT_STEPS_RULES: readonly LabelRule[] = [
  { pattern: /recommend|next|todo|to do|follow/, path: ['nextSteps', 'recommendations'], handler: recommendationsHandler },
  { pattern: /deploy|readiness/, path: ['nextSteps'], handler: keyValueFields(['nextSteps'], DEPLOYMENT_RULES) },
  ...asLabelRules(DEPLOYMENT_RULES),
];
