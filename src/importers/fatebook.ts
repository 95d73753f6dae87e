import { basename } from 'node:path';
import type { ValidationIssue } from '../errors.js';
import type { ForecastInput } from '../model/forecast.js';
import type { ForecasterInput } from '../model/forecaster.js';
import { FORMAT_VERSION } from '../model/prediction-file.js';
import type { QuestionInput } from '../model/question.js';
import type { ResolutionInput } from '../model/resolution.js';
import { parseArg } from '../_internal/validate-args.js';
import { FileTextArg, mapChecked, PathArg } from './importer-args.js';
import { parseCsv, type CsvRecord } from './parse-csv.js';
import {
  forecastIdOf,
  invalidFile,
  lateForecastReason,
  readTextFile,
  shortHash,
  slugify,
  slugPart,
  type PlatformImport,
  type UnmappedItem,
} from './platform-import.js';

/** The columns of Fatebook's CSV export that the importer needs (`lib/web/export.ts`). */
export const FATEBOOK_REQUIRED_COLUMNS = [
  'Question title',
  'Forecast created by',
  'Forecast (scale = 0-1)',
  'Forecast created at',
  'Question created at',
  'Question resolve by',
  'Resolution',
  'Resolved at',
] as const;

const MC_COLUMN = 'Multiple choice option';

/**
 * A Fatebook export time as ISO-8601 UTC. Fatebook writes dates with `getDateTimeYYYYMMDDHHMMSS`:
 * `YYYY-MM-DD HH:MM:S` (seconds not zero-padded) in the server's time zone, taken to be UTC.
 */
