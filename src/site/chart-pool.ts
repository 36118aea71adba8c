/**
 * A small worker_threads pool for chart rendering, so a build uses every core: each worker runs
 * `chart-worker.ts` and renders one experiment's chart blocks per task (into the chart cache, and
 * back to the caller when it asks for a reply). Workers are referenced only while they have work,
 * so an idle pool never keeps the build process alive.
 */
import { Worker } from 'node:worker_threads';
import type { ExperimentChartsInput } from '../charts/experiment-views.ts';
import type { CompareDoc } from '../charts/compare-views.ts';
import type { ChartBlocksBySection } from './chart-cache.ts';

/** What a worker renders per task: one experiment's charts, or the charts comparing a few experiments. */
export type ChartJob = ExperimentChartsInput | { compare: readonly CompareDoc[] };

export interface ChartPool {
  /** Number of workers started. */
  readonly size: number;
  /**
   * Renders one experiment's (or one comparison's) chart blocks in a worker (into the chart cache).
   * Resolves to the blocks with `reply: true` (the default), to null without (nothing is copied back).
   * `urgent` tasks jump the queue.
   */
  render(input: ChartJob, options?: { urgent?: boolean; reply?: boolean }): Promise<ChartBlocksBySection | null>;
  /** Stops the workers (pending tasks are rejected). */
  close(): Promise<void>;
}

interface Task {
  input: ChartJob;
  reply: boolean;
  resolve: (blocks: ChartBlocksBySection | null) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Task>;
  /** Settles once the worker has loaded its modules (or failed or exited). */
  ready: Promise<void>;
}

/**
 * Tasks each worker holds at once: one rendering and the rest waiting, so a worker never idles on a
 * message round trip, nor while the page thread is busy with a long synchronous step (computing a
 * route's paths takes up to a second at 1,000 experiments) and cannot hand out work: 16 tasks are
 * about a third of a second of rendering. Urgent tasks are rare in a full build (pages find their
 * charts rendered ahead) and wait at most that long.
 */
export const TASKS_PER_WORKER = 16;

/** What every worker is started with (its `workerData`). */
export interface ChartWorkerData {
  /** The chart cache folder; null renders without a cache. */
  cacheDir: string | null;
}

/** Starts `size` workers running the module at `file` (an absolute path), each given `data`. */
export function createChartPool(options: { file: string; size: number; data: ChartWorkerData }): ChartPool {
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  const fail = (slot: Slot, error: Error): void => {
    for (const task of slot.running.values()) task.reject(error);
    slot.running.clear();
  };
  const pump = (): void => {
    for (const slot of slots) {
      while (slot.running.size < TASKS_PER_WORKER && queue.length > 0) {
        const task = queue.shift() as Task;
        const id = nextId++;
        slot.running.set(id, task);
        slot.worker.ref();
        slot.worker.postMessage({ id, input: task.input, reply: task.reply });
      }
    }
  };

  for (let i = 0; i < Math.max(1, options.size); i++) {
    const worker = new Worker(options.file, { workerData: options.data });
    worker.unref();
    let markReady = (): void => undefined;
    const slot: Slot = { worker, running: new Map(), ready: new Promise<void>((resolve) => (markReady = resolve)) };
    worker.once('error', () => markReady());
    worker.once('exit', () => markReady());
    worker.on('message', (message: { id: number; ready?: boolean; blocks?: ChartBlocksBySection; error?: string }) => {
      if (message.ready === true) {
        markReady();
        return;
      }
      const task = slot.running.get(message.id);
      slot.running.delete(message.id);
      if (slot.running.size === 0) worker.unref();
      if (task !== undefined) {
        if (message.error !== undefined) task.reject(new Error(message.error));
        else task.resolve(message.blocks ?? null);
      }
      pump();
    });
    worker.on('error', (error) => {
      fail(slot, error);
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (slots.length === 0) for (const task of queue.splice(0)) task.reject(error);
      pump();
    });
    worker.on('exit', () => {
      fail(slot, new Error('chart worker exited'));
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      if (slots.length === 0) for (const task of queue.splice(0)) task.reject(new Error('chart workers exited'));
    });
    slots.push(slot);
  }

  return {
    size: slots.length,
    render(input, renderOptions = {}) {
      if (closed || slots.length === 0) return Promise.reject(new Error('chart pool is closed'));
      return new Promise<ChartBlocksBySection | null>((resolve, reject) => {
        const task = { input, reply: renderOptions.reply ?? true, resolve, reject };
        if (renderOptions.urgent === true) queue.unshift(task);
        else queue.push(task);
        pump();
      });
    },
    async close() {
      closed = true;
      const all = [...slots];
      await Promise.all(all.map((s) => s.ready));
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
