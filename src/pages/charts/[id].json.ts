import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../site/data.ts';
import { experimentPageKey } from '../../site/cache-keys.ts';
import { buildExperimentChartSpecs } from '../../site/charts.ts';
import { isChartRenderingEnabled } from '../../charts/render.ts';

/** `charts/<id>.json`: the experiment page's compiled Vega specs with data, by chart id (lazy hydration). */
export const getStaticPaths = (async () => {
  if (!isChartRenderingEnabled(process.env)) return [];
  const site = await getSite();
  return site.records.map((r) => ({ params: { id: r.id }, cacheKey: experimentPageKey(r.id, site) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const record = site.byId.get(String(params['id']));
  if (!record) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(buildExperimentChartSpecs(record, site)), { headers: { 'Content-Type': 'application/json' } });
};
