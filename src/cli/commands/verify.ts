import type { VerifyReport } from '../../storage/types.js';
import { UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { withLedger } from '../ledger-session.js';
import type { Output } from '../output.js';

function expectedHead(ctx: CommandContext): { seq: number; hash: string } | undefined {
  const v = ctx.string('expect-head');
  if (v === undefined) return undefined;
  const m = /^(\d+):([0-9a-f]{64})$/.exec(v.trim());
  if (!m) throw new UsageError(`--expect-head: expected <seq>:<64 hex digits> as printed by verify, received ${JSON.stringify(v)}`);
  return { seq: Number(m[1]), hash: m[2]! };
}

/** Reports a verification to people, on stderr. @internal */
export function reportVerification(out: Output, report: VerifyReport, label: string): void {
  if (report.ok) {
    out.success(`${label} verified: ${report.events} events, head ${report.events}:${report.head}`);
    return;
  }
  out.error(`${label} FAILED verification: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${report.firstBrokenSeq ? `, first broken event ${report.firstBrokenSeq}` : ''}`);
  for (const p of report.problems) out.info(`  - ${p.table}${p.seq === undefined ? '' : ` (event ${p.seq})`}: ${p.message}`);
}

/** `forecast-ledger verify`: checks the hash chain and every table; exits with 1 on any problem. */
export async function run(ctx: CommandContext): Promise<ExitCode> {
  const expected = expectedHead(ctx);
  return withLedger(ctx, {}, async (ledger) => {
    const report = await ledger.verify(expected ? { expectedHead: expected } : {});
    ctx.out.result(report);
    reportVerification(ctx.out, report, ctx.dbLabel);
    if (!report.ok) ctx.out.info(`next: restore ${ctx.dbLabel} from a backup, or rebuild it from its prediction files (${ctx.cli('build')})`);
    return report.ok ? EXIT_CODES.ok : EXIT_CODES.failed;
  });
}
