/**
 * Background threads of a build (chart workers, the search index worker) do work ahead of the page
 * thread, which is the build's critical path: on Linux each thread has its own nice value, and such a
 * worker lowers its own so that the page thread keeps a core to itself while they use whatever CPU is
 * left. Best effort: elsewhere this does nothing.
 */
import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Lowers the calling thread's priority (nice 10). */
export function lowerOwnPriority(): void {
  try {
    const tid = Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // No /proc (macOS, Windows) or not permitted: run at normal priority.
  }
}
