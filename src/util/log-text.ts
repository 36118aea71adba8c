/**
 * Text from records, file names and servers, made safe to print on one line of a terminal or a CI
 * log. A line break inside a file name would start a new log line, and GitHub Actions runs any line
 * that starts with `::` as a workflow command (`::error`, `::add-mask::`, `::stop-commands::`): so
 * every path and message Logbook prints passes through `oneLine`, and workflow-command values
 * through `commandData`/`commandProperty`. Terminal escape codes from a server are removed with
 * `stripTerminalCodes`.
 */

/** Characters that end or rewrite a line, or drive a terminal: C0 and C1 controls (but tab), DEL, and Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r' };

/** `text` on one line: line breaks as `\n`/`\r`, other control characters as `\xNN`/`\uNNNN`, visible. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** ANSI/VT escape sequences: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC \`), and two-character escapes; also their 8-bit forms. */
/* eslint-disable no-control-regex -- matching escape sequences is the point */
const ESCAPE_SEQUENCE =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;
/* eslint-enable no-control-regex */

/** Text from outside (a server's error body) with terminal escape codes removed, on one line. */
export function stripTerminalCodes(text: string): string {
  return oneLine(text.replace(ESCAPE_SEQUENCE, ''));
}

/** A GitHub Actions workflow-command message (after `::`): `%`, CR and LF escaped as the runner expects. */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A GitHub Actions workflow-command property value (`file=…`): as `commandData`, and `:` and `,` too. */
export function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
