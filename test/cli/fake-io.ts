import type { CommandIO } from '../../src/cli/io.ts';

/** A CommandIO that collects what a command prints; runs in `cwd` (default: the repository root). */
export function fakeIo(options: { env?: Record<string, string>; cwd?: string } = {}): CommandIO & { out: string; err: string } {
  const io = {
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: false,
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
  };
  return io;
}
