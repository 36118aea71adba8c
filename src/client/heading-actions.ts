/**
 * The buttons beside a heading that only work with JavaScript: "Copy link" on every section and
 * chart heading and every table, and "Save / view spec" on every chart that can be drawn live. The build writes
 * only the heading and its anchor (`<div class="section-heading"><h2><a class="anchor"
 * href="#id">…`), so a page read without JavaScript, printed or crawled carries no dead buttons,
 * and a site of 10,000 experiments does not repeat ~100,000 of them in its HTML (issue #17). The
 * click handlers live in `site.ts` (copy) and `charts.ts` (actions); they listen on the document,
 * so buttons added here, or later under a rendered compare page, need nothing more.
 */

/** Adds the buttons to every heading under `root` that has none yet, and "Copy link" to every table with an id. */
export function addHeadingActions(root: ParentNode = document): void {
  // A table block (`<div class="table-block" id="test-metrics-table">`) can be linked to as a section can.
  for (const block of Array.from(root.querySelectorAll<HTMLElement>('.table-block[id]'))) {
    if (block.querySelector(':scope > button.copy-link') !== null) continue;
    const name = block.querySelector('caption, summary')?.textContent?.trim() || block.id;
    block.prepend(button('copy-link', `Copy link to table “${name}”`, 'Copy link to this table', 'Copy link', { copyAnchor: block.id }));
  }
  for (const heading of Array.from(root.querySelectorAll<HTMLElement>('.section-heading'))) {
    if (heading.querySelector('button.copy-link') !== null) continue;
    const anchor = heading.querySelector<HTMLAnchorElement>(':scope > :is(h2, h3) > a.anchor[href^="#"]');
    if (anchor === null) continue;
    // The build writes the anchor as `#` + the id, unencoded (as `data-copy-anchor` had it).
    const id = anchor.getAttribute('href')?.slice(1) ?? '';
    const title = anchor.textContent?.trim() ?? '';
    const figure = heading.parentElement?.matches('figure.chart') === true ? heading.parentElement : null;
    heading.append(
      button(
        'copy-link',
        figure === null ? `Copy link to “${title}”` : `Copy link to chart “${title}”`,
        figure === null ? 'Copy link to this section' : 'Copy link to this chart',
        'Copy link',
        { copyAnchor: id },
      ),
    );
    if (figure !== null && (figure.dataset['chartSrc'] ?? '') !== '')
      heading.append(
        button(
          'chart-actions',
          `Save / view spec of chart “${title}”`,
          'Save as SVG or PNG, view the Vega-Lite spec and data',
          'Save / view spec',
          { chartActions: '' },
        ),
      );
  }
}

function button(className: string, label: string, title: string, text: string, data: Record<string, string>): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.setAttribute('aria-label', label);
  b.title = title;
  b.textContent = text;
  Object.assign(b.dataset, data);
  return b;
}
