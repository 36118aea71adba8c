/**
 * The `logbook` process: `runCli` with the real environment, working directory and streams. Anything
 * thrown that a command did not turn into a message is printed as one line (the stack only with
 * LOGBOOK_DEBUG=1), never as a stack trace.
 */
import { oneLine } from '../util/log-text.ts';
import { runCli } from './main.ts';
import { silenceSqliteWarning } from './silence-sqlite-warning.ts';

export async function main(args: readonly string[]): Promise<number> {
  silenceSqliteWarning();
  try {
    return await runCli(args, {
      env: process.env,
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      isTTY: process.stderr.isTTY === true,
    });
  } catch (error) {
    const text =
      error instanceof Error ? (process.env['LOGBOOK_DEBUG'] === '1' ? (error.stack ?? error.message) : error.message) : String(error);
    process.stderr.write(`logbook: ${oneLine(text.split('\n')[0] ?? text)} (set LOGBOOK_DEBUG=1 for details)\n`);
    return 1;
  }
}
