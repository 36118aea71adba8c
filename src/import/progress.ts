import type { CommandIO } from '../cli/io.ts';
import { importMessages } from './messages.ts';

/** Progress of a long import, drawn in place on a terminal and not at all elsewhere (the summary line says it all). */
export interface Progress {
  update(phase: 'reading' | 'writing', done: number, total: number, unit: string): void;
  /** Clears the progress line (before anything else is printed). */
  clear(): void;
}

/**
 * On a terminal (`io.isTTY`), one standard-error line `<prefix>: reading 12/40 runs`, redrawn
 * whenever the percentage changes; otherwise nothing.
 */
export function createProgress(io: CommandIO, prefix: string): Progress {
  let shown = false;
  let lastKey = '';
  return {
    update(phase, done, total, unit) {
      if (!io.isTTY || total <= 0) return;
      const key = `${phase} ${unit} ${Math.floor((done * 100) / total)}`;
      if (key === lastKey && done !== total) return;
      lastKey = key;
      shown = true;
      io.stderr(`\r\x1b[K${prefix}: ${importMessages.progress(phase, done, total, unit)}`);
    },
    clear() {
      if (shown) io.stderr('\r\x1b[K');
      shown = false;
      lastKey = '';
    },
  };
}
