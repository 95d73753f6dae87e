import { basename } from 'node:path';
import { z } from 'zod';
import { parseArg } from '../_internal/validate-args.js';
import type { ValidationIssue } from '../errors.js';
import type { ForecastInput } from '../model/forecast.js';
import type { ForecasterInput } from '../model/forecaster.js';
import { FORMAT_VERSION } from '../model/prediction-file.js';
import type { QuestionInput } from '../model/question.js';
import type { ResolutionInput } from '../model/resolution.js';
import {
  forecastIdOf,
  invalidFile,
  lateForecastReason,
  parsePlatformFile,
  readJsonFile,
  slugify,
  slugPart,
  urlOrUndefined,
  type PlatformImport,
  type UnmappedItem,
} from './platform-import.js';
import { ForecastBenchDataArg, ForecastBenchFilesArg, mapChecked } from './importer-args.js';

/** ForecastBench's sources whose questions resolve from a data series at set dates. */
export const FORECASTBENCH_DATA_SOURCES = ['acled', 'dbnomics', 'fred', 'wikipedia', 'yfinance'] as const;
/** ForecastBench's sources whose questions are prediction-market or forecasting-platform questions. */
export const FORECASTBENCH_MARKET_SOURCES = ['infer', 'manifold', 'metaculus', 'polymarket'] as const;

/** The attribution ForecastBench's licence asks for, carried on every imported question's provenance note. */
export const FORECASTBENCH_ATTRIBUTION =
  'ForecastBench data © Forecasting Research Institute (Karger et al., ICLR 2025), CC BY-SA 4.0, https://www.forecastbench.org';

const IsoDay = z.iso.date();
const RawId = z.union([z.string().min(1), z.array(z.string()).min(2)]);

const QuestionSetFile = z.object({
  forecast_due_date: IsoDay,
  question_set: z.string().min(1),
  questions: z.array(
    z.object({
      id: RawId,
      source: z.string().min(1),
      question: z.string().min(1),
      resolution_criteria: z.string().min(1),
      background: z.string().nullish(),
      url: z.string().nullish(),
      market_info_close_datetime: z.string().nullish(),
      market_info_resolution_criteria: z.string().nullish(),
      resolution_dates: z.union([z.array(IsoDay), z.literal('N/A')]),
    }),
  ),
});

const ForecastSetFile = z.object({
  organization: z.string().min(1),
  model: z.string().min(1),
  question_set: z.string().min(1).optional(),
  'question-set': z.string().min(1).optional(),
  forecast_due_date: IsoDay,
  forecasts: z.array(
    z.object({
      id: RawId,
      source: z.string().min(1),
      forecast: z.number().min(0, 'a forecast must be ≥ 0').max(1, 'a forecast must be ≤ 1'),
      resolution_date: IsoDay.nullish(),
      reasoning: z.string().nullish(),
      user_id: z.string().min(1).nullish(),
      direction: z.unknown().optional(),
    }),
  ),
});

const ResolutionSetFile = z.object({
  forecast_due_date: IsoDay,
  question_set: z.string().min(1),
  resolutions: z.array(
    z.object({
      id: RawId,
      source: z.string().min(1),
      resolution_date: IsoDay,
      resolved_to: z.number().nullable(),
      resolved: z.boolean(),
      direction: z.unknown().optional(),
    }),
  ),
});

/** ForecastBench files to import: one question set, its forecast sets and (optionally) a resolution set. */
export interface ForecastBenchFiles {
  /** A question set, e.g. `2024-07-21-human.json` (`.json.gz` is read too). */
  questionSet: string;
  /** Forecast sets for that question set (human individual forecasts, or an LLM's). */
  forecastSets: readonly string[];
  /** A resolution set for the same round; without one every question stays open. */
  resolutionSet?: string;
}

/** ForecastBench data already parsed from JSON, with the file names it came from (for provenance and errors). */
export interface ForecastBenchData {
  questionSet: { file: string; data: unknown };
  forecastSets: readonly { file: string; data: unknown }[];
  resolutionSet?: { file: string; data: unknown };
}

