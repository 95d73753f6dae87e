import { canonicalJson, takeCanonicalJson } from '../history/canonical-json.js';
import type { LedgerErrorCode, ValidationIssue } from '../errors.js';
import type { Question, QuestionKind } from '../model/question.js';
import type { Resolution, ResolutionStatus } from '../model/resolution.js';
import type { Change } from '../model/change.js';
import type { StoredResolution } from '../model/question-record.js';
import { endOfUtcDay, instantOf, madeAfterOutcome, madeBeforeClose, questionClose, utcDay } from './time-rules.js';

/**
 * What the rules need to know about a question: far less than the question, so a backend can answer
 * from its indexed columns without reading and parsing the record.
 *
 * @internal
 */
export interface QuestionFacts {
  kind: QuestionKind;
  /** `resolution.resolveOn`. */
  resolveOn: string;
  /** The option ids of a categorical question, in order. */
  options?: readonly string[];
  /** The current resolution's status, date and event, when the question has one. */
  resolution?: { status: ResolutionStatus; resolvedOn: string; seq: number };
}

/** The {@link QuestionFacts} of a new question (no resolution yet). @internal */
export function questionFacts(q: Question): QuestionFacts {
  return { kind: q.kind, resolveOn: q.resolution.resolveOn, ...(q.kind === 'categorical' ? { options: q.spec.options.map((o) => o.id) } : {}) };
}

/**
 * What a backend must be able to look up, synchronously, inside the transaction that applies a
 * batch. Results must reflect changes already applied earlier in the same batch.
 *
 * @internal
 */
export interface StateReader {
  sourcePayload(id: string): string | undefined;
  forecasterPayload(id: string): string | undefined;
  /** Whether the source exists (cheaper than its payload when only existence matters). */
  hasSource(id: string): boolean;
  /** Whether the forecaster exists. */
  hasForecaster(id: string): boolean;
  questionFacts(id: string): QuestionFacts | undefined;
  questionPayload(id: string): string | undefined;
  forecastPayload(id: string): string | undefined;
  currentResolution(questionId: string): StoredResolution | undefined;
  /** Every forecast on the question (its id and `madeAt`), in recorded order, those of the batch included. */
  forecastTimes(questionId: string): Iterable<{ id: string; madeAt: string }>;
  /** A forecast's question and, when it was withdrawn, the withdrawal's canonical payload and time. */
  forecastFacts(id: string): { questionId: string; withdrawal?: { payload: string; recordedAt: string } } | undefined;
  /**
   * Whether an event of this type, entity, payload and time is already in the history (a re-import):
   * a question-life event, or a resolution (which a correction may have superseded since).
   */
  hasUpdate(type: RecordedEventType, entityId: string, payload: string, recordedAt: string): boolean;
}

/** The question-life event types (clarifications, amendments, comments, withdrawals). @internal */
export const QUESTION_UPDATE_TYPES = ['question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn'] as const;
/** One of {@link QUESTION_UPDATE_TYPES}. @internal */
export type QuestionUpdateType = (typeof QUESTION_UPDATE_TYPES)[number];

/** The event types whose record carries the time it was first recorded, so a re-import is found by its event. @internal */
export type RecordedEventType = QuestionUpdateType | 'resolution.recorded';

/** Whether a change is a question-life event. @internal */
export function isQuestionUpdate(change: Change): change is Extract<Change, { type: QuestionUpdateType }> {
  return (QUESTION_UPDATE_TYPES as readonly string[]).includes(change.type);
}

/**
 * Where a change built by the library (the import planner) carries the canonical JSON of its record,
 * already computed, so the store does not serialize the record again. Changes from anywhere else
 * never have it (the symbol is not exported from the package).
 *
 * @remarks
 * A registered symbol (`Symbol.for`), like the brand of `LedgerError`: each entry point of the built
 * package bundles its own copy of this module (the SQLite store is in `forecast-ledger/sqlite`,
 * loaded by `openLedger`), and a plan made by one copy must be recognised by the store of another;
 * else every planned change would be parsed and serialized a second time.
 *
 * @internal
 */
