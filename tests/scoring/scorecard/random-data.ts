// fast-check generators of plain ScoringData: a few forecasters, questions of every kind and stance,
// resolutions of every status, and forecasts (with updates) scattered around the due dates.
import fc from 'fast-check';
import type { StoredForecast } from '../../../src/model/forecast.js';
import type { Question } from '../../../src/model/question.js';
import type { ScoringData } from '../../../src/scoring/index.js';
import type { QuestionRecord } from '../../../src/storage/types.js';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 0, 1);
const iso = (days: number) => new Date(BASE + days * DAY).toISOString().slice(0, 10);

const questionArb = fc.record({
  kind: fc.constantFrom('binary', 'binary', 'binary', 'numeric', 'date'),
  stance: fc.constantFrom('forecast', 'forecast', 'forecast', 'plan', 'goal'),
  due: fc.integer({ min: 10, max: 200 }),
  status: fc.constantFrom('resolved', 'resolved', 'resolved', 'open', 'annulled', 'ambiguous'),
  resolvedOffset: fc.integer({ min: -30, max: 30 }),
  yes: fc.boolean(),
  value: fc.integer({ min: 50, max: 150 }),
});

const forecastArb = fc.record({
  forecaster: fc.nat(),
  question: fc.nat(),
  day: fc.integer({ min: 0, max: 220 }),
  p: fc.constantFrom(0, 0.1, 0.25, 0.5, 0.6, 0.75, 0.9, 1),
  worded: fc.boolean(),
  value: fc.integer({ min: 40, max: 160 }),
});

/** Random scoring data with 1–5 forecasters and 1–10 questions. */
export const scoringData: fc.Arbitrary<ScoringData> = fc
  .record({
    forecasters: fc.integer({ min: 1, max: 5 }),
    questions: fc.array(questionArb, { minLength: 1, maxLength: 10 }),
    forecasts: fc.array(forecastArb, { minLength: 0, maxLength: 40 }),
  })
  .map(({ forecasters, questions, forecasts }) => {
    const records: QuestionRecord[] = questions.map((q, i) => {
      const id = `q${i}`;
      const resolution = { resolveOn: iso(q.due), horizon: 'soon', semantics: 'by' as const, criteria: 'x' };
      const base = { id, title: id, statement: id, resolution, tags: [], stance: q.stance as Question['stance'], relations: [] };
      const question = (
        q.kind === 'numeric'
          ? { ...base, kind: 'numeric', spec: { unit: 'u', scale: 'linear' } }
          : q.kind === 'date'
            ? { ...base, kind: 'date', spec: {} }
            : { ...base, kind: 'binary' }
      ) as Question;
      if (q.status === 'open') return { question, status: 'open' };
      const resolvedOn = iso(q.due + q.resolvedOffset);
      const outcome =
        q.kind === 'numeric'
          ? { kind: 'numeric' as const, value: q.value }
          : q.kind === 'date'
            ? { kind: 'date' as const, value: iso(q.value) }
            : { kind: 'binary' as const, value: q.yes };
      const stored = {
        questionId: id,
        status: q.status as 'resolved',
        resolvedOn,
        evidence: [],
        seq: i + 1,
        recordedAt: '2026-01-01T00:00:00Z',
        ...(q.status === 'resolved' ? { outcome } : { reason: 'r' }),
      };
      return { question, status: q.status as QuestionRecord['status'], resolution: stored };
    });
    const stored: StoredForecast[] = forecasts.map((f, i) => {
      const record = records[f.question % records.length]!;
      const kind = record.question.kind;
      const estimate =
        kind === 'numeric'
          ? f.worded
            ? { kind, interval: { lower: f.value - 20, upper: f.value + 20 } }
            : { kind, point: f.value }
          : kind === 'date'
            ? { kind, point: iso(f.value) }
            : f.worded
              ? { kind }
              : { kind, probability: f.p };
      return {
        id: `f${i}`,
        questionId: record.question.id,
        forecasterId: `u${f.forecaster % forecasters}`,
        madeAt: iso(f.day),
        estimate,
        ...(kind === 'binary' && f.worded ? { confidence: { wording: 'likely', impliedProbability: f.p, scale: 'custom' as const } } : {}),
      } as StoredForecast;
    });
    return {
      forecasters: Array.from({ length: forecasters }, (_, i) => ({ id: `u${i}`, name: `User ${i}`, type: 'person' as const, aliases: [] })),
      questions: records,
      forecasts: stored,
    };
  });
