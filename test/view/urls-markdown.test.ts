import { describe, expect, test } from 'vitest';
import { isLinkLike, isStorageUri, joinBase, safeHref, slugify } from '../../src/view/urls.ts';
import { renderMarkdown } from '../../src/view/markdown.ts';

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

describe('renderMarkdown', () => {
  test('shows raw HTML as text', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script>');
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
  test('renders GFM tables and emphasis', () => {
    expect(renderMarkdown('| a |\n|---|\n| 1 |')).toContain('<table>');
    expect(renderMarkdown('**bold**')).toBe('<p><strong>bold</strong></p>');
  });
});

describe('renderMarkdown headings', () => {
  test('starts narrative headings at h3, below the page title and its sections', () => {
    expect(renderMarkdown('# Notes\n\n## Detail\n\n###### Deep')).toBe('<h3>Notes</h3>\n<h4>Detail</h4>\n<h6>Deep</h6>');
  });
});