export const CANONICAL_PAYLOAD: unique symbol = Symbol.for('forecast-ledger.canonicalPayload') as never;

/** A change with its record's canonical JSON attached (see {@link CANONICAL_PAYLOAD}). @internal */
export type PlannedChange = Change & { [CANONICAL_PAYLOAD]?: string };

/** The canonical JSON of a change's record: attached, remembered, or computed now. */
function recordPayload(change: PlannedChange): string {
  return change[CANONICAL_PAYLOAD] ?? takeCanonicalJson(change.record) ?? canonicalJson(change.record);
}

/** The verdict on one change. @internal */
export type ChangeVerdict = { kind: 'write'; payload: string } | { kind: 'unchanged' } | { kind: 'invalid'; issues: ValidationIssue[] };

/** The id a change is about (the question id for a resolution). @internal */
export function changeEntityId(change: Change): string {
  switch (change.type) {
    case 'resolution.recorded':
    case 'question.clarified':
    case 'question.amended':
    case 'comment.added':
      return change.record.questionId;
    case 'forecast.withdrawn':
      return change.record.forecastId;
    default:
      return change.record.id;
  }
}

/** The canonical JSON a question-life record is stored as: without `recordedAt`, which the event carries. @internal */
export function updatePayload(record: { recordedAt?: string }): string {
  const { recordedAt: _recordedAt, ...content } = record;
  return canonicalJson(content);
}

/**
 * The rules of a question-life event: its question (or forecast) exists; an amendment or a withdrawal
 * comes before the question's resolution was recorded; a forecast is withdrawn once. The same event
 * imported again (same content, same `recordedAt`) is unchanged.
 */
function checkUpdate(check: Check, change: Extract<Change, { type: QuestionUpdateType }>, state: StateReader, recordedAt: string): ChangeVerdict {
  const payload = updatePayload(change.record);
  const at = change.record.recordedAt ?? recordedAt;
  if (change.record.recordedAt !== undefined && state.hasUpdate(change.type, check.id, payload, at)) return UNCHANGED;
  let questionId: string;
  if (change.type === 'forecast.withdrawn') {
    const fid = change.record.forecastId;
    const f = state.forecastFacts(fid);
    if (!f) {
      if (check.missing(fid))
        check.issue('forecast_not_found', 'forecastId', `unknown forecast "${fid}": list forecasts with listForecasts() (CLI: show QUESTION)`);
      return check.verdict(payload);
    }
    check.questionId = f.questionId;
    if (f.withdrawal) {
      check.issue('already_withdrawn', 'forecastId', `forecast "${fid}" was already withdrawn at ${f.withdrawal.recordedAt}: a forecast is withdrawn once`);
      return check.verdict(payload);
    }
    questionId = f.questionId;
  } else {
    questionId = change.record.questionId;
    if (!state.questionFacts(questionId)) {
      if (check.missing(questionId)) check.issue('question_not_found', 'questionId', `unknown question "${questionId}": add the question first`);
      return check.verdict(payload);
    }
  }
  if (change.type === 'question.amended' || change.type === 'forecast.withdrawn') {
    const current = state.questionFacts(questionId)?.resolution ? state.currentResolution(questionId) : undefined;
    if (current && current.recordedAt <= at) {
      const what = change.type === 'question.amended' ? `question "${questionId}" cannot be amended` : `forecast "${check.id}" cannot be withdrawn`;
      check.issue(
        'already_resolved',
        change.type === 'question.amended' ? 'questionId' : 'forecastId',
        `${what}: expected an open question, received one ${current.status} (recorded ${current.recordedAt}); ` +
          'record a correction of the resolution instead, or add a clarification or a comment',
      );
    }
  }
  if (change.type === 'question.amended' && change.record.changes.resolveOn !== undefined)
    checkNewDueDate(check, questionId, change.record.changes.resolveOn, state);
  return check.verdict(payload);
}