function fatebookTime(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2}):(\d{1,2})(?:\.\d+)?Z?$/.exec(text.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]!.padStart(2, '0')}:${m[5]}:${m[6]!.padStart(2, '0')}Z`;
  return Number.isNaN(Date.parse(iso)) || new Date(iso).toISOString().slice(0, 10) !== iso.slice(0, 10) ? undefined : iso;
}

interface Row {
  line: number;
  title: string;
  option?: string;
  by: string;
  forecast: number;
  madeAt: string;
  createdAt: string;
  resolveOn: string;
  resolution: string;
  resolvedOn?: string;
  notes?: string;
  tags: string[];
}

/** Reads and checks every row; all problems are thrown together, naming the file and line. */
function readRows(file: string, records: CsvRecord[]): Row[] {
  const issues: ValidationIssue[] = [];
  const rows: Row[] = [];
  for (const { line, fields } of records) {
    const bad = (column: string, expected: string, received: string) =>
      issues.push({ code: 'validation_failed', file, path: `line ${line} › ${column}`, message: `expected ${expected}, received ${JSON.stringify(received)}` });
    const title = fields['Question title']!.trim();
    if (!title) bad('Question title', 'the question', '');
    const forecast = Number(fields['Forecast (scale = 0-1)']);
    if (fields['Forecast (scale = 0-1)']!.trim() === '' || !(forecast >= 0 && forecast <= 1))
      bad('Forecast (scale = 0-1)', 'a probability from 0 to 1', fields['Forecast (scale = 0-1)']!);
    const madeAt = fatebookTime(fields['Forecast created at']!);
    if (!madeAt) bad('Forecast created at', 'a time as YYYY-MM-DD HH:MM:SS', fields['Forecast created at']!);
    const createdAt = fatebookTime(fields['Question created at']!);
    if (!createdAt) bad('Question created at', 'a time as YYYY-MM-DD HH:MM:SS', fields['Question created at']!);
    const resolveBy = fatebookTime(fields['Question resolve by']!);
    if (!resolveBy) bad('Question resolve by', 'a time as YYYY-MM-DD HH:MM:SS', fields['Question resolve by']!);
    const resolution = fields.Resolution!.trim();
    if (!['', 'YES', 'NO', 'AMBIGUOUS'].includes(resolution)) bad('Resolution', 'YES, NO, AMBIGUOUS or nothing', resolution);
    const resolvedAtText = fields['Resolved at']!.trim();
    const resolvedAt = resolvedAtText ? fatebookTime(resolvedAtText) : undefined;
    if (resolvedAtText && !resolvedAt) bad('Resolved at', 'a time as YYYY-MM-DD HH:MM:SS or nothing', resolvedAtText);
    if (!madeAt || !createdAt || !resolveBy || !title || !(forecast >= 0 && forecast <= 1)) continue;
    const option = fields[MC_COLUMN]?.trim();
    const notes = fields['Question notes']?.trim();
    rows.push({
      line,
      title,
      ...(option ? { option } : {}),
      by: fields['Forecast created by']!.trim(),
      forecast,
      madeAt,
      createdAt,
      resolveOn: resolveBy.slice(0, 10),
      resolution,
      ...(resolvedAt ? { resolvedOn: resolvedAt.slice(0, 10) } : {}),
      ...(notes ? { notes } : {}),
      tags: (fields['Question tags'] ?? '')
        .split(';')
        .map((t) => slugify(t))
        .filter(Boolean),
    });
  }
  if (issues.length) throw invalidFile(issues, 'Fatebook CSV export');
  return rows;
}

/**
 * Turns a Fatebook CSV export ("Export all your forecasts") into a prediction file.
 *
 * @remarks
 * The columns are those of `questionsToCsv` in `lib/web/export.ts` of `Sage-Future/fatebook`: one row
 * per forecast (per option of a multiple-choice question), with its question repeated.
 * - A question is identified by its title and creation time (the export has no question id); its id is
 *   `fatebook.<title slug>-<hash>`. Binary questions become binary questions due on "Question resolve by"
 *   (semantics `by`); "Question notes" become the resolution criteria; "Question tags" become tags, with
 *   `fatebook`.
 * - A multiple-choice question (rows with "Multiple choice option") becomes a categorical question when
 *   every forecast's option probabilities sum to at most 1 (Fatebook's exclusive answers); otherwise
 *   (non-exclusive answers) one binary question per option. Options get slug ids of their text.
 * - "Forecast created by" becomes the forecaster `fatebook.<name>`; "Forecast created at" the `madeAt`
 *   (Fatebook writes server time without a zone; read as UTC). Rows of one forecaster at one time on a
 *   multiple-choice question form one categorical forecast.
 * - Resolution `YES`/`NO` → `resolved`; `AMBIGUOUS` → `ambiguous`; none → open; "Resolved at" is the
 *   resolution date. Fatebook's own Brier scores are not imported: the ledger computes its own.
 * - A forecast the ledger would refuse (made after the question's resolve-by date or after it resolved)
 *   and rows without a forecaster name are listed in `unmapped`.
 *
 * @param input - the file name (for provenance and errors) and its text
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `validation_failed` / `import_failed` naming the file, line and column of every bad row; nothing is returned then
 *
 * @example
 * ```ts
 * const result = fatebookToPredictions({ file: 'fatebook-export.csv', text: csv });
 * result.predictions.questions.length; //=> the number of questions in the export
 * ```
 */
export function fatebookToPredictions(input: { file: string; text: string }): PlatformImport {
  return mapChecked('fatebookToPredictions', 'input', FileTextArg, input, mapFatebook);
}

function mapFatebook(input: { file: string; text: string }): PlatformImport {
  const file = basename(input.file);
  const parsed = parseCsv(input.text);
  if ('error' in parsed)
    throw invalidFile(
      [{ code: 'validation_failed', file, path: `line ${parsed.line}`, message: `expected RFC 4180 CSV, received ${parsed.error}` }],
      'Fatebook CSV export',
    );
  const missing = FATEBOOK_REQUIRED_COLUMNS.filter((c) => !parsed.header.includes(c));
  if (missing.length) {
    throw invalidFile(
      [
        {
          code: 'validation_failed',
          file,
          path: 'line 1',
          message: `expected Fatebook's export columns, missing ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
        },
      ],
      'Fatebook CSV export',
    );
  }
  const unmapped: UnmappedItem[] = [];
  const rows = readRows(file, parsed.records).filter((r) => {
    if (r.by) return true;
    unmapped.push({ file, record: `line ${r.line}`, reason: 'no "Forecast created by": a forecast needs its forecaster' });
    return false;
  });

  const byQuestion = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.createdAt} ${r.title}`;
    const list = byQuestion.get(key);
    if (list) list.push(r);
    else byQuestion.set(key, [r]);
  }

  const questions: QuestionInput[] = [];
  const forecasts: ForecastInput[] = [];
  const resolutions: ResolutionInput[] = [];
  const forecasters = new Map<string, ForecasterInput>();
  const forecasterOf = (name: string): string => {
    const id = `fatebook.${slugPart(name)}`;
    if (!forecasters.has(id)) forecasters.set(id, { id, name, type: 'person', provenance: { platform: 'fatebook', id: name } });
    return id;
  };

  for (const [key, list] of byQuestion) {
    const first = list[0]!;
    const baseId = `fatebook.${slugify(first.title).slice(0, 60) || 'question'}-${shortHash(key)}`;
    const provenance = { platform: 'fatebook', id: `"${first.title}" created ${first.createdAt}`, file, record: `line ${first.line}` };
    const base = {
      title: first.title,
      statement: first.title,
      tags: ['fatebook', ...new Set(first.tags)],
      resolution: {
        resolveOn: first.resolveOn,
        horizon: `by ${first.resolveOn}`,
        semantics: 'by' as const,
        criteria: first.notes ?? 'as resolved by the question’s author on Fatebook',
      },
    };
    const resolutionOf = (
      questionId: string,
      resolution: string,
      resolvedOn: string | undefined,
      outcome?: ResolutionInput['outcome'],
    ): ResolutionInput | undefined => {
      if (!resolution) return undefined;
      const on = resolvedOn ?? first.resolveOn;
      const where = { platform: 'fatebook', id: provenance.id, file, record: `line ${first.line}` };
      if (resolution === 'AMBIGUOUS') return { questionId, status: 'ambiguous', resolvedOn: on, reason: 'resolved AMBIGUOUS on Fatebook', provenance: where };
      return {
        questionId,
        status: 'resolved',
        outcome: outcome!,
        resolvedOn: on,
        evidence: [{ description: `resolved ${resolution} on Fatebook (CSV export ${file})` }],
        provenance: where,
      };
    };
    const addForecast = (questionId: string, r: Row, estimate: ForecastInput['estimate'], resolvedOn: string | undefined) => {
      const late = lateForecastReason(r.madeAt, questionId, first.resolveOn, resolvedOn);
      if (late) return void unmapped.push({ file, record: `line ${r.line}`, reason: late });
      forecasts.push({
        id: forecastIdOf('fatebook', questionId, r.by, r.madeAt),
        questionId,
        forecasterId: forecasterOf(r.by),
        madeAt: r.madeAt,
        estimate,
        provenance: { platform: 'fatebook', id: `${provenance.id} by ${r.by} at ${r.madeAt}`, file, record: `line ${r.line}` },
      });
    };

    if (!list.some((r) => r.option)) {
      questions.push({ kind: 'binary', id: baseId, ...base, provenance });
      const res = resolutionOf(baseId, first.resolution, first.resolvedOn, { kind: 'binary', value: first.resolution === 'YES' });
      if (res) resolutions.push(res);
      for (const r of list) addForecast(baseId, r, { kind: 'binary', probability: r.forecast }, res?.resolvedOn);
      continue;
    }

    // Multiple choice: options in order of appearance, with slug ids unique within the question.
    const optionIds = new Map<string, string>();
    for (const r of list) {
      if (!r.option || optionIds.has(r.option)) continue;
      let id = slugify(r.option) || 'option';
      while ([...optionIds.values()].includes(id)) id = `${id}-${optionIds.size + 1}`;
      optionIds.set(r.option, id);
    }
    const groups = new Map<string, Row[]>();
    for (const r of list) {
      if (!r.option) {
        unmapped.push({ file, record: `line ${r.line}`, reason: 'a row without "Multiple choice option" on a multiple-choice question' });
        continue;
      }
      const g = `${r.by}\u0000${r.madeAt}`;
      groups.set(g, [...(groups.get(g) ?? []), r]);
    }
    const exclusive = optionIds.size >= 2 && [...groups.values()].every((g) => g.reduce((a, r) => a + r.forecast, 0) <= 1 + 1e-9);
    if (exclusive) {
      const options = [...optionIds].map(([label, id]) => ({ id, label }));
      questions.push({ kind: 'categorical', id: baseId, ...base, spec: { options }, provenance });
      const byOption = new Map(list.filter((r) => r.option).map((r) => [r.option!, r]));
      const yes = [...byOption.values()].filter((r) => r.resolution === 'YES');
      const ambiguous = [...byOption.values()].some((r) => r.resolution === 'AMBIGUOUS');
      const resolvedOn = [...byOption.values()].find((r) => r.resolvedOn)?.resolvedOn;
      let res: ResolutionInput | undefined;
      if (ambiguous) res = resolutionOf(baseId, 'AMBIGUOUS', resolvedOn);
      else if (yes.length === 1) res = resolutionOf(baseId, 'YES', resolvedOn, { kind: 'categorical', value: optionIds.get(yes[0]!.option!)! });
      else if (yes.length > 1 || [...byOption.values()].every((r) => r.resolution === 'NO')) {
        unmapped.push({
          file,
          record: `line ${first.line}`,
          reason: `multiple-choice question "${first.title}" resolved with ${yes.length} options YES: a categorical outcome needs exactly one; it stays open`,
        });
      }
      if (res) resolutions.push(res);
      for (const g of groups.values()) {
        const probabilities = Object.fromEntries(g.map((r) => [optionIds.get(r.option!)!, r.forecast]));
        addForecast(baseId, g[0]!, { kind: 'categorical', probabilities }, res?.resolvedOn);
      }
      continue;
    }
    // Non-exclusive answers: each option is its own yes/no question.
    unmapped.push({
      file,
      record: `line ${first.line}`,
      reason: `multiple-choice question "${first.title}" has forecasts summing to more than 1 (non-exclusive answers): imported as one binary question per option`,
    });
    for (const [label, optionId] of optionIds) {
      const id = `${baseId}.${optionId}`.slice(0, 160);
      const optionRows = list.filter((r) => r.option === label);
      questions.push({
        kind: 'binary',
        id,
        ...base,
        title: `${first.title} — ${label}`,
        statement: `${first.title} — ${label}`,
        provenance: { ...provenance, id: `${provenance.id} option "${label}"` },
      });
      const res = resolutionOf(id, optionRows[0]!.resolution, optionRows[0]!.resolvedOn, { kind: 'binary', value: optionRows[0]!.resolution === 'YES' });
      if (res) resolutions.push(res);
      for (const r of optionRows) addForecast(id, r, { kind: 'binary', probability: r.forecast }, res?.resolvedOn);
    }
  }

  return {
    platform: 'fatebook',
    predictions: { formatVersion: FORMAT_VERSION, forecasters: [...forecasters.values()], questions, forecasts, resolutions },
    unmapped,
    files: [input.file],
  };
}

/**
 * Reads a Fatebook CSV export and maps it with {@link fatebookToPredictions}.
 *
 * @param file - the CSV file
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `file_not_found`, `file_unreadable`, or `validation_failed` naming the line
 *
 * @example
 * ```ts
 * const result = readFatebook('fatebook-export.csv');
 * ```
 */
export function readFatebook(file: string): PlatformImport {
  file = parseArg('readFatebook', 'file', PathArg, file);
  return fatebookToPredictions({ file, text: readTextFile(file) });
}
