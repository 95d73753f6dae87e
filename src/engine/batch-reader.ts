/**
 * The synchronous {@link StateReader} the rules read inside one write transaction: the facts loaded
 * for the batch, the store's {@link FactCache}, and an overlay of what the batch itself writes.
 *
 * @internal
 * @module
 */
import { questionFacts, type QuestionFacts, type QuestionUpdateType, type RecordedEventType, type StateReader } from '../core/check-change.js';
import { LedgerError } from '../errors.js';
import type { Question } from '../model/question.js';
import type { StoredResolution } from '../model/question-record.js';
import type { Resolution } from '../model/resolution.js';
import type { FactCache } from './fact-cache.js';
import type { OpenFactRequest } from './fact-request.js';
import { updateKeyText, type HeadRow, type LoadedFacts } from './storage-adapter.js';

type ForecastFacts = { questionId: string; withdrawal?: { payload: string; recordedAt: string } };

/**
 * Answers the rules from memory: what the batch wrote first, then the cache, then the loaded facts.
 *
 * @remarks
 * Asking about an id the request did not name is a bug in the engine (the answer would be a guess),
 * so it throws rather than say "not found".
 *
 * @internal
 */
export class BatchReader implements StateReader {
  readonly #request: OpenFactRequest;
  readonly #loaded: LoadedFacts;
  readonly #cache: FactCache;
  /** Payloads of the records the batch writes. */
  readonly #sourcePayloads = new Map<string, string>();
  readonly #forecasterPayloads = new Map<string, string>();
  readonly #questionPayloads = new Map<string, string>();
  readonly #forecastPayloads = new Map<string, string>();
  /** Question facts the batch changes (new questions, new resolutions). */
  readonly #questions = new Map<string, QuestionFacts>();
  readonly #resolutions = new Map<string, StoredResolution>();
  /** Forecasts the batch adds or withdraws. */
  readonly #forecasts = new Map<string, ForecastFacts>();
  /** By question: the forecasts the batch adds, in order. */
  readonly #forecastTimes = new Map<string, { id: string; madeAt: string }[]>();
  readonly #updates = new Set<string>();

  constructor(request: OpenFactRequest, loaded: LoadedFacts, cache: FactCache) {
    this.#request = request;
    this.#loaded = loaded;
    this.#cache = cache;
    // What was loaded is committed state at the head the cache was validated at: shared at once.
    for (const [id, facts] of loaded.questions) cache.questions.set(id, facts);
    for (const id of loaded.forecasters) cache.forecasters.add(id);
    for (const id of loaded.sources) cache.sources.add(id);
  }

  /**
   * Drops the forecasts' times the time rules read (one entry per forecast on every question the batch
   * resolves: the bulk of a big resolve's facts), once every change is checked, so that the rescoring
   * after the checks does not keep them alive. Reading them afterwards is an engine bug, and throws.
   */
  releaseForecastTimes(): void {
    this.#request.forecastTimes.clear();
    this.#loaded.forecastTimes.clear();
    this.#forecastTimes.clear();
  }

  /** Publishes what the batch wrote to the cache; call once the transaction committed at `head`. */
  committed(head: HeadRow): void {
    this.#cache.committed(head, this.#questions, this.#forecasterPayloads.keys(), this.#sourcePayloads.keys());
  }

  // ---- what the batch writes

  addedSource(id: string, payload: string): void {
    this.#sourcePayloads.set(id, payload);
  }

  addedForecaster(id: string, payload: string): void {
    this.#forecasterPayloads.set(id, payload);
  }

  addedQuestion(question: Question, payload: string): void {
    this.#questionPayloads.set(question.id, payload);
    this.#questions.set(question.id, questionFacts(question));
  }