const isMarket = (source: string): boolean => (FORECASTBENCH_MARKET_SOURCES as readonly string[]).includes(source);
const isData = (source: string): boolean => (FORECASTBENCH_DATA_SOURCES as readonly string[]).includes(source);

/** The ledger question id of a ForecastBench question (and resolution date, for data questions). */
function questionId(due: string, source: string, id: string, date?: string): string {
  return ['forecastbench', due, source, slugPart(id), ...(date ? [date] : [])].join('.');
}

/**
 * Turns ForecastBench question, forecast and resolution sets into one prediction file.
 *
 * @remarks
 * The mapping follows ForecastBench's own scoring (`src/resolve_forecasts/main.py` and
 * `src/leaderboard/main.py` of `forecastingresearch/forecastbench`): one scored unit per question and
 * resolution date.
 * - A **data** question (ACLED, DBnomics, FRED, Wikipedia, yfinance) with n resolution dates becomes
 *   n binary questions, one per date (`resolveOn` that date, semantics `at`), with the placeholders
 *   `{resolution_date}` and `{forecast_due_date}` filled in. Each forecast goes to the question of its
 *   `resolution_date`.
 * - A **market** question (INFER, Manifold, Metaculus, Polymarket) becomes one binary question due on
 *   the market's close date (semantics `by`); a forecast on it counts once, whatever horizon.
 * - Resolutions: a resolved 0 or 1 becomes a `resolved` outcome; a data question/date that the
 *   resolution set leaves out although its date has passed, and a market it leaves out, were dropped
 *   by ForecastBench as N/A (no data, or the market resolved before the due date): they are
 *   **annulled** with that reason. Unresolved markets (scored by ForecastBench against the latest
 *   market value) and data dates still to come stay open. A market's resolution date is not in the
 *   file: the importer records the earlier of its close date and the latest date of the set.
 * - Forecasters: one per `user_id` of a human forecast set, else one for the organization and model.
 *   Forecasts are dated on the forecast due date (`madeAtBasis` says so); `reasoning` becomes the note.
 * - Tags: `forecastbench`, `forecastbench-dataset` or `forecastbench-market`, `forecastbench-<source>`
 *   and `forecastbench-<due date>`, so leaderboards can be limited to each part.
 * - Combination questions, directions, fractional resolutions, forecasts on unknown questions or
 *   dates, and forecasts dated after the question closed are listed in `unmapped`, not dropped silently.
 *
 * Every record carries `provenance` (platform `forecastbench`, original id, URL, file and record).
 * ForecastBench data is CC BY-SA 4.0 (Forecasting Research Institute): see {@link FORECASTBENCH_ATTRIBUTION}.
 *
 * @param input - the parsed files and their names
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `validation_failed` / `import_failed` naming the file and record
 *   (`forecasts[12].forecast`) when a file does not have ForecastBench's shape; nothing is returned then
 *
 * @example
 * ```ts
 * const result = forecastBenchToPredictions({ questionSet: { file: 'q.json', data: q }, forecastSets: [{ file: 'f.json', data: f }] });
 * await ledger.importPredictions(result.predictions);
 * ```
 */
export function forecastBenchToPredictions(input: ForecastBenchData): PlatformImport {
  return mapChecked('forecastBenchToPredictions', 'input', ForecastBenchDataArg, input, mapForecastBench);
}

