import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { chartSpecWithData } from '../../src/charts/payload.ts';
import { svgSize, type RenderedChart } from '../../src/charts/render.ts';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
// ajv-formats is CommonJS: its default export arrives wrapped under ESM interop.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
addFormats(ajv);
ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6})$/i);
const validate = ajv.compile(schema);

/** Schema errors of a Vega-Lite spec, as readable strings ([] when valid). */
export function vegaLiteSchemaErrors(spec: TopLevelSpec): string[] {
  return validate(spec) ? [] : (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** The size of the SVG the browser draws from a rendered chart's payload (its shape and data, as JSON text). */
export async function payloadSize(r: RenderedChart): Promise<{ width: number; height: number }> {
  const spec = chartSpecWithData(
    JSON.parse(JSON.stringify(r.vgSpec)) as object,
    JSON.parse(JSON.stringify(r.data)) as typeof r.data,
  ) as vega.Spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    await view.runAsync();
    return svgSize(await view.toSVG());
  } finally {
    view.finalize();
  }
}
