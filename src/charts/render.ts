/**
 * Spec → static SVG at build time, the one place charts are rendered.
 *
 * A chart spec carries its data in `spec.datasets`; everything else (its *shape*) is the same for every
 * experiment with the same kind of chart, so:
 *   1. the shape is compiled Vega-Lite → Vega once and cached by its hash;
 *   2. the compiled Vega spec is parsed once, and a few `View`s per shape are kept and reused — each
 *      render replaces the named datasets with this chart's data, runs, and serializes (`toSVG`). A
 *      chart goes to the view that last drew its categories, or to a fresh one (`view-reuse.ts`):
 *      Vega keeps state per category that would make the output depend on the charts drawn before;
 *   3. long lines run through Vega as their extreme points only, and are serialized whole
 *      (`reduce-lines.ts`).
 * A reused view's output is byte-identical to a fresh one's: see `guideOrder` and `view-reuse.ts`.
 * Finished SVGs are cached on disk per experiment by `src/site/chart-cache.ts`, not here; whether a
 * build has charts at all is decided by its caller (the `charts` setting).
 */
import { createHash } from 'node:crypto';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import type { ChartDatasets, ChartView } from './types.ts';
import { installChartTextMetrics } from './text-width.ts';
import { splitChartSpec } from './payload.ts';
import { compactSvg } from './svg-compact.ts';
import { drawChart } from './draw/index.ts';
import { CHART_FONT } from './theme.ts';
import { hasReservedText } from './spec-common.ts';
import { lineLayers, patchLines, reduceLines, type LineLayer, type ReducedLines } from './reduce-lines.ts';
import { categoryFields, chartCategories, labelLookups, sameCategories, type Categories, type LabelLookup } from './view-reuse.ts';

export { splitChartSpec };

/** A compiled Vega spec (JSON). */
export type VegaSpec = Record<string, unknown>;

/** Bumped whenever the SVG post-processing changes, so cached SVGs from older versions are not reused. */
export const RENDER_VERSION = '13';

/** Versions that decide what a chart renders to, besides its spec: part of every chart cache key. */
export const RENDERER_VERSIONS: readonly string[] = [RENDER_VERSION, vega.version];

export interface RenderChartOptions {
  /** SVG `<title>` and `aria-label`. */
  title?: string | undefined;
  /** The chart's description (defaults to the spec's `description`): part of the SVG's id prefix; the page shows it as the caption. */
  description?: string | undefined;
  /** Reuse one View per chart shape (default true); false parses a fresh View for every chart. */
  reuseViews?: boolean | undefined;
  /** Run Vega on the extreme points of long lines (default true; `reduce-lines.ts`): false runs it on every point. */
  reduceLines?: boolean | undefined;
}

