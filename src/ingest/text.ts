/** Small text helpers shared by the parsers and the validator. */

import type { SourcePosition } from './types.ts';
import { foldAccents } from '../util/slug.ts';

/** Levenshtein edit distance between two strings (insertions, deletions, substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The longest word `closestMatch` suggests a match for. */
const SUGGESTED_LENGTH = 200;

/**
 * The candidate closest to `word` (case-insensitive), or undefined when there is none within
 * `maxDistance` (default: a third of the word's length, at least 2). Ties go to the earlier candidate.
 */
export function closestMatch(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const limit = maxDistance ?? Math.max(2, Math.floor(word.length / 3));
  // A word longer than any name a record may give (an id is at most 100 characters) is nobody's typo;
  // comparing it would cost its length times each candidate's (hostile records write 5,000).
  if (word.length > SUGGESTED_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // Two words that differ in length by more than the limit are further apart than it.
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * The key of a table column Logbook does not model: its header in camelCase (`Train Loss` →
 * `trainLoss`) when spelling that out again gives back the header's words; else the header as written
 * (`Std (3 seeds)`, `Grader agreement (κ)`, `Seed 1`), whose aside, symbol or number camelCase would lose.
 */
export function columnKey(header: string): string {
  const camel = toCamelCase(header);
  const words = (text: string): string =>
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .toLowerCase();
  return words(camel) === words(header) ? camel : header.trim();
}

/** `"Learning Rate Schedule"` → `"learningRateSchedule"`; `"GPU-hours"` → `"gpuHours"`. */
export function toCamelCase(text: string): string {
  const words = text
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
  return words
    .map((word, index) => {
      const lower = word.toLowerCase();
      return index === 0 ? lower : lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

/** Lower-cases, drops parenthesised asides and punctuation, collapses spaces: `"Test Set Performance (held-out):"` → `"test set performance"`. */
export function normalizeLabel(text: string): string {
  // `Métrique`, `Präzision`: letters with accents as their base letters (`metrique`, `prazision`).
  return foldAccents(text.replace(/\([^)]*\)/g, ' ').toLowerCase())
    .replace(/ß/g, 'ss')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Converts 0-based character offsets in `text` into 1-based line:column positions. */
export function createLineIndex(text: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

/** The file name without folders and extension: `content/exp-001.md` → `exp-001`. */
export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
