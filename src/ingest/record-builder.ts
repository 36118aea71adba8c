/** Builds a raw record field by field, remembering where each value came from and which were placeholders. */

import { setOwn } from '../util/own.ts';
import { isNotYetWritten, isPlaceholder, REQUIRED_LOOKING_FIELDS } from './placeholder.ts';
import { joinPath, type FieldPath, type SourcePosition } from './types.ts';

/** A record under construction, with the source position of every value set. */
export class RecordBuilder {
  readonly data: Record<string, unknown> = {};
  readonly positions = new Map<string, SourcePosition>();
  readonly placeholders: string[] = [];
  /** Values kept as notes because their reader expected something else (see `applyEntry`): path, where, the label, and what to say when not the usual. */
  /** Values kept as notes where a label's reader had no use for them; `prose`: a sentence, reported as info. */
  readonly notes: { path: FieldPath; position: SourcePosition; label: string; message?: string; hint?: string; prose?: boolean }[] = [];

  /** Values written twice: the later one kept, where the earlier one was and what it was. */
  readonly overwritten: { path: FieldPath; position: SourcePosition; earlier: SourcePosition; value: unknown }[] = [];

  /** Sets `path` to `value` (creating objects and arrays on the way) and records where it was written. */
  set(path: FieldPath, value: unknown, position?: SourcePosition): void {
    // A value written on another line before, now replaced by a different one: said, not dropped.
    const before = position === undefined ? undefined : this.get(path);
    const at = before === undefined ? undefined : this.positions.get(joinPath(path));
    if (position !== undefined && at !== undefined && typeof before !== 'object' && before !== value && at.line !== position.line)
      this.overwritten.push({ path, position, earlier: at, value: before });
    let container: Record<string | number, unknown> | unknown[] = this.data;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i] as string | number;
      const existing: unknown = Object.hasOwn(container, key) ? (container as Record<string | number, unknown>)[key] : undefined;
      if (typeof existing === 'object' && existing !== null) {
        container = existing as Record<string | number, unknown>;
      } else {
        const created: Record<string, unknown> | unknown[] = typeof path[i + 1] === 'number' ? [] : {};
        setOwn(container as Record<string, unknown>, String(key), created);
        container = created;
      }
    }
    const last = path.at(-1);
    if (last === undefined) return;
    setOwn(container as Record<string, unknown>, String(last), value);
    if (position) this.mark(path, position);
  }

  /** True when a value is already set at `path`. */
  has(path: FieldPath): boolean {
    return this.get(path) !== undefined;
  }

  /** How many items the list at `path` already holds (0 when none): where rows read next are numbered from. */
  lengthOf(path: FieldPath): number {
    const list = this.get(path);
    return Array.isArray(list) ? list.length : 0;
  }

  /**
   * Adds `items` to the list at `path` (read from a second table of the same kind, after the
   * first), or sets the list when there is none yet, at `position`.
   */
  append(path: FieldPath, items: readonly unknown[], position?: SourcePosition): void {
    const offset = this.lengthOf(path);
    if (offset === 0) this.set(path, [...items], position);
    else items.forEach((item, index) => this.set([...path, offset + index], item));
  }

  /** The value set at `path`, or undefined. */
  get(path: FieldPath): unknown {
    let value: unknown = this.data;
    for (const key of path) {
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
      value = (value as Record<string | number, unknown>)[key];
    }
    return value;
  }

  /** Records where the value at `path` was written (for values built as a whole, like table rows). */
  mark(path: FieldPath, position: SourcePosition): void {
    this.positions.set(joinPath(path), position);
    this.countUse(position);
  }

  /** How many values (or placeholders) were recorded as read from `position`. */
  usesOf(position: SourcePosition): number {
    return this.uses.get(`${position.line}:${position.column}`) ?? 0;
  }

  private readonly uses = new Map<string, number>();

  private countUse(position: SourcePosition): void {
    const key = `${position.line}:${position.column}`;
    this.uses.set(key, (this.uses.get(key) ?? 0) + 1);
  }

  /** Lists `path` as an unfilled placeholder (the field stays absent). */
  placeholder(path: FieldPath, position?: SourcePosition): void {
    const key = joinPath(path);
    if (!this.placeholders.includes(key)) this.placeholders.push(key);
    if (position && !this.positions.has(key)) this.positions.set(key, position);
    if (position) this.countUse(position);
  }

  /**
   * Sets a text value: nothing when empty, a placeholder when bracketed, otherwise `convert(text)` —
   * or the text itself when `convert` cannot read it, so validation reports it with its position.
   */
  text(path: FieldPath, text: string, position: SourcePosition, convert?: (text: string) => unknown): void {
    const trimmed = text.trim();
    if (trimmed === '') return;
    // `Hypothesis: TBD`, `Split Strategy: —`: not filled in, as a [placeholder] is (the required-looking
    // fields keep the words, for validation to say what they are).
    if (isPlaceholder(trimmed) || (isNotYetWritten(trimmed) && !REQUIRED_LOOKING_FIELDS.includes(joinPath(path)))) {
      this.placeholder(path, position);
      return;
    }
    const converted = convert ? convert(trimmed) : trimmed;
    this.set(path, converted === undefined ? trimmed : converted, position);
  }

  /**
   * Adds a line to a text kept as a note (`earlier; line`), where the first line was written: a note
   * gathered from several lines is one value, not a value written twice.
   */
  addLine(path: FieldPath, line: string, position: SourcePosition): void {
    const earlier = this.get(path);
    if (typeof earlier !== 'string' || earlier === '') {
      this.set(path, line, position);
      return;
    }
    this.set(path, `${earlier}; ${line}`);
  }
}
