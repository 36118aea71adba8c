import { describe, expect, test } from 'vitest';
import { getOwn, setOwn } from '../../src/util/own.ts';

describe('setOwn', () => {
  test('stores __proto__ as an own key and leaves the prototype alone', () => {
    const target: Record<string, unknown> = {};
    setOwn(target, '__proto__', { polluted: true });
    setOwn(target, 'constructor', 1);
    expect(Object.keys(target)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect((target as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true},"constructor":1}');
  });
});

describe('getOwn', () => {
  test('finds own properties only: an absent "constructor" or "toString" is undefined, not Object’s', () => {
    const metrics: Record<string, number> = { accuracy: 0.9 };
    expect(getOwn(metrics, 'accuracy')).toBe(0.9);
    expect(getOwn(metrics, 'constructor')).toBeUndefined();
    expect(getOwn(metrics, 'toString')).toBeUndefined();
    expect(getOwn(metrics, '__proto__')).toBeUndefined();
    expect(getOwn(undefined, 'accuracy')).toBeUndefined();
    expect(getOwn(JSON.parse('{"__proto__": 2}') as Record<string, number>, '__proto__')).toBe(2);
  });
});
