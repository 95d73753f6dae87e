import type { ValidationIssue } from '../errors.js';
import { CANONICAL_PAYLOAD, isQuestionUpdate, type PlannedChange } from '../core/check-change.js';
import { canonicalJson, canonicalSplit, joinCanonicalSplit, rememberCanonicalJson } from '../history/canonical-json.js';
import { sha256 } from '../history/event-hash.js';
import type { Forecast, StoredForecast } from '../model/forecast.js';
import { z } from 'zod';
import { Forecast as ForecastSchema } from '../model/forecast.js';
import { Forecaster } from '../model/forecaster.js';
import { LedgerSnapshot, PredictionFile } from '../model/prediction-file.js';
import { Question } from '../model/question.js';
import { Resolution } from '../model/resolution.js';
import { QuestionUpdate } from '../model/question-update.js';
import { Source } from '../model/source.js';
import type { Change, ChangeOrigin } from '../model/change.js';
import type { PredictionInput } from './read-prediction-files.js';
import { zodIssues } from './zod-issues.js';
import { pushAll } from '../_internal/arrays.js';

/**
 * The id of a forecast: its own, or `f-` and the first 16 hex digits of the SHA-256 of its
 * canonical JSON, so the same forecast always gets the same id and a re-import is a no-op.
 *
 * @internal
 */
export function forecastId(f: Forecast): string {
  return f.id ?? `f-${sha256(canonicalJson(f)).slice(0, 16)}`;
}

/**
 * A forecast with its id filled in, and the canonical JSON of the result.
 *
 * @remarks
 * Serializes the forecast once: the canonical JSON of the stored record (with its id) is derived
 * from the members already serialized for the content hash.
 */
function storedForecast(f: Forecast, defaultSourceId: string | undefined): { record: StoredForecast; payload: string } {
  const sourceId = f.sourceId ?? defaultSourceId;
  const full = sourceId === undefined || sourceId === f.sourceId ? f : { ...f, sourceId };
  if (full.id !== undefined) return { record: full as StoredForecast, payload: canonicalJson(full) };
  const split = canonicalSplit(full, 'id');
  const id = `f-${sha256(joinCanonicalSplit(split, 'id')).slice(0, 16)}`;
  return { record: { ...full, id }, payload: joinCanonicalSplit(split, 'id', id) };
}

/**
 * A forecast with its id filled in (see {@link forecastId}). Its canonical JSON, computed on the
 * way, is remembered for the store (`takeCanonicalJson`), which would otherwise serialize it again.
 *
 * @internal
 */
export function withForecastId(f: Forecast, defaultSourceId?: string): StoredForecast {
  const { record, payload } = storedForecast(f, defaultSourceId);
  rememberCanonicalJson(record, payload);
  return record;
}

type Collection = 'sources' | 'forecasters' | 'questions' | 'forecasts' | 'resolutions' | 'updates';
const records = z.array(z.unknown()).default([]);
// Strict: a key the format does not have (`forecast` for `forecasts`, `updates` in a prediction file) is refused,
// naming it, rather than its records silently left out.
const FILE_ENVELOPE = PredictionFile.extend({ forecasters: records, questions: records, forecasts: records, resolutions: records }).strict();
const SNAPSHOT_ENVELOPE = LedgerSnapshot.extend({
  sources: records,
  forecasters: records,
  questions: records,
  forecasts: records,
  resolutions: records,
  updates: records,
}).strict();

/**
 * Validates input documents (prediction files or ledger snapshots) and turns them into an ordered
 * list of changes: sources, forecasters, questions, then forecasts and resolutions, so records may
 * refer to ones defined in another file of the same import. A record defined twice must be
 * identical (it is then applied once); otherwise the later definition is reported as `duplicate_id`.
 *
 * @internal
 */
