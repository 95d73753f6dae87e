import type { CommandContext } from '../context.js';
import { dueQuestions, overdueQuestions, resolvedBy, type DueReport, type OverdueReport } from '../due-questions.js';
import { asOfArgument, asOfFlag, positiveIntFlag, spanFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';
import type { Output } from '../output.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';

/** `in 12 days`, `today`, `tomorrow`. @internal */
export function inDays(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
}

/** The due table, for `due` and `build`. @internal */
export function dueTable(out: Output, report: DueReport): string {
  return out.table(
    ['DUE', 'WHEN', 'ID', 'FORECASTERS', 'TITLE'],
    report.questions.map((q) => [q.resolveOn, inDays(q.daysLeft), q.id, q.forecasters.join(', '), q.title]),
  );
}

/** How long ago a past due date was: `yesterday`, `3 days ago`. @internal */
export function overdueBy(daysLeft: number): string {
  return daysLeft === -1 ? 'yesterday' : `${-daysLeft} days ago`;
}

/** The overdue table, for `due --overdue`. @internal */
export function overdueTable(out: Output, report: OverdueReport): string {
  return out.table(
    ['DUE', 'WHEN', 'ID', 'RESOLVED BY'],
    report.questions.map((q) => [q.resolveOn, overdueBy(q.daysLeft), q.id, resolvedBy(q.resolution)]),
  );
}

/** `…and 6 more (--limit 16 shows them)`, when a list was cut. */
function andMore(ctx: CommandContext, shown: number, more: number): void {
  if (more > 0) ctx.out.info(`…and ${more} more (--limit ${shown + more} shows them)`);
}

/** With `--fail-if-any`: exit 1 when anything is past due, so a scheduled job can nag. */
function failIfAny(ctx: CommandContext, overdue: number): ExitCode | undefined {
  return ctx.flag('fail-if-any') && overdue > 0 ? EXIT_CODES.failed : undefined;
}

/**
 * `forecast-ledger due`: the open questions coming due next, and how many are overdue; with `--overdue`, those past due and
 * what would resolve each; with `--fail-if-any`, exit 1 when any is overdue.
 */
export async function run(ctx: CommandContext): Promise<ExitCode | undefined> {
  const asOf = asOfFlag(ctx);
  const within = spanFlag(ctx, 'within');
  if (ctx.flag('overdue')) {
    const limit = positiveIntFlag(ctx, 'limit');
    return withLedger(ctx, {}, async (ledger) => {
      const report = await overdueQuestions(ledger, { asOf, ...(limit === undefined ? {} : { limit }) });
      ctx.out.result(report);
      if (report.questions.length) ctx.out.data(overdueTable(ctx.out, report));
      else ctx.out.info(`no open question is past due on ${asOf}`);
      andMore(ctx, report.questions.length, report.overdue - report.questions.length);
      if (report.overdue) {
        // The same reference date as this list, when it was given: without it, review would walk today's.
        ctx.out.info(`record outcomes one by one on a terminal: ${ctx.cli(`review${asOfArgument(ctx)}`)}`);
        ctx.out.info(`or record one: ${ctx.cli('resolve <question> --outcome <value> --resolved-on <date> --evidence <text>')}`);
      }
      return failIfAny(ctx, report.overdue);
    });
  }
  const limit = positiveIntFlag(ctx, 'limit') ?? 10;
  return withLedger(ctx, {}, async (ledger) => {
    const report = await dueQuestions(ledger, { asOf, limit, ...(within ? { within } : {}) });
    ctx.out.result(report);
    if (report.questions.length) ctx.out.data(dueTable(ctx.out, report));
    else ctx.out.info(`nothing comes due${within ? ` within ${ctx.string('within')}` : ''} from ${asOf}`);
    andMore(ctx, report.questions.length, report.more);
    if (report.overdue) {
      ctx.out.warn(`${report.overdue} open question${report.overdue === 1 ? ' is' : 's are'} overdue: ${ctx.cli('due --overdue')}`);
    }
    return failIfAny(ctx, report.overdue);
  });
}
