import { isPlaceholder } from '../ingest/placeholder.ts';
import type { Dataset, Model, SearchSpace, Scalar } from '../schema/index.ts';

/** What goes into a new template-form record. */
export interface TemplateFill {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  parent?: string;
  /** Parent's dataset and model, rendered into the template's own fields. */
  dataset?: Dataset;
  model?: Model;
  /** Parent's section text (from `## Title` up to the `---` before the next section), copied verbatim. */
  sections?: Partial<Record<'Dataset Information' | 'Model Configuration', string>>;
}

/**
 * Fills the ML Experiment Tracking Log template: Experiment ID, Date and Parent, and — with a
 * parent — the Dataset Information and Model Configuration sections with what the parent has.
 * Every example value of the template is a placeholder first (`blankExamples`), so whatever the
 * parent does not have is left for the experimenter to fill in, never the template's example numbers.
 */
export function fillTemplate(template: string, fill: TemplateFill): string {
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  let lines = blankExamples(template).split(/\r?\n/);
  lines = replaceLabel(lines, 'Experiment ID', fill.id);
  lines = replaceLabel(lines, 'Date', fill.date);
  if (fill.parent !== undefined) lines = lines.map((line) => (/^-\s*Parent:/.test(line) ? `- Parent: ${fill.parent}` : line));
  for (const [title, text] of Object.entries(fill.sections ?? {})) {
    const range = sectionRange(lines, title);
    if (range !== undefined && text !== undefined) lines = [...lines.slice(0, range[0]), ...text.split(/\r?\n/), ...lines.slice(range[1])];
  }
  if (fill.dataset !== undefined)
    lines = withinSection(lines, 'Dataset Information', (section) => fillDataset(section, fill.dataset ?? {}));
  if (fill.model !== undefined) lines = withinSection(lines, 'Model Configuration', (section) => fillModel(section, fill.model ?? {}));
  return lines.join(eol);
}

/** Labels whose value is about the template itself, not an example of a record's value. */
const TEMPLATE_OWN_LABELS: ReadonlySet<string> = new Set(['Template Version', 'Based on']);

const LABEL_LINE = /^(\*\*(.+?)\*\*(?:\s*\([^)]*\))?:)[ \t]*(.*?)\s*$/;
const BULLET_LINE = /^(\s*[-*+] ([^:[\]]+):)[ \t]*(.*?)\s*$/;
const TABLE_SEPARATOR = /^\|[\s:|-]+\|\s*$/;

/**
 * The template with every example value turned into a placeholder, so no example number reaches a
 * new record: a `**Label**: value` or `- Key: value` example becomes `[YYYY-MM-DD]` for a date,
 * the value's shape with each number as N for a value starting with a number (`70% (700K records)`
 * → `[N% (N records)]`), else `[label]`; a table's example rows become one row of `[column]`
 * placeholders; a fenced block's example becomes `[label]` (the label above it). Values that are
 * already placeholders, and the template's own version and sources, are kept.
 */
export function blankExamples(template: string): string {
  const eol = template.includes('\r\n') ? '\r\n' : '\n';
  const lines = template.split(/\r?\n/);
  const out: string[] = [];
  let label = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('```')) {
      const close = lines.findIndex((next, j) => j > i && next.startsWith('```'));
      if (close === -1) {
        out.push(...lines.slice(i));
        break;
      }
      const body = lines.slice(i + 1, close);
      out.push(line, ...(isPlaceholder(body.join('\n')) ? body : [`[${label.toLowerCase()}]`]), lines[close] ?? '```');
      i = close;
      continue;
    }
    if (line.startsWith('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) {
      let end = i + 2;
      while (end < lines.length && (lines[end] ?? '').startsWith('|')) end++;
      const body = lines.slice(i + 2, end);
      const blank = `| ${tableCells(line)
        .map((cell) => `[${cell.toLowerCase()}]`)
        .join(' | ')} |`;
      out.push(line, lines[i + 1] ?? '', ...(body.every((row) => tableCells(row).every(isPlaceholder)) ? body : [blank]));
      i = end - 1;
      continue;
    }
    const labelled = LABEL_LINE.exec(line);
    if (labelled) label = labelled[2] ?? '';
    const field = labelled ?? BULLET_LINE.exec(line);
    const [, prefix = '', key = '', value = ''] = field ?? [];
    if (field && value !== '' && !isPlaceholder(value) && !TEMPLATE_OWN_LABELS.has(key))
      out.push(`${prefix} ${placeholderFor(key, value)}`);
    else out.push(line);
  }
  return out.join(eol);
}

