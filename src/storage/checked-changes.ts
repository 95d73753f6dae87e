/**
 * The changes a store's `apply` receives, checked against the model's schemas: a store is public,
 * so a change built by hand (not by the ledger) must not write a record the schemas would refuse.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import { CANONICAL_PAYLOAD, type PlannedChange } from '../core/check-change.js';
import { Forecast } from '../model/forecast.js';
import { Forecaster } from '../model/forecaster.js';
import { Question } from '../model/question.js';
import { Resolution } from '../model/resolution.js';
import { ForecastWithdrawal, QuestionAmendment, QuestionClarification, QuestionComment } from '../model/question-update.js';
import { Slug } from '../model/primitives.js';
import { Source } from '../model/source.js';
import { parseArg } from '../_internal/validate-args.js';
import type { ApplyOptions, Change } from './types.js';

const Origin = z.strictObject({ file: z.string().optional(), path: z.string() }).optional();

/** One change: its type, its record (as the schema of that type parses it) and where it came from. */
const ChangeArg = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('source.added'), record: Source, origin: Origin }),
  z.strictObject({ type: z.literal('forecaster.added'), record: Forecaster, origin: Origin }),
  z.strictObject({ type: z.literal('question.added'), record: Question, origin: Origin }),
  z.strictObject({ type: z.literal('forecast.added'), record: Forecast.and(z.object({ id: Slug })), origin: Origin }),
  z.strictObject({ type: z.literal('resolution.recorded'), record: Resolution, origin: Origin }),
  z.strictObject({ type: z.literal('question.clarified'), record: QuestionClarification, origin: Origin }),
  z.strictObject({ type: z.literal('question.amended'), record: QuestionAmendment, origin: Origin }),
  z.strictObject({ type: z.literal('comment.added'), record: QuestionComment, origin: Origin }),
  z.strictObject({ type: z.literal('forecast.withdrawn'), record: ForecastWithdrawal, origin: Origin }),
]);

const OptionsArg = z.strictObject({ dryRun: z.boolean().optional(), invalidIds: z.custom<ReadonlySet<string>>((s) => s instanceof Set).optional() }).optional();

/**
 * `changes` with every record checked: a change planned by the import (which carries its canonical
 * payload, so was parsed there) is kept as it is; any other is parsed with its type's schema.
 *
 * @throws LedgerValidationError `validation_failed` naming the change and field, `unknown_option`
 * @internal
 */
export function checkedChanges(changes: unknown, options: unknown): { changes: readonly Change[]; options: ApplyOptions } {
  const list = parseArg('store.apply', 'changes', z.array(z.unknown()), changes);
  const checked = list.map((change, i) =>
    typeof change === 'object' && change !== null && CANONICAL_PAYLOAD in change
      ? (change as PlannedChange)
      : (parseArg('store.apply', `changes[${i}]`, ChangeArg, change) as Change),
  );
  return { changes: checked, options: parseArg('store.apply', 'options', OptionsArg, options) ?? {} };
}
