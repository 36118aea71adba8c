/**
 * Property-based tests of the whole pure pipeline (read → validate → analyze → view data → chart
 * specs): random records in the three input forms, hostile text everywhere.
 *
 * - validate never throws, and every diagnostic is one line;
 * - whatever validate accepts renders: analysis, every page builder, the API documents, search
 *   records, and every chart spec compiles and is accepted by Vega;
 * - nothing escapes as markup: the HTML the builders produce has no script, no event handler,
 *   no javascript: URL, and nothing that loads a resource (img, iframe, style, src=).
 *
 * FUZZ_RUNS=<n> runs more cases (default keeps `npm test` fast); a failure prints its seed and the
 * shrunk counterexample, which fast-check can replay (`{ seed, path }`).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as vega from 'vega';
import { describe, expect, test } from 'vitest';
import { analyzeCollection, buildExperimentDocument } from '../../src/analysis/index.ts';
import { chartSpecWithData } from '../../src/charts/payload.ts';
import { experimentChartViews } from '../../src/charts/experiment-views.ts';
import { compileChartShape, splitChartSpec } from '../../src/charts/render.ts';
import { loadRecords, type LoadEffects } from '../../src/content/load.ts';
import { formatDiagnostic, parseSource, validateRecord } from '../../src/ingest/index.ts';
import type { Experiment } from '../../src/schema/index.ts';
import { buildSearchRecord } from '../../src/search/search-record.ts';
import { buildApiIndex } from '../../src/view/api.ts';
import { tableHtml } from '../../src/view/html.ts';
import { buildComparePageData, comparePairs } from '../../src/view/compare-page.ts';
import { buildExperimentPageData } from '../../src/view/experiment.ts';
import { buildIndexPageData } from '../../src/view/index-page.ts';
import { buildLeaderboardViews } from '../../src/view/leaderboards.ts';
import { buildLineageForest } from '../../src/view/lineage.ts';
import { buildFairnessOverview, buildTagIndex, buildTagPages } from '../../src/view/overview-pages.ts';
import { HOSTILE_MARKDOWN, HOSTILE_TEXT, recordArb, serialize, templateArb } from './arbitraries.ts';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 0) || undefined;
const runs = (fallback: number): number => RUNS ?? fallback;
/** A generous timeout for `n` runs of a property that builds a whole collection each run. */
const timeoutFor = (n: number): number => Math.max(120_000, n * 5_000);

/** Loads files through the real loader (parse, validate, collection checks) from memory. */
async function load(files: Readonly<Record<string, string>>) {
  const effects: LoadEffects = {
    list: async () => ({ files: Object.keys(files).map((path) => ({ path })), refused: [] }),
    readFile: async (path) => files[path.slice('content/'.length)] ?? '',
  };
  return loadRecords('content', effects);
}

/** Every string in `value` under a key named `html` or `tableHtml` or `svg`: the markup the builders produce. */
function markup(value: unknown, out: string[] = [], key = ''): string[] {
  if (typeof value === 'string') {
    if (key === 'html' || key === 'tableHtml' || key === 'svg') out.push(value);
  } else if (Array.isArray(value)) for (const item of value) markup(item, out, key);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) markup(v, out, k);
  return out;
}

/** Every `href` in `value` (cells and links the pages render). */
function hrefs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) hrefs(item, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'href' && typeof v === 'string') out.push(v);
      else hrefs(v, out);
    }
  }
  return out;
}

const LOADING_ELEMENTS = new Set([
  'img',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'picture',
  'image',
  'link',
  'style',
  'meta',
  'base',
  'form',
  'script',
]);

/**
 * What must never appear as markup in produced HTML: script and loading elements, event-handler
 * attributes, `src`/`srcset`, script URLs in `href`/`action`. Only real tags are read — the payloads
 * themselves are always there, as escaped text (`&lt;img …`), and must be.
 */
