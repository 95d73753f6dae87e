import { z } from 'zod';
import { LedgerError, LedgerValidationError, type ValidationIssue } from './errors.js';
import {
  AggregateArg,
  AnnulArg,
  BackupOptionsArg,
  CorrectionArg,
  ForecastFilterArg,
  QuestionFilterArg,
  ResolutionFilterArg,
  ResolveArg,
  StoreArg,
  TargetObjectArg,
  VerifyOptionsArg,
} from './_internal/ledger-args.js';
import { IdArg, parseArg, PathArg, readingArg } from './_internal/validate-args.js';
import { readPredictionFiles, type PredictionInput } from './import/read-prediction-files.js';
import { planImport, withForecastId } from './import/plan-import.js';
import { zodIssues } from './import/zod-issues.js';
import { Forecast, type ForecastInput, type StoredForecast } from './model/forecast.js';
import { Forecaster, type ForecasterInput } from './model/forecaster.js';
import { FORMAT_VERSION, type LedgerSnapshot, type LedgerSnapshotInput, type PredictionFileInput } from './model/prediction-file.js';
import { Question, type QuestionInput } from './model/question.js';
import { Resolution, type Evidence, type Outcome, type ResolutionInput, type ResolutionStatus } from './model/resolution.js';
import { Source } from './model/source.js';
import {
  ForecastWithdrawal,
  QuestionAmendment,
  QuestionClarification,
  QuestionComment,
  type QuestionChanges,
  type QuestionUpdate,
} from './model/question-update.js';
import { amendedQuestion, amendmentsByQuestion, currentRecords, revisionAt } from './core/question-revision.js';
import { ChangesArg, ClarifyArg, CommentArg, ReasonArg, splitUpdates, UpdateFilterArg } from './_internal/question-life-args.js';
import type { LedgerReader, LedgerStore, StoredScorecardParts, StoredScoreTotals } from './storage/ledger-store.js';
import { backendFor } from './storage/backends.js';
import { StoreOptionsArg, type SqliteDatabase, type SqliteStoreOptions } from './storage/open-options.js';
import { loadScoringData, withUpdates, type ScoringData } from './scoring/load-scoring-data.js';
import { knownBy } from './scoring/point-in-time.js';
import { buildLeaderboard, leaderboardRows, type LeaderboardRow } from './scoring/scorecard/build-leaderboard.js';
import { buildScorecard } from './scoring/scorecard/build-scorecard.js';
import { aggregateForecasterInput, type AggregateInput } from './scoring/aggregate/aggregate-forecaster.js';
import { asOfDate, integerOption, LeaderboardOptionsArg, ScorecardOptionsArg } from './scoring/scorecard/_shared.js';
import { fromTotalsRow, scorecardScoresOf } from './scoring/stored/stored-rows.js';
import { resolutionsStandOn, storedLeaderboard, storedScorecard } from './scoring/stored/stored-scores.js';
import type { Leaderboard, LeaderboardOptions, Scorecard, ScorecardOptions } from './scoring/scorecard/types.js';
import type {
  ApplyResult,
  Change,
  BackupOptions,
  BackupReport,
  ForecastFilter,
  LedgerEvent,
  QuestionFilter,
  QuestionRecord,
  RecordCounts,
  StoredResolution,
  VerifyOptions,
  VerifyReport,
} from './storage/types.js';
import { pushAll } from './_internal/arrays.js';
import { ForecastNowArg, PredictArg } from './_internal/predict-args.js';
import { findDueDate, freeId, notCalendarDates, questionSlug, type DueDateFrom } from './core/one-line-forecast.js';
import { readProbability, type ReadProbability } from './core/read-probability.js';

/** What {@link openLedger} accepts: a file path, `':memory:'`, an open better-sqlite3 database, or any store. */
export type LedgerTarget = string | { database: SqliteDatabase } | { store: LedgerStore };

/** Options for {@link openLedger}; the SQLite options apply when the target is a path or a database. */
export type OpenLedgerOptions = SqliteStoreOptions;

/** A question with everything recorded about it. */
export interface QuestionDetails extends QuestionRecord {
  /** Every forecast on it, in recorded order. */
  forecasts: StoredForecast[];
  /** Every resolution, including superseded ones, in recorded order. */
  resolutions: StoredResolution[];
  /** The question as its amendments left it (`question` is the question as first added). */
  current: Question;
  /** The current revision: the number of amendments (0 when never amended). */
  revision: number;
  /** The revision each forecast was made against, by forecast id (see {@link Ledger.amendQuestion}). */
  forecastRevisions: Record<string, number>;
  /** Fine print appended with {@link Ledger.clarifyQuestion}, in recorded order. */
  clarifications: QuestionClarification[];
  /** Amendments made with {@link Ledger.amendQuestion}, in recorded order. */
  amendments: QuestionAmendment[];
  /** Comments added with {@link Ledger.addComment}, in recorded order. */
  comments: QuestionComment[];
  /** Forecasts on the question withdrawn with {@link Ledger.withdrawForecast}, in recorded order. */
  withdrawals: ForecastWithdrawal[];
}

/** An outcome as given to {@link Ledger.resolve}: the bare value (read by the question's kind) or a tagged {@link Outcome}. */
export type OutcomeInput = boolean | number | string | Outcome;

/**
 * What {@link Ledger.resolve}, {@link Ledger.annul}, {@link Ledger.markAmbiguous} and
 * {@link Ledger.correctResolution} do about forecasts made after the outcome.
 */
export interface ForecastsAfterOutcomeOption {
  /**
   * Record the resolution even though some forecasts on the question were made after the end of its
   * `resolvedOn` day (UTC): they stay in the ledger, are never scored, and scorecards list them as
   * made after the outcome. The permission is stored in the resolution (`allowForecastsAfterOutcome`),
   * so it is part of the history and survives export and import. Default `false`: such a resolution
   * is refused with `forecasts_after_outcome`, naming the forecasts.
   */
  allowForecastsAfterOutcome?: boolean;
}

/** Input of {@link Ledger.resolve}. */
export interface ResolveInput extends ForecastsAfterOutcomeOption {
  /** What happened: `true`/`false`, a number, an ISO date or an option id, matching the question's kind. */
  outcome: OutcomeInput;
  /** When the outcome became known (ISO date). */
  resolvedOn: string;
  /** At least one piece of evidence. */
  evidence: z.input<typeof Resolution>['evidence'];
}

/** Input of {@link Ledger.annul} and {@link Ledger.markAmbiguous}. */
export interface AnnulInput extends ForecastsAfterOutcomeOption {
  /** Why; required. */
  reason: string;
  /** When (ISO date); default today (UTC). */
  resolvedOn?: string;
  /** Evidence, if any. */
  evidence?: Evidence[];
}

/** Input of {@link Ledger.correctResolution}. */
export interface CorrectionInput extends ForecastsAfterOutcomeOption {
  /** The corrected status; default `resolved`. */
  status?: ResolutionStatus;
  /** The corrected outcome (for `resolved`). */
  outcome?: OutcomeInput;
  /** When the corrected outcome became known (ISO date). */
  resolvedOn: string;
  /** Evidence for the corrected outcome (at least one for `resolved`). */
  evidence?: Evidence[];
  /** Why the earlier resolution was wrong; required. */
  reason: string;
}

