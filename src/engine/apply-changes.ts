/**
 * The apply loop, written once for every backend: facts loaded for the whole batch, each change
 * checked by the pure rules, sequence numbers and canonical payloads, the hash chain, relation
 * checks, and the events and projection rows handed to the adapter in one append.
 *
 * @internal
 * @module
 */
import { pushAll } from '../_internal/arrays.js';
import { changeEntityId, checkChange, isQuestionUpdate } from '../core/check-change.js';
import type { ValidationIssue } from '../errors.js';
import { GENESIS_HASH, eventHash } from '../history/event-hash.js';
import type { Change } from '../model/change.js';
import type { EventType } from '../model/ledger-event.js';
import type { RecordCounts } from '../model/record-counts.js';
import type { ApplyOptions, ApplyResult } from '../storage/types.js';
import { BatchReader } from './batch-reader.js';
import type { FactCache } from './fact-cache.js';
import { factRequest, followUpRequest, mergeFacts } from './fact-request.js';
import { rescoreBatch, scoresRequest } from './score-batch.js';
import { projectChange } from './projection-rows.js';
import type { EventRow, ProjectionRow, WriteTransaction } from './storage-adapter.js';

const COUNT_KEY: Record<EventType, keyof RecordCounts> = {
  'source.added': 'sources',
  'forecaster.added': 'forecasters',
  'question.added': 'questions',
  'forecast.added': 'forecasts',
  'resolution.recorded': 'resolutions',
  'question.clarified': 'updates',
  'question.amended': 'updates',
  'comment.added': 'updates',
  'forecast.withdrawn': 'updates',
};

/** Zero of every kind. @internal */
export const zeroCounts = (): RecordCounts => ({ sources: 0, forecasters: 0, questions: 0, forecasts: 0, resolutions: 0, updates: 0 });

/** What applying a batch found and did, inside its transaction. @internal */
export interface ApplyOutcome {
  result: ApplyResult;
  /** Every problem in the batch; when there is one, nothing was appended. */
  issues: ValidationIssue[];
  /** The batch's reader: {@link BatchReader.committed} once the transaction committed. */
  reader: BatchReader;
}

/**
 * Applies `changes` inside the write transaction `tx`: checks every change against the ledger and
 * the batch so far, and appends the events and their projection rows when there is no problem and
 * this is not a dry run. Never throws for a rule violation: the caller rolls back and reports.
 *
 * @param tx - the adapter's serialized write transaction
 * @param changes - the batch, already checked against the schemas
 * @param options - `dryRun` (check only) and `invalidIds` (records rejected before the store saw them)
 * @param cache - the store's fact cache, validated here against the head read under the lock
 * @param now - the store's clock: the batch is recorded at this instant
 * @param storedScores - whether the backend keeps stored scores (`StoreCapabilities.storedScores`): then the batch rescores what it changes
 * @internal
 */
export async function applyChanges(
  tx: WriteTransaction,
  changes: readonly Change[],
  options: ApplyOptions,
  cache: FactCache,
  now: () => Date,
  storedScores: boolean,
): Promise<ApplyOutcome> {
  const head = await tx.head();
  cache.validate(head);
  const request = factRequest(changes, cache);
  const loaded = await tx.loadFacts(request);
  const more = followUpRequest(request, loaded, cache);
  if (more) mergeFacts(request, loaded, more, await tx.loadFacts(more));
  const reader = new BatchReader(request, loaded, cache);

  const failed = new Set<string>(options.invalidIds);
  const issues: ValidationIssue[] = [];
  const added = zeroCounts();
  const unchanged = zeroCounts();
  const events: EventRow[] = [];
  const projections: ProjectionRow[] = [];
  let seq = head?.seq ?? 0;
  let hash = head?.hash ?? GENESIS_HASH;
  const recordedAt = now().toISOString();
  const writtenQuestions: Extract<Change, { type: 'question.added' }>[] = [];
  const applied: Change[] = [];

  for (const change of changes) {
    const verdict = checkChange(change, reader, failed, recordedAt);
    if (verdict.kind === 'invalid') {
      pushAll(issues, verdict.issues);
      failed.add(changeEntityId(change));
      continue;
    }
    if (verdict.kind === 'unchanged') {
      unchanged[COUNT_KEY[change.type]]++;
      continue;
    }
    seq++;
    const entityId = changeEntityId(change);
    const prevHash = hash;
    // A resolution or question-life event imported from an export keeps the time it was first recorded.
    const at = ((change.type === 'resolution.recorded' || isQuestionUpdate(change)) && change.record.recordedAt) || recordedAt;
    hash = eventHash(prevHash, { seq, type: change.type, entityId, recordedAt: at, payload: verdict.payload });
    events.push({ seq, type: change.type, entityId, recordedAt: at, payload: verdict.payload, prevHash, hash });
    projectChange(change, seq, at, verdict.payload, reader, projections);
    if (change.type === 'question.added') writtenQuestions.push(change);
    applied.push(change);
    added[COUNT_KEY[change.type]]++;
  }

  // Relations are checked once the whole batch is in: a question may relate to one added after it.
  for (const change of writtenQuestions) {
    const q = change.record;
    q.relations.forEach((rel, i) => {
      if (!reader.questionFacts(rel.questionId) && !failed.has(rel.questionId)) {
        const path = [change.origin?.path, `relations[${i}].questionId`].filter(Boolean).join('.');
        issues.push({
          code: 'question_not_found',
          path,
          recordId: q.id,
          message: `relation to unknown question "${rel.questionId}"`,
          ...(change.origin?.file ? { file: change.origin.file } : {}),
        });
      }
    });
  }

  if (!issues.length && !options.dryRun && events.length) {
    await tx.append(events, projections);
    // The checks are done and the rows written: what only they needed is not kept alive through the rescoring.
    reader.releaseForecastTimes();
    projections.length = 0;
    // Stored scores (issue 11): the questions whose scores the batch changes, rescored in this transaction, a page at a time.
    // Only on a backend that keeps them (StoreCapabilities.storedScores): another gets no score rows and no FactRequest.scores.
    const scores = storedScores ? scoresRequest(applied, reader) : undefined;
    if (scores) await rescoreBatch(tx, scores);
  }
  return { result: { added, unchanged, head: hash, lastSeq: seq }, issues, reader };
}
