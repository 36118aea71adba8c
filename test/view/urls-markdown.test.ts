import { describe, expect, test } from 'vitest';
import { comparePath, distinctSlug, isLinkLike, isStorageUri, joinBase, safeHref, slugify, tagPath } from '../../src/view/urls.ts';
import { shortHash } from '../../src/util/slug.ts';
import fc from 'fast-check';
import { anchorHeadings, isPlainProse, renderMarkdown } from '../../src/view/markdown.ts';

describe('safeHref', () => {
  test.each([
    ['https://github.com/org/repo', 'https://github.com/org/repo'],
    ['../other/', '../other/'],
    ['#fairness', '#fairness'],
  ])('links %s', (url, href) => {
    expect(safeHref(url)).toBe(href);
  });
  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    '//evil.example/x',
    '"><svg onload=alert(1)>',
    'https://x.test/"onmouseover="a',
    // A browser cannot open these: they are shown as copyable text instead.
    's3://bucket/model.pkl',
    'gs://bucket/x',
  ])('refuses %s', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });
});

describe('isLinkLike and isStorageUri', () => {
  test.each([
    ['https://wandb.ai/org/run', true, false],
    ['HTTP://example.test/x', true, false],
    ['s3://bucket/model.pkl', false, true],
    ['gs://bucket/x', false, true],
    ['hdfs://namenode/data', false, true],
    ['dbfs:/FileStore/x', false, true],
    ['abfss://c@acct.dfs.core.windows.net/p', false, true],
    ['javascript://x%0aalert(1)', false, false],
    ['data://x', false, false],
    ['plain text', false, false],
    ['s3://bucket/with space', false, false],
  ])('%s: web link %s, storage location %s', (text, web, storage) => {
    expect(isLinkLike(text)).toBe(web);
    expect(isStorageUri(text)).toBe(storage);
  });
});

describe('joinBase', () => {
  test('joins a base path and a site path with one slash', () => {
    expect(joinBase('/logbook/', 'experiments/a/')).toBe('/logbook/experiments/a/');
    expect(joinBase('/logbook', '/tags/')).toBe('/logbook/tags/');
    expect(joinBase('/', '')).toBe('/');
  });
});

describe('slugify', () => {
  test('makes stable URL segments', () => {
    expect(slugify('Fraud Detection')).toBe('fraud-detection');
    expect(slugify('Sex × Age')).toBe('sex-age');
    expect(slugify('<>')).toBe('x');
  });
});

describe('distinctSlug', () => {
  test('is the plain slug for ASCII words, so case and separator variants share it', () => {
    expect(distinctSlug('Fraud Detection')).toBe('fraud-detection');
    expect(distinctSlug('fraud_detection')).toBe('fraud-detection');
    expect(distinctSlug('v1.2')).toBe('v1-2');
  });
  test('adds a hash when the slug lost what set the text apart', () => {
    // FNV-1a (32 bits) of the text, worked out with the reference constants 0x811c9dc5 and 0x01000193.
    expect(shortHash('')).toBe('811c9dc5');
    expect(shortHash('a')).toBe('e40c292c');
    expect(distinctSlug('日本語')).toBe(`x-${shortHash('日本語')}`);
    expect(distinctSlug('C++')).toBe(`c-${shortHash('C++')}`);
    expect(distinctSlug('')).toBe(`x-${shortHash('')}`);
    expect(new Set(['日本語', '中文', 'C++', 'C#', 'C'].map(distinctSlug)).size).toBe(5);
  });
  test('tag URLs use it for keys and values', () => {
    expect(tagPath('use_case', 'Fraud Detection')).toBe('tags/use-case/fraud-detection/');
    expect(tagPath('言語', '中文')).toBe(`tags/x-${shortHash('言語')}/x-${shortHash('中文')}/`);
  });
});

