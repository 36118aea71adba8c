import { describe, expect, test } from 'vitest';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import { LIMITS, bracketDepthExceeded, longestMarkdownParagraph, markdownFields, utf8Length } from '../../src/ingest/limits.ts';

/** Parses and validates a text, returning the formatted diagnostics and whether a record came out. */
function check(text: string, file: string): { problems: string[]; valid: boolean } {
  const { record, diagnostics } = validateRecord(parseSource(text, { file }), { file });
  return { problems: diagnostics.map(formatDiagnostic), valid: record !== undefined };
}

const json = (value: unknown): string => JSON.stringify(value);

describe('utf8Length', () => {
  test.each([
    ['abc', 3],
    ['é', 2],
    ['日本', 6],
    ['😀', 4],
    ['', 0],
  ])('%s is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });
});

describe('bracketDepthExceeded', () => {
  test('returns the offset of the first bracket past the limit, not counting brackets in JSON strings', () => {
    expect(bracketDepthExceeded('[[[]]]', 3, true)).toBeUndefined();
    expect(bracketDepthExceeded('[[[[]]]]', 3, true)).toBe(3);
    expect(bracketDepthExceeded('["[[[[", {"a": "\\"[[["}]', 3, true)).toBeUndefined();
    // YAML: every bracket counts.
    expect(bracketDepthExceeded("['[[[']", 3, false)).toBe(4);
  });
});

describe('longestMarkdownParagraph', () => {
  test('measures runs of lines without a blank line, with the line each starts on', () => {
    expect(longestMarkdownParagraph('ab\ncd\n\nefghijk\n')).toEqual({ chars: 7, line: 4 });
    expect(longestMarkdownParagraph('abc\nde\n\nf')).toEqual({ chars: 6, line: 1 });
  });

  test('counts the rows of a table one by one, also when the table follows a paragraph line', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `| ${i} | 0.5 |`).join('\n');
    const table = `**Training Metrics**:\n| Epoch | Loss |\n|-------|------|\n${rows}\n`;
    // The longest is the label line, `**Training Metrics**:` (21 characters).
    expect(longestMarkdownParagraph(table)).toEqual({ chars: 21, line: 1 });
  });

  test('does not trust a table after a list item or a quote (it may be a lazy continuation): the whole run counts', () => {
    for (const lead of ['- item', '> quote', '1. item', '    code']) {
      const text = `${lead}\n| a | b |\n|---|---|\n| 1 | 2 |`;
      expect(longestMarkdownParagraph(text).chars, lead).toBe(text.length);
    }
  });

  test('does not trust a head and delimiter with different cell counts, or an escaped pipe', () => {
    for (const head of ['| a | b | c |', '| a \\| b |']) {
      const text = `${head}\n|---|---|\n| 1 | 2 |`;
      expect(longestMarkdownParagraph(text).chars, head).toBe(text.length);
    }
  });
});

describe('markdownFields', () => {
  test('finds every field the schema types as Markdown, in lists and sections too', () => {
    const record = {
      id: 'x',
      name: 'not Markdown',
      notes: 'n',
      overview: { objective: 'o' },
      dataset: { name: 'not Markdown', preprocessing: ['p0', 'p1'] },
      observations: { worked: ['w'] },
      nextSteps: { recommendations: [{ text: 'r', done: false }] },
      sections: [{ title: 'not Markdown', markdown: 's' }],
      // A baseline's notes are shown as Markdown, so they are held to its limits (an adversarial review
      // found 90 KB of `*a_` in one taking 1 m 43 s to render).
      comparison: { baselines: [{ label: 'not Markdown', metrics: {}, notes: 'b' }] },
    };
    expect(markdownFields(record).map(([path, text]) => [path.join('.'), text])).toEqual([
      ['overview.objective', 'o'],
      ['dataset.preprocessing.0', 'p0'],
      ['dataset.preprocessing.1', 'p1'],
      ['comparison.baselines.0.notes', 'b'],
      ['observations.worked.0', 'w'],
      ['nextSteps.recommendations.0.text', 'r'],
      ['notes', 'n'],
      ['sections.0.markdown', 's'],
    ]);
  });
});

