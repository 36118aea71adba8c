import type { APIRoute } from 'astro';
import { getSite } from '../../site/data.ts';
import { buildApiIndex } from '../../view/api.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  return new Response(`${JSON.stringify(buildApiIndex(site.base, site.records, site.analysis.byId))}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
