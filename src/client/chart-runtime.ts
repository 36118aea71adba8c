/**
 * Chart runtime, loaded lazily by `charts.ts`: turns a compiled Vega spec (no Vega-Lite in the
 * browser) and the chart's data into an interactive SVG view with tooltips, at exactly the static
 * SVG's size; and opens a chart's action menu (vega-embed, a chunk of its own loaded on demand).
 *
 * Only the Vega packages the compiled chart specs need are bundled (view, parser, and the core,
 * view and encode transforms) instead of the whole `vega` package (geo, force, hierarchy, label,
 * regression, voronoi, wordcloud, crossfilter): about a quarter smaller. `RUNTIME_TRANSFORMS` lists
 * what is registered; a test checks every transform in every chart kind's compiled spec is in it.
 */
import { View } from 'vega-view';
import { parse } from 'vega-parser';
import { transforms } from 'vega-dataflow';
import { textMetrics } from 'vega-scenegraph';
import * as coreTransforms from 'vega-transforms';
import * as viewTransforms from 'vega-view-transforms';
import * as encodeTransforms from 'vega-encode';
import { Handler } from 'vega-tooltip';
import { installChartTextMetrics } from '../charts/text-width.ts';
import { chartSpecWithData, splitChartSpec } from '../charts/payload.ts';
import { experimentChartViews } from '../charts/experiment-views.ts';
import { formatTooltipHtml } from '../charts/tooltip.ts';
import type { ExperimentDocument } from '../analysis/schema.ts';
import type { ChartView } from '../charts/types.ts';

Object.assign(transforms, coreTransforms, viewTransforms, encodeTransforms);
// Lay text out exactly as the build did, so the interactive chart has the static SVG's size.
installChartTextMetrics(textMetrics);

/** Names of the registered Vega transforms (lower-case, as in specs). */
export const RUNTIME_TRANSFORMS: readonly string[] = [coreTransforms, viewTransforms, encodeTransforms]
  .flatMap((m) => Object.keys(m as object))
  .map((k) => k.toLowerCase());

let tooltip: Handler | undefined;

function tooltipHandler(): Handler {
  const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  tooltip ??= new Handler({ theme: dark ? 'dark' : 'light', offsetX: 12, offsetY: 12, formatTooltip: formatTooltipHtml });
  return tooltip;
}

const files = new Map<string, Promise<unknown>>();

/** A JSON file, fetched once however many charts need it. */
function loadJson(url: string): Promise<unknown> {
  let file = files.get(url);
  if (file === undefined) {
    file = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return (await response.json()) as unknown;
    });
    files.set(url, file);
  }
  return file;
}

/** The chart views a figure can be one of, built from its API documents as the build did. */
async function chartViewsOf(figure: HTMLElement): Promise<{ id: string; spec: ChartView['spec'] }[]> {
  const urls = (figure.dataset['chartSrc'] ?? '').split(' ').filter(Boolean);
  const docs = (await Promise.all(urls.map((url) => loadJson(new URL(url, document.baseURI).href)))) as ExperimentDocument[];
  if (figure.dataset['chartKind'] === 'compare') {
    // Only compare pages need the compare charts: a chunk of their own.
    const { compareChartViews } = await import('../charts/compare-views.ts');
    return compareChartViews(docs);
  }
  const doc = docs[0];
  if (doc === undefined) return [];
  return experimentChartViews({
    record: doc.record,
    headlineMetric: doc.analysis.headline?.metric,
    lineageChain: doc.analysis.headlineChain ?? undefined,
  });
}

/** The figure's chart view (its Vega-Lite spec with data); undefined when the documents have no such chart. */
async function chartViewOf(figure: HTMLElement): Promise<{ id: string; spec: ChartView['spec'] } | undefined> {
  const id = figure.dataset['chart'];
  return (await chartViewsOf(figure)).find((v) => v.id === id);
}

/** The figure's canvas without the chart in it (the static SVG, a hydrated or an embedded view), ready for a new one. */
function clearedCanvas(figure: HTMLElement): HTMLElement | null {
  const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
  canvas?.replaceChildren();
  return canvas;
}

