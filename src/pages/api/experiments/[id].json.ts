import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../../site/data.ts';
import { apiDocumentKey } from '../../../site/cache-keys.ts';
import { buildApiDocument } from '../../../view/api.ts';

export const getStaticPaths = (async () => {
  const site = await getSite();
  return site.records.map((r) => ({ params: { id: r.id }, cacheKey: apiDocumentKey(r.id, site) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const id = String(params['id']);
  const record = site.byId.get(id);
  const analysis = site.analysis.byId.get(id);
  if (!record || !analysis) return new Response('Not found', { status: 404 });
  return new Response(`${JSON.stringify(buildApiDocument(record, analysis))}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
