/** Printing diagnostics: one line each, whatever file names and record text they quote (see `log-text.ts`). */

import { commandData, commandProperty, oneLine } from '../util/log-text.ts';
import type { Diagnostic } from './types.ts';

/** `file:line:col field.path: message — hint`, leaving out the parts a diagnostic does not have; always one line. */
export function formatDiagnostic(d: Diagnostic): string {
  let location = d.file;
  if (d.line !== undefined) {
    location += `:${d.line}`;
    if (d.column !== undefined) location += `:${d.column}`;
  }
  const subject = d.path === '' ? `${location}:` : `${location} ${d.path}:`;
  const line = oneLine(`${subject} ${d.message}${d.hint ? ` — ${d.hint}` : ''}`);
  // A file named "::error …" in the current folder must not start a line: GitHub would run it as a command.
  return line.startsWith('::') ? `./${line}` : line;
}

/** A GitHub Actions annotation line: `::error file=…,line=…,col=…::field.path: message — hint` (`info` → `::notice`). */
export function formatGithubAnnotation(d: Diagnostic): string {
  const command = d.level === 'info' ? 'notice' : d.level;
  const properties = [`file=${commandProperty(d.file)}`];
  if (d.line !== undefined) properties.push(`line=${d.line}`);
  if (d.column !== undefined) properties.push(`col=${d.column}`);
  const text = `${d.path === '' ? '' : `${d.path}: `}${d.message}${d.hint ? ` — ${d.hint}` : ''}`;
  return `::${command} ${properties.join(',')}::${commandData(text)}`;
}
