/**
 * Tags as people write them in one string: separated by commas or semicolons (`vision, mixup`), or
 * as hashtags (`#nlp #sentiment`, the way chat and issue trackers write them), where the spaces
 * separate them and the `#` is not part of the tag.
 */

const HASHTAGS = /^#[^\s#,;]+(?:[\s,;]+#[^\s#,;]+)*$/u;

/** A tag without the `#` it was written with (`#nlp` → `nlp`); other text as it is, trimmed. */
export function bareTag(text: string): string {
  const trimmed = text.trim();
  return /^#[^\s#]/u.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/** The tags one string lists: `vision, mixup` → vision, mixup; `#nlp #sentiment` → nlp, sentiment. */
export function tagsOfText(text: string): string[] {
  const trimmed = text.trim();
  const parts = HASHTAGS.test(trimmed) ? trimmed.split(/[\s,;]+/u) : trimmed.split(/[,;]/u);
  return parts.map(bareTag).filter((tag) => tag !== '');
}
