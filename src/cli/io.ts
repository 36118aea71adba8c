/** What a command needs from the process: environment, working directory, output streams. Tests pass a fake. */
export interface CommandIO {
  /** Environment variables (`process.env` in the real CLI). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory the user ran the command in; paths it prints are relative to it. */
  cwd: string;
  /** Writes to standard output (the text carries its own newlines). */
  stdout(text: string): void;
  /** Writes to standard error (the text carries its own newlines). */
  stderr(text: string): void;
  /** True when standard error is a terminal (progress may be redrawn in place). */
  isTTY: boolean;
}
