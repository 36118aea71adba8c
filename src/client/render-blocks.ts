/**
 * Page blocks as DOM, for pages the browser builds (the in-browser compare page): the same view
 * data (`src/view/blocks.ts`) and the same markup as the Astro components (`Section.astro`,
 * `Block.astro`, `DataTable.astro`, `CellView.astro`, `Chart.astro`) for the block kinds such a page
 * uses. Text goes in as text, never as HTML; the one HTML string is a chart's data table, escaped
 * where it is built (`src/view/html.ts`).
 */
import type { Block, Cell, ChartBlockData, SectionView, TableColumn } from '../view/blocks.ts';
import { tableNotes, type NotedCell, type NotedColumn } from '../view/table-notes.ts';

type Attrs = Record<string, string | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** A cell as `CellView.astro` renders it (no HTML cells: this page has none): plain text when it has no class or title. */
export function cellNode(cell: Cell): Node {
  const cls = [cell.tone ? `tone-${cell.tone}` : '', cell.strong ? 'strong' : ''].filter(Boolean).join(' ') || undefined;
  if (cell.href) return el('a', { href: cell.href, class: cls, title: cell.title }, cell.text);
  return cls === undefined && cell.title === undefined
    ? document.createTextNode(cell.text)
    : el('span', { class: cls, title: cell.title }, cell.text);
}

/** The mark of a note (see `tableNotes`), when there is one. */
function noteRef(note: number | undefined): Node[] {
  return note === undefined ? [] : [el('sup', { class: 'note-ref' }, String(note))];
}

/** A table cell's content and, when its explanation became a note, the note's number. */
function notedCellNodes(cell: NotedCell): Node[] {
  return [cellNode(cell), ...noteRef(cell.note)];
}

function tableNode(columns: readonly NotedColumn[], rows: readonly NotedCell[][], caption: string | undefined): HTMLTableElement {
  // As DataTable.astro: a table of numbers only is classed once, not cell by cell.
  const allNumeric = columns.every((c) => c.numeric) && rows.every((row) => row.every((cell) => cell.numeric));
  const num = (numeric: boolean | undefined): string | undefined => (numeric && !allNumeric ? 'num' : undefined);
  const table = el('table', { class: allNumeric ? 'num-table' : undefined });
  if (caption !== undefined) table.append(el('caption', {}, caption));
  table.append(
    el(
      'thead',
      {},
      el('tr', {}, ...columns.map((c) => el('th', { scope: 'col', class: num(c.numeric), title: c.title }, c.label, ...noteRef(c.note)))),
    ),
  );
  table.append(
    el(
      'tbody',
      {},
      ...rows.map((row) =>
        el(
          'tr',
          {},
          ...row.map((cell, i) =>
            i === 0
              ? el('th', { scope: 'row', class: cell.long ? 'long' : num(cell.numeric) }, ...notedCellNodes(cell))
              : el('td', { class: cell.long ? 'long' : num(cell.numeric) }, ...notedCellNodes(cell)),
          ),
        ),
      ),
    ),
  );
  return table;
}

function tableBlock(block: Extract<Block, { kind: 'table' }>): HTMLElement {
  const label = block.caption ?? 'Table';
  const collapse = block.collapsedAfter !== undefined && block.rows.length > block.collapsedAfter;
  // As DataTable.astro: cell titles become numbered notes under the table.
  const { columns, rows, notes } = tableNotes(block.columns, block.rows);
  const scroll = el(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label },
    tableNode(columns, rows, collapse ? undefined : block.caption),
  );
  const noteList = notes.length === 0 ? [] : [el('ol', { class: 'cell-notes' }, ...notes.map((text) => el('li', {}, text)))];
  const body = collapse
    ? [el('details', { class: 'long-table' }, el('summary', {}, `${label} — show all ${block.rows.length} rows`), scroll, ...noteList)]
    : [scroll, ...noteList];
  return el('div', { class: 'table-block', id: block.id }, ...body, ...(block.note ? [el('p', { class: 'table-note' }, block.note)] : []));
}

