/**
 * The Logbook Astro integration: what ties the settings and the chart service to an Astro build.
 *
 * - The settings reach the site's modules (content config, pages) as `virtual:logbook/settings`.
 * - The build's chart service (src/site/chart-service.ts) is created here, handed to the content
 *   loader through the custom hook `logbook:chart-service`, and the bundled pages import its module
 *   from Node instead of bundling a copy, so they use the same service. When every page is written
 *   it is closed and one line says what it rendered.
 */
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import type { Settings } from '../settings/index.ts';
import type { ChartService } from './chart-service.ts';

const SETTINGS_MODULE = 'virtual:logbook/settings';

/** The chart service's module as Node loads it here (TypeScript in a checkout, JavaScript once compiled). */
const CHART_SERVICE_FILE = fileURLToPath(new URL(`./chart-service${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
/** The chart service's source, as the site's modules import it. */
const CHART_SERVICE_SOURCE = /[\\/]site[\\/]chart-service\.ts$/;

declare global {
  // Astro types custom integration hooks by declaration merging.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Astro {
    interface IntegrationHooks {
      /** The chart service of the running `astro build`; undefined in other commands or without charts. */
      'logbook:chart-service': () => Promise<ChartService> | undefined;
    }
  }
}

/** The chart service of the build configured by `config` (see `logbook:chart-service`), if any. */
export function chartServiceOf(config: Pick<AstroConfig, 'integrations'>): Promise<ChartService> | undefined {
  for (const integration of config.integrations) {
    const hook = integration.hooks['logbook:chart-service'];
    if (hook !== undefined) return hook();
  }
  return undefined;
}

export function logbookIntegration(settings: Settings): AstroIntegration {
  let building = false;
  let service: Promise<ChartService> | undefined;
  // Loaded only for a build with charts, so `astro dev`, `astro check` and builds without charts never load Vega here.
  const chartService = (): Promise<ChartService> | undefined =>
    building && settings.charts ? (service ??= import('./chart-service.ts').then((m) => m.buildChartService(settings))) : undefined;

  return {
    name: 'logbook',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'logbook:settings',
                resolveId: (id) => (id === SETTINGS_MODULE ? `\0${SETTINGS_MODULE}` : undefined),
                load: (id) => (id === `\0${SETTINGS_MODULE}` ? `export default ${JSON.stringify(settings)};` : undefined),
              },
              {
                // In the bundle pages are rendered from, the chart service stays the module Node loaded here.
                name: 'logbook:chart-service',
                apply: 'build',
                enforce: 'pre',
                async resolveId(source, importer, options) {
                  if (!/chart-service(\.[jt]s)?$/.test(source)) return null;
                  const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
                  return resolved !== null && CHART_SERVICE_SOURCE.test(resolved.id)
                    ? { id: pathToFileURL(CHART_SERVICE_FILE).href, external: true }
                    : null;
                },
              },
            ],
          },
        });
      },
      'logbook:chart-service': chartService,
      'astro:build:done': async () => {
        if (service === undefined) return;
        const stats = await (await service).close();
        service = undefined;
        process.stderr.write(
          settings.staticCharts
            ? `logbook: ${stats.charts} charts on ${stats.pages} experiment pages rendered in this build\n`
            : `logbook: ${stats.charts} charts on ${stats.pages} experiment pages left to the browser to draw (staticCharts: false)\n`,
        );
      },
    },
  };
}
