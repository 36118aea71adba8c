/**
 * Claims written as lines in a JSON or frontmatter record (`"claims": ["sMAPE −3.4 pp vs seasonal
 * naive", "MASE: −6.5% vs parent"]`), read as a log's list of claims is: `Metric: change` or a
 * sentence naming the metric. A line read as neither is kept in `comparison.claimsNote`, shown with
 * the claims, as a log's is; claims written as objects are left as they are.
 */
import { isPlainObject } from './finish.ts';
import { splitKeyValue } from './markdown-blocks.ts';
import { parseClaim, proseClaim } from './template/comparison.ts';
import type { PathAliases } from './written-shapes.ts';

/** One line of claim as the record stores it, or undefined when it names no metric and change Logbook reads. */
export function claimOfLine(line: string): Record<string, unknown> | undefined {
  const text = line.trim();
  const split = splitKeyValue(text);
  if (split !== undefined && split.key !== '' && split.value !== '') {
    const claim = parseClaim(split.key, split.value);
    if (typeof claim['value'] === 'number') return claim;
  }
  const prose = proseClaim(text);
  if (prose === undefined) return undefined;
  const claim = parseClaim(prose.metric, prose.reference === undefined ? prose.change : `${prose.change} vs ${prose.reference}`);
  return { ...claim, text };
}

/** Reads `comparison.claims` written as lines (see the module comment); where each claim read was written. */
export function readWrittenClaims(data: Record<string, unknown>): PathAliases {
  const aliases: PathAliases = new Map();
  const comparison = data['comparison'];
  if (!isPlainObject(comparison) || !Array.isArray(comparison['claims'])) return aliases;
  const written: unknown[] = comparison['claims'];
  if (!written.some((claim) => typeof claim === 'string')) return aliases;
  const claims: unknown[] = [];
  const notes: string[] = [];
  written.forEach((claim, index) => {
    const read = typeof claim === 'string' ? claimOfLine(claim) : claim;
    if (read === undefined) {
      if (typeof claim === 'string' && claim.trim() !== '') notes.push(claim.trim());
      return;
    }
    if (claims.length !== index) aliases.set(`comparison.claims.${claims.length}`, `comparison.claims.${index}`);
    claims.push(read);
  });
  comparison['claims'] = claims;
  if (notes.length > 0) {
    const earlier =
      typeof comparison['claimsNote'] === 'string' && comparison['claimsNote'].trim() !== '' ? [comparison['claimsNote']] : [];
    comparison['claimsNote'] = [...earlier, ...notes].join('\n');
  }
  return aliases;
}
