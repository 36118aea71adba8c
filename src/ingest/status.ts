/** A record's status from the words people write for it: the template reads them, the validator suggests them. */

import { writtenDate } from './dates.ts';

/** Words people write for a status, by the status they mean (matched on the whole value, any case). */
const STATUS_WORDS: readonly [RegExp, string][] = [
  // A run whose write-up is in review has finished: its results are what is reviewed.
  [/^(done|finished|complete|completed|succeeded|success(ful)?|closed|(in |under |ready for |awaiting |needs )?review(ed)?)$/, 'completed'],
  [/^(in progress|in-progress|ongoing|running|active|training|wip|started)$/, 'running'],
  [/^(planned|todo|to do|to-do|not started|queued|scheduled|pending|proposed)$/, 'planned'],
  [/^(failed|failure|error|errored|crashed|broken)$/, 'failed'],
  [/^(cancelled|canceled|aborted|abandoned|stopped|killed|dropped)$/, 'cancelled'],
  // German, French and Spanish.
  [
    /^(abgeschlossen|fertig|erledigt|beendet|terminé|terminée|fini|finie|achevé|achevée|completado|completada|terminado|terminada|finalizado|finalizada|hecho)$/,
    'completed',
  ],
  [/^(läuft|laufend|in arbeit|in bearbeitung|en cours|en curso|en progreso|en ejecución)$/, 'running'],
  [/^(geplant|prévu|prévue|planifié|planifiée|planificado|planificada|pendiente)$/, 'planned'],
  [/^(fehlgeschlagen|gescheitert|échoué|échouée|en échec|fallido|fallida)$/, 'failed'],
  [/^(abgebrochen|annulé|annulée|abandonné|abandonnée|cancelado|cancelada|abandonado|abandonada)$/, 'cancelled'],
];

/** The status `text` means (`Done` → completed, `In progress` → running, `Canceled` → cancelled), or undefined. */
export function statusFromWords(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
    .replace(/\s+/g, ' ');
  return STATUS_WORDS.find(([pattern]) => pattern.test(words))?.[1];
}

/** Words for a run stopped for now, to be resumed: not ended, so it is running (the word kept as its note). */
const PAUSED = /^(paused|on[ -]hold|suspended|blocked|stalled|halted)$/;

/**
 * Words that say more than a status, by the status they include (matched on the leading words, any
 * case): a deployed or archived run has completed, a draft is planned, a run being evaluated is
 * still running, one that ran out of memory has failed. The words are kept as the status's note.
 */
const NOTED_STATUS: readonly [RegExp, 'completed' | 'running' | 'planned' | 'failed'][] = [
  [
    /^(?:deployed|shipped|released|merged|archived|superseded|published|promoted|live|in production|in prod|productionized|handed off)\b/,
    'completed',
  ],
  [/^(?:draft|backlog|idea|proposal|design|not yet started)\b/, 'planned'],
  [/^(?:evaluating|in evaluation|testing|in testing|analy[sz]ing|tuning|validating|retraining)\b/, 'running'],
  [/^(?:timed? ?out|timeout|oom|out of memory|diverged|nan loss|exploded)\b/, 'failed'],
];

/**
 * A status written in words that say more than it (`Paused`, `On hold`, `Blocked (waiting for GPUs)`,
 * `Deployed`, `Superseded by exp-12`, `Draft`, `OOM at epoch 3`): the status they include — running
 * for a run stopped for now, since it has not ended — with the words as written kept as the status's
 * note (the record's statuses have no "paused" or "deployed"). Undefined for any other text.
 */
export function statusKeptAsNote(text: string): { status: 'running' | 'completed' | 'planned' | 'failed'; note: string } | undefined {
  const trimmed = text.trim().replace(/\.$/, '');
  const words = /^(.*?)\s*(?:\(([^()]*)\))?$/.exec(trimmed)?.[1] ?? '';
  const norm = words.toLowerCase().replace(/\s+/g, ' ');
  if (PAUSED.test(norm)) return { status: 'running', note: trimmed };
  const status = NOTED_STATUS.find(([pattern]) => pattern.test(norm))?.[1];
  return status === undefined ? undefined : { status, note: trimmed };
}

/** Why a run ended, when it was a failure whatever the word before it says (`killed (OOM)`). */
const FAILURE_CAUSE = /\b(?:oom|out of memory|errors?|crash(?:ed)?|nan|diverged?|timed? ?out|timeout|exception)\b/i;

/**
 * A status with an aside after it (`completed (early stopped)`, `killed (OOM at epoch 3)`): the
 * status its words mean (a failure when the aside gives a failure's cause) and the aside, kept as
 * the status's note. Undefined when the words mean no status.
 */
export function statusWithAside(text: string): { status: string; note: string } | undefined {
  const match = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(text.trim());
  const words = match?.[1];
  const note = match?.[2]?.trim();
  if (words === undefined || note === undefined || note === '') return undefined;
  const status = statusFromWords(words);
  // `abgeschlossen (completed)`: words in another language, the status in brackets; the words are the note.
  const bracketed = status === undefined ? statusFromWords(note) : undefined;
  if (bracketed !== undefined && words.trim() !== '') return { status: bracketed, note: words.trim() };
  if (status === undefined) return undefined;
  return { status: status !== 'completed' && FAILURE_CAUSE.test(note) ? 'failed' : status, note };
}

/** The statuses of a run that has ended: the day after them is when it ended. */
const ENDED: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

/**
 * A status followed by when (`Completed on 2026-11-20.`, `Done, 3 Nov 2026`, `Running since
 * 2026-11-01`): the status its first words mean, and the day a run that has ended ended
 * (`completionDate`) or, for one that has not, what follows its words as its note (`since
 * 2026-11-01`). Undefined unless the leading words mean a status and the rest reads as a date.
 */
export function statusWithDate(text: string): { status: string; completionDate?: string; note?: string } | undefined {
  const match = /^(.*?)\s+(?:on\s+|at\s+|since\s+)?(\d{1,4}[-/.\s]\S.*?|[A-Za-z]{3,9}\.?\s+\d{1,2}\S*,?\s+\d{4}.*?)\s*\.?$/.exec(
    text.trim(),
  );
  const words = match?.[1];
  const when = match?.[2]?.trim();
  const status = words === undefined ? undefined : statusFromWords(words);
  if (words === undefined || when === undefined || status === undefined) return undefined;
  const day = writtenDate(when);
  if (!/^\d{4}-\d{2}-\d{2}/.test(day)) return undefined;
  return ENDED.has(status)
    ? { status, completionDate: day }
    : {
        status,
        note: text
          .trim()
          .slice(words.length)
          .replace(/^[\s,]+|\.$/g, ''),
      };
}
