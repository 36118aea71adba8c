/**
 * Record files parsed on worker threads. Parsing and validating is about 2 ms a record and pure, and
 * the read step otherwise runs on one core: 21 of the 32 s the read step takes at 10,000 records.
 * A pool of workers parses the files the parse cache does not hold while this thread reads the next
 * ones and takes the results in file order, so the records and every message come out exactly as
 * parsed here. A worker that fails costs time, never the read: its files are parsed in this thread.
 */
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFile, type ParsedFile } from './parse-file.ts';

/** Files to parse before starting workers pays (a worker loads the parsers in about 0.2 s). */
export const PARSE_WORKERS_FROM = 200;

/** Files each worker holds at once, so it never idles on a message round trip. */
const TASKS_PER_WORKER = 4;

/** The worker module beside this one: TypeScript in a checkout, JavaScript in an installed package. */
export const PARSE_WORKER_FILE = fileURLToPath(new URL(`./parse-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/** Parses record files off this thread. */
export interface ParsePool {
  /** Number of workers started. */
  readonly size: number;
  /** `parseFile(file, text)`, on a worker (in this thread when the workers are gone). */
  parse(file: string, text: string): Promise<ParsedFile>;
  /** Stops the workers. */
  close(): Promise<void>;
}

interface Task {
  file: string;
  text: string;
  resolve: (parsed: ParsedFile) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Task>;
  /** Settles once the worker has loaded its modules (or failed or exited). */
  ready: Promise<void>;
}

/** The number of parse workers for this machine: one per core, at most four; none on one core (this thread parses as fast). */
export function parseWorkerCount(cores: number = availableParallelism()): number {
  return cores < 2 ? 0 : Math.min(4, cores);
}

/** Starts `size` workers running the module at `file` (an absolute path). */
export function createParsePool(size: number, file: string = PARSE_WORKER_FILE): ParsePool {
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;

  const here = (task: Task): void => task.resolve(parseFile(task.file, task.text));
  const pump = (): void => {
    if (slots.length === 0) for (const task of queue.splice(0)) here(task);
    for (const slot of slots)
      while (slot.running.size < TASKS_PER_WORKER && queue.length > 0) {
        const task = queue.shift() as Task;
        const id = nextId++;
        slot.running.set(id, task);
        slot.worker.postMessage({ id, file: task.file, text: task.text });
      }
  };
  const lose = (slot: Slot): void => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    // Whatever the worker held is parsed here, in the order it was sent.
    for (const task of [...slot.running.values()]) here(task);
    slot.running.clear();
    pump();
  };

  for (let i = 0; i < size; i++) {
    let worker: Worker;
    try {
      worker = new Worker(file);
    } catch {
      break;
    }
    worker.unref();
    let markReady = (): void => undefined;
    const slot: Slot = { worker, running: new Map(), ready: new Promise<void>((resolve) => (markReady = resolve)) };
    worker.on('message', (message: { id: number; ready?: boolean; parsed?: ParsedFile }) => {
      // A worker that answers has loaded its modules, whether it says so or not.
      markReady();
      if (message.ready === true) return;
      const task = slot.running.get(message.id);
      slot.running.delete(message.id);
      if (task !== undefined && message.parsed !== undefined) task.resolve(message.parsed);
      else if (task !== undefined) here(task);
      pump();
    });
    worker.once('error', () => {
      markReady();
      lose(slot);
    });
    worker.once('exit', () => {
      markReady();
      lose(slot);
    });
    slots.push(slot);
  }

  return {
    size: slots.length,
    parse(file, text) {
      return new Promise<ParsedFile>((resolve) => {
        queue.push({ file, text, resolve });
        pump();
      });
    },
    async close() {
      const all = [...slots];
      await Promise.all(all.map((slot) => slot.ready));
      await Promise.all(all.map((slot) => slot.worker.terminate()));
    },
  };
}
