/**
 * The in-browser compare page (`/compare/?ids=a,b,c`): any set of experiments, read from the static
 * JSON API — no server. It shows what the static pairwise pages show, built by the same view code
 * (`buildComparePageData`, with the same field names) and rendered as the same markup, with the
 * charts drawn in the browser from the same spec functions by the lazily loaded chart runtime.
 */
import { buildComparePageData, type CompareDocView } from '../view/compare-page.ts';
import type { ChartBlockData } from '../view/blocks.ts';
import { dataTableNode, sectionNode } from './render-blocks.ts';
import { hydrateChartsWhenVisible } from './charts.ts';
import { addHeadingActions } from './heading-actions.ts';

async function loadDocs(ids: readonly string[], root: string): Promise<{ docs: CompareDocView[]; urls: string[] }> {
  const urls = ids.map((id) => new URL(`api/experiments/${encodeURIComponent(id)}.json`, root).href);
  const docs = await Promise.all(
    urls.map(async (url, i) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`No experiment “${ids[i] ?? ''}”`);
      return (await res.json()) as CompareDocView;
    }),
  );
  return { docs, urls };
}

/** Each compare chart kind's compiled shape URL, written into the page by the build (none when it has no charts). */
function chartShapes(): Record<string, string> {
  const text = document.getElementById('compare-shapes')?.textContent ?? '{}';
  return JSON.parse(text) as Record<string, string>;
}

async function chartBlocks(docs: CompareDocView[], urls: string[]): Promise<Map<string, ChartBlockData[]>> {
  const shapes = chartShapes();
  if (Object.keys(shapes).length === 0) return new Map();
  try {
    const { compareChartBlocks } = await import('./compare-charts.ts');
    return compareChartBlocks(docs, urls, shapes);
  } catch (error) {
    console.warn('compare: no charts', error);
    return new Map();
  }
}

async function run(): Promise<void> {
  const status = document.getElementById('compare-status');
  const output = document.getElementById('compare-output');
  if (!status || !output) return;
  const ids = (new URLSearchParams(window.location.search).get('ids') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length < 2) {
    status.textContent = ids.length === 1 ? 'Pick at least two experiments.' : '';
    return;
  }
  // The brand link is the site root, whatever the base path.
  const root = document.querySelector<HTMLAnchorElement>('a.brand')?.href ?? window.location.href;
  status.textContent = `Loading ${ids.length} experiments…`;
  const loaded = await loadDocs(ids, root).catch((error: unknown) => {
    status.textContent = error instanceof Error ? error.message : String(error);
    return null;
  });
  if (!loaded) return;
  const charts = await chartBlocks(loaded.docs, loaded.urls);
  const data = buildComparePageData({ base: new URL(root).pathname, docs: loaded.docs, charts });
  const nav = document.createElement('nav');
  nav.className = 'toc';
  nav.setAttribute('aria-label', 'Sections');
  const list = document.createElement('ol');
  for (const s of data.toc) {
    const a = document.createElement('a');
    a.href = `#${s.id}`;
    a.textContent = s.title;
    const li = document.createElement('li');
    li.append(a);
    list.append(li);
  }
  nav.append(list);
  const lead = document.createElement('p');
  lead.className = 'lead';
  lead.textContent = `${data.lead} ${data.differing} of ${data.total} fields differ.`;
  output.replaceChildren(
    lead,
    dataTableNode('compared', data.overview.caption, data.overview.columns, data.overview.rows),
    nav,
    ...data.sections.map(sectionNode),
  );
  document.title = `${data.title} · Logbook`;
  status.textContent = `${data.total} fields, ${data.differing} differ.`;
  addHeadingActions(output);
  hydrateChartsWhenVisible(output);
}

void run();
