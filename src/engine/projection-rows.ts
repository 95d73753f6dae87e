/**
 * The derived rows an event adds, computed once by the engine (the effective probability, the
 * outcome as queried, the resolution a correction supersedes) and written by each adapter into its
 * own tables.
 *
 * @internal
 * @module
 */
import { effectiveProbability } from '../core/effective-probability.js';
import type { Change } from '../model/change.js';
import type { Resolution } from '../model/resolution.js';
import type { BatchReader } from './batch-reader.js';
import type { ProjectionRow } from './storage-adapter.js';

/** The outcome as stored for queries: `1`/`0` for binary, the number, the date or option id; `null` without one. @internal */
export function outcomeColumn(r: Resolution): number | string | null {
  if (!r.outcome) return null;
  const v = r.outcome.value;
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/**
 * Appends the projection rows of the event `seq` (recording `change`, with canonical `payload`, at
 * `recordedAt`) to `rows`, and tells `reader` what the batch now holds.
 *
 * @internal
 */
export function projectChange(change: Change, seq: number, recordedAt: string, payload: string, reader: BatchReader, rows: ProjectionRow[]): void {
  switch (change.type) {
    case 'source.added':
      rows.push({ kind: 'source', eventSeq: seq, id: change.record.id });
      reader.addedSource(change.record.id, payload);
      break;
    case 'forecaster.added':
      rows.push({ kind: 'forecaster', eventSeq: seq, id: change.record.id, forecasterType: change.record.type });
      reader.addedForecaster(change.record.id, payload);
      break;
    case 'question.added': {
      const q = change.record;
      rows.push({
        kind: 'question',
        eventSeq: seq,
        id: q.id,
        questionKind: q.kind,
        stance: q.stance,
        resolveOn: q.resolution.resolveOn,
        tags: [...new Set(q.tags)],
      });
      reader.addedQuestion(q, payload);
      break;
    }
    case 'forecast.added': {
      const f = change.record;
      rows.push({
        kind: 'forecast',
        eventSeq: seq,
        id: f.id,
        questionId: f.questionId,
        forecasterId: f.forecasterId,
        madeAt: f.madeAt,
        probability: effectiveProbability(f),
      });
      reader.addedForecast(f.id, f.questionId, f.madeAt, payload);
      break;
    }
    case 'resolution.recorded': {
      const r = change.record;
      const supersedesSeq = reader.questionFacts(r.questionId)?.resolution?.seq ?? null;
      rows.push({
        kind: 'resolution',
        eventSeq: seq,
        questionId: r.questionId,
        status: r.status,
        resolvedOn: r.resolvedOn,
        outcome: outcomeColumn(r),
        supersedesSeq,
      });
      reader.recordedResolution(r, seq, recordedAt, supersedesSeq);
      break;
    }
    case 'question.clarified':
    case 'question.amended':
    case 'comment.added':
      rows.push({ kind: 'update', eventSeq: seq, type: change.type, questionId: change.record.questionId, forecastId: null });
      reader.addedUpdate(change.type, change.record.questionId, payload, recordedAt);
      break;
    case 'forecast.withdrawn': {
      const fid = change.record.forecastId;
      rows.push({ kind: 'update', eventSeq: seq, type: change.type, questionId: reader.forecastFacts(fid)!.questionId, forecastId: fid });
      reader.addedUpdate(change.type, fid, payload, recordedAt);
      break;
    }
  }
}
