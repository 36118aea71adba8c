/**
 * fast-check arbitraries for records as people — and attackers — write them: every section of the
 * schema, with names that are Object.prototype keys, HTML and script payloads, Markdown images
 * and references, CJK, line breaks with workflow commands, and odd numbers; serialized as JSON,
 * as Markdown with YAML frontmatter, or as the filled-in template.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Names that have tripped code keyed by user text (prototype keys, Vega, vega-tooltip). */
export const RESERVED_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'image', 'title'];

/** Text payloads: markup, scripts, URLs that would be fetched, control characters, CJK. */
export const HOSTILE_TEXT = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  'javascript:alert(1)',
  'https://evil.example/x.png',
  '//evil.example/x.png',
  'data:text/html,<script>alert(1)</script>',
  'x\n::error::forged',
  '\u001b[31mred\u001b]0;t\u0007',
  '日本語',
  '中文',
  'C++',
  '',
  ' ',
  '%0A',
  '{{ x }}',
];

/** Markdown payloads: every way to get an image, a link or raw HTML into a page. */
export const HOSTILE_MARKDOWN = [
  '![a](https://evil.example/a.png)',
  '![b][r]\n\n[r]: https://evil.example/b.png',
  '![c][]\n\n[c]: //evil.example/c.png',
  '![d]\n\n[d]: https://evil.example/d.png "t"',
  '[![e](https://evil.example/e.png)](https://example.com)',
  '<img src="https://evil.example/f.png">',
  '<https://evil.example/g.png>',
  'https://evil.example/h.png',
  '[link](javascript:alert(1))',
  '[ref][j]\n\n[j]: javascript:alert(1)',
  '<a href="javascript:alert(1)">a</a>',
  '<details open ontoggle=alert(1)>x</details>',
  '<style>body{background:url(https://evil.example/i.png)}</style>',
  '| a | b |\n|---|---|\n| <b>1</b> | ![x](https://evil.example/t.png) |',
  '- [x] done <img src=x>\n- [ ] todo',
  '```html\n<script>alert(1)</script>\n```',
  '> quote ![q](//evil.example/q.png)',
  '# Heading <script>',
  '*emphasis* **strong** `code` ~~strike~~',
  '[^1]\n\n[^1]: footnote ![f](https://evil.example/f.png)',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const markdown = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...HOSTILE_MARKDOWN, ...HOSTILE_TEXT), { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('\n\n')),
  },
  { weight: 1, arbitrary: text },
);

const name = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...RESERVED_NAMES, 'Accuracy', 'F1 Score', 'Val Loss', 'Train Loss', 'Learning Rate', 'Latency (ms)'),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXT.filter((t) => t.trim() !== '')) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
);

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  fc.integer({ min: 0, max: 1000 }),
  fc.constantFrom(0, 1, 0.5, 0.869, 1e-12, 1e300, -1e300, 100),
);
const share = fc.double({ noNaN: true, min: 0, max: 1 });
const metricValue = fc.oneof({ weight: 4, arbitrary: fc.oneof(share, number) }, { weight: 1, arbitrary: fc.constant(null) });
const metrics = fc.dictionary(name, metricValue, { maxKeys: 5 });

/** Ids: mostly valid and shared between records (so lineage, compare pages and duplicates happen), some not. */
const ID_POOL = ['exp-001', 'exp-002', 'exp-003', 'Exp-001', 'con', 'index.html', 'a.b_c-1', 'x'];
const validId = fc.constantFrom(...ID_POOL);
const id = fc.oneof({ weight: 12, arbitrary: validId }, { weight: 1, arbitrary: text });

const searchSpace = fc.oneof(
  fc.record({ kind: fc.constant('range'), min: number, max: number, scale: fc.constantFrom('linear', 'log') }),
  fc.record({ kind: fc.constant('choice'), values: fc.array(fc.oneof(text, number, fc.boolean(), fc.constant(null)), { maxLength: 4 }) }),
  fc.record({ kind: fc.constant('text'), text }),
);

const confusionMatrix = fc.integer({ min: 2, max: 5 }).chain((n) =>
  fc.record({
    labels: fc.array(name, { minLength: n, maxLength: n }),
    matrix: fc.array(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
  }),
);

const historyRow = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.dictionary(name, metricValue, { maxKeys: 4 })).map(([epoch, columns]) => {
  const row: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(columns)) row[key] = value;
  row['epoch'] = epoch;
  return row;
});

const groupRow = fc.record(
  {
    group: text,
    attributes: fc.dictionary(name, text, { maxKeys: 2 }),
    overall: fc.boolean(),
    n: fc.integer({ min: 0, max: 100_000 }),
    metrics,
  },
  { requiredKeys: ['group', 'metrics'] },
);

const section = <T>(shape: { [K in keyof T]: fc.Arbitrary<T[K]> }) => fc.record(shape, { requiredKeys: [] });

