import { basename } from 'node:path';
import { z } from 'zod';
import { parseArg } from '../_internal/validate-args.js';
import type { Estimate, ForecastInput } from '../model/forecast.js';
import type { ForecasterInput } from '../model/forecaster.js';
import { FORMAT_VERSION } from '../model/prediction-file.js';
import type { QuestionInput } from '../model/question.js';
import type { QuestionUpdate } from '../model/question-update.js';
import type { ResolutionInput } from '../model/resolution.js';
import { forecastIdOf, lateForecastReason, parsePlatformFile, readJsonFile, slugify, type PlatformImport, type UnmappedItem } from './platform-import.js';
import { FileDataArg, mapChecked, PathArg } from './importer-args.js';

const Time = z.iso.datetime({ offset: true });

/** One forecast of `my_forecasts.history`, as `MyForecastSerializer` writes it (`questions/serializers/common.py`). */
const MyForecast = z.object({
  question_id: z.number().int().optional(),
  author_id: z.number().int(),
  start_time: z.number(),
  end_time: z.number().nullable(),
  forecast_values: z.array(z.number().nullable()).nullish(),
  interval_lower_bounds: z.array(z.number()).nullish(),
  centers: z.array(z.number()).nullish(),
  interval_upper_bounds: z.array(z.number()).nullish(),
});

const MetaculusQuestion = z.object({
  id: z.number().int(),
  title: z.string().min(1),
  description: z.string().nullish(),
  type: z.enum(['binary', 'multiple_choice', 'numeric', 'discrete', 'date']),
  options: z.array(z.string()).nullish(),
  all_options_ever: z.array(z.string()).nullish(),
  scheduled_close_time: Time,
  actual_close_time: Time.nullish(),
  scheduled_resolve_time: Time,
  actual_resolve_time: Time.nullish(),
  resolution_set_time: Time.nullish(),
  resolution: z.string().nullish(),
  resolution_criteria: z.string().nullish(),
  fine_print: z.string().nullish(),
  unit: z.string().nullish(),
  scaling: z.object({ range_min: z.number().nullish(), range_max: z.number().nullish(), zero_point: z.number().nullish() }).nullish(),
  my_forecasts: z.object({ history: z.array(MyForecast) }).nullish(),
});
type MetaculusQuestion = z.infer<typeof MetaculusQuestion>;

const Post = z.object({
  id: z.number().int(),
  title: z.string().optional(),
  question: MetaculusQuestion.nullish(),
  group_of_questions: z.object({ questions: z.array(MetaculusQuestion) }).nullish(),
  conditional: z.unknown().optional(),
});

/** `GET /api/posts/` (`{ results }`), fetched with your token so `my_forecasts` is filled; `GET /api/posts/{postId}/` is one post. */
const PostList = z.object({ results: z.array(Post) });

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

/** Metaculus's `unscaled_location_to_scaled_location` (`utils/the_math/formulas.py`): [0, 1] → the question's scale. */
function scaled(x: number, q: MetaculusQuestion): number | undefined {
  const min = q.scaling?.range_min;
  const max = q.scaling?.range_max;
  const zero = q.scaling?.zero_point;
  if (min == null || max == null) return undefined;
  if (zero != null) {
    const ratio = (max - zero) / (min - zero);
    return min + ((max - min) * (ratio ** x - 1)) / (ratio - 1);
  }
  return min + (max - min) * x;
}

/** The ledger estimate of one Metaculus forecast, or why there is none. */
function estimateOf(q: MetaculusQuestion, f: z.infer<typeof MyForecast>, optionIds: readonly string[]): Estimate | string {
  const values = f.forecast_values;
  if (q.type === 'binary') {
    const p = values?.[1];
    return typeof p === 'number' ? { kind: 'binary', probability: p } : 'a binary forecast without forecast_values';
  }
  if (q.type === 'multiple_choice') {
    if (!values) return 'a multiple-choice forecast without forecast_values';
    const probabilities: Record<string, number> = {};
    values.forEach((p, i) => {
      if (typeof p === 'number' && optionIds[i]) probabilities[optionIds[i]] = p;
    });
    return { kind: 'categorical', probabilities };
  }
  const [lo, mid, hi] = [f.interval_lower_bounds?.[0], f.centers?.[0], f.interval_upper_bounds?.[0]].map((x) => (x === undefined ? undefined : scaled(x, q)));
  if (lo === undefined || mid === undefined || hi === undefined) return 'a continuous forecast without quartiles or a question without scaling';
  if (q.type === 'date') return { kind: 'date', point: iso(mid).slice(0, 10) };
  return {
    kind: 'numeric',
    point: mid,
    quantiles: [
      { tau: 0.25, value: lo },
      { tau: 0.5, value: mid },
      { tau: 0.75, value: hi },
    ],
  };
}