export function planImport(inputs: readonly PredictionInput[]): { changes: Change[]; issues: ValidationIssue[]; invalidIds: Set<string> } {
  const issues: ValidationIssue[] = [];
  const invalidIds = new Set<string>();
  const groups: Record<'source.added' | 'forecaster.added' | 'question.added' | 'dueDates' | 'forecast.added' | 'resolution.recorded' | 'updates', Change[]> = {
    'source.added': [],
    'forecaster.added': [],
    'question.added': [],
    dueDates: [],
    'forecast.added': [],
    'resolution.recorded': [],
    updates: [],
  };
  // The first definition of each id, per type (it carries its payload and origin).
  const seen = {
    'source.added': new Map<string, PlannedChange>(),
    'forecaster.added': new Map<string, PlannedChange>(),
    'question.added': new Map<string, PlannedChange>(),
    'forecast.added': new Map<string, PlannedChange>(),
  };

  const add = (change: PlannedChange): void => {
    if (isQuestionUpdate(change)) {
      // An amendment of the due date goes before the forecasts: each forecast is then checked against the
      // question's final due date, which every forecast the ledger accepted was made before.
      groups[change.type === 'question.amended' && change.record.changes.resolveOn !== undefined ? 'dueDates' : 'updates'].push(change);
      return;
    }
    if (change.type !== 'resolution.recorded') {
      const id = change.record.id;
      const payload = (change[CANONICAL_PAYLOAD] ??= canonicalJson(change.record));
      const prev = seen[change.type].get(id);
      if (prev) {
        if (prev[CANONICAL_PAYLOAD] !== payload) {
          const where = [prev.origin?.file, prev.origin?.path].filter(Boolean).join(' › ');
          issues.push({
            code: 'duplicate_id',
            path: `${change.origin?.path ?? ''}.id`,
            recordId: id,
            message: `"${id}" is defined differently at ${where}: expected one definition or identical copies`,
            ...(change.origin?.file ? { file: change.origin.file } : {}),
          });
        }
        return;
      }
      seen[change.type].set(id, change);
    }
    groups[change.type].push(change);
  };

  for (const input of inputs) {
    const data = input.data;
    const file = input.file ? { file: input.file } : {};
    const isSnapshot = typeof data === 'object' && data !== null && 'sources' in data;
    // The envelope first, then each record on its own, so one bad record does not hide the others.
    const envelope = (isSnapshot ? SNAPSHOT_ENVELOPE : FILE_ENVELOPE).safeParse(data);
    if (!envelope.success) {
      pushAll(issues, zodIssues(envelope.error, { ...file, root: data }));
      continue;
    }
    const doc = envelope.data as Record<Collection, unknown[]> & { source?: z.infer<typeof Source> };
    const origin = (path: string): ChangeOrigin => (input.file ? { path, file: input.file } : { path });
    const each = <S extends z.ZodType>(collection: Collection, schema: S, make: (record: z.infer<S>, path: string) => void): void => {
      (doc[collection] ?? []).forEach((item, i) => {
        const parsed = schema.safeParse(item);
        if (parsed.success) make(parsed.data, `${collection}[${i}]`);
        else {
          pushAll(issues, zodIssues(parsed.error, { ...file, root: item, basePath: `${collection}[${i}]` }));
          const id = (item as { id?: unknown } | null)?.id;
          if (typeof id === 'string') invalidIds.add(id);
        }
      });
    };
    const defaultSourceId = doc.source?.id;
    if (doc.source) add({ type: 'source.added', record: doc.source, origin: origin('source') });
    each('sources', Source, (record, path) => add({ type: 'source.added', record, origin: origin(path) }));
    each('forecasters', Forecaster, (record, path) => add({ type: 'forecaster.added', record, origin: origin(path) }));
    each('questions', Question, (record, path) => add({ type: 'question.added', record, origin: origin(path) }));
    each('forecasts', ForecastSchema, (f, path) => {
      const { record, payload } = storedForecast(f, defaultSourceId);
      add({ type: 'forecast.added', record, origin: origin(path), [CANONICAL_PAYLOAD]: payload });
    });
    each('resolutions', Resolution, (record, path) => add({ type: 'resolution.recorded', record, origin: origin(path) }));
    each('updates', QuestionUpdate, (update, path) => add({ ...update, origin: origin(path) }));
  }
  return {
    changes: [
      ...groups['source.added'],
      ...groups['forecaster.added'],
      ...groups['question.added'],
      ...groups.dueDates,
      ...groups['forecast.added'],
      ...groups['resolution.recorded'],
      ...groups.updates,
    ],
    issues,
    invalidIds,
  };
}
