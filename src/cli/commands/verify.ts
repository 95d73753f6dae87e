import type { HeadAnchor, VerifyReport } from '../../storage/types.js';
import { parseAnchor } from '../../history/anchor.js';
import type { CommandContext } from '../context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { withLedger } from '../ledger-session.js';
import type { Output } from '../output.js';

/** `--expect-head`, read by the library's one anchor rule (a malformed one fails with `invalid_anchor`, exit 2). */
function expectedHead(ctx: CommandContext): HeadAnchor | undefined {
  const v = ctx.string('expect-head');
  return v === undefined ? undefined : parseAnchor(v.trim(), '--expect-head');
}

/** Reports a verification to people, on stderr. @internal */
export function reportVerification(out: Output, report: VerifyReport, label: string): void {
  if (report.ok) {
    out.success(`${label} verified: ${report.events} events, anchor ${report.anchor}`);
    return;
  }
  out.error(
    `${label} FAILED verification: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${report.firstBrokenSeq ? `, first broken event ${report.firstBrokenSeq}` : ''}`,
  );
  for (const p of report.problems) out.info(`  - ${p.table}${p.seq === undefined ? '' : ` (event ${p.seq})`}: ${p.message}`);
}

/** `forecast-ledger verify`: checks the hash chain and every table; exits with 1 on any problem. */
export async function run(ctx: CommandContext): Promise<ExitCode> {
  const expected = expectedHead(ctx);
  return withLedger(ctx, {}, async (ledger) => {
    const report = await ledger.verify({ ...(expected ? { expectedHead: expected } : {}), quick: ctx.values.quick === true });
    ctx.out.result(report);
    reportVerification(ctx.out, report, ctx.dbLabel);
    if (!report.ok) ctx.out.info(`next: restore ${ctx.dbLabel} from a backup, or rebuild it from its prediction files (${ctx.cli('build')})`);
    return report.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
  });
}