/**
 * Turns Metaculus API JSON (posts with their questions and your forecasts) into a prediction file.
 *
 * @remarks
 * Reads `GET /api/posts/` (`{ results }`) or `GET /api/posts/{postId}/` as documented in `docs/openapi.yml`
 * of `Metaculus/metaculus`, fetched with your API token so each question carries `my_forecasts`
 * (`questions/serializers/common.py`). Question kinds and resolutions follow `questions/models.py` and
 * `questions/constants.py`.
 * - Each question (a post's `question`, or each of a `group_of_questions`) becomes `metaculus.<id>`: binary,
 *   multiple choice → categorical (option ids are slugs of the labels, from `all_options_ever`), numeric and
 *   discrete → numeric (unit `unit`, log scale when `zero_point` is set), date → date. It is due on its
 *   close time (`actual_close_time`, else `scheduled_close_time`), when forecasting ends; the scheduled
 *   resolve time is in the horizon text. Conditional posts are listed in `unmapped`.
 * - Each `my_forecasts.history` entry becomes a forecast at `start_time` by `metaculus.<author_id>`:
 *   binary `forecast_values[1]`; categorical `forecast_values` by option; continuous the quartiles
 *   (`interval_lower_bounds`, `centers`, `interval_upper_bounds`, scaled as Metaculus's
 *   `unscaled_location_to_scaled_location` does) as quantiles 0.25/0.5/0.75 and the median as point; date
 *   questions the median date. A forecast withdrawn (`end_time` before the next one or the close) is
 *   imported with its withdrawal (`forecast.withdrawn`, recorded at `end_time`), so that it stops counting
 *   then, as Metaculus scores it; the result is then a ledger snapshot with `updates`.
 * - Resolution `yes`/`no`, an option label, a number or a date → `resolved` on `actual_resolve_time`;
 *   `annulled` → annulled; `ambiguous` → ambiguous; `below_lower_bound`/`above_upper_bound` (no exact
 *   value) → open, listed.
 *
 * @param input - the file name (for provenance and errors) and its parsed JSON
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `validation_failed` / `import_failed` naming the file and record (`results[2].question.type`)
 *
 * @example
 * ```ts
 * const result = metaculusToPredictions({ file: 'posts.json', data });
 * ```
 */
export function metaculusToPredictions(input: { file: string; data: unknown }): PlatformImport {
  return mapChecked('metaculusToPredictions', 'input', FileDataArg, input, mapMetaculus);
}

function mapMetaculus(input: { file: string; data: unknown }): PlatformImport {
  const file = basename(input.file);
  // Pick the shape first, so errors name the field at fault rather than "no union member matched".
  const isList = typeof input.data === 'object' && input.data !== null && 'results' in input.data;
  const parsed = isList
    ? parsePlatformFile(PostList, input.data, input.file, 'Metaculus API JSON')
    : parsePlatformFile(Post, input.data, input.file, 'Metaculus API JSON');
  const posts = 'results' in parsed ? parsed.results.map((p, i) => ({ p, where: `results[${i}]` })) : [{ p: parsed, where: 'post' }];
  const unmapped: UnmappedItem[] = [];
  const questions: QuestionInput[] = [];
  const forecasts: ForecastInput[] = [];
  const resolutions: ResolutionInput[] = [];
  const withdrawals: QuestionUpdate[] = [];
  const forecasters = new Map<string, ForecasterInput>();

  for (const { p, where } of posts) {
    const url = `https://www.metaculus.com/questions/${p.id}/`;
    if (p.conditional)
      unmapped.push({ file, record: where, reason: `post ${p.id} is a conditional question: the ledger has no conditional pairs; import its parts as posts` });
    const list = [
      ...(p.question ? [{ q: p.question, record: `${where}.question` }] : []),
      ...(p.group_of_questions?.questions ?? []).map((q, i) => ({ q, record: `${where}.group_of_questions.questions[${i}]` })),
    ];
    for (const { q, record } of list) {
      const id = `metaculus.${q.id}`;
      const close = (q.actual_close_time ?? q.scheduled_close_time).slice(0, 10);
      const provenance = { platform: 'metaculus', id: String(q.id), url, file, record };
      const criteria = [q.resolution_criteria, q.fine_print].filter((t) => t && t.trim()).join('\n\n') || 'as resolved on Metaculus';
      const base = {
        id,
        title: q.title,
        statement: q.description?.trim() || q.title,
        resolution: {
          resolveOn: close,
          horizon: `forecasts close ${close}; resolves ${q.scheduled_resolve_time.slice(0, 10)}`,
          semantics: 'by' as const,
          criteria,
        },
        tags: ['metaculus', `metaculus-${q.type.replace('_', '-')}`],
        provenance,
      };
      const labels = q.all_options_ever ?? q.options ?? [];
      const optionIds: string[] = [];
      for (const label of labels) {
        let slug = slugify(label) || 'option';
        while (optionIds.includes(slug)) slug = `${slug}-${optionIds.length + 1}`;
        optionIds.push(slug);
      }
      if (q.type === 'binary') questions.push({ kind: 'binary', ...base });
      else if (q.type === 'multiple_choice')
        questions.push({ kind: 'categorical', ...base, spec: { options: labels.map((label, i) => ({ id: optionIds[i]!, label })) } });
      else if (q.type === 'date') questions.push({ kind: 'date', ...base, spec: {} });
      else questions.push({ kind: 'numeric', ...base, spec: { unit: q.unit?.trim() || 'value', scale: q.scaling?.zero_point != null ? 'log' : 'linear' } });

      const resolvedOn = (q.actual_resolve_time ?? q.resolution_set_time ?? q.scheduled_resolve_time).slice(0, 10);
      const resolution = resolutionOf(q, id, resolvedOn, url, labels, optionIds);
      if (typeof resolution === 'string') unmapped.push({ file, record, reason: resolution });
      else if (resolution) resolutions.push({ ...resolution, provenance });

      const history = [...(q.my_forecasts?.history ?? [])].sort((a, b) => a.start_time - b.start_time);
      history.forEach((f, k) => {
        const at = `${record}.my_forecasts.history[${k}]`;
        const estimate = estimateOf(q, f, optionIds);
        if (typeof estimate === 'string') return void unmapped.push({ file, record: at, reason: estimate });
        const madeAt = iso(f.start_time);
        const late = lateForecastReason(madeAt, id, close, resolution && typeof resolution !== 'string' ? resolution.resolvedOn : undefined);
        if (late) return void unmapped.push({ file, record: at, reason: late });
        const forecastId = forecastIdOf('metaculus', String(q.id), String(f.author_id), String(f.start_time));
        const next = history[k + 1]?.start_time;
        // Withdrawn on Metaculus (it ends before the next forecast and the close): withdrawn here at the same moment,
        // so that it stops counting then, as Metaculus scores it.
        if (f.end_time !== null && (next === undefined || f.end_time < next) && iso(f.end_time).slice(0, 10) < close) {
          withdrawals.push({ type: 'forecast.withdrawn', record: { forecastId, reason: 'withdrawn on Metaculus', recordedAt: iso(f.end_time) } });
        }
        const forecasterId = `metaculus.${f.author_id}`;
        if (!forecasters.has(forecasterId))
          forecasters.set(forecasterId, {
            id: forecasterId,
            name: `Metaculus user ${f.author_id}`,
            type: 'person',
            provenance: { platform: 'metaculus', id: String(f.author_id), url: `https://www.metaculus.com/accounts/profile/${f.author_id}/` },
          });
        forecasts.push({
          id: forecastId,
          questionId: id,
          forecasterId,
          madeAt,
          estimate,
          provenance: { platform: 'metaculus', id: `${q.id}@${f.start_time}`, url, file, record: at },
        });
      });
    }
  }
  return {
    platform: 'metaculus',
    predictions: {
      formatVersion: FORMAT_VERSION,
      forecasters: [...forecasters.values()],
      questions,
      forecasts,
      resolutions,
      // Withdrawals are question-life events, which a ledger snapshot carries (a prediction file has none).
      ...(withdrawals.length ? { sources: [], updates: withdrawals } : {}),
    },
    unmapped,
    files: [input.file],
  };
}