export interface RenderedChart {
  /** Standalone SVG with width, height, viewBox, `<title>`, `<desc>`. */
  svg: string;
  /** Compiled Vega spec without data values (shared between charts of one shape: do not mutate). */
  vgSpec: VegaSpec;
  /** Id of the compiled shape (see `compileChartShape`). */
  shape: string;
  /** The chart's named datasets, for `chartSpecWithData(vgSpec, data)`. */
  data: ChartDatasets;
  /** Size of the SVG in pixels. */
  width: number;
  height: number;
  /** Lines Vega ran on as their extreme points only (`reduce-lines.ts`); the SVG draws all their points. */
  linesReduced: number;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface ShapeEntry {
  hash: string;
  vgSpec: VegaSpec;
  runtime: ReturnType<typeof vega.parse> | undefined;
  /** Views kept for charts of this shape, each for one set of categories (`view-reuse.ts`), most recently used last. */
  views: ViewSlot[];
  /** Datasets drawn only as lines, which the static render reduces (`reduce-lines.ts`). */
  lines: LineLayer[];
  /** Fields whose values are categories (`view-reuse.ts`). */
  categories: string[];
  /** Guide labels looked up from another field than their category's (`view-reuse.ts`). */
  labels: LabelLookup[];
}

/** A view kept for the next chart of its shape with its categories. */
interface ViewSlot {
  view: vega.View | undefined;
  /** Dataset names the view was last filled with. */
  names: string[];
  /** The categories of the last chart queued on the view. */
  categories: Categories;
  /** Serializes renders on the view. */
  queue: Promise<unknown>;
}

/**
 * Views kept per chart shape. Charts with the categories of an earlier chart (a project's class
 * names, groups, series) are drawn on its view; a chart with categories none has is drawn on a
 * fresh view, which replaces the least recently used.
 */
const VIEWS_PER_SHAPE = 6;

const shapes = new Map<string, ShapeEntry>();

/** Drops compiled specs and views (tests; long-running dev servers after a theme change). */
export function resetChartRenderCaches(): void {
  for (const entry of shapes.values()) for (const slot of entry.views) slot.view?.finalize();
  shapes.clear();
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Vega-Lite's warning for faceted charts whose panels have independent scales over one data source:
 * the compare pages' fairness chart is built that way on purpose (one panel per attribute, each with
 * its own groups), so the warning says nothing to the user and would print once per compare page.
 */
const FACETED_SCALES_WARNING = 'Detected faceted independent scales that union domain of the same fields from different source';

/** Vega-Lite's logger at "warn", without the one warning our own chart shapes trigger by design. */
export function compileLogger(): vega.LoggerInterface {
  const logger = vega.logger(vega.Warn);
  const warn = logger.warn.bind(logger);
  logger.warn = (...args: readonly unknown[]) => (String(args[0]).startsWith(FACETED_SCALES_WARNING) ? logger : warn(...args));
  return logger;
}

const COMPILE_LOGGER = compileLogger();

function shapeEntry(shape: TopLevelSpec): ShapeEntry {
  const shapeJson = JSON.stringify(shape);
  let entry = shapes.get(shapeJson);
  if (entry === undefined) {
    const vgSpec = compile(shape, { logger: COMPILE_LOGGER }).spec as unknown as VegaSpec;
    const hash = sha256(JSON.stringify(vgSpec));
    entry = {
      hash,
      vgSpec: deepFreeze(vgSpec),
      runtime: undefined,
      views: [],
      lines: lineLayers(shape),
      categories: categoryFields(shape),
      labels: labelLookups(shape),
    };
    shapes.set(shapeJson, entry);
  }
  return entry;
}

/** Compiles a spec's shape to Vega (cached by shape); the result has no data values. */
export function compileChartSpec(spec: TopLevelSpec): VegaSpec {
  return shapeEntry(splitChartSpec(spec).shape).vgSpec;
}

/**
 * A spec's compiled shape with a content-derived id (16 hex digits of its hash): charts of the same
 * kind share it, so the site serves each shape once (`charts/shapes/<id>.json`).
 */
export function compileChartShape(spec: TopLevelSpec): { id: string; vgSpec: VegaSpec } {
  const entry = shapeEntry(splitChartSpec(spec).shape);
  return { id: shapeId(entry), vgSpec: entry.vgSpec };
}

function shapeId(entry: ShapeEntry): string {
  return entry.hash.slice(0, 16);
}

// Text is measured the same way here and in the browser runtime, so layouts (and sizes) match.
installChartTextMetrics((vega as unknown as { textMetrics: { width: unknown } }).textMetrics);

function copyData(data: ChartDatasets): [string, Record<string, unknown>[]][] {
  // Vega writes derived fields and ids into tuples: give it copies, never the spec's objects.
  return Object.entries(data).map(([name, rows]) => [name, rows.map((row) => ({ ...row }))]);
}

/** The parts of Vega's scenegraph `guideOrder` reads. */
interface SceneMark {
  role?: string;
  items?: SceneItem[];
}
interface SceneItem {
  datum?: { index?: unknown };
  items?: SceneMark[];
}

/** Guide marks whose items Vega joins by value (a tick, a legend entry) rather than by data tuple. */
const GUIDE_ROLES: ReadonlySet<string> = new Set(['axis-tick', 'axis-grid', 'axis-label', 'legend-entry', 'legend-symbol', 'legend-label']);

/**
 * Puts the items of axis and legend marks back in the order a fresh view makes them. Vega joins a
 * guide's items by value: a tick whose value the previous chart also had keeps its old slot, and new
 * ones are appended, so a reused view would list the same ticks in another order than a fresh view
 * (same picture, different bytes, dependent on what was rendered before). Their data carry the order
 * they were generated in (`datum.index`); sorting by it makes the SVG independent of history without
 * emptying and re-running the whole view between charts, which cost a sixth of the render time.
 */
function guideOrder(mark: SceneMark): void {
  const items = mark.items ?? [];
  if (mark.role !== undefined && GUIDE_ROLES.has(mark.role)) {
    const at = (item: SceneItem): number => (typeof item.datum?.index === 'number' ? item.datum.index : 0);
    items.sort((a, b) => at(a) - at(b));
  }
  for (const item of items) for (const child of item.items ?? []) guideOrder(child);
}

/** Vega's SVG of a chart, and how many of its lines were drawn from their extreme points. */
interface RawSvg {
  svg: string;
  linesReduced: number;
}

async function runView(view: vega.View, data: ChartDatasets, previous: readonly string[], reduced?: ReducedLines): Promise<RawSvg> {
  if (reduced !== undefined) {
    // Run on the lines' extreme points, serialize with every point (see reduce-lines.ts); if the
    // scenegraph is not as the reduction expects, the chart is drawn from all its data after all.
    await runOn(view, reduced.data, previous);
    const restore = patchLines(sceneRoot(view), reduced);
    if (restore !== undefined) {
      try {
        return { svg: await view.toSVG(), linesReduced: reduced.lines.length };
      } finally {
        restore();
      }
    }
    return runView(view, data, Object.keys(reduced.data));
  }
  await runOn(view, data, previous);
  return { svg: await view.toSVG(), linesReduced: 0 };
}

let restarts = 0;

/** How many charts were drawn on a fresh view because no kept view had drawn their categories (`view-reuse.ts`). */
export function chartViewRestarts(): number {
  return restarts;
}

function sceneRoot(view: vega.View): SceneMark {
  return (view.scenegraph() as unknown as { root: SceneMark }).root;
}

async function runOn(view: vega.View, data: ChartDatasets, previous: readonly string[]): Promise<void> {
  const next = new Map(copyData(data));
  // Datasets the previous chart on this view had and this one has not are emptied.
  for (const name of previous) if (!next.has(name)) view.data(name, []);
  for (const [name, rows] of next) view.data(name, rows);
  // Vega lays out (autosizes) a view only on its first run unless told to again: without this a
  // reused view keeps the previous chart's width and height.
  view.resize();
  await view.runAsync();
  guideOrder(sceneRoot(view));
}

async function renderRaw(entry: ShapeEntry, data: ChartDatasets, reuse: boolean, reduce: boolean): Promise<RawSvg> {
  const reduced = !reduce || entry.lines.length === 0 ? undefined : reduceLines(data, entry.lines);
  const lines = reduced !== undefined && reduced.lines.length > 0 ? reduced : undefined;
  entry.runtime ??= vega.parse(structuredClone(entry.vgSpec));
  const runtime = entry.runtime;
  if (!reuse) {
    const view = new vega.View(runtime, { renderer: 'none' });
    try {
      return await runView(view, data, [], lines);
    } finally {
      view.finalize();
    }
  }
  const categories = chartCategories(data, entry.categories, entry.labels);
  const { slot, fresh } = viewSlot(entry, categories);
  const task = slot.queue.then(async () => {
    if (fresh) {
      slot.view?.finalize();
      slot.view = undefined;
    }
    const previous = slot.view === undefined ? [] : slot.names;
    const view = (slot.view ??= new vega.View(runtime, { renderer: 'none' }));
    slot.names = Object.keys(data);
    return runView(view, data, previous, lines);
  });
  slot.queue = task.catch(() => undefined);
  return task;
}

/** The view a chart with these categories is drawn on, and whether it must be a fresh one. */
function viewSlot(entry: ShapeEntry, categories: Categories): { slot: ViewSlot; fresh: boolean } {
  const at = entry.views.findIndex((s) => sameCategories(s.categories, categories));
  if (at >= 0) {
    const [slot] = entry.views.splice(at, 1) as [ViewSlot];
    entry.views.push(slot);
    return { slot, fresh: false };
  }
  restarts += 1;
  const slot: ViewSlot =
    entry.views.length < VIEWS_PER_SHAPE
      ? { view: undefined, names: [], categories, queue: Promise.resolve() }
      : (entry.views.shift() as ViewSlot);
  slot.categories = categories;
  entry.views.push(slot);
  return { slot, fresh: true };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const GEOMETRY_ATTRIBUTE = /(\s(?:d|transform|points|x|y|x1|x2|y1|y2|cx|cy|r|rx|ry)=")([^"]*)"/g;
const LONG_DECIMAL = /-?\d+\.\d{3,}/g;
const HAS_LONG_DECIMAL = /\.\d{3}/;
/** ARIA attributes Vega writes on mark groups even with `aria: false` (axe: unnamed graphics-symbol). */
export const MARK_ARIA = /\s(?:role="graphics-symbol"|aria-roledescription="[^"]*")/g;

function roundDecimal(text: string): string {
  const rounded = String(Math.round(Number(text) * 100) / 100);
  return rounded === '-0' ? '0' : rounded;
}

/** Attributes Vega writes on every element that only repeat SVG defaults (or, in a static image, do nothing). */
const DEFAULT_ATTRIBUTE =
  / (?:opacity="1"|pointer-events="none"|aria-hidden="true"|stroke-miterlimit="4"|transform="translate\(0,0\)")(?=[\s/>])/g;
/** Zero-size backgrounds Vega draws for axes and legends. */
const EMPTY_BACKGROUND = /<path class="background" d="M0,0h0v0h0Z"\/>/g;
const FONT_FAMILY = / font-family="([^"]*)"/g;

