/**
 * The only script every page loads (kept tiny): "copy link" buttons for sections and charts, "Copy"
 * buttons of storage locations (`s3://…`), and the lazy chart bootstrap, which loads the chart
 * runtime only when a chart scrolls into view (and the chart actions when their menu is opened).
 */
import { hydrateChartsWhenVisible } from './charts.ts';
import { addHeadingActions } from './heading-actions.ts';

/** Shows `text` on a button for a moment. */
function flash(button: HTMLButtonElement, text: string): void {
  const before = button.textContent;
  button.textContent = text;
  window.setTimeout(() => (button.textContent = before), 1500);
}

function copyTexts(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-text]');
    if (!button) return;
    const text = button.dataset['copyText'] ?? '';
    if (navigator.clipboard)
      navigator.clipboard.writeText(text).then(
        () => flash(button, 'Copied'),
        () => flash(button, 'Select and copy'),
      );
    else flash(button, 'Select and copy');
  });
}

function copyLinks(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-copy-anchor]');
    if (!button) return;
    const url = new URL(window.location.href);
    url.hash = button.dataset['copyAnchor'] ?? '';
    const done = (text: string): void => {
      button.dataset['copied'] = url.href;
      flash(button, text);
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

/**
 * A static compare page's "Differences only" switch (shown only with JavaScript): the identical
 * rows are fetched the first time it is turned off (`field-rows.ts`).
 */
function sameFieldsOnDemand(): void {
  const toggle = document.querySelector<HTMLInputElement>('#diff-only[data-same-from]');
  if (toggle === null) return;
  toggle.closest('label')?.removeAttribute('hidden');
  toggle.addEventListener('change', () => {
    if (toggle.checked || toggle.dataset['loaded'] !== undefined) return;
    toggle.disabled = true;
    import('./field-rows.ts')
      .then((r) => r.showSameFields(toggle))
      .then(
        () => (toggle.dataset['loaded'] = 'true'),
        (error: unknown) => {
          toggle.checked = true;
          console.warn('"Every field": could not load the fields that are the same', error);
        },
      )
      .finally(() => (toggle.disabled = false));
  });
}

addHeadingActions();
sameFieldsOnDemand();
copyLinks();
copyTexts();
hydrateChartsWhenVisible();
