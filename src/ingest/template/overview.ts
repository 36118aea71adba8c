/** The "Experiment Overview" section: objective, hypothesis, success criteria (its lineage list is a header rule). */

import type { LabelRule } from './context.ts';
import { textRule } from './fields.ts';

/** The overview's labels, in order: the first match wins. */
export const OVERVIEW_RULES: readonly LabelRule[] = [
  textRule(/objective|goal|aim|purpose/, ['overview', 'objective']),
  textRule(/hypothes/, ['overview', 'hypothesis']),
  textRule(/success/, ['overview', 'successCriteria']),
];
