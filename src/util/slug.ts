/** Letters with accents as their base letters (`Métrique` → `Metrique`, `Präzision` → `Prazision`): for matching words, not for showing them. */
export function foldAccents(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** A URL-fragment slug: lower case, `-` between words ("F1 Score" → "f1-score"); empty input → "x". Stable for the same input. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'x' : slug;
}

/** 8 hex digits of the FNV-1a hash of `text` (UTF-16 code units): short, stable, and the same in every runtime. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * A URL segment that tells different texts apart: the slug alone when the text is only ASCII
 * letters, digits, spaces, `-`, `_` and `.` (so "Image Classification" and "image-classification"
 * share one segment), else the slug plus a short hash of the text — "日本語" and "中文" (both "x" as
 * slugs), or "C++" and "C#", each get their own.
 */
export function distinctSlug(text: string): string {
  const slug = slugify(text);
  return /^[A-Za-z0-9 _.-]*[A-Za-z0-9][A-Za-z0-9 _.-]*$/.test(text) ? slug : `${slug}-${shortHash(text)}`;
}
