/** Command-line arguments as every verb reads them: node:util's parseArgs, with its errors in plain words. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandIO } from './io.ts';
import * as msg from './messages.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parseArgs` returns for `options` with positionals allowed. */
export type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true; args: string[] }>>;

/**
 * Parses `args` for `command`. On a bad argument prints one line and the usage on stderr and returns
 * undefined (the command exits 2); `--help` is left to the caller.
 */
export function parseCommandArgs<O extends Options>(
  command: string,
  args: readonly string[],
  options: O,
  usage: string,
  io: CommandIO,
): Parsed<O> | undefined {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${command}: ${describeArgError(error)}\n\n${usage}\n`);
    return undefined;
  }
}

/** node:util's parseArgs error as one short sentence. */
export function describeArgError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(text);
  if (unknown) return msg.unknownOption(unknown[1] ?? '');
  const missing = /Option '(-\S+?)(?:, -\S+)?(?: <value>)?' argument missing/.exec(text);
  if (missing) return msg.missingValue(missing[1] ?? '');
  return text.split('\n')[0] ?? text;
}
