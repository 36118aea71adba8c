import type { TopLevelSpec } from 'vega-lite';
import { CHART_SIZES } from './theme.ts';
import { SPEC_BASE, VALUE_FORMAT } from './spec-common.ts';
import { formatChartNumber } from './format.ts';
import type { FeatureImportanceData } from './types.ts';

/** Features sorted by importance, largest first; ties by name so the order is stable. */
export function sortFeatures(features: FeatureImportanceData['features']): FeatureImportanceData['features'] {
  return [...features].sort((a, b) => b.importance - a.importance || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
}

/** Characters of the x-axis title that fit on one line under the plot (11 px text, 400 px). */
const TITLE_CHARACTERS = 60;

/**
 * The x-axis title: "Importance (method)", or a method named at length (`Occlusion attribution over
 * 500 test images`) on a line of its own under "Importance"; no line runs past the plot (the
 * chart's description names it in full).
 */
export function featureImportanceTitle(data: FeatureImportanceData): string | [string, string] {
  const title = data.method === undefined ? 'Importance' : `Importance (${data.method})`;
  return title.length > TITLE_CHARACTERS && data.method !== undefined ? ['Importance', `(${data.method})`] : title;
}

/** Feature importance as horizontal bars, most important on top. */
export function featureImportanceSpec(data: FeatureImportanceData): TopLevelSpec {
  const rows = sortFeatures(data.features).map((f, order) => ({
    feature: f.feature,
    order,
    importance: f.importance,
    valueLabel: formatChartNumber(f.importance),
  }));
  const y = { field: 'feature', type: 'nominal', title: null, sort: { field: 'order', op: 'min' } } as const;
  const width = CHART_SIZES.width - 120;
  const x = { field: 'importance', type: 'quantitative', title: featureImportanceTitle(data), axis: { titleLimit: width } } as const;
  return {
    ...SPEC_BASE,
    datasets: { table: rows },
    data: { name: 'table' },
    width,
    height: { step: CHART_SIZES.barStep },
    encoding: { y, x },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          tooltip: [
            { field: 'feature', type: 'nominal', title: 'Feature' },
            { field: 'importance', type: 'quantitative', title: 'Importance', format: VALUE_FORMAT },
          ],
        },
      },
      { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'valueLabel', type: 'nominal' } } },
    ],
  };
}
