/** Printing diagnostics. */

import type { Diagnostic } from './types.ts';

/** `file:line:col field.path: message — hint`, leaving out the parts a diagnostic does not have. */
export function formatDiagnostic(d: Diagnostic): string {
  let location = d.file;
  if (d.line !== undefined) {
    location += `:${d.line}`;
    if (d.column !== undefined) location += `:${d.column}`;
  }
  const subject = d.path === '' ? `${location}:` : `${location} ${d.path}:`;
  return `${subject} ${d.message}${d.hint ? ` — ${d.hint}` : ''}`;
}

/** Escapes a GitHub Actions workflow-command property value. */
function escapeProperty(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Escapes a GitHub Actions workflow-command message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A GitHub Actions annotation line: `::error file=…,line=…,col=…::field.path: message — hint` (`info` → `::notice`). */
export function formatGithubAnnotation(d: Diagnostic): string {
  const command = d.level === 'info' ? 'notice' : d.level;
  const properties = [`file=${escapeProperty(d.file)}`];
  if (d.line !== undefined) properties.push(`line=${d.line}`);
  if (d.column !== undefined) properties.push(`col=${d.column}`);
  const text = `${d.path === '' ? '' : `${d.path}: `}${d.message}${d.hint ? ` — ${d.hint}` : ''}`;
  return `::${command} ${properties.join(',')}::${escapeData(text)}`;
}
