/**
 * Point-in-time cuts of {@link ScoringData}: "as things stood on a date" (`asOf`, by the dates in the
 * records) and "as the ledger knew it on a date" (`recordedBy`, by recording time).
 *
 * @internal
 * @module
 */
import { endOfUtcDay, instantOf } from '../core/time-rules.js';
import type { StoredForecast } from '../model/forecast.js';
import type { LedgerEvent } from '../model/ledger-event.js';
import type { QuestionRecord, StoredResolution } from '../model/question-record.js';
import type { ScoringData } from './load-scoring-data.js';

/** A forecast made on or before the `day` (a bare date counts as made that day; an instant before the day ends). */
function madeBy(madeAt: string, day: string): boolean {
  return madeAt.length === 10 ? madeAt <= day : instantOf(madeAt) < endOfUtcDay(day);
}

/** An instant on or before the end of `day` (UTC). */
function recordedOnOrBefore(recordedAt: string, day: string): boolean {
  return instantOf(recordedAt) < endOfUtcDay(day);
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
 * (read from `data.resolutions`), or the question is open.
 *
 * @internal
 */
export function standingOn(data: ScoringData, asOf: string): ScoringData {
  const forecasts = data.forecasts.filter((f) => madeBy(f.madeAt, asOf));
  const history = resolutionsByQuestion(data);
  const stood = (r: StoredResolution) => r.resolvedOn <= asOf && (r.supersedes === undefined || recordedOnOrBefore(r.recordedAt, asOf));
  const questions = data.questions.map((record) => withResolution(record, latest(history.get(record.question.id), stood)));
  const changed = forecasts.length !== data.forecasts.length || questions.some((q, i) => q !== data.questions[i]);
  return changed ? { ...data, questions, forecasts } : data;
}

/**
 * The data as the ledger knew it at the end of `recordedBy` (UTC): questions and forecasts recorded
 * after it are left out (their recording times read from the event chain), and so are resolutions
 * recorded after it (the one they corrected stands, or the question is open).
 *
 * @internal
 */
export function knownBy(data: ScoringData, events: readonly LedgerEvent[], recordedBy: string): ScoringData {
  const known = new Set<string>();
  for (const e of events) {
    if ((e.type === 'question.added' || e.type === 'forecast.added') && recordedOnOrBefore(e.recordedAt, recordedBy)) known.add(`${e.type} ${e.entityId}`);
  }
  const history = resolutionsByQuestion(data);
  const questions = data.questions
    .filter((r) => known.has(`question.added ${r.question.id}`))
    .map((record) =>
      withResolution(
        record,
        latest(history.get(record.question.id), (r) => recordedOnOrBefore(r.recordedAt, recordedBy)),
      ),
    );
  const forecasts = data.forecasts.filter((f: StoredForecast) => known.has(`forecast.added ${f.id}`));
  const resolutions = data.resolutions?.filter((r) => recordedOnOrBefore(r.recordedAt, recordedBy));
  return { forecasters: data.forecasters, questions, forecasts, ...(resolutions ? { resolutions } : {}) };
}
