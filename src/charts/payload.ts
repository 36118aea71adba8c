import type { ChartDatasets } from './types.ts';

/**
 * JSON text for `<script type="application/json" data-chart-spec>`: the compiled Vega spec with each
 * named dataset's values inlined. `<`, `>`, `&` and U+2028/2029 are escaped so the text can never
 * close the script element or be read as HTML.
 */
export function chartPayload(vgSpec: object, data: ChartDatasets): string {
  return JSON.stringify(chartSpecWithData(vgSpec, data)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The compiled Vega spec with each named dataset's values inlined: what the browser runtime renders. */
export function chartSpecWithData(vgSpec: object, data: ChartDatasets): object {
  const spec = vgSpec as { data?: { name: string }[] };
  return {
    ...spec,
    ...(spec.data === undefined
      ? {}
      : { data: spec.data.map((d) => (Object.prototype.hasOwnProperty.call(data, d.name) ? { ...d, values: data[d.name] } : d)) }),
  };
}