/**
 * Draws a figure's interactive chart: a Vega view of the compiled shape (`data-chart-shape`) and the
 * chart's data, rebuilt from the API documents (`data-chart-src`), in place of the static SVG (or in
 * an empty canvas, on the in-browser compare page); sets `data-hydrated="true"`.
 */
export async function hydrateChart(figure: HTMLElement): Promise<void> {
  const shapeUrl = figure.dataset['chartShape'];
  const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
  if (!figure.dataset['chartSrc'] || !shapeUrl || !figure.dataset['chart'] || canvas === null) {
    figure.dataset['hydrated'] = 'skipped';
    return;
  }
  const [view, shape] = await Promise.all([chartViewOf(figure), loadJson(new URL(shapeUrl, document.baseURI).href) as Promise<object>]);
  if (view === undefined) {
    figure.dataset['hydrated'] = 'skipped';
    return;
  }
  const spec = chartSpecWithData(shape, splitChartSpec(view.spec).data) as Parameters<typeof parse>[0];
  const host = document.createElement('div');
  host.className = 'chart-live';
  const live = new View(parse(spec), { renderer: 'svg', container: host, hover: true, tooltip: tooltipHandler().call });
  await live.runAsync();
  finishLiveSvg(host, canvas);
  // Another action (the chart menu) may have replaced the canvas's content meanwhile: then it stays.
  if (figure.dataset['embedded'] !== 'true') clearedCanvas(figure)?.append(host);
  // A chart the page had no static image of showed its data table meanwhile: the chart now stands for it.
  if (figure.dataset['chartStatic'] === 'none') figure.querySelector('details.chart-data')?.removeAttribute('open');
  figure.dataset['hydrated'] = 'true';
}

/**
 * A live chart's SVG as the figure's one labelled image, named as its canvas is (by the caption):
 * no nested document or unnamed mark roles, the static image's viewBox.
 */
function finishLiveSvg(host: HTMLElement, canvas: HTMLElement): void {
  const svg = host.querySelector('svg');
  host.removeAttribute('role');
  host.removeAttribute('aria-label');
  host.setAttribute('aria-hidden', 'true');
  for (const el of Array.from(host.querySelectorAll('[role="graphics-symbol"], [aria-roledescription]'))) {
    el.removeAttribute('role');
    el.removeAttribute('aria-roledescription');
  }
  if (svg !== null) {
    svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width') ?? '0'} ${svg.getAttribute('height') ?? '0'}`);
    svg.setAttribute('role', 'img');
    for (const name of ['aria-labelledby', 'aria-label']) {
      const value = canvas.getAttribute(name);
      if (value !== null) svg.setAttribute(name, value);
    }
  }
}

/**
 * The chart's action menu (vega-embed's: save as SVG or PNG, view the Vega-Lite spec with its data):
 * vega-embed — and with it Vega-Lite, to compile the spec in the browser — loads only now, as a
 * chunk of its own. The chart is drawn again by vega-embed, from the same spec and data, with the
 * same text metrics, so it keeps its size; its menu opens.
 */
export async function openChartActions(figure: HTMLElement): Promise<void> {
  const [{ default: embed }, view] = await Promise.all([import('vega-embed'), chartViewOf(figure)]);
  const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
  if (view === undefined || canvas === null) throw new Error(`chart ${figure.dataset['chart'] ?? ''}: no spec to act on`);
  const host = document.createElement('div');
  await embed(host, view.spec, {
    mode: 'vega-lite',
    renderer: 'svg',
    actions: { export: { svg: true, png: true }, source: true, compiled: false, editor: false },
    downloadFileName: view.id,
    tooltip: tooltipHandler().call,
    i18n: { SOURCE_ACTION: 'View Vega-Lite spec and data' },
  });
  finishLiveSvg(host.querySelector<HTMLElement>('.chart-wrapper') ?? host, canvas);
  figure.dataset['embedded'] = 'true';
  clearedCanvas(figure)?.append(host);
  const menu = host.querySelector<HTMLDetailsElement>('details');
  if (menu !== null) {
    menu.open = true;
    host.querySelector<HTMLElement>('.vega-actions a')?.focus();
  }
}
