/**
 * Lazy chart bootstrap (tiny; loaded on every page). Each chart is server-rendered as
 *
 *   <figure class="chart" data-chart="<id>" data-chart-src="<base>api/experiments/<experiment>.json"
 *           data-chart-shape="<base>charts/shapes/<shape>.json">
 *     <div class="chart-canvas"> <svg …static…> </div>
 *   </figure>
 *
 * When a figure comes near the viewport, the chart runtime (vega + vega-tooltip, a separate chunk)
 * is imported, builds the chart's data from the experiment's API document (kept out of the HTML so
 * the page stays small), loads the compiled chart shape (one file per kind of chart, shared by all
 * pages) and replaces the static SVG with an interactive view of the same size; the figure then gets
 * `data-hydrated="true"` (or `"error"`, keeping the static SVG).
 */

const PENDING = 'figure.chart[data-chart]:not([data-hydrated])';

function hydrate(figure: HTMLElement): void {
  figure.dataset['hydrated'] = 'loading';
  import('./chart-runtime.ts')
    .then((runtime) => runtime.hydrateChart(figure))
    .catch((error: unknown) => {
      figure.dataset['hydrated'] = 'error';
      console.warn(`chart ${figure.dataset['chart'] ?? ''}: kept the static image`, error);
    });
}

/** Hydrates every chart figure under `root` once it is within 200px of the viewport. */
export function hydrateChartsWhenVisible(root: ParentNode = document): void {
  const figures = Array.from(root.querySelectorAll<HTMLElement>(PENDING)).filter((f) => (f.dataset['chartSrc'] ?? '') !== '');
  if (figures.length === 0) return;
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
