import { basename } from 'node:path';
import { z } from 'zod';
import { parseArg } from '../_internal/validate-args.js';
import type { ForecastInput } from '../model/forecast.js';
import type { ForecasterInput } from '../model/forecaster.js';
import { FORMAT_VERSION } from '../model/prediction-file.js';
import type { QuestionInput } from '../model/question.js';
import type { ResolutionInput } from '../model/resolution.js';
import { forecastIdOf, lateForecastReason, parsePlatformFile, readJsonFile, type PlatformImport, type UnmappedItem } from './platform-import.js';
import { FileDataArg, mapChecked, PathArg } from './importer-args.js';

const Time = z.iso.datetime({ offset: true });

/** One response (a confidence and/or a comment), as `ResponseSerializer` writes it. */
const PbResponse = z.object({
  id: z.number().int(),
  comment: z.string().nullable(),
  confidence: z.number().int().min(0).max(100).nullable(),
  created_at: Time,
  user_id: z.number().int(),
  user_label: z.string(),
});

/** One prediction, as `PredictionSerializer` writes it. */
const PbPrediction = z.object({
  id: z.number().int(),
  description: z.string().min(1),
  description_with_group: z.string().nullish(),
  deadline: Time,
  created_at: Time,
  updated_at: Time,
  creator_id: z.number().int(),
  creator_label: z.string().nullish(),
  outcome: z.boolean().nullable(),
  last_judgement_at: Time.nullish(),
  withdrawn: z.boolean(),
  prediction_group_id: z.number().int().nullish(),
  visibility: z.string().nullish(),
  responses: z.array(PbResponse),
});

/** `GET /api/my_predictions`: `{ user, predictions }` (`GET /api/predictions` is a list, `GET /api/predictions/:id` one prediction). */
const PbMyPredictions = z.object({ user: z.unknown().optional(), predictions: z.array(PbPrediction) });

/**
 * Turns PredictionBook API JSON into a prediction file.
 *
 * @remarks
 * Reads what `bellroy/predictionbook` serves (`app/controllers/api/predictions_controller.rb`,
 * `my_predictions_controller.rb`, `app/serializers/prediction_serializer.rb` and
 * `response_serializer.rb`): a list of predictions, one prediction, or `{ user, predictions }`.
 * - A prediction becomes a binary question `predictionbook.<id>` due on its `deadline` (semantics `by`),
 *   with its URL; a prediction group adds the tag `predictionbook-group-<id>`.
 * - Each response with a `confidence` (0–100) becomes a forecast by `predictionbook.<user_id>` (named by
 *   `user_label`) at `created_at`, its comment the note; a response with only a comment is listed in
 *   `unmapped`, as is one made after the deadline or the judgement (the ledger refuses those).
 * - `outcome` true/false (the latest judgement "right"/"wrong") → `resolved` on `last_judgement_at`;
 *   judged "unknown" → open (listed); `withdrawn` → `annulled` (the file has no withdrawal date: the last
 *   update is used).
 *
 * @param input - the file name (for provenance and errors) and its parsed JSON
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `validation_failed` / `import_failed` naming the file and record (`predictions[3].deadline`)
 *
 * @example
 * ```ts
 * const result = predictionBookToPredictions({ file: 'my_predictions.json', data });
 * ```
 */
export function predictionBookToPredictions(input: { file: string; data: unknown }): PlatformImport {
  return mapChecked('predictionBookToPredictions', 'input', FileDataArg, input, mapPredictionBook);
}