/** The forecasts on a question whose `madeAt` passes `test`, and the first few of them named for a message. */
function forecastsWhere(
  state: StateReader,
  questionId: string,
  test: (madeAt: string) => boolean,
): { after: { id: string; madeAt: string }[]; named: string[] } {
  const after: { id: string; madeAt: string }[] = [];
  for (const f of state.forecastTimes(questionId)) if (test(f.madeAt)) after.push({ id: f.id, madeAt: f.madeAt });
  const named = after.slice(0, NAMED_FORECASTS).map((f) => `"${f.id}" (${f.madeAt})`);
  if (after.length > NAMED_FORECASTS) named.push(`and ${after.length - NAMED_FORECASTS} more`);
  return { after, named };
}

/**
 * An amendment of the due date: every forecast on the question (withdrawn ones too) must still be
 * made before the new close, the rule `forecast_after_due` applies to a new forecast, so no forecast
 * the ledger accepted is left out of a score by a later amendment.
 */
function checkNewDueDate(check: Check, questionId: string, resolveOn: string, state: StateReader): void {
  const close = questionClose(resolveOn);
  const { after, named } = forecastsWhere(state, questionId, (madeAt) => !madeBeforeClose(madeAt, close));
  if (!after.length) return;
  check.issue(
    'forecast_after_due',
    'changes.resolveOn',
    `question "${questionId}" cannot come due on ${resolveOn}: expected a due date whose end (${closeText(resolveOn)}) comes after every forecast on it, ` +
      `received one before ${after.length} forecast${after.length === 1 ? '' : 's'}: ${named.join(', ')}. Choose a later date`,
    { questionId, resolveOn, forecasts: after },
  );
}

/** A resolution without its recording metadata (`recordedAt`, `seq`, `supersedes`), for comparing content. @internal */
export function resolutionContent(r: Resolution & { seq?: number; supersedes?: number }): string {
  const { recordedAt: _recordedAt, seq: _seq, supersedes: _supersedes, ...content } = r;
  return canonicalJson(content);
}

/** `2027-01-01T00:00:00.000Z`: when a day ends, for messages. */
function closeText(day: string): string {
  return new Date(endOfUtcDay(day)).toISOString();
}

/** ` (2027-01-01T04:00:00.000Z in UTC)` for an instant with an offset other than Z; nothing for a date or a UTC instant. */
function instantText(madeAt: string): string {
  if (madeAt.length === 10 || madeAt.endsWith('Z')) return '';
  const t = instantOf(madeAt);
  return Number.isNaN(t) ? '' : ` (${new Date(t).toISOString()} in UTC)`;
}

/** How many forecasts a `forecasts_after_outcome` message names (its details list them all). */
const NAMED_FORECASTS = 5;

/**
 * The time rules of a resolution: not dated after the day it is recorded, nor before a forecast on
 * its question unless it says to keep those as made after the outcome (see src/core/time-rules.ts).
 */
function checkResolutionDate(check: Check, r: Resolution, state: StateReader, recordedAt: string): void {
  // An imported resolution keeps the day it was first recorded; it may not be after today either.
  const today = utcDay(instantOf(recordedAt));
  const original = r.recordedAt === undefined ? today : utcDay(instantOf(r.recordedAt));
  const recordedOn = original < today ? original : today;
  if (r.resolvedOn > recordedOn) {
    check.issue(
      'resolution_in_future',
      'resolvedOn',
      `question "${r.questionId}": expected a resolvedOn on or before the day the resolution is recorded (${recordedOn}, UTC), ` +
        `received ${r.resolvedOn}: record the outcome once it is known, dated the day it became known`,
    );
    return;
  }
  if (r.allowForecastsAfterOutcome) return;
  const { after, named } = forecastsWhere(state, r.questionId, (madeAt) => madeAfterOutcome(madeAt, r.resolvedOn));
  if (!after.length) return;
  check.issue(
    'forecasts_after_outcome',
    'resolvedOn',
    `question "${r.questionId}": expected a resolvedOn no earlier than its forecasts, received ${r.resolvedOn}, before ` +
      `${after.length} forecast${after.length === 1 ? '' : 's'} made after the end of that day (${closeText(r.resolvedOn)}): ${named.join(', ')}. ` +
      'Check the date; if the outcome really was known first, record them as made after the outcome ' +
      '(allowForecastsAfterOutcome: true; CLI --allow-forecasts-after-outcome)',
    { questionId: r.questionId, resolvedOn: r.resolvedOn, forecasts: after },
  );
}