/**
 * Smaller SVG, drawn the same: attributes that repeat a default dropped, empty backgrounds removed,
 * and the font family — written on every text — set once on the root, whence it is inherited. The
 * classes and the `fill`/`stroke` colours stay: the site's CSS themes charts by them.
 */
export function leanSvg(svg: string): string {
  const counts = new Map<string, number>();
  for (const match of svg.matchAll(FONT_FAMILY)) counts.set(match[1] as string, (counts.get(match[1] as string) ?? 0) + 1);
  let font: string | undefined;
  for (const [family, n] of counts) if (font === undefined || n > (counts.get(font) ?? 0)) font = family;
  let out = svg.replace(DEFAULT_ATTRIBUTE, '').replace(EMPTY_BACKGROUND, '');
  if (font !== undefined) {
    const shared = font;
    out = out.replace(FONT_FAMILY, (all, family: string) => (family === shared ? '' : all));
    // The theme's font is set by the site's stylesheet (`chartThemeCss`) on every chart canvas.
    if (shared !== escapeXml(CHART_FONT))
      out = out.replace(/^<svg\b([^>]*)>/, (_all, rest: string) => `<svg${rest} font-family="${shared}">`);
  }
  return out;
}

/**
 * Makes Vega's SVG standalone and page-safe: ids (clip paths) renamed to `<prefix>-<n>` in order of
 * appearance — unique per chart content, so several inline SVGs on one page never share an id and
 * the output does not depend on render order — plus `role="img"` and its title as `aria-label`.
 */
