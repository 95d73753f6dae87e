// The typed shapes of every `--json` output, checked strictly so an accidental change shows up.
import { z } from 'zod';
import {
  EVENT_TYPES,
  Forecast,
  Forecaster,
  ForecastWithdrawal,
  LedgerSnapshot,
  Question,
  QUESTION_KINDS,
  QuestionAmendment,
  QuestionClarification,
  QuestionComment,
  Resolution,
} from '../../src/index.js';

const count = z.number().int().nonnegative();
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const status = z.enum(['open', 'resolved', 'annulled', 'ambiguous']);

export const RecordCounts = z.strictObject({ sources: count, forecasters: count, questions: count, forecasts: count, resolutions: count, updates: count });
export const StoredResolution = z.intersection(Resolution, z.object({ seq: count, recordedAt: z.string(), supersedes: count.optional() }));
export const StoredForecast = z.intersection(Forecast, z.object({ id: z.string() }));
export const LedgerEvent = z.strictObject({
  seq: count,
  type: z.enum(EVENT_TYPES),
  entityId: z.string(),
  recordedAt: z.string(),
  payload: z.unknown(),
  prevHash: hash,
  hash,
});

export const ErrorJson = z.strictObject({
  error: z.strictObject({
    code: z.string().regex(/^[a-z_]+$/),
    message: z.string().min(1),
    exitCode: z.number().int().min(1),
    hint: z.string().optional(),
    issues: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string(), file: z.string().optional(), recordId: z.string().optional() }))
      .optional(),
  }),
});

export const InitJson = z.strictObject({ db: z.string(), created: z.boolean(), schemaVersion: count, counts: RecordCounts });
export const MigrateJson = z.strictObject({
  db: z.string(),
  schemaVersion: count,
  applied: z.array(z.strictObject({ version: count, name: z.string(), checksum: hash })),
});
export const ImportReport = z.strictObject({ added: RecordCounts, unchanged: RecordCounts, head: hash, lastSeq: count, files: z.array(z.string()) });
export const ImportJson = ImportReport.extend({ db: z.string() });

export const ListJson = z.strictObject({
  filter: z.record(z.string(), z.unknown()),
  count,
  questions: z.array(z.strictObject({ question: Question, status, resolution: StoredResolution.optional(), forecasters: z.array(z.string()) })),
});
export const ShowJson = z.strictObject({
  question: Question,
  status,
  resolution: StoredResolution.optional(),
  forecasts: z.array(StoredForecast),
  resolutions: z.array(StoredResolution),
  current: Question,
  revision: count,
  forecastRevisions: z.record(z.string(), count),
  clarifications: z.array(QuestionClarification),
  amendments: z.array(QuestionAmendment),
  comments: z.array(QuestionComment),
  withdrawals: z.array(ForecastWithdrawal),
  history: z.array(LedgerEvent),
});
export const ClarifyJson = z.strictObject({ clarification: QuestionClarification });
export const AmendJson = z.strictObject({ amendment: QuestionAmendment, revision: count });
export const CommentJson = z.strictObject({ comment: QuestionComment });
export const WithdrawJson = z.strictObject({ withdrawal: ForecastWithdrawal });
export const ForecasterSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(['person', 'organization']),
  made: count,
  forecasts: count,
  resolved: count,
  pending: count,
  overdue: count,
  annulled: count,
  ambiguous: count,
  hitRate: z.strictObject({ hits: count, n: count, rate: z.number().min(0).max(1) }).nullable(),
});
export const ForecastersJson = z.strictObject({ asOf: isoDate, forecasters: z.array(ForecasterSummary) });
const HitRate = z.object({ hits: count, misses: count, noCalls: count, n: count, rate: z.number(), lower: z.number(), upper: z.number() });
/** The parts of a scorecard the CLI relies on (the scoring module owns the full shape). */
export const ScorecardJson = z.object({
  forecaster: Forecaster,
  asOf: isoDate,
  counts: z.object({ made: count, forecasts: count, resolved: count, pending: count, overdue: count, annulled: count, ambiguous: count }),
  hitRate: HitRate.optional(),
  predictions: z.array(z.object({ questionId: z.string(), dueOn: isoDate, verdict: z.string() })),
});
export const ScorecardsJson = z.strictObject({ asOf: isoDate, scorecards: z.array(ScorecardJson) });
export const LeaderboardJson = z.object({
  asOf: isoDate,
  minResolved: count,
  entries: z.array(
    z.object({ rank: count, forecasterId: z.string(), name: z.string(), resolved: count, meanBrier: z.number().optional(), hitRate: HitRate.optional() }),
  ),
  unranked: z.array(z.object({ forecasterId: z.string(), name: z.string(), resolved: count })),
});
export const DueJson = z.strictObject({
  asOf: isoDate,
  overdue: count,
  questions: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      kind: z.enum(QUESTION_KINDS),
      resolveOn: isoDate,
      daysLeft: z.number().int(),
      forecasters: z.array(z.string()),
    }),
  ),
  more: count,
});
export const OverdueJson = z.strictObject({
  asOf: isoDate,
  overdue: count,
  questions: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      kind: z.enum(QUESTION_KINDS),
      resolveOn: isoDate,
      daysLeft: z.number().int().negative(),
      forecasters: z.array(z.string()),
      resolution: z.strictObject({
        criteria: z.string(),
        data: z.strictObject({ publisher: z.string(), series: z.string(), threshold: z.string().optional() }).optional(),
        judge: z.strictObject({ who: z.string(), rule: z.string() }).optional(),
      }),
    }),
  ),
});
export const VerifyJson = z.strictObject({
  ok: z.boolean(),
  events: count,
  head: hash,
  anchor: z.string().regex(/^(0|[1-9][0-9]*):[0-9a-f]{64}$/),
  firstBrokenSeq: count.optional(),
  problems: z.array(z.strictObject({ table: z.string(), seq: count.optional(), message: z.string() })),
});
export const ExportJson = LedgerSnapshot.strict();
export const BackupJson = z.strictObject({ db: z.string(), out: z.string(), events: count, anchor: VerifyJson.shape.anchor });
/** What `export`, `scorecard` and `leaderboard` print with `--out … --json`. */
export const DocumentOutJson = z.strictObject({ format: z.enum(['json', 'csv', 'ics', 'table', 'md', 'markdown', 'html']), out: z.string(), bytes: count });
export const AddRecordJson = z.strictObject({ type: z.enum(['forecaster', 'question', 'forecast']), record: z.union([Forecaster, Question, StoredForecast]) });
export const AddFileJson = z.strictObject({
  type: z.enum(['forecaster', 'question', 'forecast']),
  file: z.string(),
  added: RecordCounts,
  unchanged: RecordCounts,
  head: hash,
  lastSeq: count,
});
export const AddPredictionFileJson = z.strictObject({ file: z.string(), added: RecordCounts, unchanged: RecordCounts, head: hash, lastSeq: count });
export const ResolutionJson = z.strictObject({ resolution: StoredResolution });
export const CorrectJson = z.strictObject({ resolution: StoredResolution, supersedes: StoredResolution.nullable() });
export const BuildJson = z.strictObject({
  db: z.string(),
  import: ImportReport,
  verify: VerifyJson,
  due: DueJson,
  forecasters: z.array(ForecasterSummary),
  report: z.string(),
});
