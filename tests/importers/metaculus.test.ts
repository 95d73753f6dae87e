import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerValidationError } from '../../src/errors.js';
import { metaculusToPredictions, readMetaculus } from '../../src/importers/metaculus.js';
import { importAndRoundTrip } from './round-trip.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'importers', 'metaculus', 'posts.json');

describe('Metaculus importer', () => {
  it('maps every question type and resolution status, and round-trips', async () => {
    const result = readMetaculus(FIXTURE);
    const ledger = await importAndRoundTrip(result);
    const questions = await ledger.listQuestions({ order: 'recorded' });
    expect(questions.map((q) => [q.question.id, q.question.kind, q.status, q.resolution?.outcome?.value])).toEqual([
      ['metaculus.21001', 'binary', 'resolved', true],
      ['metaculus.21002', 'categorical', 'resolved', 'labour'],
      ['metaculus.21003', 'numeric', 'resolved', 77289125.94957079],
      ['metaculus.21004', 'date', 'resolved', '2024-03-14'],
      ['metaculus.21005', 'binary', 'annulled', undefined],
      ['metaculus.21006', 'binary', 'ambiguous', undefined],
      ['metaculus.21007', 'binary', 'open', undefined],
      ['metaculus.21008', 'numeric', 'open', undefined],
    ]);
    expect(questions[0]!.question.resolution.resolveOn).toBe('2024-09-18');
    expect(questions[2]!.question).toMatchObject({ spec: { unit: 'people', scale: 'log' } });
    const fed = await ledger.listForecasts({ questionId: 'metaculus.21001' });
    expect(fed.map((f) => [f.madeAt, f.estimate])).toEqual([
      ['2024-02-01T10:00:00.000Z', { kind: 'binary', probability: 0.45 }],
      ['2024-03-01T10:00:00.000Z', { kind: 'binary', probability: 0.6 }],
      ['2024-06-01T12:30:00.000Z', { kind: 'binary', probability: 0.8 }],
    ]);
    // Quartiles scaled as Metaculus does on a log scale: 200 + (1e8 − 200)·(r^x − 1)/(r − 1), r = 1e8/200.
    const [covid] = await ledger.listForecasts({ questionId: 'metaculus.21003' });
    const r = 1e8 / 200;
    const at = (x: number) => 200 + ((1e8 - 200) * (r ** x - 1)) / (r - 1);
    expect(covid!.estimate).toEqual({
      kind: 'numeric',
      point: at(0.62),
      quantiles: [
        { tau: 0.25, value: at(0.55) },
        { tau: 0.5, value: at(0.62) },
        { tau: 0.75, value: at(0.7) },
      ],
    });
    // The second forecast ended on 2024-05-15, before the next one: withdrawn then, as Metaculus stops counting it.
    const fedId = fed[1]!.id;
    const withdrawals = (await ledger.listUpdates({ questionId: 'metaculus.21001' })).filter((u) => u.type === 'forecast.withdrawn');
    expect(withdrawals.map((u) => u.record)).toEqual([{ forecastId: fedId, reason: 'withdrawn on Metaculus', recordedAt: '2024-05-15T00:00:00.000Z' }]);
    expect(result.unmapped.map((u) => u.reason.split(':')[0])).toEqual([
      'post 20007 is a conditional question',
      'numeric question 21008 resolved "above_upper_bound"',
    ]);
    await ledger.close();
  });

  describe('bad files', () => {
    it('names the file and record of a malformed question, and maps nothing', () => {
      const data = {
        results: [
          {
            id: 1,
            question: { id: 2, title: 'x', type: 'binaryish', scheduled_close_time: '2024-01-01T00:00:00Z', scheduled_resolve_time: '2024-01-01T00:00:00Z' },
          },
        ],
      };
      try {
        metaculusToPredictions({ file: 'dir/posts.json', data });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(LedgerValidationError);
        expect((error as LedgerValidationError).issues).toContainEqual(expect.objectContaining({ file: 'posts.json', path: 'results[0].question.type' }));
      }
    });
  });
});
