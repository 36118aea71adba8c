/**
 * Text order by UTF-16 code units. Unlike `localeCompare`, it does not depend on the machine's
 * locale, so the same content builds the same site everywhere.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