/** The placeholder standing for an example value: `[YYYY-MM-DD]`, its shape with numbers as N, or `[key]`. */
function placeholderFor(key: string, value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return '[YYYY-MM-DD]';
  if (/^[+-]?\d/.test(value) && !/^\d+(\.\d+){2,}$/.test(value)) return `[${value.replace(/\d[\d,.]*[KMB]?/g, 'N')}]`;
  return `[${key.toLowerCase()}]`;
}

/** The cells of a table row, trimmed, without the outer pipes. */
function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());
}

/**
 * The text of section `## title` in a template-form record: from its heading up to, not including,
 * the `---` rule and blank lines before the next `## ` heading. Undefined when there is no such section.
 */
export function extractSection(text: string, title: string): string | undefined {
  const lines = text.split(/\r?\n/);
  const range = sectionRange(lines, title);
  return range === undefined ? undefined : lines.slice(range[0], range[1]).join('\n');
}

function sectionRange(lines: readonly string[], title: string): [number, number] | undefined {
  const start = lines.findIndex((line) => line.trim() === `## ${title}`);
  if (start === -1) return undefined;
  let end = lines.findIndex((line, i) => i > start && /^##\s/.test(line));
  if (end === -1) end = lines.length;
  while (end - 1 > start && ['', '---'].includes((lines[end - 1] ?? '').trim())) end--;
  return [start, end];
}

function withinSection(lines: string[], title: string, edit: (section: string[]) => string[]): string[] {
  const range = sectionRange(lines, title);
  if (range === undefined) return lines;
  return [...lines.slice(0, range[0]), ...edit(lines.slice(range[0], range[1])), ...lines.slice(range[1])];
}

function replaceLabel(lines: string[], label: string, value: string | undefined): string[] {
  if (value === undefined) return lines;
  const prefix = `**${label}**:`;
  return lines.map((line) => (line.trimStart().startsWith(prefix) ? `${prefix} ${value}` : line));
}

function replaceBullet(lines: string[], label: string, value: string | undefined): string[] {
  if (value === undefined) return lines;
  return lines.map((line) => (line.startsWith(`- ${label}:`) ? `- ${label}: ${value}` : line));
}

/** Replaces the block of lines matching `isItem` that follows the `**label**` line. */
function replaceBlockAfter(lines: string[], label: string, isItem: (line: string) => boolean, items: string[]): string[] {
  const at = lines.findIndex((line) => line.startsWith(`**${label}**`));
  if (at === -1) return lines;
  let from = at + 1;
  while (from < lines.length && !isItem(lines[from] ?? '') && (lines[from] ?? '').trim() === '') from++;
  let to = from;
  while (to < lines.length && isItem(lines[to] ?? '')) to++;
  return [...lines.slice(0, from), ...items, ...lines.slice(to)];
}

function fillDataset(section: string[], d: Dataset): string[] {
  let lines = replaceLabel(section, 'Dataset Name', d.name);
  lines = replaceLabel(lines, 'Dataset Version', d.version);
  lines = replaceLabel(lines, 'Dataset Location', d.location);
  const size =
    d.records !== undefined ? `${formatCount(d.records)} records${d.features !== undefined ? `, ${d.features} features` : ''}` : d.sizeText;
  lines = replaceLabel(lines, 'Dataset Size', d.sizeText ?? size);
  if (d.splits !== undefined && d.splits.length > 0) {
    const splitLines = d.splits.map((s) => {
      const parts = [
        s.fraction !== undefined ? formatPercent(s.fraction) : undefined,
        s.records !== undefined ? `(${formatCount(s.records)} records)` : undefined,
      ];
      return `- ${s.name}: ${parts.filter((p) => p !== undefined).join(' ')}`.trimEnd();
    });
    const at = lines.findIndex((line) => line.startsWith('**Train/Val/Test Split**'));
    if (at !== -1) {
      let to = at + 1;
      while (to < lines.length && /^- /.test(lines[to] ?? '') && !/^- (Split Strategy|Random Seed):/.test(lines[to] ?? '')) to++;
      lines = [...lines.slice(0, at + 1), ...splitLines, ...lines.slice(to)];
    }
  }
  lines = replaceBullet(lines, 'Split Strategy', d.splitStrategy);
  lines = replaceBullet(lines, 'Random Seed', d.randomSeed === undefined ? undefined : String(d.randomSeed));
  if (d.preprocessing !== undefined && d.preprocessing.length > 0) {
    lines = replaceBlockAfter(
      lines,
      'Data Preprocessing',
      (line) => /^\d+\.\s/.test(line),
      d.preprocessing.map((step, i) => `${i + 1}. ${step}`),
    );
  }
  return lines;
}

function fillModel(section: string[], m: Model): string[] {
  let lines = replaceLabel(section, 'Model Type', m.type);
  if (m.architecture !== undefined) {
    const at = lines.findIndex((line) => line.startsWith('**Model Architecture**'));
    const open = lines.findIndex((line, i) => i > at && line.startsWith('```'));
    const close = lines.findIndex((line, i) => i > open && line.startsWith('```'));
    if (at !== -1 && open !== -1 && close !== -1)
      lines = [...lines.slice(0, open + 1), ...m.architecture.split(/\r?\n/), ...lines.slice(close)];
  }
  if (m.hyperparameters !== undefined && m.hyperparameters.length > 0) {
    const header = lines.findIndex((line) => /^\|\s*Parameter\s*\|/.test(line));
    if (header !== -1) {
      let to = header + 2;
      while (to < lines.length && (lines[to] ?? '').startsWith('|')) to++;
      const rows = m.hyperparameters.map(
        (h) => `| ${h.name} | ${formatScalar(h.value)} | ${formatSearchSpace(h.searchSpace)} | ${h.tuningMethod ?? '-'} |`,
      );
      lines = [...lines.slice(0, header + 2), ...rows, ...lines.slice(to)];
    }
  }
  const t = m.training;
  if (t !== undefined) {
    lines = replaceBullet(lines, 'Optimizer', t.optimizer);
    lines = replaceBullet(lines, 'Loss Function', t.lossFunction);
    const es = t.earlyStopping;
    if (es !== undefined)
      lines = replaceBullet(
        lines,
        'Early Stopping',
        es.enabled ? `Yes${es.patience !== undefined ? ` (patience=${es.patience})` : ''}` : 'No',
      );
    lines = replaceBullet(lines, 'Learning Rate Schedule', t.learningRateSchedule);
  }
  return lines;
}

/** 1400000 → "1.4M", 300000 → "300K", 3750 → "3750": the way the template writes counts. */
export function formatCount(n: number): string {
  if (n >= 1_000_000 && n % 10_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}K`;
  return String(n);
}

/** 0.7 → "70%", 0.125 → "12.5%". */
export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 10_000) / 100}%`;
}

/** A search space the way the template's table writes it: `[min, max]`, `[a, b, c]` or the text. */
export function formatSearchSpace(space: SearchSpace | undefined): string {
  if (space === undefined) return '-';
  if (space.kind === 'range') return `[${space.min}, ${space.max}]`;
  if (space.kind === 'choice') return `[${space.values.map(formatScalar).join(', ')}]`;
  return space.text;
}

function formatScalar(value: Scalar | undefined): string {
  return value === undefined || value === null ? '-' : String(value);
}