/** The issues found so far about one change, and how to report them. */
class Check {
  readonly issues: ValidationIssue[] = [];
  readonly id: string;
  /** Refers to a record rejected earlier: invalid, but already reported. */
  #dependsOnFailed = false;
  /**
   * The question of a forecast or a withdrawal, whose id is not the record's: every issue of such a change
   * carries it in `details.questionId`, so that what to do next can name the question (`show <question>`).
   */
  questionId: string | undefined;

  constructor(
    readonly change: Change,
    readonly failed: ReadonlySet<string>,
  ) {
    this.id = changeEntityId(change);
    if (change.type === 'forecast.added') this.questionId = change.record.questionId;
  }

  /** Whether a missing reference should be reported (not when it was rejected earlier). */
  missing(ref: string): boolean {
    if (this.failed.has(ref)) {
      this.#dependsOnFailed = true;
      return false;
    }
    return true;
  }

  issue(code: LedgerErrorCode, field: string, message: string, details?: Record<string, unknown>): void {
    const origin = this.change.origin;
    const path = [origin?.path, field].filter(Boolean).join('.');
    const all = this.questionId === undefined ? details : { questionId: this.questionId, ...details };
    this.issues.push({ code, path, message, recordId: this.id, ...(origin?.file ? { file: origin.file } : {}), ...(all ? { details: all } : {}) });
  }

  verdict(payload: string): ChangeVerdict {
    return this.issues.length || this.#dependsOnFailed ? { kind: 'invalid', issues: this.issues } : { kind: 'write', payload };
  }

  sameOrConflict(existing: string | undefined, payload: string, what: string): ChangeVerdict | undefined {
    if (existing === undefined) return undefined;
    if (existing === payload) return UNCHANGED;
    this.issue(
      'conflicting_record',
      'id',
      `${what} "${this.id}" already exists with different content: expected an identical record or a new id (history is append-only)`,
    );
    return { kind: 'invalid', issues: this.issues };
  }
}

const UNCHANGED: ChangeVerdict = Object.freeze({ kind: 'unchanged' });

/**
 * Checks one change against the ledger's state: references resolve, kinds match, ids are not
 * reused for different content, resolutions follow the lifecycle.
 *
 * @remarks
 * Pure given the reader; every backend calls it inside its write transaction. A record whose id is
 * in `failed` (rejected earlier in the batch) is not reported again by its dependants. `recordedAt`
 * is the instant the backend records the batch at (its clock): no resolution may be dated after
 * that day.
 *
 * @internal
 */
