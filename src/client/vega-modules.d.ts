// Types for the Vega sub-packages the chart runtime imports directly (they ship no .d.ts; the
// `vega` package's types cover the same classes).
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-scenegraph' {
  export const textMetrics: { width: unknown };
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
