import { describe, expect, test } from 'vitest';
import { experimentUrl, normalizeSiteUrl, resolveSite } from '../../src/summary/links.ts';
import { readSettings } from '../../src/settings/index.ts';

describe('normalizeSiteUrl', () => {
  test.each([
    ['https://org.github.io/repo', 'https://org.github.io/repo/'],
    ['http://localhost:4321/', 'http://localhost:4321/'],
    ['https://x.io/a (b)/?q=1#h', 'https://x.io/a%20%28b%29/'],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (text, expected) => {
    expect(normalizeSiteUrl(text)).toBe(expected);
  });
});

describe('resolveSite', () => {
  test('prefers --site', () => {
    expect(resolveSite('https://a.io/x', readSettings({ env: { LOGBOOK_SITE: 'https://b.io', LOGBOOK_BASE: '/y/' } }))).toEqual({
      site: 'https://a.io/x/',
    });
  });

  test('joins LOGBOOK_SITE and LOGBOOK_BASE as the build does', () => {
    expect(resolveSite(undefined, readSettings({ env: { LOGBOOK_SITE: 'https://org.github.io', LOGBOOK_BASE: '/repo/' } }))).toEqual({
      site: 'https://org.github.io/repo/',
    });
    expect(resolveSite(undefined, readSettings({ env: { LOGBOOK_SITE: 'https://org.github.io/', LOGBOOK_BASE: 'repo' } }))).toEqual({
      site: 'https://org.github.io/repo/',
    });
  });

  test('falls back to host-relative links with only a base, and to site-relative links with nothing', () => {
    expect(resolveSite(undefined, readSettings({ env: { LOGBOOK_BASE: '/repo' } }))).toEqual({ site: '/repo/' });
    expect(resolveSite(undefined, readSettings({ env: {} }))).toEqual({ site: '' });
  });

  test('ignores a LOGBOOK_SITE that is not an http(s) URL, and says so', () => {
    expect(resolveSite(undefined, readSettings({ env: { LOGBOOK_SITE: 'javascript:x' } }))).toEqual({
      site: '',
      ignoredSite: 'javascript:x',
    });
  });
});

describe('experimentUrl', () => {
  test('links a page or one of its sections', () => {
    expect(experimentUrl('https://x.io/r/', 'exp-1')).toBe('https://x.io/r/experiments/exp-1/');
    expect(experimentUrl('', 'exp-1', 'fairness')).toBe('experiments/exp-1/#fairness');
  });
});