/** A raw record: any subset of the schema's sections, filled with the values above. */
export const recordArb = fc.record(
  {
    id,
    name: text,
    date: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom('2025-01-15', '2025-03-01T10:00:00Z', '9999-12-31') },
      { weight: 1, arbitrary: text },
    ),
    completionDate: fc.constantFrom('2025-02-01'),
    experimenter: text,
    trackingPlatform: text,
    status: fc.constantFrom('planned', 'running', 'completed', 'failed', 'cancelled'),
    tags: fc.dictionary(name, text, { maxKeys: 4 }),
    overview: section({ objective: markdown, hypothesis: markdown, successCriteria: markdown }),
    lineage: section({ parent: id, related: fc.array(validId, { maxLength: 2 }) }),
    dataset: section({
      name: text,
      version: text,
      location: text,
      records: fc.integer({ min: 0, max: 10_000_000 }),
      splits: fc.array(
        fc.record({ name: text, fraction: share, records: fc.integer({ min: 0, max: 1_000_000 }) }, { requiredKeys: ['name'] }),
        {
          maxLength: 3,
        },
      ),
      preprocessing: fc.array(markdown, { maxLength: 2 }),
    }),
    model: section({
      type: text,
      architecture: text,
      hyperparameters: fc.array(
        fc.record(
          { name, value: fc.oneof(text, number, fc.boolean(), fc.constant(null)), searchSpace, tuningMethod: text },
          { requiredKeys: ['name'] },
        ),
        { maxLength: 4 },
      ),
    }),
    training: section({
      history: fc.array(historyRow, { maxLength: 12 }),
      bestModel: section({ epoch: fc.integer({ min: 0, max: 200 }), selectedBy: name, metrics }),
      infrastructure: section({ hardware: text, gpuCount: fc.integer({ min: 0, max: 8 }), durationHours: share, gpuHours: share }),
    }),
    evaluation: section({
      testMetrics: fc.array(
        fc.record(
          {
            metric: name,
            value: metricValue,
            ci95: fc.oneof(share, fc.record({ low: number, high: number })),
            unit: fc.constantFrom('%', 'ms', 'pp'),
          },
          { requiredKeys: ['metric', 'value'] },
        ),
        { maxLength: 4 },
      ),
      confusionMatrix,
      disaggregated: fc.array(groupRow, { maxLength: 5 }),
    }),
    comparison: section({
      baselines: fc.array(
        fc.record(
          { label: text, current: fc.boolean(), experimentId: validId, metrics, notes: text },
          { requiredKeys: ['label', 'metrics'] },
        ),
        { maxLength: 3 },
      ),
      claims: fc.array(
        fc.record({ metric: name, text, value: number, unit: fc.constantFrom('%', 'pp', 'abs') }, { requiredKeys: ['metric', 'text'] }),
        { maxLength: 2 },
      ),
    }),
    observations: section({
      worked: fc.array(markdown, { maxLength: 2 }),
      learnings: fc.array(markdown, { maxLength: 2 }),
      featureImportance: fc.array(
        fc.record({ feature: name, importance: number, description: text }, { requiredKeys: ['feature', 'importance'] }),
        {
          maxLength: 4,
        },
      ),
    }),
    nextSteps: section({
      recommendations: fc.array(fc.record({ text: markdown, done: fc.boolean() }), { maxLength: 2 }),
      readyForProduction: fc.constantFrom('yes', 'no', 'needs-review'),
    }),
    trackers: section({ mlflowUrl: text, wandbRun: text, mlflowRunId: text }),
    reproducibility: section({ artifacts: fc.array(fc.record({ name: text, uri: text }), { maxLength: 2 }) }),
    notes: markdown,
    sections: fc.array(fc.record({ title: text, markdown }), { maxLength: 2 }),
    [RESERVED_NAMES[0] as string]: text,
  },
  { requiredKeys: ['id'] },
);

/** A record as the text of a file: JSON, or Markdown with YAML frontmatter (its notes as the body). */
export function serialize(record: Record<string, unknown>, form: 'json' | 'frontmatter'): { name: string; text: string } {
  if (form === 'json') return { name: 'json', text: JSON.stringify(record, null, 1) };
  const { notes, ...rest } = record;
  return { name: 'md', text: `---\n${stringify(rest)}---\n\n${typeof notes === 'string' ? notes : ''}\n` };
}

/** What goes in the placeholder of a template line, by the line's label: valid values where a wrong one is an error. */
function slotArb(line: string): fc.Arbitrary<string> {
  const keep = (placeholder: string) => fc.constant(placeholder);
  if (/Experiment ID|Parent|Related/.test(line)) return validId;
  if (/\*\*Status\*\*/.test(line)) return fc.constantFrom('running', 'completed', 'failed');
  if (/Ready for Production/.test(line)) return fc.constantFrom('Yes', 'No', 'Needs Review');
  if (/^- \[ \]/.test(line)) return keep('[ ]');
  if (/^\|/.test(line))
    return fc.oneof(
      number.map((n) => `[${n}, ${n + 1}]`),
      name,
      text.map((t) => t.replace(/\|/g, '/')),
    );
  return fc.oneof(text, markdown, name, number.map(String)).map((value) => value.replace(/\n/g, ' '));
}

/**
 * The filled-in template with its bracketed placeholders replaced by generated values (or left as
 * placeholders): Markdown shaped like the template, the third input form.
 */
export function templateArb(template: string): fc.Arbitrary<string> {
  const lines = template.split('\n');
  const slots = lines.map((line) => {
    const count = line.match(/\[[^\]\n]*\]/g)?.length ?? 0;
    return count === 0
      ? fc.constant<string[]>([])
      : fc.array(fc.option(slotArb(line), { nil: undefined, freq: 4 }), { minLength: count, maxLength: count });
  });
  return fc.tuple(...slots).map((filled) =>
    lines
      .map((line, index) => {
        let slot = 0;
        const values = filled[index] ?? [];
        return line.replace(/\[[^\]\n]*\]/g, (placeholder) => values[slot++] ?? placeholder);
      })
      .join('\n'),
  );
}
