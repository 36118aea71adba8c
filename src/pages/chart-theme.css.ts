import type { APIRoute } from 'astro';
import { chartThemeCss } from '../charts/theme.ts';

/**
 * `chart-theme.css`: the stylesheet that themes static and live charts for the light and dark
 * schemes (see `chartThemeCss`). One file the browser caches, linked by every page with charts,
 * instead of the same 2.6 KB inline in 15,000 pages of a large site (issue #17).
 */
export const GET: APIRoute = () => new Response(chartThemeCss(), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
