/**
 * Charts as pages use them: an experiment page's chart blocks (from the build's chart service) and a
 * compare page's (rendered in the page thread, through the chart cache) with the URLs their
 * interactive runtime loads, and the compiled chart shapes the site serves.
 */
import type { Experiment } from '../schema/index.ts';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { VegaSpec } from '../charts/render.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { apiPath, chartShapePath, joinBase } from '../view/urls.ts';
import { experimentChartShapes } from './chart-shapes.ts';
import { compileChartShape } from '../charts/render.ts';
import { compareChartShapeSpecs } from '../charts/compare-views.ts';
import { chartInputs, compareDocs } from './chart-inputs.ts';
import type { ChartService } from './chart-service.ts';
import type { SiteModel } from './data.ts';

const siteInputs = new WeakMap<SiteModel, Map<string, ExperimentChartsInput>>();

/** The experiment's chart input (computed once per site). */
function chartInputOf(record: Experiment, site: SiteModel): ExperimentChartsInput {
  let inputs = siteInputs.get(site);
  if (inputs === undefined) {
    inputs = chartInputs(site.records);
    siteInputs.set(site, inputs);
  }
  return inputs.get(record.id) ?? { record };
}

/** The experiment's charts as static SVG blocks, by page section id; none when the build has no charts. */
export async function buildExperimentChartBlocks(
  record: Experiment,
  site: SiteModel,
  service: ChartService,
): Promise<Map<string, ChartBlockData[]>> {
  const blocks = await service.blocks(chartInputOf(record, site));
  const dataUrl = joinBase(site.base, apiPath(record.id));
  return new Map(
    blocks.map(([section, list]) => [
      section,
      list.map((chart) => ({ ...chart, dataUrl, shapeUrl: joinBase(site.base, chartShapePath(chart.shape)) })),
    ]),
  );
}

/**
 * The charts comparing the experiments `ids` (in that order), as static SVG blocks by compare-page
 * section; none when the build has no charts. The browser rebuilds their data from every compared
 * experiment's API document.
 */
export async function buildCompareChartBlocks(
  ids: readonly string[],
  site: SiteModel,
  service: ChartService,
): Promise<Map<string, ChartBlockData[]>> {
  if (!site.settings.charts) return new Map();
  const blocks = await service.compareBlocks(compareDocs(ids.map((id) => site.byId.get(id) as Experiment)));
  const dataUrl = ids.map((id) => joinBase(site.base, apiPath(id))).join(' ');
  return new Map(
    blocks.map(([section, list]) => [
      section,
      list.map((chart) => ({ ...chart, dataUrl, kind: 'compare' as const, shapeUrl: joinBase(site.base, chartShapePath(chart.shape)) })),
    ]),
  );
}

let compiledCompareShapes: { chart: string; id: string; vgSpec: VegaSpec }[] | undefined;

/**
 * The compiled shape of every compare chart kind, by chart id: they do not depend on the data, so
 * they are compiled once per process, not once per compare page.
 */
function compareShapes(): { chart: string; id: string; vgSpec: VegaSpec }[] {
  compiledCompareShapes ??= compareChartShapeSpecs().map(({ id, spec }) => ({ chart: id, ...compileChartShape(spec) }));
  return compiledCompareShapes;
}

/** URL of the compiled shape of every compare chart kind, by chart id, for the in-browser compare page; none without charts. */
export function compareChartShapeUrls(site: SiteModel): Record<string, string> {
  if (!site.settings.charts) return {};
  return Object.fromEntries(compareShapes().map((s) => [s.chart, joinBase(site.base, chartShapePath(s.id))]));
}

const siteShapes = new WeakMap<SiteModel, Promise<Map<string, VegaSpec>>>();

/**
 * Every compiled chart shape the site's pages use (experiment and compare charts), by shape id
 * (`charts/shapes/<id>.json`); none without charts. The experiments' shapes come from the build's
 * chart service when it works them out on a worker, else from this thread.
 */
export function buildSiteChartShapes(site: SiteModel, service?: ChartService): Promise<Map<string, VegaSpec>> {
  if (!site.settings.charts) return Promise.resolve(new Map<string, VegaSpec>());
  let shapes = siteShapes.get(site);
  if (shapes === undefined) {
    const experiments = service?.shapes() ?? Promise.resolve().then(() => experimentChartShapes(site.records));
    shapes = experiments.then((found) => {
      const all = new Map(found);
      for (const { id, vgSpec } of compareShapes()) all.set(id, vgSpec);
      return all;
    });
    siteShapes.set(site, shapes);
  }
  return shapes;
}