describe('limits in validate', () => {
  test('a record file past the size limit is refused before it is parsed', () => {
    const text = json({ id: 'big', notes: 'x'.repeat(LIMITS.recordBytes) });
    const { problems, valid } = check(text, 'big.json');
    expect(valid).toBe(false);
    expect(problems).toEqual([
      'big.json: the file is 5,242,903 bytes; a record may be at most 5,242,880 bytes — split it into several records, or keep bulky data (logs, raw predictions) outside the record',
    ]);
  });

  test('YAML nested past the limit (block style, which brackets do not show) is an error at the field', () => {
    const text = `---\nid: deep\nx:\n  ${'- '.repeat(80)}leaf\n---\n`;
    expect(check(text, 'deep.md').problems).toEqual([
      'deep.md:4:129 x.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0: objects and lists are nested more than 64 levels deep — flatten the structure: no record field needs that much nesting',
    ]);
  });

  test('a YAML alias bomb ("billion laughs") is one error for the file', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `---\nid: laughs\n${levels.join('\n')}\n---\n`;
    expect(check(text, 'laughs.md')).toEqual({
      problems: [
        'laughs.md:2:1: invalid YAML frontmatter: too many aliases (*name); the frontmatter would expand without bound — write the values out instead of repeating them through anchors (&name) and aliases (*name)',
      ],
      valid: false,
    });
  });

  // Large inputs: generous timeouts for a shared CI machine.
  test(
    'a history past the row limit, a matrix past the class limit, a long list and a wide object are errors at their fields',
    { timeout: 30_000 },
    () => {
      const history = Array.from({ length: LIMITS.historyRows + 1 }, (_, epoch) => ({ epoch, loss: 0.5 }));
      const labels = Array.from({ length: LIMITS.confusionClasses + 1 }, (_, i) => `c${i}`);
      const record = {
        id: 'big',
        training: { history },
        evaluation: { confusionMatrix: { labels, matrix: labels.map(() => labels.map(() => 1)) } },
        dataset: { preprocessing: Array.from({ length: LIMITS.listItems + 1 }, () => 'step') },
        tags: Object.fromEntries(Array.from({ length: LIMITS.objectKeys + 1 }, (_, i) => [`k${i}`, 'v'])),
      };
      const { problems, valid } = check(JSON.stringify(record, null, 1), 'big.json');
      expect(valid).toBe(false);
      expect(problems.map((p) => p.replace(/^big\.json:\d+:\d+ /, ''))).toEqual([
        'training.history: the list has 50,001 items; at most 50,000 are allowed — log every n-th step, or keep the full history in your tracker and link it',
        'evaluation.confusionMatrix: the confusion matrix has 101 classes; at most 100 are allowed — group rare classes together, or report per-class metrics instead',
        'dataset.preprocessing: the list has 1,001 items; at most 1,000 are allowed — split it into several records, or keep bulky data (logs, raw predictions) outside the record',
        'tags: the object has 1,001 keys; at most 1,000 are allowed — split it into several records, or keep bulky data (logs, raw predictions) outside the record',
      ]);
    },
  );

  test('at the limits, a record is valid', { timeout: 30_000 }, () => {
    const history = Array.from({ length: LIMITS.historyRows }, (_, epoch) => ({ epoch, loss: 0.5 }));
    const labels = Array.from({ length: LIMITS.confusionClasses }, (_, i) => `c${i}`);
    const record = {
      id: 'a'.repeat(LIMITS.idLength),
      training: { history },
      evaluation: { confusionMatrix: { labels, matrix: labels.map(() => labels.map(() => 1)) } },
      notes: Array.from({ length: 30 }, () => 'word '.repeat(LIMITS.markdownParagraphChars / 5 - 1)).join('\n\n'),
    };
    expect(check(JSON.stringify(record), 'ok.json')).toEqual({ problems: [], valid: true });
  });

  test.each([
    [
      'a'.repeat(101),
      'the id is 101 characters long; at most 100 are allowed — use a short id such as "fraud-gbm-003" (it names the page folder and the API file)',
    ],
    [
      'index.html',
      'the id "index.html" ends like a file name — drop the extension: the id becomes a folder (experiments/<id>/) on the site',
    ],
    ['exp.JSON', 'the id "exp.JSON" ends like a file name — drop the extension: the id becomes a folder (experiments/<id>/) on the site'],
  ])('the id %s is an error', (id, message) => {
    expect(check(json({ id }), 'x.json').problems).toEqual([`x.json:1:7 id: ${message}`]);
  });

  test('a Markdown field with a paragraph past the limit is an error at the field; all Markdown together has a limit too', () => {
    const long = 'word '.repeat(LIMITS.markdownParagraphChars / 5 + 1);
    expect(check(json({ id: 'x', overview: { objective: long } }), 'x.json').problems).toEqual([
      'x.json:1:35 overview.objective: a Markdown paragraph is 5,005 characters long; at most 5,000 are allowed (long paragraphs make Markdown slow to render) — split it with blank lines into shorter paragraphs',
    ]);
    const many = Array.from({ length: 50 }, () => `${'word '.repeat(800)}\n\n`.repeat(1));
    expect(check(json({ id: 'x', observations: { learnings: many } }), 'x.json').problems).toEqual([
      'x.json:1:1: the record has 200,100 characters of Markdown; at most 200,000 are allowed — split it into several records, or keep bulky data (logs, raw predictions) outside the record',
    ]);
  });

  // Measured without the limit: the template parse took 42 s and rendering the notes 73 s (an
  // unclosed "[" makes the GFM autolink scan quadratic in the paragraph's length).
  test('Markdown that makes the parser quadratic is refused at once: template, frontmatter body and JSON field', () => {
    const body = `[${' x'.repeat(40_000)}`;
    const started = Date.now();
    const template = check(`# ML Experiment Tracking Log\n\n**Experiment ID**: q\n\n## Notes\n\n${body}\n`, 'q.md');
    const frontmatter = check(`---\nid: q\n---\n\n${body}\n`, 'q.md');
    const field = check(json({ id: 'q', notes: body }), 'q.json');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(template).toEqual({
      problems: [
        'q.md:7:1: a Markdown paragraph is 80,001 characters long; at most 5,000 are allowed (long paragraphs make Markdown slow to render) — split it with blank lines into shorter paragraphs',
      ],
      valid: false,
    });
    expect(frontmatter.problems).toEqual([
      'q.md:5:1 notes: a Markdown paragraph is 80,001 characters long; at most 5,000 are allowed (long paragraphs make Markdown slow to render) — split it with blank lines into shorter paragraphs',
    ]);
    expect(field.problems).toEqual([
      'q.json:1:19 notes: a Markdown paragraph is 80,001 characters long; at most 5,000 are allowed (long paragraphs make Markdown slow to render) — split it with blank lines into shorter paragraphs',
    ]);
  });

  // Measured before the readers of pasted blocks were made linear: the training log below took 7.9 s
  // to read (a metric name could start at every letter of a 4,900-letter line).
  test('pasted blocks and label lines that would make a reader quadratic are read in linear time', () => {
    const lines = Array(38).fill('a'.repeat(4_900)).join('\n\n');
    const text = [
      '# ML Experiment Tracking Log',
      '',
      '**Experiment ID**: q',
      '',
      '## Dataset Information',
      '',
      `**Split**: ${'a'.repeat(10)}${' '.repeat(4_800)}1/ b 1`,
      '',
      '## Training Results',
      '',
      '**Training Log**:',
      '```',
      'Epoch 1',
      lines,
      '```',
    ].join('\n');
    const started = Date.now();
    parseSource(text, { file: 'q.md' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  test('a template past the Markdown limit is refused before it is parsed', () => {
    const text = `# ML Experiment Tracking Log\n\n${'Some words.\n\n'.repeat(20_000)}`;
    expect(check(text, 't.md').problems).toEqual([
      't.md: the record has 260,030 characters of Markdown; at most 200,000 are allowed — split it into several records, or keep bulky data (logs, raw predictions) outside the record',
    ]);
  });
});
