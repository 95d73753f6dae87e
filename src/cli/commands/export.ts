import type { Ledger } from '../../ledger.js';
import { safeJson } from '../../format/safe-text.js';
import { UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { documentFormat, emitDocument } from '../document-output.js';
import { effectiveProbability } from '../../core/effective-probability.js';
import { groupByQuestion, questionCalendarEvents } from '../../format/question-calendar.js';
import { withLedger } from '../ledger-session.js';
import { packageVersion } from '../package-version.js';
import { renderCsv, type CsvCell, type RenderCsvOptions } from '../render-csv.js';
import { renderIcs } from '../../format/render-ics.js';

const FORMATS = ['json', 'csv', 'ics'] as const;

const CSV_HEADER = [
  'question_id',
  'question_title',
  'kind',
  'stance',
  'resolve_on',
  'status',
  'outcome',
  'resolved_on',
  'unit',
  'forecast_id',
  'forecaster_id',
  'made_at',
  'probability',
  'point',
  'lower',
  'upper',
  'level',
  'earliest',
  'latest',
  'option_probabilities',
  'confidence_wording',
  'source_id',
  'excerpt',
] as const;

/** One CSV row per forecast, with its question and current resolution; a question without forecasts gets one row. */
async function csv(ledger: Ledger, options: RenderCsvOptions): Promise<string> {
  const [questions, forecasts] = await Promise.all([ledger.listQuestions({ order: 'recorded' }), ledger.listForecasts()]);
  const byQuestion = groupByQuestion(forecasts);
  const rows: CsvCell[][] = [[...CSV_HEADER]];
  for (const { question: q, status, resolution: r } of questions) {
    const questionCells: CsvCell[] = [
      q.id,
      q.title,
      q.kind,
      q.stance,
      q.resolution.resolveOn,
      status,
      r?.outcome?.value,
      r?.resolvedOn,
      q.kind === 'numeric' ? q.spec.unit : '',
    ];
    const own = byQuestion.get(q.id) ?? [];
    if (!own.length) rows.push([...questionCells, ...Array<CsvCell>(CSV_HEADER.length - questionCells.length).fill('')]);
    for (const f of own) {
      const e = f.estimate;
      rows.push([
        ...questionCells,
        f.id,
        f.forecasterId,
        f.madeAt,
        effectiveProbability(f) ?? undefined,
        e.kind === 'numeric' || e.kind === 'date' ? e.point : undefined,
        e.kind === 'numeric' ? e.interval?.lower : undefined,
        e.kind === 'numeric' ? e.interval?.upper : undefined,
        e.kind === 'numeric' ? e.interval?.level : undefined,
        e.kind === 'date' ? e.earliest : undefined,
        e.kind === 'date' ? e.latest : undefined,
        e.kind === 'categorical'
          ? Object.entries(e.probabilities)
              .map(([o, p]) => `${o}=${p}`)
              .join(';')
          : undefined,
        f.confidence?.wording,
        f.sourceId,
        f.excerpt,
      ]);
    }
  }
  return renderCsv(rows, options);
}

/** One all-day event per question on its due date. */
async function ics(ctx: CommandContext, ledger: Ledger): Promise<string> {
  const [questions, forecasts] = await Promise.all([ledger.listQuestions(), ledger.listForecasts()]);
  return renderIcs(questionCalendarEvents(questions, forecasts), {
    prodId: `-//forecast-ledger//forecast-ledger ${packageVersion()}//EN`,
    name: `forecast-ledger: ${ctx.dbLabel}`,
    stamp: new Date(),
  });
}

/** `forecast-ledger export`: the ledger as JSON (re-importable), CSV or an iCalendar of due dates. */
export async function run(ctx: CommandContext): Promise<void> {
  const format = documentFormat(ctx, FORMATS, 'json');
  const bom = ctx.flag('bom');
  if (bom && format !== 'csv')
    throw new UsageError(`export: --bom applies to --format csv only, received --format ${format}`, ctx.cli('export --format csv --bom --out <file>'));
  const content = await withLedger(ctx, {}, async (ledger) => {
    if (format === 'csv') return csv(ledger, { bom });
    if (format === 'ics') return ics(ctx, ledger);
    return `${safeJson(await ledger.exportData(), undefined, 2)}\n`;
  });
  emitDocument(ctx, format, content, `${ctx.dbLabel}`);
}
