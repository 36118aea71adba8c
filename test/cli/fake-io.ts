import type { CommandIO } from '../../src/cli/io.ts';

/** A fake process for command tests: collects what the command prints in `out` and `err`. */
export function fakeIO(
  options: { cwd?: string; env?: Record<string, string>; isTTY?: boolean } = {},
): CommandIO & { out: string; err: string } {
  const io = {
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    isTTY: options.isTTY ?? false,
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}
