import type { StoredForecast } from '../model/forecast.js';
import type { Forecaster } from '../model/forecaster.js';
import type { Question, QuestionKind, Stance } from '../model/question.js';
import type { Source } from '../model/source.js';
import type { QuestionStatus } from '../model/question-record.js';
import type { RecordCounts } from '../model/record-counts.js';
import type { ValidationIssue } from '../errors.js';

// The domain record types live in the model; re-exported here, where the store's own types are.
export { EVENT_TYPES, type EventType, type LedgerEvent } from '../model/ledger-event.js';
export type { Change, ChangeOrigin } from '../model/change.js';
export type { QuestionRecord, QuestionStatus, StoredResolution } from '../model/question-record.js';
export type { RecordCounts } from '../model/record-counts.js';

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
  /** `false`: only forecasts that stand (not withdrawn), what scoring reads; `true`: only withdrawn ones. */
  withdrawn?: boolean;
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

/**
 * A point in the history: an event's sequence number and hash. Its one written form is the string
 * `"<seq>:<hash>"` (`report.anchor`); the empty history's anchor is `0:` followed by 64 zeros.
 */
export interface HeadAnchor {
  /** The event's position (0 for the empty history). */
  seq: number;
  /** The event's hash: 64 lower-case hex digits. */
  hash: string;
}

/** The result of {@link LedgerStore.verify}. */
export interface VerifyReport {
  /** True when the chain, every derived table, the schema and the database file check out. */
  ok: boolean;
  /** Events checked. */
  events: number;
  /** The hash of the last event (64 zeros for an empty ledger). */
  head: string;
  /**
   * The head as an anchor, `"<seq>:<hash>"`: keep it somewhere the ledger's owner cannot rewrite and
   * pass it back as `expectedHead` to detect events removed or rewritten up to it. The CLI prints the
   * same string and `verify --expect-head` takes it.
   */
  anchor: string;
  /** The first event whose hash or link does not check out, if any. */
  firstBrokenSeq?: number;
  /** Every problem found. */
  problems: VerifyProblem[];
}

/** Options for {@link LedgerStore.verify}; any other key is refused with `validation_failed`. */
export interface VerifyOptions {
  /**
   * An anchor recorded earlier (`report.anchor`, or `{ seq, hash }`): the ledger must still hold that
   * event, unchanged, at that position. Anything but a well-formed anchor is refused with
   * `invalid_anchor`, never ignored.
   */
  expectedHead?: string | HeadAnchor;
  /**
   * Run SQLite's `PRAGMA quick_check` instead of the full `PRAGMA integrity_check` (default
   * `false`): it checks every page and b-tree but not that each index matches its table, in
   * linear time. The chain, the derived tables and the schema are checked either way.
   */
  quick?: boolean;
}

/** Options for {@link LedgerStore.backup}. */
export interface BackupOptions {
  /** Replace the destination file if it exists (default `false`: refuse with `file_exists`). */
  overwrite?: boolean;
}

/** What {@link LedgerStore.backup} wrote. */
export interface BackupReport {
  /** The file written. */
  path: string;
  /** The copy's head as an anchor (`"<seq>:<hash>"`), as its own `verify()` reported it. */
  anchor: string;
  /** Events in the copy. */
  events: number;
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
