/** The "Artifacts & Reproducibility" section: artifacts, code version, environment, random seeds. */

import { isPlaceholder } from '../placeholder.ts';
import type { FieldPath, SourcePosition } from '../types.ts';
import { closingAside, parseNumber } from '../units.ts';
import type { Code } from 'mdast';
import { codeOf } from '../markdown-blocks.ts';
import { blockOf, type Context, type Handler, type LabelRule } from './context.ts';
import { asLabelRules, itemRule, keyValueFields, keyValueItems, type ItemRule } from './fields.ts';

/** `Name: uri` items → artifacts. */
const artifactsHandler: Handler = (entry, ctx) => {
  const artifacts: Record<string, unknown>[] = [];
  let first: SourcePosition | undefined;
  for (const item of keyValueItems(entry, ctx)) {
    const path: FieldPath = ['reproducibility', 'artifacts', artifacts.length];
    if (item.value === '') continue;
    if (isPlaceholder(item.value)) {
      ctx.b.placeholder(path, item.position);
      continue;
    }
    first ??= item.item.position;
    ctx.b.mark(path, item.item.position);
    ctx.b.mark([...path, 'uri'], item.position);
    artifacts.push({ name: item.key === '' ? item.value : item.key, uri: item.value });
  }
  if (artifacts.length > 0) ctx.b.set(['reproducibility', 'artifacts'], artifacts, first);
};

/** Code-version items, in order: the first match wins. */
export const CODE_RULES: readonly ItemRule[] = [
  itemRule(/repo/, ['reproducibility', 'code', 'repository'], unquoteCode),
  itemRule(/branch/, ['reproducibility', 'code', 'branch'], unquoteCode),
  itemRule(/commit|sha|hash|revision/, ['reproducibility', 'code', 'commit'], unquoteCode),
  itemRule(/tag/, ['reproducibility', 'code', 'tag'], unquoteCode),
  itemRule(/entry|script|notebook|command/, ['reproducibility', 'code', 'entryPoint'], unquoteCode),
];

