import type { CommandContext } from '../context.js';
import { importWithProgress } from '../import-task.js';
import { describeImport } from '../format-values.js';

/** `forecast-ledger import <file|dir>`: imports prediction files, all or nothing. */
export async function run(ctx: CommandContext): Promise<void> {
  const source = ctx.positionals[0]!;
  const report = await importWithProgress(ctx, source, { create: true });
  ctx.out.result({ db: ctx.location, ...report });
  ctx.out.success(describeImport(report, `into ${ctx.dbLabel}`));
}
