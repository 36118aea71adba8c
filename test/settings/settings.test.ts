import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  chartCacheDir,
  LARGE_SITE_EXPERIMENTS,
  readSettings,
  recordCacheDir,
  SettingsError,
  settingsForSize,
} from '../../src/settings/index.ts';

describe('readSettings', () => {
  test('defaults with an empty environment', () => {
    expect(readSettings({ env: {} })).toEqual({
      content: 'content/experiments',
      outDir: 'dist',
      site: undefined,
      base: '/',
      title: 'Logbook',
      charts: true,
      staticCharts: true,
      comparePages: true,
      bySize: ['staticCharts', 'comparePages'],
      largeSite: 4_000,
      pageSize: 1000,
      chartWorkers: undefined,
      cacheDir: join('node_modules', '.cache', 'logbook'),
      chartCache: true,
      recordCache: true,
      astroCacheDir: undefined,
      validated: false,
      githubActions: false,
      githubOutput: undefined,
      sourceDateEpoch: undefined,
    });
  });

  test('reads every LOGBOOK_* variable (and GITHUB_ACTIONS, GITHUB_OUTPUT, SOURCE_DATE_EPOCH)', () => {
    const settings = readSettings({
      env: {
        LOGBOOK_CONTENT: '../logs',
        LOGBOOK_OUT_DIR: 'out',
        LOGBOOK_SITE: 'https://org.github.io',
        LOGBOOK_BASE: '/repo/',
        LOGBOOK_TITLE: 'Churn team',
        LOGBOOK_CHARTS: 'off',
        LOGBOOK_STATIC_CHARTS: 'no',
        LOGBOOK_COMPARE_PAGES: '0',
        LOGBOOK_CHART_WORKERS: '3',
        LOGBOOK_PAGE_SIZE: '250',
        LOGBOOK_LARGE_SITE: '20000',
        LOGBOOK_CACHE_DIR: '/ci/cache',
        LOGBOOK_NO_CHART_CACHE: '1',
        LOGBOOK_NO_RECORD_CACHE: '1',
        LOGBOOK_ASTRO_CACHE_DIR: '/ci/astro',
        LOGBOOK_VALIDATED: '1',
        GITHUB_ACTIONS: 'true',
        GITHUB_OUTPUT: '/tmp/step-output',
        SOURCE_DATE_EPOCH: '1700000000',
      },
    });
    expect(settings).toEqual({
      content: '../logs',
      outDir: 'out',
      site: 'https://org.github.io',
      base: '/repo/',
      title: 'Churn team',
      charts: false,
      staticCharts: false,
      comparePages: false,
      bySize: [],
      largeSite: 20_000,
      pageSize: 250,
      chartWorkers: 3,
      cacheDir: '/ci/cache',
      chartCache: false,
      recordCache: false,
      astroCacheDir: '/ci/astro',
      validated: true,
      githubActions: true,
      githubOutput: '/tmp/step-output',
      sourceDateEpoch: 1700000000,
    });
  });

  test('an empty variable counts as unset', () => {
    const settings = readSettings({ env: { LOGBOOK_CONTENT: '', LOGBOOK_BASE: '', LOGBOOK_CHART_WORKERS: '' } });
    expect([settings.content, settings.base, settings.chartWorkers]).toEqual(['content/experiments', '/', undefined]);
  });

  test('flags win over the environment, which wins over the config file', () => {
    const env = { LOGBOOK_CONTENT: 'from-env', LOGBOOK_BASE: '/env/' };
    const config = { content: 'from-config', base: '/config/', outDir: 'config-out', charts: false };
    expect(readSettings({ env, config, flags: { content: 'from-flag' } })).toMatchObject({
      content: 'from-flag',
      base: '/env/',
      outDir: 'config-out',
      charts: false,
    });
    expect(readSettings({ env: { LOGBOOK_CHARTS: 'on' }, config: { charts: false } }).charts).toBe(true);
    expect(readSettings({ env: { LOGBOOK_STATIC_CHARTS: 'on' }, config: { staticCharts: false, comparePages: false } })).toMatchObject({
      staticCharts: true,
      comparePages: false,
    });
    expect(readSettings({ env: { LOGBOOK_COMPARE_PAGES: 'on' }, flags: { comparePages: false } }).comparePages).toBe(false);
  });

  test.each([
    ['off', false],
    ['OFF', false],
    ['0', false],
    ['false', false],
    ['on', true],
    ['yes', true],
  ])('LOGBOOK_CHARTS=%s is %s', (value, charts) => {
    expect(readSettings({ env: { LOGBOOK_CHARTS: value } }).charts).toBe(charts);
  });

  test('every unusable value is reported at once, one line each', () => {
    let error: unknown;
    try {
      readSettings({
        env: {
          LOGBOOK_CHART_WORKERS: 'many',
          LOGBOOK_CHARTS: 'sometimes',
          LOGBOOK_COMPARE_PAGES: 'few',
          SOURCE_DATE_EPOCH: 'yesterday',
          LOGBOOK_PAGE_SIZE: '0',
        },
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as SettingsError).problems).toEqual([
      'LOGBOOK_CHART_WORKERS: expected a whole number, got "many" — e.g. LOGBOOK_CHART_WORKERS=2',
      'SOURCE_DATE_EPOCH: expected a whole number, got "yesterday" — e.g. SOURCE_DATE_EPOCH=2',
      'LOGBOOK_CHARTS: expected "on" or "off", got "sometimes" — e.g. LOGBOOK_CHARTS=off',
      'LOGBOOK_COMPARE_PAGES: expected "on" or "off", got "few" — e.g. LOGBOOK_COMPARE_PAGES=off',
      'LOGBOOK_PAGE_SIZE: expected a whole number of experiments per page (1 or more), got "0" — e.g. LOGBOOK_PAGE_SIZE=500',
    ]);
  });

  test('the base path: plain slash-separated segments only, from any source', () => {
    for (const base of ['/', '/repo/', '/org/repo/', '/my-repo.v2']) expect(readSettings({ env: { LOGBOOK_BASE: base } }).base).toBe(base);
    // Written into every page's script tags and links: nothing that ends an attribute, leaves the host or decodes into either.
    // Without its leading slash, a path from the site's root, as the build has always read it.
    expect(readSettings({ env: { LOGBOOK_BASE: 'repo/' } }).base).toBe('/repo/');
    for (const base of ['//evil.example/x/', '/x"></script><script>alert(1)</script>', '/%22/', '/../', '/a//b/', '../x/', '/a b/']) {
      expect(() => readSettings({ env: {}, flags: { base } })).toThrow(SettingsError);
      expect(() => readSettings({ env: { LOGBOOK_BASE: base } })).toThrow(/^base: .* is no base path/);
    }
  });

  test('the page size: the variable over the config file, whole numbers of 1 or more only', () => {
    expect(readSettings({ env: {}, config: { pageSize: 200 } }).pageSize).toBe(200);
    expect(readSettings({ env: { LOGBOOK_PAGE_SIZE: ' 50 ' }, config: { pageSize: 200 } }).pageSize).toBe(50);
    for (const bad of ['-5', '2.5', 'all']) expect(() => readSettings({ env: { LOGBOOK_PAGE_SIZE: bad } })).toThrow(SettingsError);
  });
});

describe('settings for the size of the site', () => {
  test('up to 4,000 experiments a site has static charts and compare pages; above, those not given are off', () => {
    expect(LARGE_SITE_EXPERIMENTS).toBe(4_000);
    const defaults = readSettings({ env: {} });
    expect(settingsForSize(defaults, 4_000)).toEqual({ settings: defaults, turnedOff: [] });
    const large = settingsForSize(defaults, 4_001);
    expect(large.turnedOff).toEqual(['staticCharts', 'comparePages']);
    expect(large.settings).toEqual({ ...defaults, staticCharts: false, comparePages: false, bySize: [] });
    // The defaults themselves are left as they were.
    expect(defaults).toMatchObject({ staticCharts: true, comparePages: true });
  });

  test('a setting given anywhere (config file, variable, flag) holds whatever the size', () => {
    const kept = readSettings({ env: {}, config: { staticCharts: true } });
    expect(kept.bySize).toEqual(['comparePages']);
    expect(settingsForSize(kept, 10_000)).toMatchObject({
      settings: { staticCharts: true, comparePages: false },
      turnedOff: ['comparePages'],
    });
    const both = readSettings({ env: { LOGBOOK_COMPARE_PAGES: 'on' }, flags: { staticCharts: true } });
    expect(settingsForSize(both, 10_000)).toEqual({ settings: both, turnedOff: [] });
    // Given off: already off, nothing to say.
    const off = readSettings({ env: { LOGBOOK_STATIC_CHARTS: 'off' } });
    expect(settingsForSize(off, 10_000).turnedOff).toEqual(['comparePages']);
  });

  test('the size is a setting: largeSite in the config file, LOGBOOK_LARGE_SITE over it', () => {
    const team = readSettings({ env: {}, config: { largeSite: 500 } });
    expect(settingsForSize(team, 500).turnedOff).toEqual([]);
    expect(settingsForSize(team, 501).turnedOff).toEqual(['staticCharts', 'comparePages']);
    expect(readSettings({ env: { LOGBOOK_LARGE_SITE: ' 0 ' }, config: { largeSite: 500 } }).largeSite).toBe(0);
    expect(() => readSettings({ env: { LOGBOOK_LARGE_SITE: 'many' } })).toThrow(
      new SettingsError([
        'LOGBOOK_LARGE_SITE: expected a whole number of experiments (0 or more), got "many" — e.g. LOGBOOK_LARGE_SITE=4000',
      ]),
    );
  });
});

describe('cache folders', () => {
  test('charts and records live side by side under the cache folder, and each can be switched off', () => {
    const settings = readSettings({ env: { LOGBOOK_CACHE_DIR: '/ci/cache' } });
    expect(chartCacheDir(settings)).toBe(join('/ci/cache', 'charts'));
    expect(recordCacheDir(settings)).toBe(join('/ci/cache', 'records'));
    expect(recordCacheDir(readSettings({ env: {} }))).toBe(join('node_modules', '.cache', 'logbook', 'records'));
    expect(chartCacheDir(readSettings({ env: { LOGBOOK_NO_CHART_CACHE: '1' } }))).toBeNull();
    expect(recordCacheDir(readSettings({ env: { LOGBOOK_NO_RECORD_CACHE: '1' } }))).toBeUndefined();
  });
});
