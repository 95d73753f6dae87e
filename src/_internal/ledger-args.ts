/**
 * The schemas of the arguments of `Ledger`'s methods and `openLedger`, checked at the top of each
 * (see {@link parseArg}). Records themselves are checked by the model's schemas; these check the
 * envelopes around them (input objects, filters, options), strictly: an unknown key is `unknown_option`.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import { Evidence, Outcome, RESOLUTION_STATUSES } from '../model/resolution.js';
import { QUESTION_KINDS, STANCES } from '../model/question.js';
import { FiniteNumber, IsoDate } from '../model/primitives.js';
import { AGGREGATE_METHODS } from '../model/aggregate.js';
import type { BackupOptions, ForecastFilter, QuestionFilter, VerifyOptions } from '../storage/types.js';
import { IdArg, optionsSchema } from './validate-args.js';

/** An outcome as `resolve` and `correctResolution` take it: a bare value or a tagged outcome. */
const OutcomeArg = z.union([z.boolean(), FiniteNumber, z.string(), Outcome], {
  error: 'expected an outcome: true/false, a finite number, an ISO date or option id, or { kind, value }',
});

/** Evidence as the resolution methods take it (each item checked again by the Resolution schema). */
const EvidenceArg = z.array(Evidence);

/** The input of `ledger.resolve`. @internal */
export const ResolveArg = z.strictObject({
  outcome: OutcomeArg,
  resolvedOn: z.string({ error: 'expected resolvedOn as an ISO date YYYY-MM-DD' }),
  // Missing or empty evidence is refused by the Resolution schema, with `evidence_required`.
  evidence: EvidenceArg.optional(),
  allowForecastsAfterOutcome: z.boolean().optional(),
});

/** The input of `ledger.annul` and `ledger.markAmbiguous`. @internal */
export const AnnulArg = z.strictObject({
  // A missing reason is refused by the Resolution schema, with `reason_required`.
  reason: z.string({ error: 'expected the reason as text' }).optional(),
  resolvedOn: z.string({ error: 'expected resolvedOn as an ISO date YYYY-MM-DD' }).optional(),
  evidence: EvidenceArg.optional(),
  allowForecastsAfterOutcome: z.boolean().optional(),
});

/** The input of `ledger.correctResolution`. @internal */
export const CorrectionArg = z.strictObject({
  status: z.enum(RESOLUTION_STATUSES).optional(),
  outcome: OutcomeArg.optional(),
  resolvedOn: z.string({ error: 'expected resolvedOn as an ISO date YYYY-MM-DD' }),
  evidence: EvidenceArg.optional(),
  reason: z.string({ error: 'expected the reason as text' }).optional(),
  allowForecastsAfterOutcome: z.boolean().optional(),
});

const QuestionStatusArg = z.enum(['open', ...RESOLUTION_STATUSES]);

/** The filter of `ledger.listQuestions`. @internal */
export const QuestionFilterArg = optionsSchema<QuestionFilter>()({
  status: z.union([QuestionStatusArg, z.array(QuestionStatusArg)]).optional(),
  dueBefore: IsoDate.optional(),
  dueAfter: IsoDate.optional(),
  forecaster: IdArg.optional(),
  tag: z.string().optional(),
  kind: z.enum(QUESTION_KINDS).optional(),
  stance: z.enum(STANCES).optional(),
  order: z.enum(['due', 'recorded']).optional(),
});

/** The filter of `ledger.listForecasts`. @internal */
export const ForecastFilterArg = optionsSchema<ForecastFilter>()({
  questionId: IdArg.optional(),
  forecasterId: IdArg.optional(),
  questionStatus: QuestionStatusArg.optional(),
  withdrawn: z.boolean().optional(),
});

/** The filter of `ledger.listResolutions`. @internal */
export const ResolutionFilterArg = optionsSchema<{ questionId?: string; currentOnly?: boolean }>()({
  questionId: IdArg.optional(),
  currentOnly: z.boolean().optional(),
});

/** The options of `ledger.verify` (the anchor itself is checked by the store). @internal */
export const VerifyOptionsArg = optionsSchema<VerifyOptions>()({
  expectedHead: z.unknown().optional(),
  quick: z.boolean().optional(),
});

/** Whether `value` is an object with a method of each name. @internal */
export function hasMethods(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((n) => typeof (value as Record<string, unknown>)[n] === 'function');
}

/** An open better-sqlite3 database, as far as can be told without using it. @internal */
export const DatabaseArg = z.custom<object>((d) => hasMethods(d, ['prepare', 'pragma', 'transaction']), 'expected an open better-sqlite3 Database');

/** A {@link LedgerStore}, as far as can be told without using it. @internal */
export const StoreArg = z.custom<object>((s) => hasMethods(s, ['apply', 'verify', 'listQuestions', 'close']), 'expected a LedgerStore');

/** The target of `openLedger` when it is not a path (a path is a {@link PathArg}). @internal */
export const TargetObjectArg = z.union([z.strictObject({ database: DatabaseArg }), z.strictObject({ store: StoreArg })], {
  error: 'expected a path, ":memory:", { database } (an open better-sqlite3 Database) or { store } (a LedgerStore)',
});

/** The options of `ledger.backup`. @internal */
export const BackupOptionsArg = optionsSchema<BackupOptions>()({
  overwrite: z.boolean().optional(),
});

/** The input of `ledger.addAggregate` (the record itself is checked again by the Forecaster schema). @internal */
export const AggregateArg = z.strictObject({
  id: z.string({ error: 'expected the aggregate id as text' }),
  name: z.string({ error: 'expected the aggregate name as text' }),
  method: z.enum(AGGREGATE_METHODS),
  members: z.union([z.literal('all'), z.array(z.string())]),
  parameter: z.number().optional(),
  description: z.string().optional(),
});