function unsafeMarkup(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g)) {
    const element = (tag[1] ?? '').toLowerCase();
    if (LOADING_ELEMENTS.has(element)) problems.push(`<${element}>`);
    for (const attribute of (tag[2] ?? '').matchAll(/([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g)) {
      const name = (attribute[1] ?? '').toLowerCase();
      const value = (attribute[2] ?? '')
        .replace(/^["']|["']$/g, '')
        .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (name.startsWith('on')) problems.push(`${name}= on <${element}>`);
      if (name === 'src' || name === 'srcset') problems.push(`${name}= on <${element}>`);
      if ((name === 'href' || name === 'xlink:href' || name === 'action') && /^\s*(javascript|vbscript|data):/i.test(value))
        problems.push(`script URL in ${name}`);
    }
  }
  return problems;
}

/** An href the site may render: http(s), s3, gs, or site-relative — never a script URL or another host without a scheme. */
function isSafeHref(href: string): boolean {
  return (
    /^(https?:|s3:|gs:)/i.test(href) || (/^[/#?.a-z0-9%-]/i.test(href) && !href.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(href))
  );
}

/** Builds everything a site shows for the loaded records; throws on any failure. Returns what it built. */
function buildEverything(records: Experiment[]): unknown[] {
  // The site reads records back from Astro's store as JSON text.
  const stored = records.map((r) => JSON.parse(JSON.stringify(r)) as Experiment);
  const analysis = analyzeCollection(stored);
  const byId = new Map(stored.map((r) => [r.id, r]));
  const base = '/site/';
  const input = { base, records: stored, analyses: analysis.byId };
  const built: unknown[] = [
    buildIndexPageData(input),
    buildTagIndex(input),
    buildTagPages(input),
    buildFairnessOverview(input),
    buildLineageForest({ base, records: byId, analyses: analysis.byId }),
    buildLeaderboardViews(base, analysis.leaderboards),
    JSON.stringify(buildApiIndex(base, stored, analysis.byId)),
  ];
  for (const pair of comparePairs(stored)) {
    const a = byId.get(pair.a);
    const b = byId.get(pair.b);
    const aAnalysis = analysis.byId.get(pair.a);
    const bAnalysis = analysis.byId.get(pair.b);
    if (a && b && aAnalysis && bAnalysis)
      built.push(
        buildComparePageData({
          base,
          docs: [
            { record: a, analysis: aAnalysis },
            { record: b, analysis: bAnalysis },
          ],
          relation: pair.relation,
        }),
      );
  }
  for (const record of stored) {
    const ownAnalysis = analysis.byId.get(record.id);
    if (ownAnalysis === undefined) throw new Error(`no analysis for ${record.id}`);
    const views = experimentChartViews({
      record,
      headlineMetric: ownAnalysis.headline?.metric,
      lineageChain: ownAnalysis.headlineChain ?? undefined,
    });
    for (const view of views) {
      // Compile the shape (Vega-Lite → Vega) and let Vega parse it with the data, as the browser does.
      const shape = compileChartShape(view.spec);
      new vega.View(vega.parse(chartSpecWithData(shape.vgSpec, splitChartSpec(view.spec).data)), {
        renderer: 'none',
      }).finalize();
      built.push({ tableHtml: tableHtml(view.table.columns, view.table.rows), title: view.title, description: view.description });
    }
    built.push(
      buildExperimentPageData(record, { base, analysis: ownAnalysis, records: byId, analyses: analysis.byId, charts: new Map() }),
      JSON.stringify(buildExperimentDocument(record, ownAnalysis)),
      buildSearchRecord(record, ownAnalysis.checks, 'experiments/x/'),
    );
  }
  return built;
}

function checkBuilt(built: unknown[]): void {
  for (const html of markup(built)) expect(unsafeMarkup(html), html).toEqual([]);
  for (const href of hrefs(built)) expect(isSafeHref(href), href).toBe(true);
}

describe('validate never throws', () => {
  test('on any text, as JSON or Markdown; every diagnostic is one line', () => {
    const arbitraryText = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.json().map((j) => j),
      fc
        .array(
          fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '---\n', '\n', '- ', '&a ', '*a ', '|', '**Label**: ', '## ', ...HOSTILE_TEXT),
          { maxLength: 60 },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(arbitraryText, fc.constantFrom('r.json', 'r.md'), (text, file) => {
        const { diagnostics } = validateRecord(parseSource(text, { file }), { file });
        for (const d of diagnostics) expect(formatDiagnostic(d)).not.toMatch(/[\n\r]/);
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('whatever validate accepts renders, and nothing escapes as markup', () => {
  test(
    'JSON and frontmatter records, one to three per collection',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(recordArb, fc.constantFrom('json', 'frontmatter' as const)), { minLength: 1, maxLength: 3 }),
          async (entries) => {
            const files: Record<string, string> = {};
            entries.forEach(([record, form], index) => {
              const { name, text } = serialize(record, form);
              files[`r${index}.${name}`] = text;
            });
            const { records, diagnostics } = await load(files);
            for (const d of diagnostics) expect(formatDiagnostic(d)).not.toMatch(/[\n\r]/);
            checkBuilt(buildEverything(records.map((r) => r.record)));
          },
        ),
        { numRuns: runs(30) },
      );
    },
    timeoutFor(runs(30)),
  );

  test(
    'filled-in templates',
    async () => {
      const template = readFileSync('src/scaffold/template.md', 'utf8');
      await fc.assert(
        fc.asyncProperty(fc.array(templateArb(template), { minLength: 1, maxLength: 2 }), async (texts) => {
          const files = Object.fromEntries(texts.map((text, index) => [`t${index}.md`, text]));
          const { records } = await load(files);
          checkBuilt(buildEverything(records.map((r) => r.record)));
        }),
        { numRuns: runs(8) },
      );
    },
    timeoutFor(runs(8)),
  );

  test('the markup checks themselves catch what they look for', () => {
    expect(unsafeMarkup('<p><img src="https://evil.example/x.png"></p>')).toEqual(['<img>', 'src= on <img>']);
    expect(unsafeMarkup('<a href="javascript:alert(1)" onclick="x()">a</a>')).toEqual(['script URL in href', 'onclick= on <a>']);
    expect(unsafeMarkup('<a href="&#x6A;avascript:x">a</a>')).toEqual(['script URL in href']);
    expect(unsafeMarkup('<p>&#x3C;img src=x onerror=alert(1)> <a href="https://example.com" title="x onerror=y">ok</a></p>')).toEqual([]);
    expect(isSafeHref('//evil.example/x')).toBe(false);
    expect(isSafeHref('javascript:alert(1)')).toBe(false);
    expect(isSafeHref('/site/experiments/x/')).toBe(true);
    expect(HOSTILE_MARKDOWN.length).toBeGreaterThan(10);
  });
});
