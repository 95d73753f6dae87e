import type { CommandContext } from '../context.js';
import { dueQuestions, type DueReport } from '../due-questions.js';
import { asOfFlag, positiveIntFlag, spanFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';
import type { Output } from '../output.js';

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

/** `forecast-ledger due`: the open questions coming due next, and how many are overdue. */
export async function run(ctx: CommandContext): Promise<void> {
  const asOf = asOfFlag(ctx);
  const limit = positiveIntFlag(ctx, 'limit') ?? 10;
  const within = spanFlag(ctx, 'within');
  await withLedger(ctx, {}, async (ledger) => {
    const report = await dueQuestions(ledger, { asOf, limit, ...(within ? { within } : {}) });
    ctx.out.result(report);
    if (report.questions.length) ctx.out.data(dueTable(ctx.out, report));
    else ctx.out.info(`nothing comes due${within ? ` within ${ctx.string('within')}` : ''} from ${asOf}`);
    if (report.overdue) {
      ctx.out.warn(`${report.overdue} open question${report.overdue === 1 ? ' is' : 's are'} past due: ${ctx.cli(`list --status open --due-before ${asOf}`)}`);
    }
  });
}