export function finishSvg(svg: string, options: { prefix: string; title?: string | undefined }): string {
  const ids = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1] as string;
    if (!ids.has(id)) ids.set(id, `${options.prefix}-${ids.size}`);
  }
  let out = svg;
  if (ids.size > 0) {
    out = out.replace(/(\sid="|url\(#|href="#)([^")]+)/g, (all, lead: string, id: string) => {
      const next = ids.get(id);
      return next === undefined ? all : `${lead}${next}`;
    });
  }
  // Mark containers keep no ARIA roles: the root is one labelled image, with a data table beside it.
  out = leanSvg(out.replace(MARK_ARIA, ''));
  // Geometry to two decimals (1/100 px is invisible); text content such as tick labels is untouched.
  out = out.replace(GEOMETRY_ATTRIBUTE, (all, lead: string, value: string) =>
    HAS_LONG_DECIMAL.test(value) ? `${lead}${value.replace(LONG_DECIMAL, roundDecimal)}"` : all,
  );
  out = compactSvg(out);
  // Named by its title; the description is the page's to give once (the figure's caption and the
  // canvas's label), not repeated in a `<desc>` a page of ten charts would carry three times over.
  const title = options.title ?? '';
  const attrs = ` role="img"${title === '' ? '' : ` aria-label="${escapeXml(title)}"`}`;
  return out.replace(/^<svg\b([^>]*)>/, (_all, rest: string) => `<svg${rest}${attrs}>`);
}