function mapForecastBench(input: ForecastBenchData): PlatformImport {
  const qsFile = basename(input.questionSet.file);
  const qs = parsePlatformFile(QuestionSetFile, input.questionSet.data, input.questionSet.file, 'ForecastBench question set');
  const sets = input.forecastSets.map((s) => ({
    file: basename(s.file),
    set: parsePlatformFile(ForecastSetFile, s.data, s.file, 'ForecastBench forecast set'),
  }));
  const rsFile = input.resolutionSet ? basename(input.resolutionSet.file) : undefined;
  const rs = input.resolutionSet
    ? parsePlatformFile(ResolutionSetFile, input.resolutionSet.data, input.resolutionSet.file, 'ForecastBench resolution set')
    : undefined;
  const due = qs.forecast_due_date;
  const mismatches: ValidationIssue[] = [];
  for (const { file, set } of sets) {
    if (set.forecast_due_date !== due) {
      mismatches.push({
        code: 'validation_failed',
        file,
        path: 'forecast_due_date',
        message: `expected the question set's due date ${due}, received ${set.forecast_due_date}`,
      });
    }
  }
  if (rs && rs.forecast_due_date !== due) {
    mismatches.push({
      code: 'validation_failed',
      file: rsFile!,
      path: 'forecast_due_date',
      message: `expected the question set's due date ${due}, received ${rs.forecast_due_date}`,
    });
  }
  if (mismatches.length) throw invalidFile(mismatches, 'ForecastBench files');

  const unmapped: UnmappedItem[] = [];
  const questions: QuestionInput[] = [];
  const forecasts: ForecastInput[] = [];
  const resolutions: ResolutionInput[] = [];
  const forecasters = new Map<string, ForecasterInput>();
  /** Ledger question id and close date, by `source|id|date` (date empty for markets). */
  const known = new Map<string, { id: string; resolveOn: string }>();

  // Resolutions by source|id|date; the latest date of the set is when it speaks of.
  const resolutionRows = new Map<string, { index: number; row: z.infer<typeof ResolutionSetFile>['resolutions'][number] }[]>();
  let asOf = due;
  rs?.resolutions.forEach((row, index) => {
    if (typeof row.id !== 'string') return; // combination questions: reported with the question set
    if (row.resolution_date > asOf) asOf = row.resolution_date;
    const key = `${row.source}|${row.id}`;
    const list = resolutionRows.get(key);
    if (list) list.push({ index, row });
    else resolutionRows.set(key, [{ index, row }]);
  });

  const evidence = (row: { resolved_to: number | null; resolution_date: string }, source: string, id: string, url?: string) => [
    {
      description: `ForecastBench resolution set ${rsFile}: ${source} question ${id} resolved to ${row.resolved_to} (as of ${row.resolution_date})`,
      ...(url ? { url } : {}),
    },
  ];

  qs.questions.forEach((q, index) => {
    const record = `questions[${index}]`;
    if (typeof q.id !== 'string') {
      unmapped.push({
        file: qsFile,
        record,
        reason: `combination question ${JSON.stringify(q.id)} (${q.source}): the ledger has no combined questions; import its parts`,
      });
      return;
    }
    if (!isMarket(q.source) && !isData(q.source)) {
      unmapped.push({
        file: qsFile,
        record,
        reason: `unknown ForecastBench source "${q.source}": expected one of ${[...FORECASTBENCH_DATA_SOURCES, ...FORECASTBENCH_MARKET_SOURCES].join(', ')}`,
      });
      return;
    }
    const market = isMarket(q.source);
    const url = urlOrUndefined(q.url);
    const provenance = { platform: 'forecastbench', id: q.id, ...(url ? { url } : {}), file: qsFile, record };
    const tags = ['forecastbench', market ? 'forecastbench-market' : 'forecastbench-dataset', `forecastbench-${slugify(q.source)}`, `forecastbench-${due}`];
    const criteria = [
      q.resolution_criteria,
      q.market_info_resolution_criteria && q.market_info_resolution_criteria !== 'N/A' ? q.market_info_resolution_criteria : undefined,
    ]
      .filter(Boolean)
      .join('\n\n');
    const rows = resolutionRows.get(`${q.source}|${q.id}`) ?? [];
    if (market) {
      const close = q.market_info_close_datetime && q.market_info_close_datetime !== 'N/A' ? q.market_info_close_datetime.slice(0, 10) : undefined;
      const resolveOn = close ?? asOf;
      const id = questionId(due, q.source, q.id);
      known.set(`${q.source}|${q.id}|`, { id, resolveOn });
      questions.push({
        kind: 'binary',
        id,
        title: firstLine(q.question),
        statement: q.question,
        resolution: { resolveOn, horizon: close ? `when the market resolves (it closes ${close})` : 'when the market resolves', semantics: 'by', criteria },
        tags,
        provenance,
      });
      if (!rs) return;
      const resolved = rows.find((r) => r.row.resolved);
      if (resolved && (resolved.row.resolved_to === 0 || resolved.row.resolved_to === 1)) {
        resolutions.push({
          questionId: id,
          status: 'resolved',
          outcome: { kind: 'binary', value: resolved.row.resolved_to === 1 },
          resolvedOn: close && close < asOf ? close : asOf,
          evidence: evidence(resolved.row, q.source, q.id, url),
          provenance: { platform: 'forecastbench', id: q.id, file: rsFile!, record: `resolutions[${resolved.index}]` },
        });
      } else if (resolved) {
        unmapped.push({
          file: rsFile!,
          record: `resolutions[${resolved.index}]`,
          reason: `market ${q.id} resolved to ${resolved.row.resolved_to}, not 0 or 1: a binary outcome cannot hold it; the question stays open`,
        });
      } else if (!rows.length) {
        resolutions.push({
          questionId: id,
          status: 'annulled',
          resolvedOn: asOf,
          reason: `ForecastBench resolution set ${rsFile} has no value for it: ForecastBench drops a market that resolved before the forecast due date or has no data (N/A)`,
          provenance: { platform: 'forecastbench', id: q.id, file: rsFile! },
        });
      } else {
        const latest = rows[rows.length - 1]!.row;
        unmapped.push({
          file: rsFile!,
          record: `resolutions[${rows[rows.length - 1]!.index}]`,
          reason: `market ${q.id} is unresolved: ForecastBench scores it against the market value ${latest.resolved_to}; the ledger keeps it open until it resolves`,
        });
      }
      return;
    }
    const dates = q.resolution_dates === 'N/A' ? [] : q.resolution_dates;
    if (!dates.length) unmapped.push({ file: qsFile, record, reason: `data question ${q.id} has no resolution dates` });
    for (const date of dates) {
      const id = questionId(due, q.source, q.id, date);
      known.set(`${q.source}|${q.id}|${date}`, { id, resolveOn: date });
      const text = q.question.replaceAll('{resolution_date}', date).replaceAll('{forecast_due_date}', due);
      questions.push({
        kind: 'binary',
        id,
        title: firstLine(text),
        statement: text,
        resolution: {
          resolveOn: date,
          horizon: `on ${date}`,
          semantics: 'at',
          criteria: criteria.replaceAll('{resolution_date}', date).replaceAll('{forecast_due_date}', due),
        },
        tags,
        provenance: { ...provenance, id: `${q.id}@${date}` },
      });
      if (!rs) continue;
      const hit = rows.find((r) => r.row.resolution_date === date);
      if (hit?.row.resolved && (hit.row.resolved_to === 0 || hit.row.resolved_to === 1)) {
        resolutions.push({
          questionId: id,
          status: 'resolved',
          outcome: { kind: 'binary', value: hit.row.resolved_to === 1 },
          resolvedOn: date,
          evidence: evidence(hit.row, q.source, q.id, url),
          provenance: { platform: 'forecastbench', id: `${q.id}@${date}`, file: rsFile!, record: `resolutions[${hit.index}]` },
        });
      } else if (hit?.row.resolved) {
        unmapped.push({
          file: rsFile!,
          record: `resolutions[${hit.index}]`,
          reason: `${q.source} question ${q.id} at ${date} resolved to ${hit.row.resolved_to}, not 0 or 1; it stays open`,
        });
      } else if (!hit && date <= asOf) {
        resolutions.push({
          questionId: id,
          status: 'annulled',
          resolvedOn: date,
          reason: `ForecastBench resolution set ${rsFile} has no value for ${date}: the data source gave none, so ForecastBench resolved it N/A and does not score it`,
          provenance: { platform: 'forecastbench', id: `${q.id}@${date}`, file: rsFile! },
        });
      }
    }
  });

  for (const { file, set } of sets) {
    set.forecasts.forEach((f, index) => {
      const record = `forecasts[${index}]`;
      if (typeof f.id !== 'string') {
        unmapped.push({ file, record, reason: `forecast on the combination question ${JSON.stringify(f.id)}: combination questions are not imported` });
        return;
      }
      const date = isMarket(f.source) ? '' : (f.resolution_date ?? '');
      const target = known.get(`${f.source}|${f.id}|${date}`);
      if (!target) {
        unmapped.push({ file, record, reason: `no question ${f.source} ${f.id}${date ? ` with resolution date ${date}` : ''} in ${qsFile}` });
        return;
      }
      const late = lateForecastReason(due, target.id, target.resolveOn);
      if (late) {
        unmapped.push({ file, record, reason: late });
        return;
      }
      const forecasterId = forecasterOf(set, f.user_id ?? undefined, forecasters);
      const reasoning = f.reasoning?.trim();
      forecasts.push({
        id: forecastIdOf('forecastbench', target.id, forecasterId),
        questionId: target.id,
        forecasterId,
        madeAt: due,
        madeAtBasis: 'ForecastBench forecast due date (forecasts are submitted by then)',
        estimate: { kind: 'binary', probability: f.forecast },
        ...(reasoning ? { note: reasoning } : {}),
        provenance: { platform: 'forecastbench', id: `${f.id}${date ? `@${date}` : ''}${f.user_id ? `#${f.user_id}` : ''}`, file, record },
      });
    });
  }

  return {
    platform: 'forecastbench',
    predictions: { formatVersion: FORMAT_VERSION, forecasters: [...forecasters.values()], questions, forecasts, resolutions },
    unmapped,
    files: [input.questionSet.file, ...input.forecastSets.map((s) => s.file), ...(input.resolutionSet ? [input.resolutionSet.file] : [])],
  };
}

/** The forecaster of a forecast: the user of a human set, else the organization and model. */
function forecasterOf(set: z.infer<typeof ForecastSetFile>, userId: string | undefined, forecasters: Map<string, ForecasterInput>): string {
  const group = slugify(set.model) || 'model';
  const id = userId ? `forecastbench.${group}.${slugPart(userId)}` : `forecastbench.${slugify(set.organization) || 'organization'}.${group}`;
  if (!forecasters.has(id)) {
    forecasters.set(id, {
      id,
      name: userId ? `${set.model} ${userId}` : `${set.organization} ${set.model}`,
      type: userId ? 'person' : 'organization',
      affiliation: set.organization,
      description: `Imported from ForecastBench (${FORECASTBENCH_ATTRIBUTION}).`,
      provenance: { platform: 'forecastbench', id: userId ?? `${set.organization}/${set.model}` },
    });
  }
  return id;
}

/** The first line of a question, cut to 200 characters, as its title. */
function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/**
 * Reads ForecastBench files (`.json` or `.json.gz`) and maps them with {@link forecastBenchToPredictions}.
 *
 * @param files - the question set, the forecast sets and (optionally) the resolution set
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `file_not_found`, `file_unreadable`, `invalid_json`, or `validation_failed` naming the file and record
 *
 * @example
 * ```ts
 * const result = readForecastBench({ questionSet: '2024-07-21-human.json', forecastSets: ['supers.json'], resolutionSet: 'res.json' });
 * result.unmapped.length; //=> the records the ledger cannot hold, each with its reason
 * ```
 */
export function readForecastBench(files: ForecastBenchFiles): PlatformImport {
  files = parseArg('readForecastBench', 'files', ForecastBenchFilesArg, files);
  return forecastBenchToPredictions({
    questionSet: { file: files.questionSet, data: readJsonFile(files.questionSet) },
    forecastSets: files.forecastSets.map((file) => ({ file, data: readJsonFile(file) })),
    ...(files.resolutionSet ? { resolutionSet: { file: files.resolutionSet, data: readJsonFile(files.resolutionSet) } } : {}),
  });
}