describe('renderMarkdown', () => {
  test('a footnote nothing in the text refers to is shown as written; a referred one links both ways to ids that exist', () => {
    expect(renderMarkdown('[^1]: H. Kervadec et al., MIDL 2019.')).toBe('<p>[^1]: H. Kervadec et al., MIDL 2019.</p>');
    const html = renderMarkdown('Boundary loss[^1].\n\n[^1]: H. Kervadec et al.');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/ href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toHaveLength(2);
    for (const target of targets) expect(ids).toContain(target);
    const describedBy = / aria-describedby="([^"]+)"/.exec(html)?.[1];
    expect(ids).toContain(describedBy);
    // Another text's footnotes on the same page get other ids.
    const other = renderMarkdown('Dice loss[^1].\n\n[^1]: Milletari et al.');
    const otherIds = [...other.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(otherIds.filter((id) => ids.includes(id))).toEqual([]);
  });

  test('shows raw HTML as text', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });

  test('an HTML table of text (a pasted DataFrame) is shown as a table of that text; any other HTML table as text', () => {
    const frame =
      '<div>\n<table class="dataframe" onclick="x()"><thead><tr><th></th><th>param</th><th>value</th></tr></thead><tbody><tr><th>0</th><td>lr</td><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></tbody></table>\n</div>';
    const html = renderMarkdown(`Settings:\n\n${frame}`);
    expect(html).toContain('<table>\n<thead>\n<tr>\n<th>param</th>\n<th>value</th>');
    expect(html).toContain('<td>lr</td>\n<td>&#x3C;img src=x onerror=alert(1)></td>');
    expect(html).not.toMatch(/onclick|<img|<div/);
    // Inline markup in a cell (a wiki's export): its text only, the link and its URL dropped.
    const linked = renderMarkdown('<table><tr><th>a</th></tr><tr><td><p><a href="javascript:x()">b</a></p></td></tr></table>');
    expect(linked).toContain('<td>b</td>');
    expect(linked).not.toMatch(/<a |javascript:|<p>/);
    // Anything else in a cell: not a table of text, shown as the text written.
    const styled = renderMarkdown('<table><tr><th>a</th></tr><tr><td><img src=x onerror="x()">b</td></tr></table>');
    expect(styled).not.toMatch(/<table|<img /);
    expect(styled).toContain('&#x3C;img src=x onerror="x()">b');
  });
  test("GitHub's disclosure (<details>, <summary>): the label in bold, what it holds shown, the tags dropped", () => {
    const html = renderMarkdown('<details>\n<summary>Label &amp; more</summary>\n\n| a |\n|---|\n| 1 |\n\n</details>');
    expect(html).not.toMatch(/details|summary/);
    expect(html).toContain('<p><strong>Label &#x26; more</strong></p>\n<table>');
    expect(renderMarkdown('<details>\n<summary>Label</summary>\n\ntext\n\n</details>')).toBe('<p><strong>Label</strong></p>\n<p>text</p>');
    // A summary with markup inside is no plain label: shown as the text written, never as HTML.
    expect(renderMarkdown('<details>\n<summary>A <b onclick="x()">b</b></summary>\n</details>')).toContain('&#x3C;b onclick');
  });
  test('drops javascript: links but keeps their text', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) and [ok](https://example.com)');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('click');
    expect(html).toContain('<a href="https://example.com">ok</a>');
  });
  test('turns images into links so a page never loads a remote resource', () => {
    const html = renderMarkdown('![chart](https://example.com/chart.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.com/chart.png">chart</a>');
  });
  test.each([
    ['full reference', '![chart][r]\n\n[r]: https://evil.example/x.png', '<p><a href="https://evil.example/x.png">chart</a></p>'],
    ['collapsed reference', '![chart][]\n\n[chart]: https://evil.example/x.png', '<p><a href="https://evil.example/x.png">chart</a></p>'],
    ['shortcut reference', '![chart]\n\n[chart]: https://evil.example/x.png', '<p><a href="https://evil.example/x.png">chart</a></p>'],
    ['protocol-relative reference', '![chart][r]\n\n[r]: //evil.example/x.png', '<p><a href="//evil.example/x.png">chart</a></p>'],
    [
      'image in a link',
      '[![x](https://evil.example/i.png)](https://example.com)',
      '<p><a href="https://example.com"><a href="https://evil.example/i.png">x</a></a></p>',
    ],
  ])('turns a %s image into a link too: nothing is loaded when the page is shown', (_kind, markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });
  test('shows Markdown nested too deeply for the parser as plain text instead of failing', () => {
    const deep = `${'> '.repeat(5_000)}quote <b>`;
    const html = renderMarkdown(deep);
    expect(html.startsWith('<p>&gt; &gt; ')).toBe(true);
    expect(html.endsWith('quote &lt;b&gt;</p>')).toBe(true);
  });
  test('renders GFM tables and emphasis', () => {
    expect(renderMarkdown('| a |\n|---|\n| 1 |')).toContain('<table>');
    expect(renderMarkdown('**bold**')).toBe('<p><strong>bold</strong></p>');
  });
});

