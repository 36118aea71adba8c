import type { TopLevelSpec } from 'vega-lite';
import { guardSpecText } from './spec-common.ts';
import type { ChartDatasets } from './types.ts';

/**
 * Splits a spec into its shape (what is compiled) and its data; the description is kept out of the
 * shape too. Text in the shape that Vega cannot take (`guardSpecText`) is made safe.
 */
export function splitChartSpec(spec: TopLevelSpec): { shape: TopLevelSpec; data: ChartDatasets; description: string | undefined } {
  const { datasets, description, ...shape } = spec;
  return { shape: guardSpecText(shape), data: (datasets ?? {}) as ChartDatasets, description };
}

/**
 * One chart in an experiment's `charts/<id>.json`: the id of its compiled shape (the Vega spec
 * without data, `charts/shapes/<shape>.json`, shared by every chart of that kind) and its data.
 */
export interface ChartDataEntry {
  shape: string;
  data: ChartDatasets;
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
