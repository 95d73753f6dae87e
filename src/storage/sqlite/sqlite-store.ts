import Database from 'better-sqlite3';
import { checkChange, changeEntityId, type StateReader } from '../../core/check-change.js';
import { LedgerError, LedgerValidationError, type ValidationIssue } from '../../errors.js';
import { GENESIS_HASH, eventHash } from '../../history/event-hash.js';
import type { StoredForecast } from '../../model/forecast.js';
import type { Forecaster } from '../../model/forecaster.js';
import type { Question } from '../../model/question.js';
import type { Resolution } from '../../model/resolution.js';
import type { Source } from '../../model/source.js';
import type { LedgerStore } from '../ledger-store.js';
import type {
  ApplyOptions,
  ApplyResult,
  Change,
  EventType,
  ForecastFilter,
  LedgerEvent,
  MigrationReport,
  QuestionFilter,
  QuestionRecord,
  QuestionStatus,
  RecordCounts,
  StoredResolution,
  VerifyOptions,
  VerifyProblem,
  VerifyReport,
} from '../types.js';
import { defaultMigrationsDir, migrate, readMigrations } from './migrations.js';
import { verifyProjections } from './verify-projections.js';

/** How hard SQLite works to keep a commit on disk, as an `as const` tuple. */
export const DURABILITY_LEVELS = ['full', 'normal'] as const;
/**
 * `full` (default): every commit is synced to disk before it returns (`synchronous = FULL`), so a
 * recorded resolution survives a power cut. `normal`: WAL's `synchronous = NORMAL`; the last commits
 * can be lost on power failure (never corrupted), for bulk work that can be redone.
 */
export type Durability = (typeof DURABILITY_LEVELS)[number];

/** Options for {@link SqliteStore.open}. */
export interface SqliteStoreOptions {
  /** Apply pending migrations on open (default `true`); with `false`, a database that needs them is refused. */
  migrate?: boolean;
  /** Where the `NNNN_name.sql` files are (default: the package's `migrations/sqlite`). */
  migrationsDir?: string;
  /** The clock used for `recordedAt` (default: `() => new Date()`). */
  now?: () => Date;
  /** See {@link Durability}; default `full`. */
  durability?: Durability;
}

const COUNT_KEY: Record<EventType, keyof RecordCounts> = {
  'source.added': 'sources',
  'forecaster.added': 'forecasters',
  'question.added': 'questions',
  'forecast.added': 'forecasts',
  'resolution.recorded': 'resolutions',
};

/** Thrown inside a transaction to roll it back; never escapes `apply`. */
const ROLLBACK = Symbol('rollback');

const zeroCounts = (): RecordCounts => ({ sources: 0, forecasters: 0, questions: 0, forecasts: 0, resolutions: 0 });

type EventRow = [seq: number, type: EventType, entityId: string, recordedAt: string, payload: string, prevHash: string, hash: string];

function toEvent(row: EventRow): LedgerEvent {
  const [seq, type, entityId, recordedAt, payload, prevHash, hash] = row;
  return { seq, type, entityId, recordedAt, payload: JSON.parse(payload) as unknown, prevHash, hash };
}

function toResolution(payload: string, seq: number, recordedAt: string, supersedes: number | null): StoredResolution {
  const r = JSON.parse(payload) as Resolution;
  return { ...r, seq, recordedAt, ...(supersedes === null ? {} : { supersedes }) };
}

/** The probability a forecast stands for, as stored in `forecasts.probability`. @internal */
export function effectiveProbability(f: StoredForecast): number | null {
  if (f.estimate.kind !== 'binary') return null;
  return f.estimate.probability ?? f.confidence?.impliedProbability ?? null;
}

