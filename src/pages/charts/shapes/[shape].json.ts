import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/data.ts';
import { buildChartService } from '../../../site/chart-service.ts';
import { buildSiteChartShapes } from '../../../site/page-charts.ts';

/**
 * `charts/shapes/<shape>.json`: one compiled chart shape (a Vega spec without data values), shared by
 * every chart of that kind on every page, so the browser fetches and caches it once. The id is a hash
 * of the content, which is also the page's cache key.
 */
export const getStaticPaths = (async () => {
  const site = await getSite();
  const shapes = await buildSiteChartShapes(site, buildChartService(site.settings));
  return [...shapes.keys()].sort().map((shape) => ({ params: { shape }, cacheKey: shape }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const spec = (await buildSiteChartShapes(site, buildChartService(site.settings))).get(String(params['shape']));
  if (spec === undefined) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(spec), { headers: { 'Content-Type': 'application/json' } });
};
