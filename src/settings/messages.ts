/** Messages about settings, one function each, so tests can assert them exactly. */

export const notACount = (name: string, value: string): string =>
  `${name}: expected a whole number, got ${JSON.stringify(value)} — e.g. ${name}=2`;

export const notASwitch = (name: string, value: string): string =>
  `${name}: expected "on" or "off", got ${JSON.stringify(value)} — e.g. ${name}=off`;