/** A value written as inline code (`` `a1b2c3d` ``, `` `python train.py` ``): the code itself. */
function unquoteCode(text: string): string {
  return /^`([^`]+)`$/.exec(text.trim())?.[1] ?? text;
}

/** Random seeds, by a label naming them (`Random Seeds`, `Seed`). */
export const SEEDS_RULE: LabelRule = {
  pattern: /seed/,
  path: ['reproducibility', 'seeds'],
  handler: (entry, ctx) => {
    // On the label's line (`Seed: 7`) one seed named by the label; else one per `Name: 7` item.
    if (entry.value !== '') seedValue(entry.label, entry.value, entry.position, ctx);
    for (const item of keyValueItems(entry, ctx))
      if (item.value !== '') seedValue(item.key === '' ? item.value : item.key, item.value, item.position, ctx);
  },
};

/**
 * One seed as written: `17`; `17 (also 23, 42 for the CI)` — the seed, the aside kept in
 * `reproducibility.seedsNote`; `23, 42` — a seed per number (`CI seeds 1`, `CI seeds 2`); anything
 * else — no seed, the text kept in the note. None is an error that would drop the record.
 */
function seedValue(name: string, written: string, position: SourcePosition, ctx: Context): void {
  const path: FieldPath = ['reproducibility', 'seeds'];
  const text = written.trim();
  const note = (words: string): void => {
    const earlier = ctx.b.get(['reproducibility', 'seedsNote']);
    const line = `${name}: ${words}`;
    ctx.b.set(['reproducibility', 'seedsNote'], typeof earlier === 'string' && earlier !== '' ? `${earlier}; ${line}` : line, position);
  };
  if (isPlaceholder(text)) {
    ctx.b.text([...path, name], text, position, parseNumber);
    return;
  }
  const whole = parseNumber(text);
  if (whole !== undefined) {
    ctx.b.set([...path, name], whole, position);
    return;
  }
  const aside = closingAside(text);
  const before = aside === undefined ? undefined : parseNumber(aside.before);
  if (aside !== undefined && before !== undefined) {
    ctx.b.set([...path, name], before, position);
    note(aside.inner);
    return;
  }
  const list = text.split(/\s*[,;]\s*|\s+and\s+/).map((part) => parseNumber(part));
  if (list.length > 1 && list.every((seed) => seed !== undefined && Number.isInteger(seed))) {
    list.forEach((seed, index) => ctx.b.set([...path, `${name} ${index + 1}`], seed, position));
    return;
  }
  note(text);
}

/** `torch 2.3.0`, `Python 3.11`, `numpy==1.26.4`: a package and its version, without a colon between. */
const PACKAGE_VERSION = /^(\S.*?)\s*(?:==|\s)\s*v?(\d+(?:\.\d+)*[\w.+-]*)$/;

/**
 * The software environment: `Name: version` items (or one on the label's line), and items that give
 * a package and its version without a colon (`- torch 2.3.0`, `- numpy==1.26.4`), each by its name.
 */
const environmentHandler: Handler = (entry, ctx) => {
  const path: FieldPath = ['reproducibility', 'environment'];
  if (entry.value !== '') ctx.b.text([...path, entry.label], unquoteCode(entry.value), entry.position);
  for (const item of keyValueItems(entry, ctx)) {
    if (item.key !== '') ctx.b.text([...path, item.key], item.value, item.position);
    else if (item.value !== '') {
      const named = PACKAGE_VERSION.exec(item.value);
      ctx.b.text([...path, named?.[1] ?? item.value], named?.[2] ?? item.value, item.position);
    }
  }
};

/** Languages a block of shell commands is marked with. */
const SHELL_LANGS = /^(?:bash|sh|shell|zsh|console|terminal|shell-session|powershell|ps1|cmd)$/i;
/** A line of a shell session that runs something (`python train.py …`, `$ make train`, `git checkout 3f9a2c1`). */
const COMMAND_LINE =
  /^\s*(?:\$\s+)?(?:python3?|accelerate|torchrun|deepspeed|git|make|bash|sh|docker|dvc|mlflow|uv|poetry|pip|conda|cd|export|CUDA_VISIBLE_DEVICES=\S*)\b/;

/** The label a block of shell commands under the reproducibility heading stands for: how to run it again. */
export function commandCodeLabel(code: Code): string | undefined {
  const lines = code.value.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  if (lines.length === 0) return undefined;
  const marked = code.lang !== null && code.lang !== undefined && SHELL_LANGS.test(code.lang);
  return marked || (!code.lang && lines.every((line) => COMMAND_LINE.test(line))) ? 'Shell commands' : undefined;
}

/**
 * A block of shell commands (`git checkout 3f9a2c1`, `python train.py --lr 4e-3`): the commands
 * are how the run is started (`code.entryPoint`, as written), and a `git checkout <commit>` in them
 * the code's commit, when no label gives those.
 */
const commandsHandler: Handler = (entry, ctx) => {
  const code = blockOf(entry, ctx, 'code');
  if (!code) return;
  const { text, position } = codeOf(code);
  if (!ctx.b.has(['reproducibility', 'code', 'entryPoint'])) ctx.b.set(['reproducibility', 'code', 'entryPoint'], text, position);
  const commit = /\bgit\s+(?:checkout|switch\s+--detach|reset\s+--hard)\s+([0-9a-f]{7,40})\b/.exec(text)?.[1];
  if (commit !== undefined && !ctx.b.has(['reproducibility', 'code', 'commit']))
    ctx.b.set(['reproducibility', 'code', 'commit'], commit, position);
};

/** The reproducibility section's labels, in order: the first match wins. */
export const REPRODUCIBILITY_RULES: readonly LabelRule[] = [
  { pattern: /^shell commands$/, path: ['reproducibility', 'code', 'entryPoint'], handler: commandsHandler },
  { pattern: /artifact|outputs/, path: ['reproducibility', 'artifacts'], handler: artifactsHandler },
  {
    pattern: /code|git|source|version control/,
    path: ['reproducibility', 'code'],
    handler: keyValueFields(['reproducibility', 'code'], CODE_RULES),
  },
  {
    pattern: /environment|\benv\b|dependencies|software|packages|requirements|docker|container|image/,
    path: ['reproducibility', 'environment'],
    handler: environmentHandler,
  },
  SEEDS_RULE,
  // `Repository: …`, `Commit: …`, `Branch: …`, `Command: …` on lines of their own, without a "Code Version" label.
  ...asLabelRules(CODE_RULES.slice(0, 3)),
  ...asLabelRules([
    itemRule(/^(?:(?:run|train(?:ing)?) )?command$|^entry ?point$/, ['reproducibility', 'code', 'entryPoint'], unquoteCode),
  ]),
];
