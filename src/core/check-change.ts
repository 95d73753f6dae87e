import { canonicalJson } from '../history/canonical-json.js';
import type { LedgerErrorCode, ValidationIssue } from '../errors.js';
import type { Question } from '../model/question.js';
import type { Resolution } from '../model/resolution.js';
import type { Change, StoredResolution } from '../storage/types.js';

/**
 * What a backend must be able to look up, synchronously, inside the transaction that applies a
 * batch. Results must reflect changes already applied earlier in the same batch.
 *
 * @internal
 */
export interface StateReader {
  sourcePayload(id: string): string | undefined;
  forecasterPayload(id: string): string | undefined;
  question(id: string): Question | undefined;
  questionPayload(id: string): string | undefined;
  forecastPayload(id: string): string | undefined;
  currentResolution(questionId: string): StoredResolution | undefined;
}

/** The verdict on one change. @internal */
export type ChangeVerdict =
  | { kind: 'write'; payload: string }
  | { kind: 'unchanged' }
  | { kind: 'invalid'; issues: ValidationIssue[] };

/** The id a change is about (the question id for a resolution). @internal */
export function changeEntityId(change: Change): string {
  return change.type === 'resolution.recorded' ? change.record.questionId : (change.record.id as string);
}

/** A resolution without its recording metadata (`recordedAt`, `seq`, `supersedes`), for comparing content. @internal */
export function resolutionContent(r: Resolution & { seq?: number; supersedes?: number }): string {
  const { recordedAt: _recordedAt, seq: _seq, supersedes: _supersedes, ...content } = r;
  return canonicalJson(content);
}

/**
 * Checks one change against the ledger's state: references resolve, kinds match, ids are not
 * reused for different content, resolutions follow the lifecycle.
 *
 * @remarks
 * Pure given the reader; every backend calls it inside its write transaction. A record whose id is
 * in `failed` (rejected earlier in the batch) is not reported again by its dependants.
 *
 * @internal
 */
export function checkChange(change: Change, state: StateReader, failed: ReadonlySet<string>): ChangeVerdict {
  const issues: ValidationIssue[] = [];
  const id = changeEntityId(change);
  let dependsOnFailed = false; // refers to a record rejected earlier: invalid, but already reported
  const missing = (ref: string): boolean => {
    if (failed.has(ref)) dependsOnFailed = true;
    return !failed.has(ref);
  };
  const issue = (code: LedgerErrorCode, field: string, message: string): void => {
    const path = [change.origin?.path, field].filter(Boolean).join('.');
    issues.push({ code, path, message, recordId: id, ...(change.origin?.file ? { file: change.origin.file } : {}) });
  };
  const verdict = (payload: string): ChangeVerdict => (issues.length || dependsOnFailed ? { kind: 'invalid', issues } : { kind: 'write', payload });
  const sameOrConflict = (existing: string | undefined, payload: string, what: string): ChangeVerdict | undefined => {
    if (existing === undefined) return undefined;
    if (existing === payload) return { kind: 'unchanged' };
    issue('conflicting_record', 'id', `${what} "${id}" already exists with different content: expected an identical record or a new id (history is append-only)`);
    return { kind: 'invalid', issues };
  };

  switch (change.type) {
    case 'source.added': {
      const payload = canonicalJson(change.record);
      return sameOrConflict(state.sourcePayload(id), payload, 'source') ?? verdict(payload);
    }
    case 'forecaster.added': {
      const payload = canonicalJson(change.record);
      return sameOrConflict(state.forecasterPayload(id), payload, 'forecaster') ?? verdict(payload);
    }
    case 'question.added': {
      const payload = canonicalJson(change.record);
      return sameOrConflict(state.questionPayload(id), payload, 'question') ?? verdict(payload);
    }
    case 'forecast.added': {
      const f = change.record;
      const payload = canonicalJson(f);
      const existing = sameOrConflict(state.forecastPayload(id), payload, 'forecast');
      if (existing) return existing;
      const q = state.question(f.questionId);
      if (!q) {
        if (missing(f.questionId)) issue('question_not_found', 'questionId', `unknown question "${f.questionId}": add the question first`);
      } else {
        if (q.kind !== f.estimate.kind) {
          issue('kind_mismatch', 'estimate.kind', `expected a ${q.kind} estimate for question "${q.id}", received ${f.estimate.kind}`);
        } else if (q.kind === 'categorical' && f.estimate.kind === 'categorical') {
          const known = new Set(q.spec.options.map((o) => o.id));
          for (const option of Object.keys(f.estimate.probabilities)) {
            if (!known.has(option)) issue('unknown_option', `estimate.probabilities.${option}`, `expected one of ${[...known].join(', ')}, received "${option}"`);
          }
        }
        if (f.madeAt.slice(0, 10) > q.resolution.resolveOn) {
          issue('forecast_after_due', 'madeAt', `forecast made ${f.madeAt}, after question "${q.id}" came due on ${q.resolution.resolveOn}`);
        }
        const current = state.currentResolution(q.id);
        if (current && f.madeAt.slice(0, 10) >= current.resolvedOn) {
          issue('already_resolved', 'madeAt', `question "${q.id}" was ${current.status} on ${current.resolvedOn}; a forecast made ${f.madeAt} comes after it`);
        }
      }
      if (!state.forecasterPayload(f.forecasterId) && missing(f.forecasterId)) {
        issue('forecaster_not_found', 'forecasterId', `unknown forecaster "${f.forecasterId}": add the forecaster first`);
      }
      if (f.sourceId && !state.sourcePayload(f.sourceId) && missing(f.sourceId)) {
        issue('source_not_found', 'sourceId', `unknown source "${f.sourceId}": add the source first`);
      }
      return verdict(payload);
    }
    case 'resolution.recorded': {
      const r = change.record;
      const { recordedAt: _recordedAt, ...content } = r; // the event's recorded_at carries it
      const payload = canonicalJson(content);
      const q = state.question(r.questionId);
      if (!q) {
        if (missing(r.questionId)) issue('question_not_found', 'questionId', `unknown question "${r.questionId}"`);
        return verdict(payload);
      }
      if (r.outcome) {
        if (r.outcome.kind !== q.kind) {
          issue('kind_mismatch', 'outcome.kind', `expected a ${q.kind} outcome for question "${q.id}", received ${r.outcome.kind}`);
        } else if (q.kind === 'categorical' && !q.spec.options.some((o) => o.id === r.outcome!.value)) {
          issue('unknown_option', 'outcome.value', `expected one of ${q.spec.options.map((o) => o.id).join(', ')}, received "${String(r.outcome.value)}"`);
        }
      }
      const current = state.currentResolution(q.id);
      if (current && resolutionContent(current) === resolutionContent(r)) return { kind: 'unchanged' };
      if (current && !r.correction) {
        issue('already_resolved', 'correction', `question "${q.id}" is already ${current.status} (on ${current.resolvedOn}): record a correction with a reason instead`);
      }
      if (!current && r.correction) {
        issue('not_resolved', 'correction', `question "${q.id}" has no resolution to correct: record a resolution instead`);
      }
      return verdict(payload);
    }
  }
}