/** Input of {@link Ledger.forecast}: a forecast on an existing binary question, made now. */
export interface QuickForecastInput {
  /** A number in [0, 1], or text: `70%`, `0.7`, or a verbal term such as `likely` (see `CONFIDENCE_TERMS`). */
  probability: number | string;
  /** Who makes it; added as a person when not in the ledger. */
  forecasterId: string;
  /** When it was made (ISO date or instant); default now on the ledger's clock. */
  madeAt?: string;
  /** A note on the forecast. */
  note?: string;
}

/** What {@link Ledger.forecast} recorded. */
export interface QuickForecastResult {
  /** The stored forecast. */
  forecast: StoredForecast;
  /** Whether the forecaster was new and added (as a person named by the id). */
  forecasterAdded: boolean;
}

/** Input of {@link Ledger.predict}: a one-line forecast. */
export interface PredictInput extends QuickForecastInput {
  /** The question, e.g. `Will X happen by 2027-06-30?`: its title, statement and default criteria. */
  text: string;
  /** When it comes due (ISO date); default the date the text names. */
  by?: string;
  /** The question id; default a slug of the text, made unique. */
  id?: string;
  /** What evidence settles it; default the text. */
  criteria?: string;
  /** Tags of the question. */
  tags?: string[];
}

/** What {@link Ledger.predict} recorded. */
export interface PredictResult extends QuickForecastResult {
  /** The new question. */
  question: Question;
  /** Where its due date came from: `by` or a date in the `text`. */
  dueDateFrom: DueDateFrom;
}

/** What {@link Ledger.importPredictions} did. */
export interface ImportReport extends ApplyResult {
  /** The files read, in order (empty when data was passed directly). */
  files: string[];
}

/** What {@link Ledger.importPredictions} accepts besides a path. */
export type ImportData = PredictionFileInput | LedgerSnapshotInput | readonly (PredictionFileInput | LedgerSnapshotInput)[];

/** The documents of import data: each item of an array, or the one document (copied into a plain array). */
function importInputs(data: unknown): PredictionInput[] {
  if (typeof data !== 'object' || data === null) {
    throw new LedgerValidationError('validation_failed', 'ledger.importPredictions: invalid data', [
      {
        code: 'validation_failed',
        path: 'data',
        message: `expected a path, a prediction file or snapshot, or an array of them; received ${data === null ? 'null' : typeof data}`,
      },
    ]);
  }
  return Array.isArray(data) ? Array.from(data as unknown[], (item) => ({ data: item })) : [{ data }];
}

function parseRecord<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = readingArg(`add ${what}`, what, () => schema.safeParse(input));
  if (parsed.success) return parsed.data;
  // zod words its messages from the received values, and the id is read from the input: either can throw.
  const issues = readingArg(`add ${what}`, what, () => {
    const recordId = typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : undefined;
    return zodIssues(parsed.error, recordId ? { recordId } : {});
  });
  const codes = new Set(issues.map((i) => i.code));
  throw new LedgerValidationError(codes.size === 1 ? issues[0]!.code : 'validation_failed', `invalid ${what}`, issues);
}

/**
 * A forecast ledger: questions, forecasts and resolutions with a tamper-evident history.
 *
 * @remarks
 * Obtain one with {@link openLedger}. Every write is one transaction; history is append-only, so a
 * wrong resolution is fixed with {@link Ledger.correctResolution}, which keeps the old one.
 * Adding a record that already exists with identical content is a no-op; with different content it
 * fails with `conflicting_record`.
 *
 * Every method checks its arguments before anything else: a value of the wrong type (null, a
 * BigInt, a date not in the calendar, a value whose getters throw…) is a `LedgerValidationError`
 * `validation_failed` naming the method and the argument path (`ledger.resolve: invalid input` ›
 * `input.outcome`), an unknown key in an input or options object is `unknown_option`, and nothing
 * is written.
 */
export class Ledger {
  /** The storage backend. */
  readonly store: LedgerStore;
  /** Now on the ledger's clock, as an ISO instant to the second. */
  readonly #now: () => string;

