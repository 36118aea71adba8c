import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/data.ts';
import { experimentPageKey } from '../../site/cache-keys.ts';
import { buildExperimentChartData } from '../../site/charts.ts';
import { isChartRenderingEnabled } from '../../charts/render.ts';

/**
 * `charts/<id>.json`: the experiment page's charts by chart id, each as the id of its compiled shape
 * (`charts/shapes/<shape>.json`) and its data — fetched on the first hydration (lazy).
 */
export const getStaticPaths = (async () => {
  if (!isChartRenderingEnabled(process.env)) return [];
  const site = await getSite();
  return site.records.map((r) => ({ params: { id: r.id }, cacheKey: experimentPageKey(r.id, site) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const record = site.byId.get(String(params['id']));
  if (!record) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(buildExperimentChartData(record, site)), { headers: { 'Content-Type': 'application/json' } });
};