/** The ledger resolution of a Metaculus `resolution` string, undefined when unresolved, or why it cannot be mapped. */
function resolutionOf(
  q: MetaculusQuestion,
  questionId: string,
  resolvedOn: string,
  url: string,
  labels: readonly string[],
  optionIds: readonly string[],
): ResolutionInput | string | undefined {
  const r = q.resolution?.trim();
  if (!r) return undefined;
  if (r === 'annulled' || r === 'ambiguous') return { questionId, status: r, resolvedOn, reason: `resolved ${r} on Metaculus` };
  const evidence = [{ description: `resolved "${r}" on Metaculus`, url }];
  const resolved = (outcome: ResolutionInput['outcome']): ResolutionInput => ({ questionId, status: 'resolved', outcome, resolvedOn, evidence });
  switch (q.type) {
    case 'binary':
      return r === 'yes' || r === 'no' ? resolved({ kind: 'binary', value: r === 'yes' }) : `binary question ${q.id} resolved "${r}": expected yes or no`;
    case 'multiple_choice': {
      const i = labels.indexOf(r);
      return i >= 0 ? resolved({ kind: 'categorical', value: optionIds[i]! }) : `multiple-choice question ${q.id} resolved "${r}", not one of its options`;
    }
    case 'date': {
      const t = Date.parse(r);
      if (r === 'below_lower_bound' || r === 'above_upper_bound' || Number.isNaN(t))
        return `date question ${q.id} resolved "${r}": no exact date, so it stays open`;
      return resolved({ kind: 'date', value: new Date(t).toISOString().slice(0, 10) });
    }
    default: {
      const v = Number(r);
      return Number.isFinite(v) ? resolved({ kind: 'numeric', value: v }) : `numeric question ${q.id} resolved "${r}": no exact value, so it stays open`;
    }
  }
}

/**
 * Reads a Metaculus API JSON file and maps it with {@link metaculusToPredictions}.
 *
 * @param file - the JSON file (`.json` or `.json.gz`)
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `file_not_found`, `file_unreadable`, `invalid_json`, or `validation_failed` naming the record
 *
 * @example
 * ```ts
 * const result = readMetaculus('posts.json');
 * ```
 */
export function readMetaculus(file: string): PlatformImport {
  file = parseArg('readMetaculus', 'file', PathArg, file);
  return metaculusToPredictions({ file, data: readJsonFile(file) });
}
