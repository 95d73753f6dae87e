import { QUESTION_KINDS } from '../../model/question.js';
import { RESOLUTION_STATUSES } from '../../model/resolution.js';
import type { QuestionFilter, QuestionStatus } from '../../storage/types.js';
import type { CommandContext } from '../context.js';
import { asOfFlag, choiceFlag, choicesFlag, dateFlag, slugFlag, spanFlag } from '../flags.js';
import { formatStatus } from '../format-values.js';
import { dueWithinBound } from '../iso-dates.js';
import { withLedger } from '../ledger-session.js';

const STATUSES: readonly QuestionStatus[] = ['open', ...RESOLUTION_STATUSES];

/** The filter the flags ask for, validated before the ledger is opened. */
function filterFromFlags(ctx: CommandContext): QuestionFilter {
  const status = choicesFlag(ctx, 'status', STATUSES);
  const kind = choiceFlag(ctx, 'kind', QUESTION_KINDS);
  const forecaster = slugFlag(ctx, 'forecaster');
  const tag = slugFlag(ctx, 'tag');
  let dueBefore = dateFlag(ctx, 'due-before');
  let dueAfter: string | undefined;
  const within = spanFlag(ctx, 'due-within');
  if (within) {
    dueAfter = asOfFlag(ctx);
    const until = dueWithinBound(dueAfter, within);
    if (!dueBefore || until < dueBefore) dueBefore = until;
  }
  return {
    ...(status.length ? { status } : {}),
    ...(kind ? { kind } : {}),
    ...(forecaster ? { forecaster } : {}),
    ...(tag ? { tag } : {}),
    ...(dueBefore ? { dueBefore } : {}),
    ...(dueAfter ? { dueAfter } : {}),
  };
}

/** `forecast-ledger list`: questions matching every filter given, by due date. */
export async function run(ctx: CommandContext): Promise<void> {
  const filter = filterFromFlags(ctx);
  await withLedger(ctx, {}, async (ledger) => {
    if (filter.forecaster) await ledger.getForecaster(filter.forecaster);
    const [records, forecasts] = await Promise.all([ledger.listQuestions(filter), ledger.listForecasts()]);
    const forecastersOf = new Map<string, Set<string>>();
    for (const f of forecasts) forecastersOf.set(f.questionId, (forecastersOf.get(f.questionId) ?? new Set()).add(f.forecasterId));
    const questions = records.map((r) => ({ ...r, forecasters: [...(forecastersOf.get(r.question.id) ?? [])] }));
    ctx.out.result({ filter, count: questions.length, questions });
    if (!questions.length) {
      ctx.out.info(`no questions match${Object.keys(filter).length ? ' these filters' : ': the ledger is empty'}`);
      return;
    }
    const rows = questions.map((r) => [r.question.resolution.resolveOn, formatStatus(r), r.question.kind, r.question.id, r.question.title]);
    ctx.out.data(ctx.out.table(['DUE', 'STATUS', 'KIND', 'ID', 'TITLE'], rows));
    ctx.out.info(`${questions.length} question${questions.length === 1 ? '' : 's'}; see one with: ${ctx.cli('show <id>')}`);
  });
}
