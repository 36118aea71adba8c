/**
 * A record's digest: the SHA-256 of its JSON, worked out once per record object in a process. The
 * content loader gives it to Astro's store as the entry's digest and every chart cache key hashes it
 * in place of the record, so a build stringifies each record once, not once per page that draws it
 * (an experiment page, and every compare page it is on). The memo lives on `globalThis` because the
 * loader and the pages are separate module graphs with their own instance of this module (see
 * `loaded-records.ts`); it holds records weakly, so a record read again is a new object and a new
 * digest. A record is never changed after it is read, which is what makes a memo by object right.
 */
import { createHash } from 'node:crypto';
import type { Experiment } from '../schema/index.ts';

const KEY = Symbol.for('logbook.record-digests');

type Holder = { [KEY]?: WeakMap<Experiment, string> };

/** SHA-256 (hex) of `JSON.stringify(record)`, from the memo when this record object was digested before. */
export function recordDigest(record: Experiment): string {
  const memo = ((globalThis as Holder)[KEY] ??= new WeakMap());
  let digest = memo.get(record);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(record)).digest('hex');
    memo.set(record, digest);
  }
  return digest;
}
