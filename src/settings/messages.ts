/** Messages about settings, one function each, so tests can assert them exactly. */

export const notACount = (name: string, value: string): string =>
  `${name}: expected a whole number, got ${JSON.stringify(value)} — e.g. ${name}=2`;

export const notAPageSize = (name: string, value: string): string =>
  `${name}: expected a whole number of experiments per page (1 or more), got ${JSON.stringify(value)} — e.g. ${name}=500`;

export const notALargeSite = (name: string, value: string): string =>
  `${name}: expected a whole number of experiments (0 or more), got ${JSON.stringify(value)} — e.g. ${name}=4000`;

export const notABasePath = (value: string): string =>
  `base: ${JSON.stringify(value)} is no base path: give the path the site is served under, slash-separated letters, digits, ".", "_", "~" and "-", such as "/" or "/my-repo/" (--base, "base" in logbook.config.json, or LOGBOOK_BASE)`;

export const notASwitch = (name: string, value: string): string =>
  `${name}: expected "on" or "off", got ${JSON.stringify(value)} — e.g. ${name}=off`;

export const configNotAnObject = (): string => 'expected a JSON object of settings, e.g. { "content": "experiments" }';

export const unknownSetting = (key: string): string => `unknown setting ${JSON.stringify(key)}`;

export const didYouMean = (key: string): string => `did you mean ${JSON.stringify(key)}?`;

export const knownSettings = (keys: readonly string[]): string => `settings are: ${keys.join(', ')}`;
