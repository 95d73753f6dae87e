import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderIcs } from '../format/render-ics.js';
import { LedgerError } from '../errors.js';
import { questionCalendarEvents } from '../format/question-calendar.js';
import { safeJson } from '../format/safe-text.js';
import { z } from 'zod';
import { parseArg, PathArg } from '../_internal/validate-args.js';
import { Ledger } from '../ledger.js';
import { invalidInput } from '../scoring/_internal/validate.js';
import { asOfDate } from '../scoring/scorecard/_shared.js';
import { renderClaimsPage } from './page-claims.js';
import { renderForecasterPage } from './page-forecaster.js';
import { renderIndexPage } from './page-index.js';
import { renderQuestionPage } from './page-question.js';
import { renderSourcePage, renderSourcesPage } from './page-source.js';
import { SITE_CSS, SITE_JS } from './site-assets.js';
import { loadSiteData, type SiteData } from './site-data.js';
import { sitePath } from './site-layout.js';

/** Options of {@link writeSite}. */
export interface WriteSiteOptions {
  /** The folder to write the site into; created when missing. Relative paths are resolved from the working directory. */
  readonly outDir: string;
  /** The site's name, in the header and every title; default `forecast-ledger`. */
  readonly title?: string;
  /** The date the site is drawn up on (ISO `YYYY-MM-DD`): what is due soon, overdue, pending. Default today (UTC). */
  readonly asOf?: string;
  /** When the calendar was generated (its DTSTAMP); default now. */
  readonly generatedAt?: Date;
}

/** A ledger made by `openLedger` (or `new Ledger`). */
const LedgerArg = z.custom<Ledger>((value) => value instanceof Ledger, { error: 'expected a ledger from openLedger()' });

/** {@link WriteSiteOptions}, checked: unknown keys are `unknown_option`. */
const WriteSiteOptionsArg = z.strictObject(
  {
    outDir: z.unknown().optional(), // checked below, with its own message
    title: z.string({ error: 'expected the title as a string' }).optional(),
    asOf: z.string({ error: 'expected an ISO date "YYYY-MM-DD"' }).optional(),
    generatedAt: z.date({ error: 'expected a valid Date' }).optional(),
  },
  { error: 'expected an options object with outDir' },
);

/** What {@link writeSite} wrote. */
export interface WriteSiteResult {
  /** The absolute path of the folder written. */
  readonly outDir: string;
  /** The absolute path of the site's `index.html`: open it in a browser. */
  readonly index: string;
  /** Every file written, relative to `outDir`, with `/` separators, sorted. */
  readonly files: readonly string[];
  /** How many pages of each kind. */
  readonly pages: { readonly forecasters: number; readonly questions: number; readonly sources: number };
}

/** Every file of the site, path → content, rendered in memory. @internal */
export function renderSiteFiles(data: SiteData, calendar: string, json: string): Map<string, string> {
  const files = new Map<string, string>([
    ['index.html', renderIndexPage(data)],
    ['claims.html', renderClaimsPage(data)],
    ['sources.html', renderSourcesPage(data)],
    ['assets/site.css', SITE_CSS],
    ['assets/site.js', SITE_JS],
    ['ledger.ics', calendar],
    ['ledger.json', json],
  ]);
  for (const sc of data.scorecards) files.set(sitePath.forecaster(sc.forecaster.id), renderForecasterPage(data, sc));
  for (const record of data.questions) files.set(sitePath.question(record.question.id), renderQuestionPage(data, record));
  for (const source of data.sources.values()) files.set(sitePath.source(source.id), renderSourcePage(data, source));
  return files;
}

function writeFile(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (cause) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the folder itself could not be made: nothing to clean up
    }
    throw new LedgerError('storage_error', `writeSite: cannot write ${path}: ${(cause as Error).message}. Choose an outDir you can write to.`, {
      cause,
      details: { path },
    });
  }
}

