import { describe, expect, test } from 'vitest';
import { isValidId, parseNewArgs } from '../../src/scaffold/args.ts';
import * as msg from '../../src/scaffold/messages.ts';

describe('parseNewArgs', () => {
  test.each([
    [['exp-1'], { id: 'exp-1', format: 'md', help: false }],
    [['exp-1', '--parent', 'exp-0'], { id: 'exp-1', parent: 'exp-0', format: 'md', help: false }],
    [['--format=json', 'exp-1', '--dir', 'logs'], { id: 'exp-1', format: 'json', dir: 'logs', help: false }],
    [['--parent=exp-0', '--format', 'md', 'exp-1'], { id: 'exp-1', parent: 'exp-0', format: 'md', help: false }],
    [['--', '-odd'], { id: '-odd', format: 'md', help: false }],
  ])('reads %j', (argv, options) => {
    expect(parseNewArgs(argv)).toEqual({ ok: true, options });
  });

  test('--help wins over a missing id', () => {
    expect(parseNewArgs(['--help'])).toEqual({ ok: true, options: { id: '', format: 'md', help: true } });
  });

  test.each([
    [[], msg.missingId()],
    [['a', 'b'], msg.tooManyIds('b')],
    [['a', '--bogus'], msg.unknownOption('--bogus')],
    [['a', '--parent'], msg.missingOptionValue('--parent')],
    [['a', '--parent', '--format', 'md'], msg.missingOptionValue('--parent')],
    [['a', '--dir='], msg.missingOptionValue('--dir')],
    [['a', '--format', 'yaml'], msg.badFormat('yaml')],
    [['a', '--parent', 'x', '--parent', 'y'], msg.repeatedOption('--parent')],
  ])('rejects %j', (argv, error) => {
    expect(parseNewArgs(argv)).toEqual({ ok: false, error });
  });
});

describe('isValidId', () => {
  test.each(['fraud-gbm-002', 'A', '0.1_b-c', 'exp.42'])('accepts %s', (id) => expect(isValidId(id)).toBe(true));
  test.each(['', '-a', '.hidden', 'a b', 'a/b', 'é', '_x'])('rejects %j', (id) => expect(isValidId(id)).toBe(false));
});