function mapPredictionBook(input: { file: string; data: unknown }): PlatformImport {
  const file = basename(input.file);
  // Pick the shape first, so errors name the field at fault rather than "no union member matched".
  const data = input.data;
  const shape = Array.isArray(data)
    ? z.array(PbPrediction)
    : typeof data === 'object' && data !== null && 'predictions' in data
      ? PbMyPredictions
      : PbPrediction;
  const parsed = parsePlatformFile(shape, data, input.file, 'PredictionBook API JSON');
  const [list, base] = Array.isArray(parsed) ? [parsed, ''] : 'predictions' in parsed ? [parsed.predictions, 'predictions'] : [[parsed], ''];
  const recordOf = (i: number) => (Array.isArray(parsed) || base ? `${base}[${i}]` : 'prediction');
  const unmapped: UnmappedItem[] = [];
  const questions: QuestionInput[] = [];
  const forecasts: ForecastInput[] = [];
  const resolutions: ResolutionInput[] = [];
  const forecasters = new Map<string, ForecasterInput>();

  list.forEach((p, i) => {
    const record = recordOf(i);
    const id = `predictionbook.${p.id}`;
    const url = `https://predictionbook.com/predictions/${p.id}`;
    const resolveOn = p.deadline.slice(0, 10);
    const provenance = { platform: 'predictionbook', id: String(p.id), url, file, record };
    questions.push({
      kind: 'binary',
      id,
      title: p.description,
      statement: p.description_with_group || p.description,
      resolution: { resolveOn, horizon: `by ${p.deadline}`, semantics: 'by', criteria: 'as judged right or wrong on PredictionBook' },
      tags: ['predictionbook', ...(p.prediction_group_id != null ? [`predictionbook-group-${p.prediction_group_id}`] : [])],
      provenance,
    });
    let resolvedOn: string | undefined;
    const lastResponse = p.responses.reduce((max, r) => (r.created_at.slice(0, 10) > max ? r.created_at.slice(0, 10) : max), '');
    if (p.withdrawn) {
      resolvedOn = [p.updated_at.slice(0, 10), lastResponse].sort().at(-1)!;
      resolutions.push({
        questionId: id,
        status: 'annulled',
        resolvedOn,
        reason: 'withdrawn by its creator on PredictionBook (never scored there)',
        provenance,
      });
    } else if (p.outcome !== null) {
      resolvedOn = (p.last_judgement_at ?? p.updated_at).slice(0, 10);
      resolutions.push({
        questionId: id,
        status: 'resolved',
        outcome: { kind: 'binary', value: p.outcome },
        resolvedOn,
        evidence: [{ description: `judged ${p.outcome ? 'right' : 'wrong'} on PredictionBook`, url }],
        provenance,
      });
    } else if (p.last_judgement_at) {
      unmapped.push({ file, record, reason: `prediction ${p.id} was judged "unknown" on PredictionBook: it stays open` });
    }
    p.responses.forEach((r, k) => {
      const where = `${record}.responses[${k}]`;
      if (r.confidence === null) {
        unmapped.push({ file, record: where, reason: `response ${r.id} is a comment without a confidence: not a forecast` });
        return;
      }
      const late = lateForecastReason(r.created_at, id, resolveOn, resolvedOn);
      if (late) return void unmapped.push({ file, record: where, reason: late });
      const forecasterId = `predictionbook.${r.user_id}`;
      if (!forecasters.has(forecasterId)) {
        forecasters.set(forecasterId, {
          id: forecasterId,
          name: r.user_label || `PredictionBook user ${r.user_id}`,
          type: 'person',
          provenance: { platform: 'predictionbook', id: String(r.user_id) },
        });
      }
      const note = r.comment?.trim();
      forecasts.push({
        id: forecastIdOf('predictionbook', String(r.id)),
        questionId: id,
        forecasterId,
        madeAt: r.created_at,
        estimate: { kind: 'binary', probability: r.confidence / 100 },
        ...(note ? { note } : {}),
        provenance: { platform: 'predictionbook', id: String(r.id), url, file, record: where },
      });
    });
  });

  return {
    platform: 'predictionbook',
    predictions: { formatVersion: FORMAT_VERSION, forecasters: [...forecasters.values()], questions, forecasts, resolutions },
    unmapped,
    files: [input.file],
  };
}

/**
 * Reads a PredictionBook API JSON file and maps it with {@link predictionBookToPredictions}.
 *
 * @param file - the JSON file (`.json` or `.json.gz`)
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `file_not_found`, `file_unreadable`, `invalid_json`, or `validation_failed` naming the record
 *
 * @example
 * ```ts
 * const result = readPredictionBook('my_predictions.json');
 * ```
 */
export function readPredictionBook(file: string): PlatformImport {
  file = parseArg('readPredictionBook', 'file', PathArg, file);
  return predictionBookToPredictions({ file, data: readJsonFile(file) });
}