/**
 * Writes a static website of the ledger: one page per forecaster, question and source, an index,
 * a page to search and filter every claim, and the calendar and JSON export as downloads.
 *
 * @remarks
 * The site is plain files that work from `file://` and from any static host, with no server and no
 * request to anywhere else:
 * - `index.html`: the leaderboard, what comes due soon, what is overdue, what resolved lately, the
 *   calibration of everyone's binary forecasts pooled, every forecaster, the downloads;
 * - `forecasters/<id>.html`: the scorecard, the calibration chart, the claims over time, every claim;
 * - `questions/<id>.html`: statement, criteria, every forecast over time (chart and table), each
 *   forecast's source and excerpt with its English reading, the resolution with its evidence, and the
 *   question's events with their hashes and the result of {@link Ledger.verify};
 * - `sources/<id>.html` and `sources.html`: each document and the claims taken from it;
 * - `claims.html`: every claim, with a search box and filters (forecaster, tag, status, kind,
 *   stance, due range) run by `assets/site.js` in the browser; every page's search box leads there;
 * - `ledger.ics` (as `forecast-ledger export --format ics`) and `ledger.json` (as `exportData()`,
 *   which `importPredictions` reads back).
 *
 * Every page carries a Content-Security-Policy allowing only the site's own stylesheet and script
 * (`default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:`); all text from
 * the ledger is HTML-escaped, and only `http(s)` URLs become links. Every chart has a table or list
 * with the same figures. Everything is rendered in memory first, so a failure while reading or
 * rendering writes nothing; each file is then written through a temporary file and a rename.
 * Files the site no longer has (none, as records are never removed) are not deleted.
 *
 * @param ledger - an open ledger
 * @param options - `outDir` (required), `title`, `asOf`, `generatedAt`
 * @returns the folder, its index page, every file written and the page counts
 * @throws LedgerError `validation_failed` for a `ledger` that is not one, a missing `outDir` (or one
 *   with a NUL), a `title` that is not text, an invalid `generatedAt` or an `asOf` that is not an ISO
 *   date; `unknown_option` for an option it does not know; `storage_error` when a file cannot be written; `ledger_closed` for a closed ledger
 *
 * @example
 * ```ts
 * const ledger = await openLedger(':memory:');
 * await ledger.importPredictions('predictions/');
 * const site = await writeSite(ledger, { outDir: 'site', asOf: '2026-01-01' });
 * site.files.includes('index.html'); //=> true
 * ```
 */
export async function writeSite(ledger: Ledger, options: WriteSiteOptions): Promise<WriteSiteResult> {
  ledger = parseArg('writeSite', 'ledger', LedgerArg, ledger);
  options = parseArg('writeSite', 'options', WriteSiteOptionsArg, options) as WriteSiteOptions;
  const outDir = options.outDir;
  if (typeof outDir !== 'string' || outDir.trim() === '') {
    throw invalidInput('writeSite', 'options.outDir', 'to be the path of the folder to write the site into', outDir, 'Pass { outDir: "site" }.');
  }
  parseArg('writeSite', 'options.outDir', PathArg, outDir);
  const asOf = asOfDate('writeSite', options.asOf);
  const title = options.title ?? 'forecast-ledger';
  const data = await loadSiteData(ledger, { title, asOf });
  const [questions, forecasts, exported] = await Promise.all([ledger.listQuestions(), ledger.listForecasts(), ledger.exportData()]);
  const calendar = renderIcs(questionCalendarEvents(questions, forecasts), {
    prodId: '-//forecast-ledger//site//EN',
    name: title,
    stamp: options.generatedAt ?? new Date(),
  });
  const files = renderSiteFiles(data, calendar, `${safeJson(exported, undefined, 2)}\n`);
  const root = resolve(outDir);
  for (const [path, content] of files) writeFile(join(root, ...path.split('/')), content);
  return {
    outDir: root,
    index: join(root, 'index.html'),
    files: [...files.keys()].sort(),
    pages: { forecasters: data.scorecards.length, questions: data.questions.length, sources: data.sources.size },
  };
}
