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

/**
 * A link to a table kept in a closed `<details>` (`#training-metrics`, "show all 30 rows") opens it,
 * as it opens the sections above it, on arrival and on every in-page link followed.
 */
function openLinkedDetails(): void {
  const open = (): void => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id === '' ? null : document.getElementById(id);
    let opened = false;
    // The target's own collapsed table (`<div id="training-metrics"><details class="long-table">`), and every `<details>` around it.
    const inner = target?.querySelector<HTMLDetailsElement>(':scope > details') ?? null;
    for (
      let details = inner ?? target?.closest('details') ?? null;
      details !== null;
      details = details.parentElement?.closest('details') ?? null
    ) {
      opened ||= !details.open;
      details.open = true;
    }
    if (opened) target?.scrollIntoView();
  };
  window.addEventListener('hashchange', open);
  // A link to where the address already points changes no hash: open its target all the same.
  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest('a[href^="#"]');
    if (link !== null && link !== undefined && link.getAttribute('href') === window.location.hash) window.setTimeout(open);
  });
  open();
}

addHeadingActions();
openLinkedDetails();
sameFieldsOnDemand();
copyLinks();
copyTexts();
hydrateChartsWhenVisible();
