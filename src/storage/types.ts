import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Question, QuestionKind, Stance } from '../model/question.js';
import type { Resolution, ResolutionStatus } from '../model/resolution.js';
import type { Source } from '../model/source.js';
import type { ValidationIssue } from '../errors.js';

/** The types of event in the history, as an `as const` tuple. */
export const EVENT_TYPES = ['source.added', 'forecaster.added', 'question.added', 'forecast.added', 'resolution.recorded'] as const;
/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** Where a change came from, for error messages: a file and a field path inside it. */
export interface ChangeOrigin {
  /** The file, when the change was read from one. */
  file?: string;
  /** The path of the record inside its input, e.g. `questions[3]`. */
  path: string;
}

/** One domain change, as the store receives it (already validated against the schemas). */
export type Change =
  | { type: 'source.added'; record: Source; origin?: ChangeOrigin }
  | { type: 'forecaster.added'; record: Forecaster; origin?: ChangeOrigin }
  | { type: 'question.added'; record: Question; origin?: ChangeOrigin }
  | { type: 'forecast.added'; record: StoredForecast; origin?: ChangeOrigin }
  | { type: 'resolution.recorded'; record: Resolution; origin?: ChangeOrigin };

/** Counts per kind of record. */
export interface RecordCounts {
  sources: number;
  forecasters: number;
  questions: number;
  forecasts: number;
  resolutions: number;
}

/** What applying a batch of changes did. */
export interface ApplyResult {
  /** Records written, by kind. */
  added: RecordCounts;
  /** Records already present with identical content, skipped (so re-imports are no-ops). */
  unchanged: RecordCounts;
  /** The hash of the last event after the batch. */
  head: string;
  /** The sequence number of the last event after the batch (0 for an empty ledger). */
  lastSeq: number;
  /** With `dryRun`: every problem found (nothing was written either way). */
  issues?: ValidationIssue[];
}

/** Options for {@link LedgerStore.apply}. */
export interface ApplyOptions {
  /**
   * Check every change against the ledger inside a transaction, then roll it back: nothing is
   * written, and every problem is returned in `issues` instead of thrown.
   */
  dryRun?: boolean;
  /** Ids of records rejected before the store saw them: changes that refer to them are not reported again. */
  invalidIds?: ReadonlySet<string>;
}

/** One event of the append-only history. */
export interface LedgerEvent {
  /** Position in the history, from 1, without gaps. */
  seq: number;
  /** What happened. */
  type: EventType;
  /** The record's id (the question id for resolutions). */
  entityId: string;
  /** When the ledger recorded it (ISO-8601 instant). */
  recordedAt: string;
  /** The record as stored (parsed from its canonical JSON). */
  payload: unknown;
  /** The hash of the previous event (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over `prevHash` and this event's fields. */
  hash: string;
}

/** A question's lifecycle state: `open` until it has a resolution. */
export type QuestionStatus = 'open' | ResolutionStatus;

/** A resolution as stored: the record plus its place in the history. */
export type StoredResolution = Resolution & {
  /** The event that recorded it. */
  seq: number;
  /** When it was recorded. */
  recordedAt: string;
  /** The event of the resolution this one corrects, if it is a correction. */
  supersedes?: number;
};

/** A question with its current state. */
export interface QuestionRecord {
  question: Question;
  status: QuestionStatus;
  /** The current resolution (the latest, after any corrections). */
  resolution?: StoredResolution;
}

/** Filters for listing questions; all given filters must match. */
export interface QuestionFilter {
  /** One status or several. */
  status?: QuestionStatus | readonly QuestionStatus[];
  /** Only questions due strictly before this ISO date. */
  dueBefore?: string;
  /** Only questions due on or after this ISO date. */
  dueAfter?: string;
  /** Only questions this forecaster has forecast. */
  forecaster?: string;
  /** Only questions with this tag. */
  tag?: string;
  /** Only questions of this kind. */
  kind?: QuestionKind;
  /** Only questions with this stance. */
  stance?: Stance;
  /** `due` (default): by due date, then id; `recorded`: in the order they were added. */
  order?: 'due' | 'recorded';
}

/** Filters for listing forecasts; all given filters must match. */
export interface ForecastFilter {
  /** Only forecasts on this question. */
  questionId?: string;
  /** Only forecasts by this forecaster. */
  forecasterId?: string;
  /**
   * Only forecasts on questions whose current status is this one, e.g. `resolved`: what a
   * leaderboard reads, without the forecasts on open, annulled or ambiguous questions.
   */
  questionStatus?: QuestionStatus;
}

/** One problem `verify()` found. */
export interface VerifyProblem {
  /** The table at fault. */
  table: string;
  /** The first event involved, when there is one. */
  seq?: number;
  /** What is wrong. */
  message: string;
}

/** The result of {@link LedgerStore.verify}. */
export interface VerifyReport {
  /** True when the chain and every derived table check out. */
  ok: boolean;
  /** Events checked. */
  events: number;
  /** The hash of the last event (64 zeros for an empty ledger); keep it elsewhere to detect truncation. */
  head: string;
  /** The first event whose hash or link does not check out, if any. */
  firstBrokenSeq?: number;
  /** Every problem found. */
  problems: VerifyProblem[];
}

/** Options for {@link LedgerStore.verify}. */
export interface VerifyOptions {
  /** A head hash recorded earlier; if given, the ledger must still contain that event at its position. */
  expectedHead?: { seq: number; hash: string };
}

/** Applied migration, as reported by `migrate()`. */
export interface MigrationInfo {
  version: number;
  name: string;
  checksum: string;
}

/** What `migrate()` did. */
export interface MigrationReport {
  /** Migrations applied by this call. */
  applied: MigrationInfo[];
  /** The schema version after the call. */
  version: number;
}

export type { Forecaster, Question, Source, StoredForecast };
