/**
 * The only script every page loads (kept tiny): "copy link" buttons for sections and charts, and
 * the lazy chart bootstrap, which loads the chart runtime only when a chart scrolls into view.
 */
import { hydrateChartsWhenVisible } from './charts.ts';

function copyLinks(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-anchor]');
    if (!button) return;
    const url = new URL(window.location.href);
    url.hash = button.dataset['copyAnchor'] ?? '';
    const done = (text: string): void => {
      const before = button.textContent;
      button.textContent = text;
      button.dataset['copied'] = url.href;
      window.setTimeout(() => (button.textContent = before), 1500);
    };
    history.replaceState(null, '', url.hash);
    if (navigator.clipboard)
      navigator.clipboard.writeText(url.href).then(
        () => done('Copied'),
        () => done('Link in address bar'),
      );
    else done('Link in address bar');
  });
}

copyLinks();
hydrateChartsWhenVisible();