/** The outcome as stored in `resolutions.outcome` (what SQLite's json_extract gives). @internal */
function outcomeColumn(r: Resolution): number | string | null {
  if (!r.outcome) return null;
  const v = r.outcome.value;
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/**
 * The embedded {@link LedgerStore}: one SQLite file (or `:memory:`) through better-sqlite3.
 *
 * @remarks
 * WAL journal, foreign keys on, STRICT tables with CHECK constraints, migrations from
 * `migrations/sqlite/`. better-sqlite3 is synchronous and its transactions cannot span an `await`,
 * so every method runs its whole transaction synchronously inside an async function.
 * Errors from the driver are wrapped as `LedgerError` with code `storage_error`.
 *
 * @example
 * ```ts
 * const store = SqliteStore.open(':memory:');
 * (await store.counts()).questions; //=> 0
 * ```
 */
export class SqliteStore implements LedgerStore {
  /**
   * The better-sqlite3 connection, for read-only SQL. Writing through it bypasses the history:
   * `verify()` will report any row changed that way.
   */
  readonly database: Database.Database;
  readonly #now: () => Date;
  readonly #migrationsDir: string;
  #closed = false;
  readonly #stmt: ReturnType<typeof prepareStatements>;

  private constructor(db: Database.Database, options: SqliteStoreOptions) {
    this.database = db;
    this.#now = options.now ?? (() => new Date());
    this.#migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
    db.pragma('foreign_keys = ON');
    if (!db.memory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${(options.durability ?? 'full').toUpperCase()}`);
    db.pragma('busy_timeout = 5000');
    migrate(db, readMigrations(this.#migrationsDir), this.#now, options.migrate ?? true);
    this.#stmt = prepareStatements(db);
  }

  /**
   * Opens (and by default migrates) a SQLite ledger.
   *
   * @param target - a file path, `':memory:'`, or an open better-sqlite3 `Database`
   * @param options - see {@link SqliteStoreOptions}
   * @returns the store
   * @throws LedgerError `storage_error` when the file cannot be opened; the migration codes of
   *   `migrate()` when the migrations do not check out
   */
  static open(target: string | Database.Database, options: SqliteStoreOptions = {}): SqliteStore {
    let db: Database.Database;
    try {
      db = typeof target === 'string' ? new Database(target) : target;
    } catch (cause) {
      throw new LedgerError('storage_error', `cannot open ledger database ${String(target)}: ${(cause as Error).message}`, { cause });
    }
    try {
      return new SqliteStore(db, options);
    } catch (error) {
      if (typeof target === 'string') db.close();
      if (error instanceof LedgerError) throw error;
      throw new LedgerError('storage_error', `cannot open ledger database ${String(target)}: ${(error as Error).message}`, { cause: error });
    }
  }

  /** Runs `fn`, translating driver errors; refuses calls after `close()`. */
  #run<T>(fn: () => T): Promise<T> {
    if (this.#closed) return Promise.reject(new LedgerError('ledger_closed', 'the ledger is closed: open it again with openLedger()'));
    try {
      return Promise.resolve(fn());
    } catch (error) {
      if (error instanceof LedgerError) return Promise.reject(error);
      return Promise.reject(new LedgerError('storage_error', `SQLite: ${(error as Error).message}`, { cause: error }));
    }
  }

  async migrate(): Promise<MigrationReport> {
    return this.#run(() => migrate(this.database, readMigrations(this.#migrationsDir), this.#now));
  }

  async apply(changes: readonly Change[], options: ApplyOptions = {}): Promise<ApplyResult> {
    return this.#run(() => {
      let outcome: { result: ApplyResult; issues: ValidationIssue[] };
      try {
        this.database
          .transaction(() => {
            outcome = this.#applyInTransaction(changes, options.invalidIds);
            if (outcome.issues.length || options.dryRun) throw ROLLBACK;
          })
          .immediate();
      } catch (error) {
        if (error !== ROLLBACK) throw error;
      }
      const { result, issues } = outcome!;
      if (options.dryRun) return { ...result, issues };
      if (issues.length === 1) throw new LedgerValidationError(issues[0]!.code, 'nothing was written', issues);
      if (issues.length > 1) throw new LedgerValidationError('import_failed', 'nothing was written', issues);
      return result;
    });
  }

  #applyInTransaction(changes: readonly Change[], invalidIds: ReadonlySet<string> = new Set()): { result: ApplyResult; issues: ValidationIssue[] } {
    const s = this.#stmt;
    const reader = this.#reader();
    const failed = new Set<string>(invalidIds);
    const issues: ValidationIssue[] = [];
    const added = zeroCounts();
    const unchanged = zeroCounts();
    const head = s.head.get() as { seq: number; hash: string } | undefined;
    let seq = head?.seq ?? 0;
    let hash = head?.hash ?? GENESIS_HASH;
    const recordedAt = this.#now().toISOString();
    const writtenQuestions: Change[] = [];

    for (const change of changes) {
      const verdict = checkChange(change, reader, failed);
      if (verdict.kind === 'invalid') {
        issues.push(...verdict.issues);
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
      // A resolution imported from an export keeps the time it was first recorded.
      const at = (change.type === 'resolution.recorded' && change.record.recordedAt) || recordedAt;
      hash = eventHash(prevHash, { seq, type: change.type, entityId, recordedAt: at, payload: verdict.payload });
      s.insertEvent.run(seq, change.type, entityId, at, verdict.payload, prevHash, hash);
      this.#project(change, seq, at, verdict.payload, reader);
      if (change.type === 'question.added') writtenQuestions.push(change);
      added[COUNT_KEY[change.type]]++;
    }

    for (const change of writtenQuestions) {
      const q = change.record as Question;
      q.relations.forEach((rel, i) => {
        if (!reader.question(rel.questionId) && !failed.has(rel.questionId)) {
          const path = [change.origin?.path, `relations[${i}].questionId`].filter(Boolean).join('.');
          issues.push({ code: 'question_not_found', path, recordId: q.id, message: `relation to unknown question "${rel.questionId}"`, ...(change.origin?.file ? { file: change.origin.file } : {}) });
        }
      });
    }

    return { result: { added, unchanged, head: hash, lastSeq: seq }, issues };
  }

  #project(change: Change, seq: number, recordedAt: string, payload: string, reader: CachingReader): void {
    const s = this.#stmt;
    switch (change.type) {
      case 'source.added':
        s.insertSource.run(change.record.id, seq);
        reader.remember('source', change.record.id, payload);
        break;
      case 'forecaster.added':
        s.insertForecaster.run(change.record.id, change.record.type, seq);
        reader.remember('forecaster', change.record.id, payload);
        break;
      case 'question.added': {
        const q = change.record;
        s.insertQuestion.run(q.id, q.kind, q.stance, q.resolution.resolveOn, seq);
        for (const tag of new Set(q.tags)) s.insertTag.run(q.id, tag);
        reader.remember('question', q.id, payload, q);
        break;
      }
      case 'forecast.added': {
        const f = change.record;
        s.insertForecast.run(f.id, f.questionId, f.forecasterId, f.madeAt, effectiveProbability(f), seq);
        break;
      }
      case 'resolution.recorded': {
        const r = change.record;
        const current = reader.currentResolution(r.questionId);
        s.insertResolution.run(seq, r.questionId, r.status, r.resolvedOn, outcomeColumn(r), current?.seq ?? null);
        s.setQuestionStatus.run(r.status, seq, r.questionId);
        reader.rememberResolution(r.questionId, toResolution(payload, seq, recordedAt, current?.seq ?? null));
        break;
      }
    }
  }

  #reader(): CachingReader {
    return new CachingReader(this.#stmt);
  }

  async getSource(id: string): Promise<Source | undefined> {
    return this.#run(() => {
      const payload = this.#stmt.sourcePayload.get(id) as string | undefined;
      return payload === undefined ? undefined : (JSON.parse(payload) as Source);
    });
  }

  async listSources(): Promise<Source[]> {
    return this.#run(() => (this.#stmt.listSources.all() as { payload: string }[]).map((r) => JSON.parse(r.payload) as Source));
  }

  async getForecaster(id: string): Promise<Forecaster | undefined> {
    return this.#run(() => {
      const payload = this.#stmt.forecasterPayload.get(id) as string | undefined;
      return payload === undefined ? undefined : (JSON.parse(payload) as Forecaster);
    });
  }

  async listForecasters(): Promise<Forecaster[]> {
    return this.#run(() => (this.#stmt.listForecasters.all() as { payload: string }[]).map((r) => JSON.parse(r.payload) as Forecaster));
  }

  async getQuestion(id: string): Promise<QuestionRecord | undefined> {
    return this.#run(() => {
      const row = this.#stmt.questionRecord.get(id) as QuestionRow | undefined;
      return row ? toQuestionRecord(row) : undefined;
    });
  }

  async listQuestions(filter: QuestionFilter = {}): Promise<QuestionRecord[]> {
    return this.#run(() => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.status !== undefined) {
        const statuses = typeof filter.status === 'string' ? [filter.status] : [...filter.status];
        where.push(`q.status IN (${statuses.map(() => '?').join(', ')})`);
        params.push(...statuses);
      }
      if (filter.dueBefore) (where.push('q.resolve_on < ?'), params.push(filter.dueBefore));
      if (filter.dueAfter) (where.push('q.resolve_on >= ?'), params.push(filter.dueAfter));
      if (filter.kind) (where.push('q.kind = ?'), params.push(filter.kind));
      if (filter.stance) (where.push('q.stance = ?'), params.push(filter.stance));
      if (filter.tag) (where.push('EXISTS (SELECT 1 FROM question_tags t WHERE t.question_id = q.id AND t.tag = ?)'), params.push(filter.tag));
      if (filter.forecaster) {
        where.push('EXISTS (SELECT 1 FROM forecasts f WHERE f.question_id = q.id AND f.forecaster_id = ?)');
        params.push(filter.forecaster);
      }
      const sql = `${QUESTION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${filter.order === 'recorded' ? 'q.event_seq' : 'q.resolve_on, q.id'}`;
      return (this.database.prepare(sql).all(...params) as QuestionRow[]).map(toQuestionRecord);
    });
  }

  async listForecasts(filter: ForecastFilter = {}): Promise<StoredForecast[]> {
    return this.#run(() => {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.questionId) (where.push('f.question_id = ?'), params.push(filter.questionId));
      if (filter.forecasterId) (where.push('f.forecaster_id = ?'), params.push(filter.forecasterId));
      const sql = `SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY f.event_seq`;
      return (this.database.prepare(sql).pluck().all(...params) as string[]).map((p) => JSON.parse(p) as StoredForecast);
    });
  }

  async listResolutions(filter: { questionId?: string; currentOnly?: boolean } = {}): Promise<StoredResolution[]> {
    return this.#run(() => {
      const where: string[] = [];
      const params: string[] = [];
      if (filter.questionId) (where.push('r.question_id = ?'), params.push(filter.questionId));
      if (filter.currentOnly) where.push('r.event_seq = (SELECT resolution_seq FROM questions q WHERE q.id = r.question_id)');
      const sql = `SELECT e.payload, e.seq, e.recorded_at AS recordedAt, r.supersedes_seq AS supersedes
        FROM resolutions r JOIN events e ON e.seq = r.event_seq ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.event_seq`;
      return (this.database.prepare(sql).all(...params) as { payload: string; seq: number; recordedAt: string; supersedes: number | null }[]).map(
        (r) => toResolution(r.payload, r.seq, r.recordedAt, r.supersedes),
      );
    });
  }

  async history(questionId: string): Promise<LedgerEvent[]> {
    return this.#run(() => (this.#stmt.history.all(questionId, questionId) as EventRow[]).map(toEvent));
  }

  async events(options: { afterSeq?: number; limit?: number } = {}): Promise<LedgerEvent[]> {
    return this.#run(() => (this.#stmt.events.all(options.afterSeq ?? 0, options.limit ?? -1) as EventRow[]).map(toEvent));
  }

  async counts(): Promise<RecordCounts> {
    return this.#run(() => this.#stmt.counts.get() as RecordCounts);
  }

  async verify(options: VerifyOptions = {}): Promise<VerifyReport> {
    return this.#run(() => {
      const problems: VerifyProblem[] = [];
      let prev = GENESIS_HASH;
      let expectedSeq = 1;
      let firstBrokenSeq: number | undefined;
      let events = 0;
      let storedHead = GENESIS_HASH;
      for (const row of this.#stmt.allEvents.iterate() as IterableIterator<EventRow>) {
        const [seq, type, entityId, recordedAt, payload, prevHash, hash] = row;
        events++;
        const broken = (message: string): void => {
          if (firstBrokenSeq === undefined) firstBrokenSeq = seq;
          problems.push({ table: 'events', seq, message });
        };
        if (seq !== expectedSeq) broken(`expected event ${expectedSeq}, found ${seq}: events ${expectedSeq}–${seq - 1} are missing`);
        if (prevHash !== prev) broken(`event ${seq} links to ${prevHash.slice(0, 12)}…, but the event before it hashes to ${prev.slice(0, 12)}…`);
        const computed = eventHash(prev, { seq, type, entityId, recordedAt, payload });
        if (computed !== hash) broken(`event ${seq} (${type} ${entityId}) was altered: its stored hash does not match its content`);
        prev = computed;
        storedHead = hash;
        expectedSeq = seq + 1;
      }
      if (options.expectedHead) {
        const row = this.#stmt.eventHash.get(options.expectedHead.seq) as { hash: string } | undefined;
        if (row?.hash !== options.expectedHead.hash) {
          problems.push({ table: 'events', seq: options.expectedHead.seq, message: `the recorded head (event ${options.expectedHead.seq}, ${options.expectedHead.hash.slice(0, 12)}…) is not in the history: events were removed or rewritten` });
        }
      }
      problems.push(...verifyProjections(this.database));
      try {
        migrate(this.database, readMigrations(this.#migrationsDir), this.#now, false);
      } catch (error) {
        problems.push({ table: 'schema_migrations', message: (error as Error).message });
      }
      return { ok: problems.length === 0, events, head: storedHead, ...(firstBrokenSeq === undefined ? {} : { firstBrokenSeq }), problems };
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.database.close();
  }
}

interface QuestionRow {
  payload: string;
  status: QuestionStatus;
  rPayload: string | null;
  rSeq: number | null;
  rRecordedAt: string | null;
  rSupersedes: number | null;
}

const QUESTION_SELECT = `SELECT e.payload, q.status, re.payload AS rPayload, re.seq AS rSeq, re.recorded_at AS rRecordedAt, r.supersedes_seq AS rSupersedes
  FROM questions q JOIN events e ON e.seq = q.event_seq
  LEFT JOIN resolutions r ON r.event_seq = q.resolution_seq
  LEFT JOIN events re ON re.seq = q.resolution_seq`;

function toQuestionRecord(row: QuestionRow): QuestionRecord {
  const record: QuestionRecord = { question: JSON.parse(row.payload) as Question, status: row.status };
  if (row.rPayload !== null) record.resolution = toResolution(row.rPayload, row.rSeq!, row.rRecordedAt!, row.rSupersedes);
  return record;
}

function prepareStatements(db: Database.Database) {
  return {
    head: db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1'),
    eventHash: db.prepare('SELECT hash FROM events WHERE seq = ?'),
    insertEvent: db.prepare('INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertSource: db.prepare('INSERT INTO sources (id, event_seq) VALUES (?, ?)'),
    insertForecaster: db.prepare('INSERT INTO forecasters (id, type, event_seq) VALUES (?, ?, ?)'),
    insertQuestion: db.prepare('INSERT INTO questions (id, kind, stance, resolve_on, event_seq) VALUES (?, ?, ?, ?, ?)'),
    insertTag: db.prepare('INSERT INTO question_tags (question_id, tag) VALUES (?, ?)'),
    insertForecast: db.prepare('INSERT INTO forecasts (id, question_id, forecaster_id, made_at, probability, event_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    insertResolution: db.prepare('INSERT INTO resolutions (event_seq, question_id, status, resolved_on, outcome, supersedes_seq) VALUES (?, ?, ?, ?, ?, ?)'),
    setQuestionStatus: db.prepare('UPDATE questions SET status = ?, resolution_seq = ? WHERE id = ?'),
    sourcePayload: db.prepare('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq WHERE s.id = ?').pluck(),
    forecasterPayload: db.prepare('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq WHERE f.id = ?').pluck(),
    questionPayload: db.prepare('SELECT e.payload FROM questions q JOIN events e ON e.seq = q.event_seq WHERE q.id = ?').pluck(),
    forecastPayload: db.prepare('SELECT e.payload FROM forecasts f JOIN events e ON e.seq = f.event_seq WHERE f.id = ?').pluck(),
    currentResolution: db.prepare(`SELECT e.payload, e.seq, e.recorded_at AS recordedAt, r.supersedes_seq AS supersedes
      FROM questions q JOIN resolutions r ON r.event_seq = q.resolution_seq JOIN events e ON e.seq = r.event_seq WHERE q.id = ?`),
    listSources: db.prepare('SELECT e.payload FROM sources s JOIN events e ON e.seq = s.event_seq ORDER BY s.event_seq'),
    listForecasters: db.prepare('SELECT e.payload FROM forecasters f JOIN events e ON e.seq = f.event_seq ORDER BY f.event_seq'),
    questionRecord: db.prepare(`${QUESTION_SELECT} WHERE q.id = ?`),
    history: db.prepare(`SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events
      WHERE (type IN ('question.added', 'resolution.recorded') AND entity_id = ?)
         OR seq IN (SELECT event_seq FROM forecasts WHERE question_id = ?)
      ORDER BY seq`).raw(),
    events: db.prepare('SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events WHERE seq > ? ORDER BY seq LIMIT ?').raw(),
    allEvents: db.prepare('SELECT seq, type, entity_id, recorded_at, payload, prev_hash, hash FROM events ORDER BY seq').raw(),
    counts: db.prepare(`SELECT (SELECT count(*) FROM sources) AS sources, (SELECT count(*) FROM forecasters) AS forecasters,
      (SELECT count(*) FROM questions) AS questions, (SELECT count(*) FROM forecasts) AS forecasts,
      (SELECT count(*) FROM resolutions) AS resolutions`),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/**
 * The {@link StateReader} over SQLite used inside one `apply` transaction, with per-call caches of
 * what the batch reads repeatedly (questions, forecasters, current resolutions). The caches live only
 * as long as the transaction, so a rollback cannot leave stale entries behind.
 */
class CachingReader implements StateReader {
  readonly #s: Statements;
  readonly #payloads = { source: new Map<string, string | undefined>(), forecaster: new Map<string, string | undefined>(), question: new Map<string, string | undefined>() };
  readonly #questions = new Map<string, Question | undefined>();
  readonly #resolutions = new Map<string, StoredResolution | undefined>();

  constructor(statements: Statements) {
    this.#s = statements;
  }

  #payload(kind: 'source' | 'forecaster' | 'question', id: string): string | undefined {
    const cache = this.#payloads[kind];
    if (cache.has(id)) return cache.get(id);
    const stmt = kind === 'source' ? this.#s.sourcePayload : kind === 'forecaster' ? this.#s.forecasterPayload : this.#s.questionPayload;
    const payload = stmt.get(id) as string | undefined;
    cache.set(id, payload);
    return payload;
  }

  remember(kind: 'source' | 'forecaster' | 'question', id: string, payload: string, question?: Question): void {
    this.#payloads[kind].set(id, payload);
    if (question) this.#questions.set(id, question);
  }

  rememberResolution(questionId: string, resolution: StoredResolution): void {
    this.#resolutions.set(questionId, resolution);
  }

  sourcePayload(id: string): string | undefined {
    return this.#payload('source', id);
  }

  forecasterPayload(id: string): string | undefined {
    return this.#payload('forecaster', id);
  }

  questionPayload(id: string): string | undefined {
    return this.#payload('question', id);
  }

  question(id: string): Question | undefined {
    if (this.#questions.has(id)) return this.#questions.get(id);
    const payload = this.#payload('question', id);
    const q = payload === undefined ? undefined : (JSON.parse(payload) as Question);
    this.#questions.set(id, q);
    return q;
  }

  forecastPayload(id: string): string | undefined {
    return this.#s.forecastPayload.get(id) as string | undefined;
  }

  currentResolution(questionId: string): StoredResolution | undefined {
    if (this.#resolutions.has(questionId)) return this.#resolutions.get(questionId);
    const row = this.#s.currentResolution.get(questionId) as { payload: string; seq: number; recordedAt: string; supersedes: number | null } | undefined;
    const r = row ? toResolution(row.payload, row.seq, row.recordedAt, row.supersedes) : undefined;
    this.#resolutions.set(questionId, r);
    return r;
  }
}
