/**
 * What a batch of changes needs to know about the committed ledger: every id it adds or refers to,
 * relations included, so the facts are loaded in one round trip before the synchronous rules run.
 *
 * @internal
 * @module
 */
import { updatePayload } from '../core/check-change.js';
import type { Change } from '../model/change.js';
import type { FactCache } from './fact-cache.js';
import type { FactRequest, LoadedFacts, UpdateKey } from './storage-adapter.js';

/** A {@link FactRequest} being built. @internal */
export interface OpenFactRequest extends FactRequest {
  sourcePayloads: Set<string>;
  sources: Set<string>;
  forecasterPayloads: Set<string>;
  forecasters: Set<string>;
  questionPayloads: Set<string>;
  questions: Set<string>;
  forecastPayloads: Set<string>;
  forecasts: Set<string>;
  resolutions: Set<string>;
  forecastTimes: Set<string>;
  updates: UpdateKey[];
}

/** An empty request. @internal */
export function emptyFactRequest(): OpenFactRequest {
  return {
    sourcePayloads: new Set(),
    sources: new Set(),
    forecasterPayloads: new Set(),
    forecasters: new Set(),
    questionPayloads: new Set(),
    questions: new Set(),
    forecastPayloads: new Set(),
    forecasts: new Set(),
    resolutions: new Set(),
    forecastTimes: new Set(),
    updates: [],
  };
}

/**
 * The facts `checkChange` and the projections will ask about while applying `changes`, leaving out
 * what `cache` already knows (question facts, which forecasters and sources exist).
 *
 * @remarks
 * A withdrawal names a forecast, not its question: when that forecast is not in the batch, its
 * question is only known once the forecast is loaded, so {@link followUpRequest} asks for it then.
 *
 * @internal
 */
export function factRequest(changes: readonly Change[], cache: FactCache): OpenFactRequest {
  const request = emptyFactRequest();
  const question = (id: string): void => {
    if (!cache.questions.has(id)) request.questions.add(id);
  };
  const source = (id: string): void => {
    if (!cache.sources.has(id)) request.sources.add(id);
  };
  /** The question of each forecast the batch adds, for withdrawals of those. */
  const batchForecasts = new Map<string, string>();
  for (const change of changes) {
    switch (change.type) {
      case 'source.added':
        request.sourcePayloads.add(change.record.id);
        break;
      case 'forecaster.added':
        request.forecasterPayloads.add(change.record.id);
        break;
      case 'question.added':
        request.questionPayloads.add(change.record.id);
        for (const rel of change.record.relations) question(rel.questionId);
        break;
      case 'forecast.added': {
        const f = change.record;
        request.forecastPayloads.add(f.id);
        question(f.questionId);
        if (!cache.forecasters.has(f.forecasterId)) request.forecasters.add(f.forecasterId);
        if (f.sourceId) source(f.sourceId);
        if (!batchForecasts.has(f.id)) batchForecasts.set(f.id, f.questionId);
        break;
      }
      case 'resolution.recorded': {
        const r = change.record;
        question(r.questionId);
        request.resolutions.add(r.questionId);
        for (const e of r.evidence) if (e.sourceId !== undefined) source(e.sourceId);
        if (!r.allowForecastsAfterOutcome) request.forecastTimes.add(r.questionId);
        break;
      }
      case 'question.clarified':
      case 'question.amended':
      case 'comment.added':
        question(change.record.questionId);
        if (change.type === 'question.amended') request.resolutions.add(change.record.questionId);
        addUpdateKey(request, change, change.record.questionId);
        break;
      case 'forecast.withdrawn': {
        const fid = change.record.forecastId;
        request.forecasts.add(fid);
        const qid = batchForecasts.get(fid);
        if (qid !== undefined) {
          question(qid);
          request.resolutions.add(qid);
        }
        addUpdateKey(request, change, fid);
        break;
      }
    }
  }
  return request;
}

function addUpdateKey(request: OpenFactRequest, change: Extract<Change, { record: { recordedAt?: string } }>, entityId: string): void {
  const recordedAt = change.record.recordedAt;
  if (recordedAt !== undefined) request.updates.push({ type: change.type, entityId, payload: updatePayload(change.record), recordedAt });
}

/**
 * The facts still missing once `loaded` is in: the questions (facts and current resolution) of
 * withdrawn forecasts found in the ledger, when the first request could not name them. `undefined`
 * when nothing is missing, which is the usual case.
 *
 * @internal
 */
export function followUpRequest(request: OpenFactRequest, loaded: LoadedFacts, cache: FactCache): OpenFactRequest | undefined {
  let next: OpenFactRequest | undefined;
  for (const fid of request.forecasts) {
    const qid = loaded.forecasts.get(fid)?.questionId;
    if (qid === undefined || request.resolutions.has(qid)) continue;
    next ??= emptyFactRequest();
    if (!cache.questions.has(qid) && !request.questions.has(qid)) next.questions.add(qid);
    next.resolutions.add(qid);
  }
  return next;
}

/** Adds what a follow-up request loaded to what the first one did, and marks it requested. @internal */
export function mergeFacts(request: OpenFactRequest, loaded: LoadedFacts, more: OpenFactRequest, moreLoaded: LoadedFacts): void {
  for (const id of more.questions) request.questions.add(id);
  for (const id of more.resolutions) request.resolutions.add(id);
  for (const [id, facts] of moreLoaded.questions) loaded.questions.set(id, facts);
  for (const [id, resolution] of moreLoaded.resolutions) loaded.resolutions.set(id, resolution);
}
