/**
 * Point-in-time cuts of {@link ScoringData}: "as things stood on a date" (`asOf`, by the dates in the
 * records) and "as the ledger knew it on a date" (`recordedBy`, by recording time).
 *
 * @internal
 * @module
 */
import { endOfUtcDay, instantOf } from '../core/time-rules.js';
import { amendmentsByQuestion, currentRecords } from '../core/question-revision.js';
import type { QuestionAmendment } from '../model/question-update.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { QuestionRecord, StoredResolution } from '../model/question-record.js';
import type { ScoringData, ScoringForecast } from './load-scoring-data.js';

/** A forecast made on or before the `day` (a bare date counts as made that day; an instant before the day ends). @internal */
export function madeBy(madeAt: string, day: string): boolean {
  return madeAt.length === 10 ? madeAt <= day : instantOf(madeAt) < endOfUtcDay(day);
}

/** An instant on or before the end of `day` (UTC). */
function recordedOnOrBefore(recordedAt: string, day: string): boolean {
  return instantOf(recordedAt) < endOfUtcDay(day);
}

/**
 * Whether a forecast ever stood: a forecast withdrawn at or before its `madeAt` never did, and scoring
 * leaves it out like one not made (the computed and the stored scores alike).
 *
 * @internal
 */
export function everStood(f: ScoringForecast): boolean {
  return f.withdrawnAt === undefined || instantOf(f.withdrawnAt) > instantOf(f.madeAt);
}

/**
 * The forecasts with each withdrawal `known` (by its recording time) kept and the others undone: a
 * withdrawal recorded later did not exist yet, so the forecast stood on. The same objects when nothing changes.
 */
function withdrawalsKnown(forecasts: readonly ScoringForecast[], known: (recordedAt: string) => boolean): readonly ScoringForecast[] {
  if (!forecasts.some((f) => f.withdrawnAt !== undefined && !known(f.withdrawnAt))) return forecasts;
  return forecasts.map((f) => {
    if (f.withdrawnAt === undefined || known(f.withdrawnAt)) return f;
    const { withdrawnAt: _undone, ...standing } = f;
    return standing;
  });
}

/**
 * The questions as the amendments recorded by the end of `day` left them; the amendments themselves
 * are folded in, so the result carries none (and folding again changes nothing).
 */
function amendedBy(data: ScoringData, questions: readonly QuestionRecord[], day: string): QuestionRecord[] {
  const known = (data.amendments ?? []).filter((a: QuestionAmendment) => a.recordedAt !== undefined && recordedOnOrBefore(a.recordedAt, day));
  return known.length ? currentRecords(questions, amendmentsByQuestion(known.map((record) => ({ type: 'question.amended', record })))) : [...questions];
}

/** The question's record with the resolution that stood, or open when none did. */
function withResolution(record: QuestionRecord, resolution: StoredResolution | undefined): QuestionRecord {
  if (resolution === record.resolution) return record;
  if (!resolution) return { question: record.question, status: 'open' };
  return { question: record.question, status: resolution.status, resolution };
}

/** Each question's resolutions in recorded order: its current one and those of `data.resolutions`, each event once. */
function resolutionsByQuestion(data: ScoringData): Map<string, StoredResolution[]> {
  const by = new Map<string, StoredResolution[]>();
  const seen = new Set<string>();
  for (const r of [...data.questions.flatMap((q) => (q.resolution ? [q.resolution] : [])), ...(data.resolutions ?? [])]) {
    const key = `${r.questionId} ${r.seq}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = by.get(r.questionId);
    if (list) list.push(r);
    else by.set(r.questionId, [r]);
  }
  for (const list of by.values()) list.sort((a, b) => a.seq - b.seq);
  return by;
}

/** The latest resolution of the list (by `seq`) that `keep` accepts. */
function latest(list: readonly StoredResolution[] | undefined, keep: (r: StoredResolution) => boolean): StoredResolution | undefined {
  if (!list) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (keep(list[i]!)) return list[i]!;
  return undefined;
}

/**
 * The data as things stood at the end of `asOf` (UTC): forecasts made after it are left out; a
 * resolution counts only when its `resolvedOn` is on or before `asOf` and, for a correction, when it
 * was recorded by then (a correction has no other date); otherwise the resolution it corrected stands
 * (read from `data.resolutions`), or the question is open. A withdrawal recorded after `asOf` did not
 * exist then (the forecast stands on), a forecast withdrawn at or before its `madeAt` never stood and
 * is left out, and each question reads as the amendments recorded by then left
 * it (`data.amendments`, folded into `questions`).
 *
 * @internal
 */
export function standingOn(data: ScoringData, asOf: string): ScoringData {
  // A forecast withdrawn at or before it was made never stood: it is left out like one not made yet.
  const forecasts = withdrawalsKnown(
    data.forecasts.filter((f) => madeBy(f.madeAt, asOf)),
    (at) => recordedOnOrBefore(at, asOf),
  ).filter(everStood);
  const history = resolutionsByQuestion(data);
  const stood = (r: StoredResolution) => r.resolvedOn <= asOf && (r.supersedes === undefined || recordedOnOrBefore(r.recordedAt, asOf));
  const resolved = data.questions.map((record) => withResolution(record, latest(history.get(record.question.id), stood)));
  const changed =
    data.amendments !== undefined ||
    forecasts.length !== data.forecasts.length ||
    forecasts.some((f, i) => f !== data.forecasts[i]) ||
    resolved.some((q, i) => q !== data.questions[i]);
  if (!changed) return data;
  const { amendments: _folded, ...rest } = data;
  return { ...rest, questions: amendedBy(data, resolved, asOf), forecasts };
}

/**
 * The data as the ledger knew it at the end of `recordedBy` (UTC): questions and forecasts recorded
 * after it are left out (their recording times read from the event chain), and so are resolutions,
 * amendments and withdrawals recorded after it (the resolution they corrected stands, or the question
 * is open; the question reads as before the amendment; the forecast stands on).
 *
 * @internal
 */
export function knownBy(data: ScoringData, events: readonly LedgerEvent[], recordedBy: string): ScoringData {
  const known = new Set<string>();
  for (const e of events) {
    if ((e.type === 'question.added' || e.type === 'forecast.added') && recordedOnOrBefore(e.recordedAt, recordedBy)) known.add(`${e.type} ${e.entityId}`);
  }
  const knownThen = (recordedAt: string) => recordedOnOrBefore(recordedAt, recordedBy);
  const history = resolutionsByQuestion(data);
  const questions = data.questions
    .filter((r) => known.has(`question.added ${r.question.id}`))
    .map((record) =>
      withResolution(
        record,
        latest(history.get(record.question.id), (r) => knownThen(r.recordedAt)),
      ),
    );
  const forecasts = withdrawalsKnown(
    data.forecasts.filter((f) => known.has(`forecast.added ${f.id}`)),
    knownThen,
  );
  const resolutions = data.resolutions?.filter((r) => knownThen(r.recordedAt));
  const amendments = data.amendments?.filter((a) => a.recordedAt !== undefined && knownThen(a.recordedAt));
  return { forecasters: data.forecasters, questions, forecasts, ...(resolutions ? { resolutions } : {}), ...(amendments ? { amendments } : {}) };
}
