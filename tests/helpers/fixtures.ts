// Small, valid records for tests. Each builder returns fresh objects, so tests can mutate them.
import type { ForecastInput, ForecasterInput, PredictionFileInput, QuestionInput } from '../../src/index.js';

export const source = (id = 'test-source') => ({
  id,
  title: 'A test article',
  outlet: 'Test Times',
  published: { date: '2025-10-08', precision: 'day' as const },
  language: 'en',
});

export const forecaster = (id = 'alice', name = 'Alice'): ForecasterInput => ({ id, name, type: 'person', aliases: [] });

export const binaryQuestion = (id = 'q-binary', resolveOn = '2026-12-31'): QuestionInput => ({
  id,
  kind: 'binary',
  title: `Binary question ${id}`,
  statement: 'Will it happen?',
  resolution: { resolveOn, horizon: 'by end of 2026', horizonRule: 'end-of-year:2026', semantics: 'by', criteria: 'A news report.' },
  tags: ['test'],
});

export const numericQuestion = (id = 'q-numeric'): QuestionInput => ({
  id,
  kind: 'numeric',
  title: `Numeric question ${id}`,
  statement: 'How much?',
  spec: { unit: 'USD/t', scale: 'linear' },
  resolution: { resolveOn: '2027-12-31', horizon: '2027', semantics: 'at', period: { start: '2027-01-01', end: '2027-12-31' }, criteria: 'LME average.' },
  tags: ['copper'],
});

export const categoricalQuestion = (id = 'q-cat'): QuestionInput => ({
  id,
  kind: 'categorical',
  title: 'Which?',
  statement: 'Which one?',
  spec: {
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  },
  resolution: { resolveOn: '2026-12-31', horizon: '2026', semantics: 'at', criteria: 'Report.' },
});

export const binaryForecast = (questionId = 'q-binary', forecasterId = 'alice', probability = 0.7, madeAt = '2025-10-08'): ForecastInput => ({
  questionId,
  forecasterId,
  madeAt,
  estimate: { kind: 'binary', probability },
});

/** A prediction file with `n` binary questions, each with one forecast. */
export function predictionFile(n: number, prefix = 'q'): PredictionFileInput {
  const questions = Array.from({ length: n }, (_, i) => binaryQuestion(`${prefix}-${i}`));
  return {
    formatVersion: 1,
    source: source(),
    forecasters: [forecaster()],
    questions,
    forecasts: questions.map((q, i) => ({ ...binaryForecast(q.id, 'alice', (i % 10) / 10), id: `${q.id}.alice` })),
    resolutions: [],
  };
}
