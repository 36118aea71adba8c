/** A record's status from the words people write for it: the template reads them, the validator suggests them. */

/** Words people write for a status, by the status they mean (matched on the whole value, any case). */
const STATUS_WORDS: readonly [RegExp, string][] = [
  // A run whose write-up is in review has finished: its results are what is reviewed.
  [/^(done|finished|complete|completed|succeeded|success(ful)?|closed|(in |under |ready for |awaiting |needs )?review(ed)?)$/, 'completed'],
  [/^(in progress|in-progress|ongoing|running|active|training|wip|started)$/, 'running'],
  [/^(planned|todo|to do|to-do|not started|queued|scheduled|pending|proposed)$/, 'planned'],
  [/^(failed|failure|error|errored|crashed|broken)$/, 'failed'],
  [/^(cancelled|canceled|aborted|abandoned|stopped|killed|dropped)$/, 'cancelled'],
];

/** The status `text` means (`Done` → completed, `In progress` → running, `Canceled` → cancelled), or undefined. */
export function statusFromWords(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .replace(/^[^a-z]+|[^a-z]+$/g, '')
    .replace(/\s+/g, ' ');
  return STATUS_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}