  /**
   * @param store - the backend
   * @param now - the clock (used for default dates)
   * @throws LedgerError `validation_failed` when `store` is not a {@link LedgerStore} or `now` not a function
   */
  constructor(store: LedgerStore, now: () => Date = () => new Date()) {
    parseArg('new Ledger', 'store', StoreArg, store);
    parseArg(
      'new Ledger',
      'now',
      z.custom<() => Date>((f) => typeof f === 'function', 'expected now as a function returning a Date'),
      now,
    );
    this.store = store;
    this.#now = () => {
      const date = readingArg('ledger clock', 'now', now);
      if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
        throw new LedgerError(
          'validation_failed',
          `ledger clock: expected now() to return a valid Date, received ${Object.prototype.toString.call(date)}: fix the now option of openLedger()`,
        );
      }
      return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
    };
  }

  /** Today (UTC) on the ledger's clock. */
  #today(): string {
    return this.#now().slice(0, 10);
  }

  /**
   * Applies the changes of one call in one transaction. Several problems with one call's records are
   * reported under the first one's code (`kind_mismatch`, say), not as `import_failed`: nothing was
   * imported; every problem is still listed in `issues`.
   */
  async #write(changes: readonly Change[]): Promise<ApplyResult> {
    try {
      return await this.store.apply(changes);
    } catch (error) {
      if (!(error instanceof LedgerValidationError) || error.code !== 'import_failed' || !error.issues.length) throw error;
      throw new LedgerValidationError(error.issues[0]!.code, 'nothing was written', error.issues);
    }
  }

  /**
   * Adds a source document.
   * @returns the stored source
   * @throws LedgerValidationError `validation_failed`; LedgerError `conflicting_record`
   */
  async addSource(input: z.input<typeof Source>): Promise<Source> {
    const record = parseRecord(Source, input, 'source');
    await this.#write([{ type: 'source.added', record }]);
    return record;
  }

  /**
   * Adds a forecaster.
   * @returns the stored forecaster
   * @throws LedgerValidationError `validation_failed`; LedgerError `conflicting_record`
   */
  async addForecaster(input: ForecasterInput): Promise<Forecaster> {
    const record = parseRecord(Forecaster, input, 'forecaster');
    await this.#write([{ type: 'forecaster.added', record }]);
    return record;
  }

  /**
   * Adds an aggregate forecaster: a virtual forecaster whose forecast on each question is computed
   * from its members' forecasts when scored (median, mean, geometric mean of odds, extremized
   * geometric mean of odds, or Metaculus-style recency weighting).
   *
   * @remarks
   * Stored as a forecaster (`type: 'organization'`) with an `aggregate` definition; it has no
   * forecasts of its own. Leaderboards and scorecards compute its forecasts from the members' standing
   * forecasts on each question (see `withAggregates`), so it is scored, time-weighted and compared with
   * peers like any forecaster — including, on relative scores, by the members it aggregates.
   * `members: 'all'` means every non-aggregate forecaster at scoring time, newcomers included.
   *
   * @param input - id, name, method, members and (for the extremized method) the parameter
   * @returns the stored forecaster record
   * @throws LedgerValidationError `validation_failed` (bad id, method or parameter; an aggregate as member);
   *   LedgerError `forecaster_not_found` for an unknown member, `conflicting_record` for a used id
   *
   * @example
   * ```ts
   * await ledger.addAggregate({ id: 'super-median', name: 'Superforecaster median', method: 'median', members: 'all' });
   * ```
   */
  async addAggregate(input: AggregateInput): Promise<Forecaster> {
    input = parseArg('ledger.addAggregate', 'input', AggregateArg, input);
    return this.addForecaster(aggregateForecasterInput(input, await this.store.listForecasters()));
  }

  /**
   * Adds a question.
   * @returns the stored question, defaults applied
   * @throws LedgerValidationError `validation_failed`; LedgerError `conflicting_record`, `question_not_found` (a relation's target)
   */
  async addQuestion(input: QuestionInput): Promise<Question> {
    const record = parseRecord(Question, input, 'question');
    await this.#write([{ type: 'question.added', record }]);
    return record;
  }

  /**
   * Adds a forecast. Its id is generated from its content when not given.
   *
   * @returns the stored forecast
   * @throws LedgerError `question_not_found`, `forecaster_not_found`, `source_not_found`,
   *   `kind_mismatch`, `unknown_option`, `forecast_after_due`, `already_resolved`, `conflicting_record`;
   *   LedgerValidationError `validation_failed`
   */
  async addForecast(input: ForecastInput): Promise<StoredForecast> {
    const record = withForecastId(parseRecord(Forecast, input, 'forecast'));
    await this.#write([{ type: 'forecast.added', record }]);
    return record;
  }

  /**
   * Records a one-line forecast: creates a binary question from its text and the forecast on it, in
   * one transaction — what Fatebook does with "Will X happen by 2027-06-30? 70%".
   *
   * @remarks
   * - The question: kind `binary`, stance `forecast`, title, statement and (by default) criteria
   *   the text; its id a slug of the text (`will-x-happen-by-2027-06-30`), with `-2`, `-3`… when that
   *   id is taken (or `input.id`). It comes due on `input.by`, else on the date the text names (the
   *   latest `YYYY-MM-DD`, else a deadline year: "by 2027" → 2027-12-31, "before 2027" → 2026-12-31);
   *   `result.dueDateFrom` says which.
   * - The probability: a number in [0, 1], or text `70%`, `0.7` or a verbal term of
   *   `CONFIDENCE_TERMS` (`likely` → 0.83 on IPCC AR5), recorded as verbal confidence with its
   *   implied probability and scale.
   * - The forecast is made now on the ledger's clock (or at `input.madeAt`). A forecaster id not in
   *   the ledger is added as a person named by the id.
   *
   * @param input - the text, the probability, the forecaster; optionally `by`, `id`, `criteria`, `tags`, `madeAt`, `note`
   * @returns the question, the forecast, where the due date came from and whether the forecaster was added
   * @throws LedgerError `validation_failed` (a bad probability, no date in the text and no `by`, a
   *   forecaster id that is not a slug), `unknown_option`, `forecast_after_due` (a due date in the
   *   past), `conflicting_record` (an `input.id` already used)
   *
   * @example
   * ```ts
   * const { question, forecast } = await ledger.predict({ text: 'Will X happen by 2027-06-30?', probability: '70%', forecasterId: 'me' });
   * question.resolution.resolveOn; //=> '2027-06-30'
   * forecast.estimate; //=> { kind: 'binary', probability: 0.7 }
   * ```
   */
  async predict(input: PredictInput): Promise<PredictResult> {
    const fn = 'ledger.predict';
    input = parseArg(fn, 'input', PredictArg, input);
    const read = readProbability(input.probability, `${fn}: input.probability`);
    const wrong = input.by === undefined ? notCalendarDates(input.text) : [];
    if (wrong.length) {
      throw new LedgerValidationError('validation_failed', `${fn}: invalid input`, [
        {
          code: 'validation_failed',
          path: 'input.text',
          message: `expected a due date in the calendar, received ${wrong.join(', ')}: fix the date in the text, or pass input.by`,
        },
      ]);
    }
    const found = input.by ?? findDueDate(input.text);
    if (!found) {
      throw new LedgerValidationError('validation_failed', `${fn}: invalid input`, [
        {
          code: 'validation_failed',
          path: 'input.by',
          message: `expected a due date: input.by, or a date in the text such as 2027-06-30 or "by 2027", received ${JSON.stringify(input.text)}`,
        },
      ]);
    }
    const id = input.id ?? (await freeId(questionSlug(input.text), async (q) => (await this.store.getQuestion(q)) !== undefined));
    const question = parseRecord(
      Question,
      {
        id,
        kind: 'binary',
        title: input.text,
        statement: input.text,
        resolution: { resolveOn: found, horizon: input.by ?? found, semantics: 'by', criteria: input.criteria ?? input.text },
        tags: input.tags ?? [],
        stance: 'forecast',
      },
      'question',
    );
    const { forecast, forecaster } = await this.#oneLineForecast(id, input, read);
    await this.#write([...forecaster, { type: 'question.added', record: question }, { type: 'forecast.added', record: forecast }]);
    return { question, forecast, dueDateFrom: input.by ? 'by' : 'text', forecasterAdded: forecaster.length > 0 };
  }

  /**
   * Records a forecast on an existing binary question, made now: the one-line update
   * (`forecast-ledger forecast QUESTION 65%`). The forecaster's earlier forecast stays in the
   * history; this one stands from its `madeAt` on.
   *
   * @remarks
   * The probability is read as {@link Ledger.predict} reads it (`70%`, `0.7`, `likely`); a forecaster
   * id not in the ledger is added as a person, in the same transaction. For other kinds of question
   * use {@link Ledger.addForecast}.
   *
   * @param questionId - the question
   * @param input - the probability and the forecaster; optionally `madeAt` and `note`
   * @returns the stored forecast and whether the forecaster was added
   * @throws LedgerError `question_not_found`, `kind_mismatch` (not a binary question),
   *   `validation_failed` (a bad probability), `unknown_option`, `forecast_after_due`, `already_resolved`
   *
   * @example
   * ```ts
   * (await ledger.forecast('will-x-happen-by-2027-06-30', { probability: '65%', forecasterId: 'me' })).forecast.estimate.probability; //=> 0.65
   * ```
   */
  async forecast(questionId: string, input: QuickForecastInput): Promise<QuickForecastResult> {
    const fn = 'ledger.forecast';
    questionId = parseArg(fn, 'questionId', IdArg, questionId);
    input = parseArg(fn, 'input', ForecastNowArg, input);
    const read = readProbability(input.probability, `${fn}: input.probability`);
    const { question } = await this.#record(questionId);
    if (question.kind !== 'binary') {
      throw new LedgerError(
        'kind_mismatch',
        `${fn}: expected a binary question, received ${question.kind} question "${questionId}": use addForecast() with a ${question.kind} estimate (CLI: add forecast)`,
        {
          details: { questionId, field: 'estimate' },
        },
      );
    }
    const { forecast, forecaster } = await this.#oneLineForecast(questionId, input, read);
    await this.#write([...forecaster, { type: 'forecast.added', record: forecast }]);
    return { forecast, forecasterAdded: forecaster.length > 0 };
  }

  /** The forecast of {@link Ledger.predict} and {@link Ledger.forecast}, and the forecaster to add first if it is new. */
  async #oneLineForecast(questionId: string, input: QuickForecastInput, read: ReadProbability): Promise<{ forecast: StoredForecast; forecaster: Change[] }> {
    const known = await this.store.getForecaster(input.forecasterId);
    const forecaster: Change[] = known
      ? []
      : [{ type: 'forecaster.added', record: parseRecord(Forecaster, { id: input.forecasterId, name: input.forecasterId, type: 'person' }, 'forecaster') }];
    const forecast = withForecastId(
      parseRecord(
        Forecast,
        {
          questionId,
          forecasterId: input.forecasterId,
          madeAt: input.madeAt ?? this.#now(),
          estimate: read.confidence ? { kind: 'binary' } : { kind: 'binary', probability: read.probability },
          ...(read.confidence ? { confidence: read.confidence } : {}),
          ...(input.note ? { note: input.note } : {}),
        },
        'forecast',
      ),
    );
    return { forecast, forecaster };
  }

  async #outcome(questionId: string, outcome: OutcomeInput): Promise<Outcome> {
    if (typeof outcome === 'object') return outcome;
    const q = (await this.#record(questionId)).question;
    const expected = { binary: 'boolean', numeric: 'number', date: 'string', categorical: 'string' }[q.kind];
    if (typeof outcome !== expected) {
      throw new LedgerError(
        'kind_mismatch',
        `outcome for ${q.kind} question "${q.id}": expected a ${expected}, received ${typeof outcome} ${JSON.stringify(outcome)}`,
        {
          details: { questionId: q.id, field: 'outcome' },
        },
      );
    }
    return { kind: q.kind, value: outcome } as Outcome;
  }

  async #record(questionId: string): Promise<QuestionRecord> {
    const record = await this.store.getQuestion(questionId);
    if (!record)
      throw new LedgerError('question_not_found', `question "${questionId}" not found: list questions with listQuestions()`, { details: { questionId } });
    return record;
  }

  async #recordResolution(input: ResolutionInput, option: ForecastsAfterOutcomeOption): Promise<StoredResolution> {
    const record = parseRecord(Resolution, option.allowForecastsAfterOutcome === true ? { ...input, allowForecastsAfterOutcome: true } : input, 'resolution');
    await this.#write([{ type: 'resolution.recorded', record }]);
    return (await this.#record(record.questionId)).resolution!;
  }

  /**
   * Resolves an open question with its outcome and evidence.
   *
   * @example
   * ```ts
   * await ledger.resolve('copper-2027', { outcome: 10120, resolvedOn: '2028-01-05', evidence: [{ description: 'LME 2027 average' }] });
   * ```
   * @remarks
   * `resolvedOn` is the day the outcome became known, in UTC. It may not be after the day the
   * resolution is recorded (`resolution_in_future`), nor before forecasts on the question (made after
   * the end of that day) unless `allowForecastsAfterOutcome` is set (`forecasts_after_outcome`).
   *
   * @returns the stored resolution
   * @throws LedgerError `question_not_found`, `kind_mismatch`, `unknown_option` (an option id, or a key
   *   of `input`), `already_resolved` (use {@link Ledger.correctResolution}), `evidence_required`,
   *   `source_not_found` (an `evidence[].sourceId` not in the ledger), `resolution_in_future`,
   *   `forecasts_after_outcome`, `validation_failed`
   */
  async resolve(questionId: string, input: ResolveInput): Promise<StoredResolution> {
    questionId = parseArg('ledger.resolve', 'questionId', IdArg, questionId);
    input = parseArg('ledger.resolve', 'input', ResolveArg, input) as ResolveInput;
    const outcome = await this.#outcome(questionId, input.outcome);
    return this.#recordResolution({ questionId, status: 'resolved', outcome, resolvedOn: input.resolvedOn, evidence: input.evidence }, input);
  }

  /**
   * Annuls a question whose premise failed; annulled questions are never scored.
   * @throws LedgerError `question_not_found`, `reason_required`, `already_resolved`, `source_not_found`,
   *   `resolution_in_future`, `forecasts_after_outcome`, `validation_failed`, `unknown_option`
   */
  async annul(questionId: string, input: AnnulInput): Promise<StoredResolution> {
    questionId = parseArg('ledger.annul', 'questionId', IdArg, questionId);
    input = parseArg('ledger.annul', 'input', AnnulArg, input) as AnnulInput;
    return this.#recordResolution(
      { questionId, status: 'annulled', reason: input.reason, resolvedOn: input.resolvedOn ?? this.#today(), evidence: input.evidence ?? [] },
      input,
    );
  }

  /**
   * Marks a question as one the evidence cannot settle; ambiguous questions are never scored.
   * @throws LedgerError `question_not_found`, `reason_required`, `already_resolved`, `source_not_found`,
   *   `resolution_in_future`, `forecasts_after_outcome`, `validation_failed`, `unknown_option`
   */
  async markAmbiguous(questionId: string, input: AnnulInput): Promise<StoredResolution> {
    questionId = parseArg('ledger.markAmbiguous', 'questionId', IdArg, questionId);
    input = parseArg('ledger.markAmbiguous', 'input', AnnulArg, input) as AnnulInput;
    return this.#recordResolution(
      { questionId, status: 'ambiguous', reason: input.reason, resolvedOn: input.resolvedOn ?? this.#today(), evidence: input.evidence ?? [] },
      input,
    );
  }

  /**
   * Corrects a question's current resolution. The earlier resolution stays in the history,
   * superseded; the correction must say why.
   *
   * @throws LedgerError `question_not_found`, `not_resolved`, `reason_required`, `kind_mismatch`, `evidence_required`,
   *   `source_not_found`, `resolution_in_future`, `forecasts_after_outcome`, `validation_failed`, `unknown_option`
   */
  async correctResolution(questionId: string, input: CorrectionInput): Promise<StoredResolution> {
    questionId = parseArg('ledger.correctResolution', 'questionId', IdArg, questionId);
    input = parseArg('ledger.correctResolution', 'input', CorrectionArg, input) as CorrectionInput;
    const status = input.status ?? 'resolved';
    const outcome = input.outcome === undefined ? undefined : await this.#outcome(questionId, input.outcome);
    return this.#recordResolution(
      {
        questionId,
        status,
        ...(outcome ? { outcome } : {}),
        resolvedOn: input.resolvedOn,
        evidence: input.evidence ?? [],
        ...(status === 'resolved' ? {} : { reason: input.reason }),
        correction: { reason: input.reason },
      },
      input,
    );
  }

  /** Applies one question-life change and returns its record with the time it was recorded. */
  async #recordUpdate<R extends { recordedAt?: string }>(change: Change & { record: R }): Promise<R> {
    const { lastSeq } = await this.store.apply([change]);
    const [event] = await this.store.events({ afterSeq: lastSeq - 1, limit: 1 });
    return { ...change.record, recordedAt: event!.recordedAt };
  }

  /**
   * Appends fine print to a question without changing its meaning: how an edge case is read, which
   * release of a data series counts.
   *
   * @remarks
   * Recorded as a `question.clarified` event; the question's wording and revision stay as they are,
   * so forecasts already made keep standing. A change of meaning is an amendment
   * ({@link Ledger.amendQuestion}). Allowed at any time, also after the question is resolved.
   *
   * @param questionId - the question
   * @param input - `text`: the fine print
   * @returns the clarification, with `recordedAt`
   * @throws LedgerError `question_not_found`; LedgerValidationError `validation_failed` (empty text), `unknown_option`
   *
   * @example
   * ```ts
   * await ledger.clarifyQuestion('copper-2027', { text: 'The LME cash settlement price counts, not the 3-month price.' });
   * ```
   */
  async clarifyQuestion(questionId: string, input: { text: string }): Promise<QuestionClarification> {
    questionId = parseArg('ledger.clarifyQuestion', 'questionId', IdArg, questionId);
    const record = parseRecord(QuestionClarification, { ...parseArg('ledger.clarifyQuestion', 'input', ClarifyArg, input), questionId }, 'clarification');
    return this.#recordUpdate({ type: 'question.clarified', record });
  }

  /**
   * Changes a question's title, statement, resolution criteria or due date, with the reason.
   *
   * @remarks
   * Recorded as a `question.amended` event; the question as first added stays in the history. Each
   * amendment starts a new revision (`getQuestion(id).revision`), and every forecast keeps the
   * revision it was made against (`forecastRevisions`: the amendments recorded at or before its
   * `madeAt`). The reason is always required, since forecasters may have answered the earlier wording.
   * Refused once the question's resolution is recorded (correct the resolution instead).
   *
   * A new due date (`changes.resolveOn`) moves the question's close: from then on the rules
   * (`forecast_after_due` for a new forecast), the due lists (`listQuestions({ dueBefore })`, `due`)
   * and scoring (the close of time-weighting) follow it, and `verify()` checks the stored due date
   * against the latest amendment of it. It is refused with `forecast_after_due` when a forecast on
   * the question was made after the end of the new date (no forecast the ledger accepted is left out
   * of a score by an amendment).
   *
   * @param questionId - the question
   * @param changes - at least one of `title`, `statement`, `criteria`, `resolveOn`
   * @param options - `reason`: why the question changes
   * @returns the amendment, with `recordedAt`
   * @throws LedgerError `question_not_found`, `already_resolved`, `forecast_after_due` (a due date before
   *   a forecast on the question); LedgerValidationError `reason_required`, `validation_failed` (no change
   *   given, or every field given already as the current revision has it; an empty text, a date not in the calendar), `unknown_option`
   *
   * @example
   * ```ts
   * await ledger.amendQuestion('copper-2027', { criteria: 'LME cash settlement, annual average of daily prices' },
   *   { reason: 'the monthly series was discontinued' });
   * (await ledger.getQuestion('copper-2027')).revision; //=> 1
   * ```
   */
  async amendQuestion(questionId: string, changes: QuestionChanges, options: { reason: string }): Promise<QuestionAmendment> {
    questionId = parseArg('ledger.amendQuestion', 'questionId', IdArg, questionId);
    changes = parseArg('ledger.amendQuestion', 'changes', ChangesArg, changes);
    const { reason } = parseArg('ledger.amendQuestion', 'options', ReasonArg, options);
    const record = parseRecord(QuestionAmendment, { questionId, changes, reason }, 'amendment');
    await this.#refuseNoChange(questionId, record.changes);
    return this.#recordUpdate({ type: 'question.amended', record });
  }

  /**
   * Refuses an amendment whose every field already holds its value in the question's current revision: it would
   * start a revision identical to the last, and split the forecasts between the two for nothing. An import replays
   * amendments as recorded, so only this call checks it.
   */
  async #refuseNoChange(questionId: string, changes: QuestionChanges): Promise<void> {
    const { current, life } = await this.#revision(questionId);
    const { amendments } = life;
    const now: Required<QuestionChanges> = {
      title: current.title,
      statement: current.statement,
      criteria: current.resolution.criteria,
      resolveOn: current.resolution.resolveOn,
    };
    const given = Object.entries(changes).filter(([, value]) => value !== undefined) as [keyof QuestionChanges, string][];
    if (given.some(([field, value]) => now[field] !== value)) return;
    throw new LedgerValidationError(
      'validation_failed',
      'invalid amendment',
      given.map(([field, value]) => ({
        recordId: questionId,
        path: `changes.${field}`,
        message: `expected a change, received ${JSON.stringify(value)}, which revision ${amendments.length} of "${questionId}" already has`,
        code: 'validation_failed',
      })),
    );
  }

  /**
   * Adds a comment to a question: reasoning, a link, news. Nothing scored changes.
   *
   * @param questionId - the question
   * @param input - `author` (a forecaster id or any name) and `text`
   * @returns the comment, with `recordedAt`
   * @throws LedgerError `question_not_found`; LedgerValidationError `validation_failed` (empty author or text), `unknown_option`
   *
   * @example
   * ```ts
   * await ledger.addComment('copper-2027', { author: 'alice', text: 'Chile output fell 5% in Q1.' });
   * ```
   */
  async addComment(questionId: string, input: { author: string; text: string }): Promise<QuestionComment> {
    questionId = parseArg('ledger.addComment', 'questionId', IdArg, questionId);
    const record = parseRecord(QuestionComment, { ...parseArg('ledger.addComment', 'input', CommentArg, input), questionId }, 'comment');
    return this.#recordUpdate({ type: 'comment.added', record });
  }

  /**
   * Withdraws a forecast, with the reason: it stays in the history and stops counting in scores from
   * then on, as on Metaculus.
   *
   * @remarks
   * Recorded as a `forecast.withdrawn` event. The forecast stops counting at the withdrawal's
   * `recordedAt` and the time before still counts, as Metaculus scores a withdrawn prediction: in
   * time-weighted scores it stands from its `madeAt` until the withdrawal, and then nothing of the
   * forecaster stands until their next forecast (an earlier forecast does not stand again). See
   * `docs/scoring.md`, "Withdrawn forecasts". A forecast is withdrawn once, and only while its
   * question is open (a withdrawal after the outcome is known would let a forecaster drop a miss).
   *
   * @param forecastId - the forecast
   * @param input - `reason`: why it is withdrawn
   * @returns the withdrawal, with `recordedAt`
   * @throws LedgerError `forecast_not_found`, `already_withdrawn`, `already_resolved`;
   *   LedgerValidationError `reason_required`, `unknown_option`
   *
   * @example
   * ```ts
   * await ledger.withdrawForecast('f-alice-copper', { reason: 'entered on the wrong question' });
   * ```
   */
  async withdrawForecast(forecastId: string, input: { reason: string }): Promise<ForecastWithdrawal> {
    forecastId = parseArg('ledger.withdrawForecast', 'forecastId', IdArg, forecastId);
    const record = parseRecord(ForecastWithdrawal, { ...parseArg('ledger.withdrawForecast', 'input', ReasonArg, input), forecastId }, 'withdrawal');
    return this.#recordUpdate({ type: 'forecast.withdrawn', record });
  }

  /**
   * A question with its forecasts and full resolution history.
   * @throws LedgerError `question_not_found`
   */
  async getQuestion(questionId: string): Promise<QuestionDetails> {
    questionId = parseArg('ledger.getQuestion', 'questionId', IdArg, questionId);
    const [{ record, current, life }, forecasts, resolutions] = await Promise.all([
      this.#revision(questionId),
      this.store.listForecasts({ questionId }),
      this.store.listResolutions({ questionId }),
    ]);
    const forecastRevisions = Object.fromEntries(forecasts.map((f) => [f.id, revisionAt(life.amendments, f.madeAt)]));
    return { ...record, forecasts, resolutions, current, revision: life.amendments.length, forecastRevisions, ...life };
  }

  /** A question's record, its question-life events by kind, and the question as its amendments left it. */
  async #revision(questionId: string): Promise<{ record: QuestionRecord; life: ReturnType<typeof splitUpdates>; current: Question }> {
    const [record, updates] = await Promise.all([this.#record(questionId), this.store.listUpdates({ questionId })]);
    const life = splitUpdates(updates);
    return { record, life, current: amendedQuestion(record.question, life.amendments) };
  }

  /**
   * Questions matching every given filter, ordered by due date then id, each in its current revision.
   *
   * @remarks
   * Each `question` is the question as its amendments left it ({@link Ledger.amendQuestion}): its
   * current title, statement and criteria, what every list, table, calendar and page shows. The
   * question as first added is `getQuestion(id).question` (and what {@link Ledger.exportData} writes,
   * with the amendments under `updates`).
   *
   * @throws LedgerError `validation_failed` for a filter value of the wrong type, `unknown_option` for an unknown filter
   */
  async listQuestions(filter: QuestionFilter = {}): Promise<QuestionRecord[]> {
    const checked = parseArg('ledger.listQuestions', 'filter', QuestionFilterArg, filter) ?? {};
    // One snapshot: the questions and the amendments they are shown with.
    const [records, updates] = await this.store.read((r) => Promise.all([r.listQuestions(checked), r.listUpdates()]));
    return currentRecords(records, amendmentsByQuestion(updates));
  }

  /**
   * Question-life events — clarifications, amendments, comments and withdrawn forecasts — in recorded
   * order, each record with its `recordedAt`; optionally only those about one question.
   *
   * @param filter - `questionId`: only the events about this question (a withdrawal is about the
   *   question of the forecast withdrawn)
   * @returns the events, as {@link Ledger.exportData} lists them under `updates`
   * @throws LedgerError `validation_failed` for a filter value of the wrong type, `unknown_option` for an unknown filter
   *
   * @example
   * ```ts
   * await ledger.clarifyQuestion('copper-2027', { text: 'The LME cash settlement price counts.' });
   * (await ledger.listUpdates({ questionId: 'copper-2027' })).map((u) => u.type); //=> ['question.clarified']
   * ```
   */
  async listUpdates(filter: { questionId?: string } = {}): Promise<QuestionUpdate[]> {
    return this.store.listUpdates(parseArg('ledger.listUpdates', 'filter', UpdateFilterArg, filter) ?? {});
  }

  /** Forecasts, optionally of one question or forecaster, in recorded order. */
  async listForecasts(filter: ForecastFilter = {}): Promise<StoredForecast[]> {
    return this.store.listForecasts(parseArg('ledger.listForecasts', 'filter', ForecastFilterArg, filter) ?? {});
  }

  /** Every forecaster, in recorded order. */
  async listForecasters(): Promise<Forecaster[]> {
    return this.store.listForecasters();
  }

  /**
   * One forecaster.
   * @throws LedgerError `forecaster_not_found`
   */
  async getForecaster(id: string): Promise<Forecaster> {
    id = parseArg('ledger.getForecaster', 'id', IdArg, id);
    const f = await this.store.getForecaster(id);
    if (!f)
      throw new LedgerError('forecaster_not_found', `forecaster "${id}" not found: list forecasters with listForecasters()`, { details: { forecasterId: id } });
    return f;
  }

  /** Every source, in recorded order. */
  async listSources(): Promise<Source[]> {
    return this.store.listSources();
  }

  /** Resolutions in recorded order; `currentOnly` keeps each question's latest. */
  async listResolutions(filter: { questionId?: string; currentOnly?: boolean } = {}): Promise<StoredResolution[]> {
    return this.store.listResolutions(parseArg('ledger.listResolutions', 'filter', ResolutionFilterArg, filter) ?? {});
  }

  /** Counts of current records. */
  async counts(): Promise<RecordCounts> {
    return this.store.counts();
  }

  /**
   * Every event about a question — the question, its forecasts, its resolutions — in order, with hashes.
   * @throws LedgerError `question_not_found`
   */
  async history(questionId: string): Promise<LedgerEvent[]> {
    questionId = parseArg('ledger.history', 'questionId', IdArg, questionId);
    await this.#record(questionId);
    return this.store.history(questionId);
  }

  /**
   * The whole ledger as data, in the format {@link Ledger.importPredictions} accepts.
   *
   * @remarks
   * Importing the export into an empty ledger gives the same state: same records, same
   * resolutions (with their original `recordedAt`), in the same order.
   */
  async exportData(): Promise<LedgerSnapshot> {
    // One snapshot: a write landing between two of these reads would export a forecast without its question.
    const [sources, forecasters, questions, forecasts, resolutions, updates] = await this.store.read((r) =>
      Promise.all([r.listSources(), r.listForecasters(), r.listQuestions({ order: 'recorded' }), r.listForecasts(), r.listResolutions(), r.listUpdates()]),
    );
    return {
      formatVersion: FORMAT_VERSION,
      sources,
      forecasters,
      questions: questions.map((q) => q.question),
      forecasts,
      resolutions: resolutions.map(({ seq: _seq, supersedes: _supersedes, ...r }) => r),
      ...(updates.length ? { updates } : {}),
    };
  }

  /**
   * Imports prediction files (a file, or every `*.json` in a folder) or data, all or nothing.
   *
   * @remarks
   * Every problem in every file is reported, each naming its file, record id and field path; if
   * there is any, nothing is written. Records already in the ledger with identical content are
   * skipped, so importing the same files twice changes nothing.
   *
   * @param pathOrData - a path, or prediction-file / snapshot data (or an array of them)
   * @returns what was added and what was already there
   * @throws LedgerValidationError `import_failed` (several problems, listed in `issues`) or the one problem's own code;
   *   `validation_failed` for an empty path, a path with NUL, or data that is not an object or throws when read
   */
  async importPredictions(pathOrData: string | ImportData): Promise<ImportReport> {
    let inputs: PredictionInput[];
    const issues: ValidationIssue[] = [];
    if (typeof pathOrData === 'string') {
      const read = readPredictionFiles(parseArg('ledger.importPredictions', 'path', PathArg, pathOrData));
      inputs = read.inputs;
      pushAll(issues, read.issues);
    } else {
      inputs = readingArg('ledger.importPredictions', 'data', () => importInputs(pathOrData));
    }
    // Planning reads the data (zod copies every record it accepts): a value that throws when read is refused here.
    const plan = readingArg('ledger.importPredictions', 'data', () => planImport(inputs));
    pushAll(issues, plan.issues);
    if (issues.length) {
      // Check the valid records against the ledger too, so one run reports every problem.
      pushAll(issues, (await this.store.apply(plan.changes, { dryRun: true, invalidIds: plan.invalidIds })).issues ?? []);
      throw new LedgerValidationError(issues.length === 1 ? issues[0]!.code : 'import_failed', 'import failed, nothing was written', issues);
    }
    const result = await this.store.apply(plan.changes);
    return { ...result, files: inputs.flatMap((i) => (i.file ? [i.file] : [])) };
  }

  /**
   * Recomputes the hash chain and checks every derived table, the schema and the database file.
   *
   * @remarks
   * Detects any event edited, removed, reordered or inserted (even numbered below 1), any row of a
   * derived table inserted, edited or deleted outside the library, any table, index or trigger
   * dropped, added or changed, and damage SQLite's `PRAGMA integrity_check` finds. What a hash
   * chain cannot show on its own: someone who rewrites an event and recomputes every hash after it,
   * or removes the newest events with everything derived from them, leaves a chain that checks
   * out. Keep `report.anchor` (`"<seq>:<hash>"`) somewhere the ledger's owner cannot rewrite and pass
   * it back as `expectedHead`: the ledger must still hold that event, unchanged. Events appended
   * after the anchor are new history, not tampering, and an anchor cannot vouch for them.
   *
   * @param options - `expectedHead`: an anchor recorded earlier; `quick`: SQLite's quick_check
   *   instead of the full integrity_check
   * @returns the report: `ok`, the number of events, the head and its anchor, every problem
   * @throws LedgerError `invalid_anchor` (an `expectedHead` that is not an anchor: a bare hash, `{}`,
   *   an array…), `validation_failed` (another bad option), `ledger_closed`
   *
   * @example
   * ```ts
   * const { anchor } = await ledger.verify(); // e.g. '171:9f2c…'
   * (await ledger.verify({ expectedHead: anchor })).ok; //=> true
   * ```
   */
  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    return this.store.verify((parseArg('ledger.verify', 'options', VerifyOptionsArg, options) ?? {}) as VerifyOptions);
  }

  /**
   * Writes a consistent, verified copy of the ledger to a new file (SQLite's online backup).
   *
   * @remarks
   * Safe while other processes write: the copy is one snapshot. It is verified before it gets its
   * name, and an existing file is never replaced unless `options.overwrite`. Do not copy the
   * `.sqlite` file by hand: in WAL mode the newest commits are in the `-wal` file beside it.
   *
   * @param path - the file to write
   * @param options - `overwrite`: replace an existing file
   * @returns the file written, the copy's anchor and its number of events
   * @throws LedgerError `file_exists`, `validation_failed`, `storage_error` (also: the store cannot make backups), `ledger_closed`
   *
   * @example
   * ```ts
   * const { anchor } = await ledger.backup('backups/ledger-2026-01-01.sqlite');
   * ```
   */
  async backup(path: string, options?: BackupOptions): Promise<BackupReport> {
    path = parseArg('ledger.backup', 'path', PathArg, path);
    options = parseArg('ledger.backup', 'options', BackupOptionsArg, options);
    if (!this.store.capabilities.fileBackup || !this.store.backup) {
      throw new LedgerError(
        'storage_error',
        `backup: a ${this.store.capabilities.backend} ledger cannot be copied to a file: use exportData() instead (or the database's own backup tool)`,
      );
    }
    return this.store.backup(path, options);
  }

  /**
   * A forecaster's scorecard: counts, hit rate, Brier and log scores, numeric and date errors, plans
   * and goals, relative scores, the next claims to come due and every prediction with its score.
   *
   * @remarks
   * With no options but `upcomingLimit`, reads the scores the ledger keeps (issue 11: every resolved
   * question is scored for everyone on it when its resolution, or a forecast on it, changes): the
   * forecaster's questions, own forecasts, those questions' updates and stored rows (four reads on SQLite);
   * only pending, overdue and upcoming depend on today. The result is identical to computing it. Otherwise, or on a store that keeps no scores,
   * reads only the forecaster's part of the ledger ({@link loadScoringData} with `forecaster`: their
   * questions and every forecast on them) and computes with the pure
   * `buildScorecard` (forecast-ledger/scoring); see `docs/scoring.md` for every rule. `options.asOf` (as things stood
   * at the end of that day) defaults to `options.recordedBy`, else today on the ledger's clock; `options.recordedBy`
   * gives the scorecard as the ledger knew it at the end of that day, by the event chain's recording times.
   *
   * @example
   * ```ts
   * // On the seed dataset (`forecast-ledger import predictions/`):
   * const card = await ledger.scorecard('goldman-sachs', { asOf: '2026-01-01' });
   * card.counts.made; //=> 5
   * ```
   * @throws LedgerError `forecaster_not_found`; `validation_failed` for an option out of range or an
   *   `asOf` that is not a calendar date; `unknown_option` for an unknown option
   */
  async scorecard(forecasterId: string, options: ScorecardOptions = {}): Promise<Scorecard> {
    forecasterId = parseArg('ledger.scorecard', 'forecasterId', IdArg, forecasterId);
    options = (parseArg('ledger.scorecard', 'options', ScorecardOptionsArg, options) ?? {}) as ScorecardOptions;
    const forecaster = await this.getForecaster(forecasterId);
    // Only this forecaster's part of the ledger: the scorecard reads nothing else.
    // An aggregate has no forecasts of its own: it reads its members' on every question.
    const { recordedBy, ...rest } = options;
    if (!forecaster.aggregate && this.store.capabilities.storedScores && readsStoredScores(options)) {
      const stored = await this.store.read((r) => this.#storedScorecard(r, forecaster, options));
      if (stored) return stored;
    }
    const data = await this.store.read(async (r) => this.#knownBy(r, await loadScoringData(r, forecaster.aggregate ? {} : { forecaster }), recordedBy));
    return buildScorecard(data, forecasterId, { ...rest, asOf: options.asOf ?? recordedBy ?? this.#today() });
  }

  /**
   * Forecasters ranked by the Wilson lower bound of their hit rate over every resolved claim, then mean
   * Brier score, among those with at least `options.minResolved` (default 1) resolved forecasts;
   * computed by the pure `buildLeaderboard` (forecast-ledger/scoring).
   *
   * @remarks
   * With no options but `minResolved`, reads the per-forecaster totals the ledger keeps (issue 11),
   * identical to computing them; while nothing is recorded (the store's head is unchanged, checked with one
   * index probe at each call, whichever process writes) the figures of the last call are ranked again without
   * reading or parsing anything else. Otherwise, without `asOf` or `recordedBy`, reads only what the ranking uses ({@link loadScoringData} with
   * `resolvedOnly`: every forecaster, the resolved questions and the forecasts on them), so its cost
   * grows with the resolved part of the ledger; the result is the same as `buildLeaderboard` over the
   * whole ledger. `asOf` ranks as things stood at the end of that day (a question open or annulled now
   * may have stood resolved then, so every question is read); `recordedBy` as the ledger knew it then,
   * by the recording times of the event chain (see `docs/scoring.md`, "Point in time").
   *
   * @example
   * ```ts
   * (await ledger.leaderboard()).entries[0]?.rank; //=> 1
   * ```
   * @throws LedgerError `validation_failed` for an option out of range or an `asOf` that is not a
   *   calendar date; `unknown_option` for an unknown option
   */
  async leaderboard(options: LeaderboardOptions = {}): Promise<Leaderboard> {
    options = (parseArg('ledger.leaderboard', 'options', LeaderboardOptionsArg, options) ?? {}) as LeaderboardOptions;
    const { recordedBy, ...rest } = options;
    if (this.store.capabilities.storedScores && readsStoredScores(options)) {
      const stored = await this.store.read((r) => this.#storedLeaderboard(r, options));
      if (stored) return stored;
    }
    // Point in time: a question open or annulled now may have stood resolved then, so read every question.
    const resolvedOnly = options.asOf === undefined && recordedBy === undefined;
    const data = await this.store.read(async (r) => this.#knownBy(r, await loadScoringData(r, { resolvedOnly }), recordedBy));
    return buildLeaderboard(data, { ...rest, asOf: options.asOf ?? recordedBy ?? this.#today() });
  }

  /**
   * The stored leaderboard's rows before ranking, and the totals they were made from: while the store
   * hands back the very same totals object, the ledger is unchanged (see {@link StoredScoreTotals}),
   * so neither the totals nor the forecaster list are read or parsed again.
   */
  #storedBoard: { from: StoredScoreTotals; rows: readonly LeaderboardRow[] } | undefined;

  /** The leaderboard from the stored scores, when the store keeps them and they stand today. */
  async #storedLeaderboard(reader: LedgerReader, options: LeaderboardOptions): Promise<Leaderboard | undefined> {
    const stored = await reader.storedScoreTotals?.();
    const asOf = this.#today();
    if (!stored || (stored.latestResolvedOn !== undefined && stored.latestResolvedOn > asOf)) return undefined;
    const minResolved = integerOption('buildLeaderboard', 'options.minResolved', options.minResolved ?? 1, 0);
    if (this.#storedBoard?.from !== stored) {
      const totals = new Map(stored.totals.map((row) => [row.forecasterId, fromTotalsRow(row)]));
      this.#storedBoard = { from: stored, rows: leaderboardRows(await reader.listForecasters(), totals) };
    }
    return storedLeaderboard(this.#storedBoard.rows, { asOf, minResolved });
  }

  /** The scorecard from the stored scores, when the store keeps them and they stand today. */
  async #storedScorecard(reader: LedgerReader, forecaster: Forecaster, options: ScorecardOptions): Promise<Scorecard | undefined> {
    const parts = await this.#storedScorecardParts(reader, forecaster.id);
    if (!parts) return undefined;
    const asOf = this.#today();
    const upcomingLimit = integerOption('buildScorecard', 'options.upcomingLimit', options.upcomingLimit ?? 10, 0);
    if (!resolutionsStandOn(parts.questions, asOf)) return undefined;
    // The questions' amendments and withdrawals, as loadScoringData reads them: current revisions, withdrawn forecasts counting until then.
    const { forecasts } = withUpdates({ forecasters: [forecaster], questions: parts.questions, forecasts: parts.forecasts }, parts.updates);
    const questions = currentRecords(parts.questions, amendmentsByQuestion(parts.updates));
    return storedScorecard({ forecaster, questions, forecasts, scores: scorecardScoresOf(parts.rows) }, { asOf, upcomingLimit });
  }

  /** One forecaster's part of the ledger for a stored scorecard: in one call where the store offers it, else composed of the list reads. */
  async #storedScorecardParts(reader: LedgerReader, forecasterId: string): Promise<StoredScorecardParts | undefined> {
    if (reader.storedScorecardParts) return reader.storedScorecardParts(forecasterId);
    const rows = await reader.storedQuestionScores?.(forecasterId);
    if (!rows) return undefined;
    const [questions, forecasts] = await Promise.all([
      reader.listQuestions({ forecaster: forecasterId, order: 'recorded' }),
      reader.listForecasts({ forecasterId }),
    ]);
    const updates = (await Promise.all(questions.map((r) => reader.listUpdates({ questionId: r.question.id })))).flat();
    return { rows, questions, forecasts, updates };
  }

  /** The data as the ledger knew it at the end of `recordedBy` (by the event chain's recording times), or as is; read through `reader`. */
  async #knownBy(reader: LedgerReader, data: ScoringData, recordedBy: string | undefined): Promise<ScoringData> {
    if (recordedBy === undefined) return data;
    const day = asOfDate('ledger.scorecard', recordedBy, 'options.recordedBy');
    const resolutions = await reader.listResolutions();
    return knownBy({ ...data, resolutions }, await reader.events(), day);
  }

  /** Closes the ledger; later calls fail with `ledger_closed`. */
  async close(): Promise<void> {
    return this.store.close();
  }
}

/**
 * Whether scorecard or leaderboard options ask for the scores the ledger keeps: today, every
 * question, the default scoring options (`minResolved` and `upcomingLimit` change no score).
 */
function readsStoredScores(options: LeaderboardOptions | ScorecardOptions): boolean {
  return Object.entries(options).every(([key, value]) => value === undefined || key === 'minResolved' || key === 'upcomingLimit');
}

/**
 * Opens a ledger, creating and migrating the database when needed.
 *
 * @param target - a path to a SQLite file (created if missing), `':memory:'`, `{ database }` (an open
 *   better-sqlite3 database) or `{ store }` (any {@link LedgerStore})
 * @param options - SQLite options: migration, clock, durability
 * @returns the ledger
 * @throws LedgerError `validation_failed` for a target or option of the wrong type (`null`, an empty
 *   path, a path with NUL, a `durability` other than `full` or `normal`), `unknown_option` for an
 *   unknown option, `storage_error`, or a migration code (`migration_checksum_mismatch`, …)
 *
 * @example
 * ```ts
 * const ledger = await openLedger(':memory:');
 * await ledger.importPredictions('predictions/');
 * (await ledger.verify()).ok; //=> true
 * ```
 */
export async function openLedger(target: LedgerTarget, options: OpenLedgerOptions = {}): Promise<Ledger> {
  target =
    typeof target === 'string'
      ? parseArg('openLedger', 'target', PathArg, target)
      : (parseArg('openLedger', 'target', TargetObjectArg, target) as LedgerTarget);
  options = parseArg('openLedger', 'options', StoreOptionsArg, options) ?? {};
  if (typeof target === 'object' && 'store' in target) return new Ledger(target.store, options.now);
  const backendTarget = typeof target === 'string' ? target : target.database;
  const store = await backendFor(backendTarget).open(backendTarget, options);
  return new Ledger(store, options.now);
}
