import { describe, expect, test } from 'vitest';
import { parsePythonJson } from '../../src/import/python-json.ts';

describe('parsePythonJson', () => {
  test('bare NaN, Infinity and -Infinity (as json.dump writes them) are those numbers', () => {
    expect(parsePythonJson('{"loss": NaN, "grad_norm": Infinity, "x": [1, -Infinity]}')).toEqual({
      loss: Number.NaN,
      grad_norm: Number.POSITIVE_INFINITY,
      x: [1, Number.NEGATIVE_INFINITY],
    });
  });

  test('the same words inside strings and as keys stay text', () => {
    expect(parsePythonJson('{"note": "loss went NaN, then Infinity", "NaN": "-Infinity", "n": NaN}')).toEqual({
      note: 'loss went NaN, then Infinity',
      NaN: '-Infinity',
      n: Number.NaN,
    });
  });

  test('a string that looks like the stand-in the parser uses stays that string', () => {
    expect(parsePythonJson('{"a": "logbook-non-finite:NaN", "b": NaN}')).toEqual({ a: 'logbook-non-finite:NaN', b: Number.NaN });
  });

  test('anything else that is not JSON is JSON.parse’s SyntaxError', () => {
    expect(() => parsePythonJson('{"a": nan}')).toThrow(SyntaxError);
    expect(() => parsePythonJson('{"a": 1')).toThrow(SyntaxError);
  });
});