/** A chart figure as `Chart.astro` renders it; without a static SVG the canvas is empty until the runtime draws into it. */
export function chartNode(chart: ChartBlockData): HTMLElement {
  // Named by its caption, as in Chart.astro: the description is written once.
  const canvas = el('div', { class: 'chart-canvas', role: 'img', tabindex: '0', 'aria-labelledby': `${chart.id}-desc` });
  const data = el('table');
  // Built by `tableHtml`, which escapes every cell.
  data.innerHTML = chart.tableHtml;
  return el(
    'figure',
    {
      class: 'chart',
      id: chart.id,
      'data-chart': chart.id,
      'data-chart-src': chart.dataUrl,
      'data-chart-shape': chart.shapeUrl,
      'data-chart-kind': chart.kind,
      // No static image: until the runtime draws it, print shows its data table (as Chart.astro's in-browser charts).
      'data-chart-static': chart.svg === '' ? 'none' : undefined,
      'aria-labelledby': `${chart.id}-title`,
      'aria-describedby': `${chart.id}-desc`,
    },
    el(
      'div',
      { class: 'section-heading' },
      el('h3', { id: `${chart.id}-title` }, el('a', { class: 'anchor', href: `#${chart.id}` }, chart.title)),
    ),
    canvas,
    el('figcaption', { id: `${chart.id}-desc` }, chart.description),
    el(
      'details',
      { class: 'chart-data' },
      el('summary', {}, 'Data'),
      el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `Data of ${chart.title}` }, data),
    ),
  );
}

/** One row of "Every field", as `Block.astro` renders it. */
export function fieldRowNode(r: { path: string; values: readonly string[]; same: boolean }): HTMLTableRowElement {
  return el('tr', { class: r.same ? 'same' : undefined }, el('th', { scope: 'row' }, r.path), ...r.values.map((v) => el('td', {}, v)));
}

function fieldDiffNode(block: Extract<Block, { kind: 'field-diff' }>): HTMLElement {
  const table = el(
    'table',
    { id: block.id },
    el('thead', {}, el('tr', {}, ...block.columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...block.rows.map(fieldRowNode)),
  );
  const toggle = el('input', { type: 'checkbox', id: 'diff-only' });
  toggle.checked = true;
  return el(
    'div',
    { class: 'field-diff' },
    el(
      'p',
      { class: 'compare-controls' },
      el('label', {}, toggle, ' Differences only'),
      ' ',
      el('span', { class: 'tone-neutral' }, `(${block.differing} of ${block.total} fields differ)`),
    ),
    el('div', { class: 'table-scroll compare-table', tabindex: '0', role: 'region', 'aria-label': 'Every field side by side' }, table),
  );
}

/** A block, for the kinds a browser-built page uses (tables, charts, notes, the field comparison). */
export function blockNode(block: Block): HTMLElement | undefined {
  switch (block.kind) {
    case 'table':
      return tableBlock(block);
    case 'chart':
      return chartNode(block.chart);
    case 'note':
      return el('p', { class: `note note-${block.tone}` }, block.text);
    case 'field-diff':
      return fieldDiffNode(block);
    default:
      return undefined;
  }
}

/** A section as `Section.astro` renders it. */
export function sectionNode(section: SectionView): HTMLElement {
  return el(
    'section',
    { id: section.id, class: `section section-${section.id}`, 'aria-labelledby': `${section.id}-heading` },
    el(
      'div',
      { class: 'section-heading' },
      el('h2', { id: `${section.id}-heading` }, el('a', { class: 'anchor', href: `#${section.id}` }, section.title)),
    ),
    ...section.blocks.flatMap((b) => blockNode(b) ?? []),
  );
}

/** A table with a caption, as `DataTable.astro` renders it. */
export function dataTableNode(id: string, caption: string, columns: readonly TableColumn[], rows: readonly Cell[][]): HTMLElement {
  return tableBlock({ kind: 'table', id, caption, columns: [...columns], rows: [...rows] });
}
