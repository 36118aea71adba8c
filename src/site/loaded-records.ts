/**
 * The records the content loader read in this process, handed to the pages as they are.
 *
 * Astro's content store would carry them too, but it is serialized (devalue) into `data-store.json`
 * and that file is bundled into the pages as one JavaScript string: at 10,000 experiments about
 * 200 MB of text the bundler holds several copies of, and the pages parse back into a second copy
 * of every record. The loader and the pages of `astro build` and `astro dev` run in one process, so
 * the loader leaves the records here (the store keeps only each entry's file and digest), and the
 * site model takes them from here. The holder lives on `globalThis`: the loader and the pages are
 * separate module graphs, each with its own instance of this module.
 */
import type { LoadedRecord } from '../content/load.ts';

const KEY = Symbol.for('logbook.loaded-records');

type Holder = { [KEY]?: readonly LoadedRecord[] | undefined };

/** Keeps the records the loader just read (replacing those of an earlier load in this process); undefined forgets them. */
export function publishRecords(records: readonly LoadedRecord[] | undefined): void {
  (globalThis as Holder)[KEY] = records;
}

/** The records the loader read last in this process; undefined when it has not run here. */
export function loadedRecords(): readonly LoadedRecord[] | undefined {
  return (globalThis as Holder)[KEY];
}
