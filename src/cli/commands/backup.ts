import { resolve } from 'node:path';
import type { CommandContext } from '../context.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger backup --out <file>`: a consistent, verified copy of the ledger (SQLite's online backup). */
export async function run(ctx: CommandContext): Promise<void> {
  const out = resolve(ctx.io.cwd, ctx.string('out')!);
  const report = await withLedger(ctx, {}, (ledger) => ledger.backup(out, { overwrite: ctx.values.overwrite === true }));
  ctx.out.result({ db: ctx.location, out: report.path, events: report.events, anchor: report.anchor });
  ctx.out.success(`backed up ${ctx.dbLabel} to ${report.path}: ${report.events} events, verified, anchor ${report.anchor}`);
}