describe('isPlainProse', () => {
  test.each([
    'Improve F1 on churn prediction with a ResNet-50 model.',
    "F1 at least 0.01 above the best baseline (two runs), 95% of groups; C# and C++ too: isn't it?",
    'Train/test split = 80/20 + a seed',
    'Naïve café, élan vital',
  ])('plain: %s', (text) => {
    expect(isPlainProse(text)).toBe(true);
    expect(renderMarkdown(text)).toBe(`<p>${text}</p>`);
  });
  test.each([
    ['a list item', '1. first'],
    ['a bullet', '- item'],
    ['a heading', '# Title'],
    ['emphasis', 'a *b* c'],
    ['code', 'a `b` c'],
    ['a link', 'a [b](c)'],
    ['HTML', 'a <b> c'],
    ['an entity', 'a &amp; b'],
    ['an escape', 'a \\* b'],
    ['a www autolink', 'see www.example.com'],
    ['a URL', 'see https://example.com'],
    ['an email', 'mail a@b.org'],
    ['two spaces', 'a  b'],
    ['a trailing space', 'a '],
    ['a line break', 'a\nb'],
    ['the empty string', ''],
  ])('not plain: %s', (_kind, text) => expect(isPlainProse(text)).toBe(false));
  test('plain prose renders as the processor renders it', () => {
    // "text" followed by a blank line is the same Markdown, and is never plain: the processor renders it.
    const prose = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .,;:()%'?"/+=#\u00e9-]{0,30}$/).filter(isPlainProse);
    fc.assert(
      fc.property(prose, (text) => renderMarkdown(text) === renderMarkdown(`${text}\n\n`)),
      { numRuns: 2000 },
    );
  });
});

describe('renderMarkdown headings', () => {
  test('starts narrative headings at h3, below the page title and its sections', () => {
    expect(renderMarkdown('# Notes\n\n## Detail\n\n###### Deep')).toBe('<h3>Notes</h3>\n<h4>Detail</h4>\n<h6>Deep</h6>');
  });

  test('keeps headings written under a section heading one level below it, as written', () => {
    // A log's `## Ablations` holds `### What the ablations say` and `#### Seeds`: h3 and h4 under the
    // section's h2, not h5 and h6.
    expect(renderMarkdown('Text.\n\n### What the ablations say\n\nMore.\n\n#### Seeds')).toBe(
      '<p>Text.</p>\n<h3>What the ablations say</h3>\n<p>More.</p>\n<h4>Seeds</h4>',
    );
    // The shallowest heading decides, wherever it is: one in a quote counts too.
    expect(renderMarkdown('> ## Quoted\n\n#### Deeper')).toBe('<blockquote>\n<h3>Quoted</h3>\n</blockquote>\n<h5>Deeper</h5>');
  });
});

describe('anchorHeadings', () => {
  test('gives each heading an id under the prefix and an anchor link; a repeated heading gets -2', () => {
    const used = new Set<string>(['notes-risks']);
    const html = renderMarkdown('### Risks & open <b>issues</b>\n\n#### Risks\n\n#### See [the run](https://example.com/r)');
    expect(anchorHeadings(html, 'notes', used)).toBe(
      '<h3 id="notes-risks-open-b-issues-b"><a class="anchor" href="#notes-risks-open-b-issues-b">Risks &#x26; open &#x3C;b>issues&#x3C;/b></a></h3>\n' +
        '<h4 id="notes-risks-2"><a class="anchor" href="#notes-risks-2">Risks</a></h4>\n' +
        // A heading holding a link keeps it, with no anchor around it.
        '<h4 id="notes-see-the-run">See <a href="https://example.com/r">the run</a></h4>',
    );
  });
});

describe('renderMarkdown past the Markdown limits', () => {
  test('a paragraph longer than the validator allows is shown as written, escaped, without being parsed', () => {
    // Parsed, `*a_` repeated takes quadratic time; `**bold**` would become <strong>.
    const text = `**bold** <b>${'*a_'.repeat(2000)}`;
    expect(renderMarkdown(text)).toBe(`<p>**bold** &lt;b&gt;${'*a_'.repeat(2000)}</p>`);
    expect(renderMarkdown('**bold** <b>')).toBe('<p><strong>bold</strong> &#x3C;b></p>');
  });
});

describe('comparePath', () => {
  test("a pair's page, or the in-browser compare page of the two when the site has no page per pair", () => {
    expect(comparePath('run 1', 'a/b')).toBe('compare/run%201/a%2Fb/');
    expect(comparePath('run 1', 'a/b', false)).toBe('compare/?ids=run%201,a%2Fb');
  });
});