  addedForecast(id: string, questionId: string, madeAt: string, payload: string): void {
    this.#forecastPayloads.set(id, payload);
    // Only what the batch will ask about: an import of 10⁵ forecasts keeps no second copy of each.
    if (this.#request.forecasts.has(id)) this.#forecasts.set(id, { questionId });
    if (this.#request.forecastTimes.has(questionId)) {
      let times = this.#forecastTimes.get(questionId);
      if (!times) this.#forecastTimes.set(questionId, (times = []));
      times.push({ id, madeAt });
    }
  }

  recordedResolution(resolution: Resolution, seq: number, recordedAt: string, supersedes: number | null): void {
    const qid = resolution.questionId;
    const facts = this.questionFacts(qid);
    if (facts) {
      const written: QuestionFacts = {
        kind: facts.kind,
        resolveOn: facts.resolveOn,
        resolution: { status: resolution.status, resolvedOn: resolution.resolvedOn, seq },
      };
      if (facts.options) written.options = facts.options;
      this.#questions.set(qid, written);
    }
    // The payload is the record's canonical JSON without recordedAt: the record is the content.
    const { recordedAt: _recordedAt, ...content } = resolution;
    this.#resolutions.set(qid, { ...content, seq, recordedAt, ...(supersedes === null ? {} : { supersedes }) });
  }

  /** An amendment moved the question's due date: later changes of the batch, and the cache after the commit, see the new one. */
  amendedDueDate(questionId: string, resolveOn: string): void {
    const facts = this.questionFacts(questionId);
    if (facts) this.#questions.set(questionId, { ...facts, resolveOn });
  }

  addedUpdate(type: QuestionUpdateType, entityId: string, payload: string, recordedAt: string): void {
    this.#updates.add(updateKeyText({ type, entityId, payload, recordedAt }));
    if (type === 'forecast.withdrawn') {
      const facts = this.forecastFacts(entityId);
      if (facts) this.#forecasts.set(entityId, { questionId: facts.questionId, withdrawal: { payload, recordedAt } });
    }
  }

  // ---- StateReader

  sourcePayload(id: string): string | undefined {
    return this.#sourcePayloads.get(id) ?? this.#loadedFrom(this.#request.sourcePayloads, id, 'source payload', this.#loaded.sourcePayloads.get(id));
  }

  forecasterPayload(id: string): string | undefined {
    return (
      this.#forecasterPayloads.get(id) ?? this.#loadedFrom(this.#request.forecasterPayloads, id, 'forecaster payload', this.#loaded.forecasterPayloads.get(id))
    );
  }

  hasSource(id: string): boolean {
    if (this.#sourcePayloads.has(id) || this.#cache.sources.has(id) || this.#loaded.sourcePayloads.has(id)) return true;
    return this.#loadedFrom(this.#request.sources, id, 'source', this.#loaded.sources.has(id));
  }

  hasForecaster(id: string): boolean {
    if (this.#forecasterPayloads.has(id) || this.#cache.forecasters.has(id) || this.#loaded.forecasterPayloads.has(id)) return true;
    return this.#loadedFrom(this.#request.forecasters, id, 'forecaster', this.#loaded.forecasters.has(id));
  }

  questionFacts(id: string): QuestionFacts | undefined {
    return (
      this.#questions.get(id) ?? this.#cache.questions.get(id) ?? this.#loadedFrom(this.#request.questions, id, 'question', this.#loaded.questions.get(id))
    );
  }

  questionPayload(id: string): string | undefined {
    return this.#questionPayloads.get(id) ?? this.#loadedFrom(this.#request.questionPayloads, id, 'question payload', this.#loaded.questionPayloads.get(id));
  }

  forecastPayload(id: string): string | undefined {
    return this.#forecastPayloads.get(id) ?? this.#loadedFrom(this.#request.forecastPayloads, id, 'forecast payload', this.#loaded.forecastPayloads.get(id));
  }

  currentResolution(questionId: string): StoredResolution | undefined {
    return this.#resolutions.get(questionId) ?? this.#loadedFrom(this.#request.resolutions, questionId, 'resolution', this.#loaded.resolutions.get(questionId));
  }

  *forecastTimes(questionId: string): Iterable<{ id: string; madeAt: string }> {
    yield* this.#loadedFrom(this.#request.forecastTimes, questionId, 'forecast times', this.#loaded.forecastTimes.get(questionId)) ?? [];
    yield* this.#forecastTimes.get(questionId) ?? [];
  }

  forecastFacts(id: string): ForecastFacts | undefined {
    return this.#forecasts.get(id) ?? this.#loadedFrom(this.#request.forecasts, id, 'forecast', this.#loaded.forecasts.get(id));
  }

  hasUpdate(type: RecordedEventType, entityId: string, payload: string, recordedAt: string): boolean {
    const key = updateKeyText({ type, entityId, payload, recordedAt });
    return this.#updates.has(key) || this.#loaded.updates.has(key);
  }

  /** `value` when the request named `id`; a bug in the engine otherwise. */
  #loadedFrom<T>(requested: ReadonlySet<string>, id: string, what: string, value: T): T {
    if (!requested.has(id)) throw new LedgerError('storage_error', `internal error: the ${what} "${id}" was read but never loaded: please report this bug`);
    return value;
  }
}
