import { readPlatformExport } from '../../importers/read-platform-export.js';
import type { CommandContext } from '../context.js';
import { parsePath } from '../flags.js';
import { describeImport } from '../format-values.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger import-from PLATFORM FILES…`: imports another platform's export, all or nothing. */
export async function run(ctx: CommandContext): Promise<void> {
  const [platform, ...files] = ctx.positionals as [string, ...string[]];
  const path = (file: string, name: string) => parsePath(ctx.io.cwd, file, name);
  // An empty value is refused, never taken for "not given" (a resolution set left out silently would
  // leave every question open).
  const questionSet = ctx.string('question-set');
  const resolutionSet = ctx.string('resolution-set');
  const result = readPlatformExport(platform, {
    files: files.map((file) => path(file, '<files…>')),
    forecastSets: ctx.strings('forecast-set').map((file) => path(file, 'forecast-set')),
    ...(questionSet === undefined ? {} : { questionSet: path(questionSet, 'question-set') }),
    ...(resolutionSet === undefined ? {} : { resolutionSet: path(resolutionSet, 'resolution-set') }),
  });
  const report = await withLedger(ctx, { create: true }, (ledger) => ledger.importPredictions(result.predictions));
  ctx.out.result({ db: ctx.location, platform: result.platform, ...report, files: result.files, unmapped: result.unmapped });
  ctx.out.success(describeImport({ ...report, files: result.files }, `from ${result.platform} into ${ctx.dbLabel}`));
  if (result.unmapped.length) {
    ctx.out.warn(`${result.unmapped.length} record${result.unmapped.length === 1 ? ' was' : 's were'} not imported as is (see --json for all):`);
    for (const u of result.unmapped.slice(0, 10)) ctx.out.warn(`  ${u.file} › ${u.record}: ${u.reason}`);
    if (result.unmapped.length > 10) ctx.out.warn(`  … and ${result.unmapped.length - 10} more`);
  }
}