export function checkChange(change: Change, state: StateReader, failed: ReadonlySet<string>, recordedAt: string): ChangeVerdict {
  // One small object per change rather than a closure per helper: this runs for every record written.
  const check = new Check(change, failed);
  const id = check.id;

  if (isQuestionUpdate(change)) return checkUpdate(check, change, state, recordedAt);
  switch (change.type) {
    case 'source.added': {
      const payload = recordPayload(change);
      return check.sameOrConflict(state.sourcePayload(id), payload, 'source') ?? check.verdict(payload);
    }
    case 'forecaster.added': {
      const payload = recordPayload(change);
      return check.sameOrConflict(state.forecasterPayload(id), payload, 'forecaster') ?? check.verdict(payload);
    }
    case 'question.added': {
      const payload = recordPayload(change);
      return check.sameOrConflict(state.questionPayload(id), payload, 'question') ?? check.verdict(payload);
    }
    case 'forecast.added': {
      const f = change.record;
      const payload = recordPayload(change);
      const existing = check.sameOrConflict(state.forecastPayload(id), payload, 'forecast');
      if (existing) return existing;
      const q = state.questionFacts(f.questionId);
      if (!q) {
        if (check.missing(f.questionId)) check.issue('question_not_found', 'questionId', `unknown question "${f.questionId}": add the question first`);
      } else {
        const qid = f.questionId;
        if (q.kind !== f.estimate.kind) {
          check.issue('kind_mismatch', 'estimate.kind', `expected a ${q.kind} estimate for question "${qid}", received ${f.estimate.kind}`);
        } else if (q.kind === 'categorical' && f.estimate.kind === 'categorical') {
          const known = q.options ?? [];
          for (const option of Object.keys(f.estimate.probabilities)) {
            if (!known.includes(option))
              check.issue('unknown_option', `estimate.probabilities.${option}`, `expected one of ${known.join(', ')}, received "${option}"`);
          }
        }
        // The time rules scoring uses (src/core/time-rules.ts): instants in UTC, a day ends at 00:00 UTC the next day.
        const current = q.resolution;
        if (!madeBeforeClose(f.madeAt, questionClose(q.resolveOn))) {
          check.issue(
            'forecast_after_due',
            'madeAt',
            `expected a forecast made before question "${qid}" closed at the end of its due date ${q.resolveOn} (${closeText(q.resolveOn)}), ` +
              `received madeAt ${f.madeAt}${instantText(f.madeAt)}: instants are compared in UTC`,
          );
        } else if (current && madeAfterOutcome(f.madeAt, current.resolvedOn)) {
          check.issue(
            'already_resolved',
            'madeAt',
            `question "${qid}" was ${current.status} on ${current.resolvedOn}; a forecast made ${f.madeAt}${instantText(f.madeAt)} comes after ` +
              `the end of that day (${closeText(current.resolvedOn)}) in UTC`,
          );
        }
      }
      if (!state.hasForecaster(f.forecasterId) && check.missing(f.forecasterId)) {
        check.issue('forecaster_not_found', 'forecasterId', `unknown forecaster "${f.forecasterId}": add the forecaster first`);
      }
      if (f.sourceId && !state.hasSource(f.sourceId) && check.missing(f.sourceId)) {
        check.issue('source_not_found', 'sourceId', `unknown source "${f.sourceId}": add the source first`);
      }
      return check.verdict(payload);
    }
    case 'resolution.recorded': {
      const r = change.record;
      const { recordedAt: _recordedAt, ...content } = r; // the event's recorded_at carries it
      const payload = canonicalJson(content);
      const q = state.questionFacts(r.questionId);
      if (!q) {
        if (check.missing(r.questionId)) check.issue('question_not_found', 'questionId', `unknown question "${r.questionId}"`);
        return check.verdict(payload);
      }
      const qid = r.questionId;
      // The same resolution imported again, even one a correction has superseded since, adds nothing.
      if (r.recordedAt !== undefined && state.hasUpdate('resolution.recorded', qid, payload, r.recordedAt)) return UNCHANGED;
      if (r.outcome) {
        if (r.outcome.kind !== q.kind) {
          check.issue('kind_mismatch', 'outcome.kind', `expected a ${q.kind} outcome for question "${qid}", received ${r.outcome.kind}`);
        } else if (q.kind === 'categorical' && !(q.options ?? []).includes(r.outcome.value as string)) {
          check.issue('unknown_option', 'outcome.value', `expected one of ${(q.options ?? []).join(', ')}, received "${String(r.outcome.value)}"`);
        }
      }
      // Only a question that has a resolution needs its full current resolution read.
      const current = q.resolution ? state.currentResolution(qid) : undefined;
      if (current && resolutionContent(current) === resolutionContent(r)) return UNCHANGED;
      r.evidence.forEach((e, i) => {
        if (e.sourceId !== undefined && !state.hasSource(e.sourceId) && check.missing(e.sourceId)) {
          check.issue(
            'source_not_found',
            `evidence[${i}].sourceId`,
            `unknown source "${e.sourceId}": add the source first, or leave sourceId out and give a url`,
          );
        }
      });
      if (current && !r.correction) {
        check.issue(
          'already_resolved',
          'correction',
          `question "${qid}" is already ${current.status} (on ${current.resolvedOn}): record a correction with a reason instead`,
        );
      }
      if (!current && r.correction) {
        check.issue('not_resolved', 'correction', `question "${qid}" has no resolution to correct: record a resolution instead`);
      }
      if (!check.issues.length) checkResolutionDate(check, r, state, recordedAt);
      return check.verdict(payload);
    }
  }
}
