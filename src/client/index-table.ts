/**
 * Progressive enhancement of the experiments table: sort by any column, filter by text, status
 * and use case, pick the metric columns shown (kept in the address: `?cols=Accuracy,F1`), and pick
 * experiments to compare. The table is complete HTML without it (with the default columns).
 */
const table = document.querySelector<HTMLTableElement>('#experiments');
const form = document.querySelector<HTMLFormElement>('#index-tools');
const body = table?.tBodies[0];

if (table && form && body) {
  const rows = [...body.rows];
  const sortValues = new Map(rows.map((r) => [r, JSON.parse(r.dataset['sort'] ?? '{}') as Record<string, string | number>]));
  const count = form.querySelector<HTMLOutputElement>('#index-count');
  const compare = form.querySelector<HTMLButtonElement>('#compare-selected');

  const field = (data: FormData, name: string): string => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };

  const picker = form.querySelector<HTMLDetailsElement>('.column-picker');
  const columnBoxes = [...form.querySelectorAll<HTMLInputElement>('input[name="col"]')];

  /** Shows the picked metric columns and writes them into the address (by metric name, so links stay readable). */
  /** The picked columns go with the links to the table's other pages, so the next page shows them too. */
  const carryColumns = (cols: string): void => {
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.pager a')) {
      const target = new URL(link.href);
      target.searchParams.set('cols', cols);
      link.href = target.href;
    }
  };

  const applyColumns = (writeUrl: boolean): void => {
    const shown = new Set(columnBoxes.filter((b) => b.checked).map((b) => b.value));
    for (const cell of table.querySelectorAll<HTMLElement>('[data-col]')) cell.hidden = !shown.has(cell.dataset['col'] ?? '');
    if (!writeUrl) return;
    const url = new URL(window.location.href);
    const cols = columnBoxes
      .filter((b) => b.checked)
      .map((b) => b.dataset['metric'] ?? '')
      .join(',');
    url.searchParams.set('cols', cols);
    history.replaceState(null, '', url);
    carryColumns(cols);
  };

  const cols = new URLSearchParams(window.location.search).get('cols');
  if (cols !== null) {
    const wanted = new Set(cols.split(',').map((c) => c.trim()));
    for (const box of columnBoxes) box.checked = wanted.has(box.dataset['metric'] ?? '');
    applyColumns(false);
    carryColumns(cols);
  }
  if (picker) picker.hidden = false;

  const applyFilter = (): void => {
    const data = new FormData(form);
    const q = field(data, 'q').trim().toLowerCase();
    const status = field(data, 'status');
    const useCase = field(data, 'useCase');
    let shown = 0;
    for (const row of rows) {
      const ok =
        (!q || (row.dataset['search'] ?? '').includes(q)) &&
        (!status || row.dataset['status'] === status) &&
        (!useCase || row.dataset['useCase'] === useCase);
      row.hidden = !ok;
      if (ok) shown += 1;
    }
    // A paged table (more experiments than the pageSize setting) says the count is this page's.
    const scope = count?.dataset['scope'];
    if (count) count.textContent = `${shown} of ${rows.length} shown${scope ? ` ${scope}` : ''}`;
  };

  const sortBy = (th: HTMLTableCellElement): void => {
    const key = th.dataset['sortKey'] ?? '';
    const ascending = th.getAttribute('aria-sort') !== 'ascending';
    for (const other of table.querySelectorAll('th[data-sort-key]')) other.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const sorted = [...rows].sort((a, b) => {
      const x = sortValues.get(a)?.[key] ?? '';
      const y = sortValues.get(b)?.[key] ?? '';
      // Empty values always sort last.
      if (x === '' && y !== '') return 1;
      if (y === '' && x !== '') return -1;
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return ascending ? cmp : -cmp;
    });
    body.append(...sorted);
  };

  const updateCompare = (): void => {
    const picked = body.querySelectorAll<HTMLInputElement>('input.pick:checked');
    if (compare) {
      compare.disabled = picked.length < 2;
      compare.textContent = picked.length >= 2 ? `Compare ${picked.length} selected` : 'Compare selected';
    }
  };

  table.querySelector('thead')?.addEventListener('click', (event) => {
    const th = (event.target as Element).closest<HTMLTableCellElement>('th[data-sort-key]');
    if (th) sortBy(th);
  });
  form.addEventListener('input', (event) => {
    if ((event.target as HTMLInputElement).name === 'col') applyColumns(true);
    else applyFilter();
  });
  body.addEventListener('change', updateCompare);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = [...body.querySelectorAll<HTMLInputElement>('input.pick:checked')].map((i) => i.value);
    if (ids.length < 2) return;
    // The brand link is the site root, whatever the base path.
    const base = document.querySelector<HTMLAnchorElement>('a.brand')?.href ?? window.location.href;
    window.location.href = `${new URL('compare/', base).href}?ids=${ids.map(encodeURIComponent).join(',')}`;
  });
  applyFilter();
  updateCompare();
}
