/**
 * The chart scheduler: renders every experiment's charts on the worker pool, in page order, ahead of
 * the pages, holding the blocks of the next pages in memory (see `renderAhead`).
 */
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { ChartBlocksBySection } from './chart-cache.ts';
import { TASKS_PER_WORKER, type ChartPool } from './chart-pool.ts';

/**
 * Experiments ahead of the page being built whose finished chart blocks are sent back from the
 * workers and held in memory (roughly 0.3 MB each). Workers render further ahead than this, into the
 * chart cache only; a page beyond the window gets its blocks from the cache when it is built.
 */
const REPLY_WINDOW = 1000;

/** Hands out an experiment's chart blocks to its page. */
export interface Renderer {
  /** The experiment's chart blocks; undefined for an id the renderer was not started with. */
  blocks(id: string): Promise<ChartBlocksBySection> | undefined;
}

/**
 * Renders every experiment's charts on the pool, in page order, as far ahead of the pages as the
 * workers get. Experiments within `window` (default `REPLY_WINDOW`) of the page being built are rendered with a reply,
 * and their blocks wait in memory for their page; experiments further ahead are rendered into the
 * chart cache only, and fetched back (the worker reads the cache) once the window reaches them. A
 * page whose charts are not ready goes to the front of the queue. `eager` starts at once (most
 * experiments need rendering); otherwise at the first page asked for.
 */
export function renderAhead(
  order: readonly string[],
  inputs: ReadonlyMap<string, ExperimentChartsInput>,
  pool: ChartPool,
  options: {
    eager: boolean;
    window?: number;
    capacity?: number;
    /** Renders in this thread: what a page gets when its worker fails. */
    renderHere: (input: ExperimentChartsInput) => Promise<ChartBlocksBySection>;
  },
): Renderer {
  const window = options.window ?? REPLY_WINDOW;
  const position = new Map(order.map((id, i) => [id, i]));
  /** Where each experiment is; absent: not sent to a worker yet. */
  const state = new Map<string, 'rendering' | 'cached' | 'fetching' | 'taken'>();
  /** Blocks sent back (or on their way) and not yet taken by a page. */
  const held = new Map<string, Promise<ChartBlocksBySection>>();
  /** Cache-only renders in flight. */
  const rendering = new Map<string, Promise<unknown>>();
  const capacity = options.capacity ?? pool.size * TASKS_PER_WORKER;
  let next = 0;
  let inFlight = 0;
  let frontier = 0;
  let started = options.eager;
  let warned = false;

  const inputOf = (id: string): ExperimentChartsInput => inputs.get(id) as ExperimentChartsInput;
  const orInThread = (id: string) => (error: unknown) => {
    // A worker that cannot start (or died) costs speed, never the build: render here instead.
    if (!warned) console.warn(`[charts] worker failed, rendering in the page thread: ${String(error).split('\n')[0]}`);
    warned = true;
    return options.renderHere(inputOf(id));
  };
  const fetchNow = (id: string): Promise<ChartBlocksBySection> =>
    pool.render(inputOf(id), { urgent: true, reply: true }).then((blocks) => blocks ?? [], orInThread(id));

  const send = (id: string, reply: boolean): void => {
    inFlight++;
    const task = pool.render(inputOf(id), { reply }).finally(() => {
      inFlight--;
      pump();
    });
    if (reply) {
      state.set(id, 'fetching');
      held.set(
        id,
        task.then((blocks) => blocks ?? [], orInThread(id)),
      );
    } else {
      state.set(id, 'rendering');
      const done = task.then(
        () => {
          if (state.get(id) === 'rendering') state.set(id, 'cached');
        },
        () => {
          if (state.get(id) === 'rendering') state.delete(id);
        },
      );
      rendering.set(id, done);
      void done.finally(() => rendering.delete(id));
    }
  };
  /** Start of the window's scan: everything before it is on its way back or taken, for good. */
  let replyScan = 0;
  /** The next experiment to render with a reply: in the window, not yet sent, or only cached. */
  const nextReply = (): string | undefined => {
    const end = Math.min(order.length, frontier + window);
    replyScan = Math.max(replyScan, frontier);
    while (replyScan < end) {
      const s = state.get(order[replyScan] as string);
      if (s !== 'fetching' && s !== 'taken') break;
      replyScan++;
    }
    for (let i = replyScan; i < end; i++) {
      const id = order[i] as string;
      const s = state.get(id);
      if (s === undefined || s === 'cached') return id;
    }
    return undefined;
  };
  /** The next experiment beyond the window not sent yet, rendered into the cache only. */
  const nextAhead = (): string | undefined => {
    const end = frontier + window;
    while (next < order.length && (next < end || state.has(order[next] as string))) next++;
    return next < order.length ? order[next++] : undefined;
  };
  const pump = (): void => {
    while (started && inFlight < capacity) {
      const reply = nextReply();
      if (reply !== undefined) {
        send(reply, true);
        continue;
      }
      const ahead = nextAhead();
      if (ahead === undefined) return;
      send(ahead, false);
    }
  };
  pump();

  return {
    blocks(id) {
      const at = position.get(id);
      if (at === undefined) return undefined;
      if (!started) {
        // An incremental build: render ahead from the first page that is actually built.
        started = true;
        next = at;
      }
      frontier = Math.max(frontier, at);
      // Pages come in order: blocks held for pages before this one belong to pages that were skipped.
      for (const other of held.keys()) if ((position.get(other) ?? 0) < at) held.delete(other);
      const was = state.get(id);
      state.set(id, 'taken');
      const ready = held.get(id);
      held.delete(id);
      const inFlightToCache = rendering.get(id);
      pump();
      if (ready !== undefined) return ready;
      // Being rendered into the cache: the worker reads it back once done.
      if (was === 'rendering' && inFlightToCache !== undefined) return inFlightToCache.then(() => fetchNow(id));
      return fetchNow(id);
    },
  };
}
