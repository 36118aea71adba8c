/** Every message `logbook new` prints, as functions, so tests can assert the exact text. */

export const USAGE = [
  'Usage: logbook new <id> [--parent <id>] [--format md|json] [--dir <folder>] [--config <file>]',
  '',
  '  <id>               id of the new experiment: letters, digits, ".", "_" and "-", starting with a letter or digit',
  '  --parent <id>      id of the experiment this one builds on; its dataset and model configuration are copied',
  '  --format md|json   md (default): the filled-in experiment log template; json: a JSON record skeleton',
  '  --dir <folder>     where to write (default: "content" in logbook.config.json, $LOGBOOK_CONTENT,',
  '                     else content/experiments)',
  '  --config <file>    settings file (default: logbook.config.json, when there is one)',
].join('\n');

export const missingId = (): string => 'missing the id of the new experiment';
export const tooManyIds = (extra: string): string => `unexpected argument "${extra}": give exactly one id`;
export const unknownOption = (option: string): string => `unknown option "${option}"`;
export const missingOptionValue = (option: string): string => `option "${option}" needs a value`;
export const badFormat = (format: string): string => `unknown format "${format}": use "md" or "json"`;
export const repeatedOption = (option: string): string => `option "${option}" is given more than once`;

export const invalidId = (id: string): string =>
  `invalid id "${id}": an id may contain only letters, digits, ".", "_" and "-", and must start with a letter or digit`;
export const invalidParentId = (id: string): string =>
  `invalid parent id "${id}": an id may contain only letters, digits, ".", "_" and "-", and must start with a letter or digit`;
export const unknownParent = (parent: string, dir: string, suggestion: string | undefined): string =>
  `unknown parent "${parent}": no record with that id in ${dir}` + (suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`);
export const fileExists = (path: string): string =>
  `refusing to overwrite ${path}: the file already exists (pick another id, or delete the file first)`;
export const idTaken = (id: string, file: string): string => `the id "${id}" is already used by ${file}; ids must be unique`;
export const parentIsSelf = (id: string): string => `an experiment cannot be its own parent ("${id}")`;
export const parserUnavailable = (reason: string): string =>
  `note: could not load the Logbook parser (${reason}); copying the parent's sections as text`;
export const wrote = (path: string): string => `Wrote ${path}`;
