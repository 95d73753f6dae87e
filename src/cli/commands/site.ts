import { relative, resolve } from 'node:path';
import type { Ledger } from '../../ledger.js';
import { writeSite, type WriteSiteResult } from '../../site/write-site.js';
import type { CommandContext } from '../context.js';
import { asOfFlag } from '../flags.js';
import { withLedger } from '../ledger-session.js';

/** Writes the site into `dir` (from the working directory) and says where its index is, on stderr. @internal */
export async function writeSiteFor(ctx: CommandContext, ledger: Ledger, dir: string, asOf: string): Promise<WriteSiteResult> {
  const title = ctx.string('title');
  const site = await writeSite(ledger, { outDir: resolve(ctx.io.cwd, dir), asOf, ...(title === undefined ? {} : { title }) });
  const { forecasters, questions, sources } = site.pages;
  const shown = relative(ctx.io.cwd, site.index);
  ctx.out.success(
    `wrote the site to ${relative(ctx.io.cwd, site.outDir) || '.'}: ${site.files.length} files (${forecasters} forecaster, ${questions} question and ${sources} source pages)`,
  );
  ctx.out.info(`open ${shown.startsWith('..') ? site.index : shown} in a browser`);
  return site;
}

/** `forecast-ledger site --out <dir>`: the ledger as a static website; prints the path of its index page. */
export async function run(ctx: CommandContext): Promise<void> {
  const out = ctx.string('out')!;
  const asOf = asOfFlag(ctx);
  await withLedger(ctx, {}, async (ledger) => {
    const site = await writeSiteFor(ctx, ledger, out, asOf);
    ctx.out.result(site);
    ctx.out.data(site.index);
  });
}
