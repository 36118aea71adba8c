/**
 * node:sqlite is experimental in Node 22 and says so on every run; the MLflow importer relies on it
 * on purpose. Drops that one warning and passes every other warning on.
 */
export function silenceSqliteWarning(): void {
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
    const type =
      warning instanceof Error ? warning.name : typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
    const text = warning instanceof Error ? warning.message : warning;
    if (type === 'ExperimentalWarning' && /sqlite/i.test(text)) return;
    emitWarning(warning, ...rest);
  };
}
