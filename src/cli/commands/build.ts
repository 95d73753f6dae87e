import { resolve } from 'node:path';
import { renderReport } from '../../scoring/index.js';
import type { CommandContext } from '../context.js';
import { dueQuestions } from '../due-questions.js';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import { asOfFlag } from '../flags.js';
import { forecasterSummaries, summaryLine } from '../forecaster-summaries.js';
import { describeImport } from '../format-values.js';
import { importWithProgress } from '../import-task.js';
import { withLedger } from '../ledger-session.js';
import { writeOutput } from '../write-output.js';
import { dueTable } from './due.js';
import { writeSiteFor } from './site.js';
import { reportVerification } from './verify.js';

/**
 * `forecast-ledger build`, the main job: imports the prediction files (idempotent), verifies the
 * ledger, prints the next ten claims to come due and one line per forecaster, writes the report.
 */
export async function run(ctx: CommandContext): Promise<ExitCode> {
  const asOf = asOfFlag(ctx);
  const predictions = ctx.string('predictions') ?? 'predictions';
  const reportFile = ctx.string('report') ?? 'reports/index.html';

  const imported = await importWithProgress(ctx, predictions, { create: true });
  ctx.out.success(describeImport(imported, `from ${predictions}`));

  return withLedger(ctx, {}, async (ledger) => {
    const verification = await ledger.verify();
    reportVerification(ctx.out, verification, ctx.dbLabel);
    if (!verification.ok) {
      ctx.out.result({ db: ctx.location, import: imported, verify: verification });
      ctx.out.info(`next: rebuild from the prediction files into a new ledger: ${ctx.cli('build').replace(/ --db \S+$/, '')} --db <new file>`);
      return EXIT_CODES.failed;
    }
    const due = await dueQuestions(ledger, { asOf, limit: 10 });
    const { scorecards, summaries } = await forecasterSummaries(ledger, asOf);
    const counts = await ledger.counts();
    const html = renderReport({
      scorecards,
      leaderboard: await ledger.leaderboard({ asOf }),
      asOf,
      subtitle: `${counts.forecasters} forecasters, ${counts.questions} questions, ${counts.forecasts} forecasts, ${counts.resolutions} resolution${counts.resolutions === 1 ? '' : 's'}; history verified to anchor ${verification.anchor}`,
    });
    const report = writeOutput(ctx.io.cwd, reportFile, html);

    ctx.out.data(ctx.out.style('bold', `Next ${due.questions.length} claims to come due (as of ${asOf})`));
    ctx.out.data(`${dueTable(ctx.out, due)}\n`);
    ctx.out.data(ctx.out.style('bold', 'Forecasters'));
    ctx.out.data(summaries.map(summaryLine).join('\n'));
    if (due.overdue) {
      const overdue = `due --overdue${ctx.string('as-of') === undefined ? '' : ` --as-of ${asOf}`}`;
      ctx.out.warn(
        `${due.overdue} open question${due.overdue === 1 ? ' is' : 's are'} past due: list them with ${ctx.cli(overdue)}, or resolve them one by one with ${ctx.cli('review')}`,
      );
    }
    ctx.out.success(`wrote the report to ${resolve(ctx.io.cwd, reportFile) === report ? reportFile : report}`);
    // The site last, so its index path is the last line a person reads.
    const siteDir = ctx.string('site');
    const site = siteDir === undefined ? undefined : await writeSiteFor(ctx, ledger, siteDir, asOf);
    ctx.out.result({ db: ctx.location, import: imported, verify: verification, due, forecasters: summaries, report, ...(site ? { site } : {}) });
    return EXIT_CODES.ok;
  });
}
