/**
 * The charts of one experiment page as page blocks: chart views (`buildExperimentCharts`) rendered to
 * static SVG (`renderChartView`; one cache file per experiment, see `chart-cache.ts`) with their data
 * table, grouped by page section. Runs in the page-rendering thread or in a chart worker
 * (`chart-worker.ts`): input and output are plain data, so they cross threads by structured clone.
 */
import { experimentChartViews, type ExperimentChartsInput } from '../charts/experiment-views.ts';
import { compareChartViews, type CompareDoc } from '../charts/compare-views.ts';
import type { ChartView } from '../charts/types.ts';
import { compileChartShape, renderChartView, type VegaSpec } from '../charts/render.ts';
import {
  chartCacheKey,
  chartCodeFingerprint,
  nodeChartCacheEffects,
  readCachedBlocks,
  writeCachedBlocks,
  type ChartBlocksBySection,
  type ChartCacheEffects,
} from './chart-cache.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { tableHtml } from '../view/html.ts';

export type { ChartBlocksBySection };

/** The compiled shapes (Vega specs without data) the experiment's charts use, by shape id. */
export function chartShapes(input: ExperimentChartsInput): Map<string, VegaSpec> {
  return new Map(
    experimentChartViews(input)
      .map((view) => compileChartShape(view.spec))
      .map((shape) => [shape.id, shape.vgSpec]),
  );
}

/** Where `renderChartBlocks` caches. */
export interface ChartBlocksOptions {
  /** Cache folder (see `chartCacheDir` in the settings); null renders afresh and caches nothing. */
  cacheDir: string | null;
  effects?: ChartCacheEffects | undefined;
  /** The input's cache key when the caller has worked it out already (it hashes the whole input). */
  key?: string | null;
  /** Called when the blocks are not in the cache and are rendered. */
  onRender?: () => void;
}

type SectionChartView = Omit<ChartView, 'section'> & { section: string };
type DrawnChart = Pick<ChartBlockData, 'svg' | 'shape' | 'width' | 'height' | 'error'>;

/** Chart views (of an experiment or a comparison) as blocks, each drawn by `draw`, grouped by page section. */
async function blocksOf(
  views: readonly SectionChartView[],
  draw: (view: SectionChartView) => Promise<DrawnChart> | DrawnChart,
): Promise<ChartBlocksBySection> {
  const bySection = new Map<string, ChartBlockData[]>();
  for (const view of views) {
    const drawn = await draw(view);
    const list = bySection.get(view.section) ?? [];
    list.push({
      id: view.id,
      title: view.title,
      description: view.description,
      svg: drawn.svg,
      shape: drawn.shape,
      width: drawn.width,
      height: drawn.height,
      ...(drawn.error === undefined ? {} : { error: drawn.error }),
      ...(view.table.shownIn === undefined
        ? { tableHtml: tableHtml(view.table.columns, view.table.rows) }
        : { tableHtml: '', dataIn: view.table.shownIn }),
    });
    bySection.set(view.section, list);
  }
  return [...bySection];
}

/** Chart views rendered to static SVG blocks, grouped by page section. */
function renderBlocks(
  views: readonly SectionChartView[],
  page: string,
  options: { reuseViews?: boolean } = {},
): Promise<ChartBlocksBySection> {
  return blocksOf(views, (view) =>
    // A chart Vega cannot draw (a bug, or record text it cannot take) costs that chart, not the
    // site: its block says so, with its data table, and the build prints a warning naming it.
    renderChartView(view as ChartView, options).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.warn(`logbook: warning: ${page}: the chart "${view.title}" (#${view.id}) could not be drawn: ${reason.slice(0, 300)}`);
      return { svg: '', shape: '', width: 0, height: 0, error: reason.slice(0, 300) };
    }),
  );
}

/**
 * Chart views as blocks the browser draws (`staticCharts: false`): no SVG, the compiled shape's id
 * and the data table. Costs no Vega run, so nothing is cached.
 */
function browserBlocks(views: readonly SectionChartView[]): Promise<ChartBlocksBySection> {
  return blocksOf(views, (view) => ({ svg: '', shape: compileChartShape(view.spec).id, width: 0, height: 0 }));
}

/** An experiment's chart blocks for a page whose charts the browser draws (see `browserBlocks`). */
export function browserChartBlocks(input: ExperimentChartsInput): Promise<ChartBlocksBySection> {
  return browserBlocks(experimentChartViews(input));
}

/** A comparison's chart blocks for a page whose charts the browser draws (see `browserBlocks`). */
export function browserCompareChartBlocks(docs: readonly CompareDoc[]): Promise<ChartBlocksBySection> {
  return browserBlocks(compareChartViews(docs.map((d) => ({ record: d.record, analysis: { headline: d.analysis.headline } }))));
}

/** The cache key of an experiment's chart blocks; null when nothing may be cached (no cache folder, or no code fingerprint). */
export function chartBlocksKey(
  input: ExperimentChartsInput | { compare: readonly CompareDoc[] },
  options: ChartBlocksOptions,
): string | null {
  const code = chartCodeFingerprint();
  return code === null || options.cacheDir === null ? null : chartCacheKey(input, code);
}

/** Blocks from the cache under the key of `input`, or rendered by `render` and cached. */
async function throughCache(
  input: ExperimentChartsInput | { compare: readonly CompareDoc[] },
  options: ChartBlocksOptions,
  render: () => Promise<ChartBlocksBySection>,
): Promise<ChartBlocksBySection> {
  const dir = options.cacheDir;
  const key = options.key !== undefined ? options.key : chartBlocksKey(input, options);
  const effects = options.effects ?? nodeChartCacheEffects;
  if (dir !== null && key !== null) {
    const cached = await readCachedBlocks(dir, key, effects);
    if (cached !== undefined) return cached;
  }
  options.onRender?.();
  const blocks = await render();
  if (dir !== null && key !== null) await writeCachedBlocks(dir, key, blocks, effects);
  return blocks;
}

/** An experiment's chart blocks, read from the cache or rendered and cached. */
export function renderChartBlocks(input: ExperimentChartsInput, options: ChartBlocksOptions): Promise<ChartBlocksBySection> {
  return throughCache(input, options, () => renderBlocks(experimentChartViews(input), `experiment ${input.record.id}`));
}

/**
 * A comparison's chart blocks by compare-page section, read from the cache (keyed by what the
 * charts are made from: each experiment's record and headline metric) or rendered and cached.
 */
export function renderCompareChartBlocks(docs: readonly CompareDoc[], options: ChartBlocksOptions): Promise<ChartBlocksBySection> {
  const compare = compareInput(docs);
  // Fresh views: a compare chart's categories are its experiments, different on every page, so no
  // kept view could draw it as a fresh one would (`view-reuse.ts`) and keeping them would only
  // displace the experiment charts' views.
  return throughCache({ compare }, options, () =>
    renderBlocks(compareChartViews(compare), `comparison ${docs.map((d) => d.record.id).join(' vs ')}`, { reuseViews: false }),
  );
}

/** What a comparison's charts are made from: each experiment's record and headline metric, nothing else. */
function compareInput(docs: readonly CompareDoc[]): CompareDoc[] {
  return docs.map((d) => ({ record: d.record, analysis: { headline: d.analysis.headline } }));
}

/** The cache key of a comparison's chart blocks (see `chartBlocksKey`). */
export function compareChartsKey(docs: readonly CompareDoc[], options: ChartBlocksOptions): string | null {
  return chartBlocksKey({ compare: compareInput(docs) }, options);
}
