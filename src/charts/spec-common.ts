import { chartConfig } from './theme.ts';

/** `$schema` and theme shared by every chart spec. */
export const SPEC_BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  config: chartConfig,
} as const;

/** Tooltip number format: up to 4 significant digits. */
export const VALUE_FORMAT = '.4~g';
