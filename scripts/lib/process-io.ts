import type { CommandIO } from '../../src/cli/io.ts';

/** The real process as a command sees it. */
export function processIO(): CommandIO {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stderr.isTTY,
  };
}
