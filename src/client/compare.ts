/**
 * Client-side comparison of any set of experiments, read from the static JSON API: no server.
 * Every leaf field of each record becomes a row; "Differences only" hides rows that are equal.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Flattens a record into `path → value` rows, in the record's order. */
function flatten(value: Json, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, value === null ? '—' : String(value));
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
  const root = document.querySelector<HTMLAnchorElement>('a.brand')?.href ?? window.location.href;
  status.textContent = `Loading ${ids.length} experiments…`;
  const docs = await Promise.all(
    ids.map(async (id) => {
      const res = await fetch(new URL(`api/experiments/${encodeURIComponent(id)}.json`, root));
      if (!res.ok) throw new Error(`No experiment “${id}”`);
      return (await res.json()) as { record: Json };
    }),
  ).catch((error: unknown) => {
    status.textContent = error instanceof Error ? error.message : String(error);
    return null;
  });
  if (!docs) return;
  const flat = docs.map((d) => {
    const m = new Map<string, string>();
    flatten(d.record, '', m);
    return m;
  });
  const paths: string[] = [];
  const seen = new Set<string>();
  for (const m of flat)
    for (const p of m.keys())
      if (!seen.has(p) && p !== '$schema') {
        seen.add(p);
        paths.push(p);
      }

  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  const corner = document.createElement('th');
  corner.scope = 'col';
  corner.textContent = 'Field';
  head.append(corner);
  ids.forEach((id) => {
    const th = document.createElement('th');
    th.scope = 'col';
    const a = document.createElement('a');
    a.href = new URL(`experiments/${encodeURIComponent(id)}/`, root).href;
    a.textContent = id;
    th.append(a);
    head.append(th);
  });
  const body = table.createTBody();
  let differing = 0;
  for (const p of paths) {
    const values = flat.map((m) => m.get(p) ?? '—');
    const same = values.every((v) => v === values[0]);
    if (!same) differing += 1;
    const row = body.insertRow();
    row.className = same ? 'same' : 'differs';
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = p;
    row.append(th);
    for (const v of values) row.insertCell().textContent = v;
  }
  output.replaceChildren(table);
  status.textContent = `${paths.length} fields, ${differing} differ.`;
}

void run();