/** Width and height attributes of an SVG's root element (0 when absent). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const num = (name: string): number => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? 0);
  return { width: num('width'), height: num('height') };
}

/**
 * Renders a Vega-Lite chart spec (data in `spec.datasets`) to a static SVG. Deterministic: the same
 * spec, title and description give a byte-identical SVG. Returns the compiled Vega spec (without
 * data) and the data for the page's hydration payload (`chartPayload`).
 */
export async function renderChartSvg(spec: TopLevelSpec, options: RenderChartOptions = {}): Promise<RenderedChart> {
  const { shape, data, description: specDescription } = splitChartSpec(spec);
  const entry = shapeEntry(shape);
  const base = { vgSpec: entry.vgSpec, shape: shapeId(entry), data };
  const title = options.title;
  const description = options.description ?? specDescription;
  // Ids inside the SVG get a prefix unique to the chart's content, so charts on one page never clash.
  const key = sha256(JSON.stringify([RENDER_VERSION, entry.hash, data, title ?? null, description ?? null]));
  // Data naming `__proto__` or `constructor` would leave a shared view broken for the next chart.
  const raw = await renderRaw(entry, data, (options.reuseViews ?? true) && !hasReservedText(data), options.reduceLines ?? true);
  const svg = finishSvg(raw.svg, { prefix: `lbc${key.slice(0, 8)}`, title });
  return { ...base, svg, ...svgSize(svg), linesReduced: raw.linesReduced };
}

/** What `renderChartView` can be told besides `renderChartSvg`'s options. */
export interface RenderViewOptions extends Omit<RenderChartOptions, 'title' | 'description'> {
  /** Draw with Vega even when the view has a drawing of its own (default false: `draw/`). */
  vega?: boolean | undefined;
}

/**
 * Renders a `ChartView` to static SVG labelled by its title: from its drawing (`draw/`) when it has
 * one, else with Vega. Either way the compiled shape and data are those of its spec, which the
 * browser's interactive view is made from.
 */
export async function renderChartView(view: ChartView, options: RenderViewOptions = {}): Promise<RenderedChart> {
  const drawn = view.drawing === undefined || options.vega === true ? undefined : drawChart(view.drawing, { title: view.title });
  if (drawn === undefined) return renderChartSvg(view.spec, { ...options, title: view.title, description: view.description });
  const { shape, data } = splitChartSpec(view.spec);
  const entry = shapeEntry(shape);
  return { svg: drawn, vgSpec: entry.vgSpec, shape: shapeId(entry), data, ...svgSize(drawn), linesReduced: 0 };
}
