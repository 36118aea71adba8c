/**
 * Lazy chart bootstrap (tiny; loaded on every page). Each chart is server-rendered as
 *
 *   <figure class="chart" data-chart="<id>" data-chart-src="<base>api/experiments/<experiment>.json"
 *           data-chart-shape="<base>charts/shapes/<shape>.json" [data-chart-kind="compare"]>
 *     <div class="chart-canvas"> <svg …static…> </div>
 *   </figure>
 *
 * When a figure comes near the viewport, the chart runtime (vega + vega-tooltip, a separate chunk)
 * is imported, builds the chart's data from the API document(s) in `data-chart-src` (kept out of
 * the HTML so the page stays small; a compare chart lists every compared experiment's), loads the
 * compiled chart shape (one file per kind of chart, shared by all pages) and replaces the static SVG
 * with an interactive view of the same size; the figure then gets `data-hydrated="true"` (or
 * `"error"`, keeping the static SVG). The figure's "Save / view spec" button (added by
 * `heading-actions.ts`) opens vega-embed's action menu, which the runtime loads only then.
 */

const PENDING = 'figure.chart[data-chart]:not([data-hydrated])';

function runtime(): Promise<typeof import('./chart-runtime.ts')> {
  return import('./chart-runtime.ts');
}

function hydrate(figure: HTMLElement): void {
  figure.dataset['hydrated'] = 'loading';
  runtime()
    .then((r) => r.hydrateChart(figure))
    .catch((error: unknown) => {
      figure.dataset['hydrated'] = 'error';
      console.warn(`chart ${figure.dataset['chart'] ?? ''}: kept the static image`, error);
    });
}

let actionsListening = false;

/** One click handler for every chart's action button, however many charts a page adds later. */
function listenForActions(): void {
  if (actionsListening) return;
  actionsListening = true;
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-chart-actions]');
    const figure = button?.closest<HTMLElement>('figure.chart');
    if (!button || !figure) return;
    button.disabled = true;
    button.textContent = 'Loading…';
    runtime()
      .then((r) => r.openChartActions(figure))
      .then(() => (button.hidden = true))
      .catch((error: unknown) => {
        button.textContent = 'Not available';
        console.warn(`chart ${figure.dataset['chart'] ?? ''}: no action menu`, error);
      });
  });
}

/** Hydrates every chart figure under `root` once it is within 200px of the viewport, and offers its actions. */
export function hydrateChartsWhenVisible(root: ParentNode = document): void {
  const figures = Array.from(root.querySelectorAll<HTMLElement>(PENDING)).filter((f) => (f.dataset['chartSrc'] ?? '') !== '');
  if (figures.length === 0) return;
  listenForActions();
  if (typeof IntersectionObserver === 'undefined') {
    figures.forEach(hydrate);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        hydrate(entry.target as HTMLElement);
      }
    },
    { rootMargin: '200px 0px' },
  );
  figures.forEach((f) => observer.observe(f));
}
