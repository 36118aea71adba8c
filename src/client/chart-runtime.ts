/**
 * Chart runtime, loaded lazily by `charts.ts`: turns a compiled Vega spec (no Vega-Lite in the
 * browser) and the chart's data into an interactive SVG view with tooltips, at exactly the static
 * SVG's size.
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

/**
 * The compiled Vega spec with data of chart `id`: its data is built from the experiment's API
 * document (record and analysis) by the same code the build used, and its compiled shape (a Vega
 * spec without data, shared by every page, so the browser caches it) is fetched from `shapeUrl`.
 * Undefined when the experiment has no such chart.
 */
async function loadChartSpec(dataUrl: string, shapeUrl: string, id: string): Promise<Parameters<typeof parse>[0] | undefined> {
  const [doc, shape] = await Promise.all([loadJson(dataUrl) as Promise<ExperimentDocument>, loadJson(shapeUrl) as Promise<object>]);
  const view = experimentChartViews({
    record: doc.record,
    headlineMetric: doc.analysis.headline?.metric,
    lineageChain: doc.analysis.headlineChain ?? undefined,
  }).find((v) => v.id === id);
  return view === undefined ? undefined : chartSpecWithData(shape, splitChartSpec(view.spec).data);
}

/** Replaces a figure's static SVG with an interactive Vega view; sets `data-hydrated="true"`. */
export async function hydrateChart(figure: HTMLElement): Promise<void> {
  const dataUrl = figure.dataset['chartSrc'];
  const shapeUrl = figure.dataset['chartShape'];
  const id = figure.dataset['chart'];
  const staticSvg = figure.querySelector('svg');
  if (!dataUrl || !shapeUrl || !id || staticSvg === null) {
    figure.dataset['hydrated'] = 'skipped';
    return;
  }
  const spec = await loadChartSpec(new URL(dataUrl, document.baseURI).href, new URL(shapeUrl, document.baseURI).href, id);
  if (spec === undefined) {
    figure.dataset['hydrated'] = 'skipped';
    return;
  }
  const host = document.createElement('div');
  host.className = 'chart-live';
  const view = new View(parse(spec), { renderer: 'svg', container: host, hover: true, tooltip: tooltipHandler().call });
  await view.runAsync();
  const live = host.querySelector('svg');
  // The figure's canvas is the one labelled image: no nested document or unnamed mark roles.
  host.removeAttribute('role');
  host.removeAttribute('aria-label');
  host.setAttribute('aria-hidden', 'true');
  for (const el of Array.from(host.querySelectorAll('[role="graphics-symbol"], [aria-roledescription]'))) {
    el.removeAttribute('role');
    el.removeAttribute('aria-roledescription');
  }
  if (live !== null) {
    // Same viewBox as the static image, so CSS scaling (max-width: 100%) treats both alike.
    live.setAttribute('viewBox', `0 0 ${live.getAttribute('width') ?? '0'} ${live.getAttribute('height') ?? '0'}`);
    live.setAttribute('role', 'img');
    const label = staticSvg.getAttribute('aria-label');
    if (label !== null) live.setAttribute('aria-label', label);
  }
  staticSvg.replaceWith(host);
  figure.dataset['hydrated'] = 'true';
}
