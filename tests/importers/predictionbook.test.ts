import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerValidationError } from '../../src/errors.js';
import { predictionBookToPredictions, readPredictionBook } from '../../src/importers/predictionbook.js';
import { importAndRoundTrip } from './round-trip.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'importers', 'predictionbook', 'my_predictions.json');

/** The least a PredictionBook prediction holds: open, no responses. */
const OPEN_PREDICTION = {
  id: 1,
  description: 'x',
  deadline: '2030-01-01T00:00:00.000Z',
  created_at: '2020-01-01T00:00:00.000Z',
  updated_at: '2020-01-01T00:00:00.000Z',
  creator_id: 1,
  outcome: null,
  withdrawn: false,
  responses: [],
};

describe('PredictionBook importer', () => {
  it('maps judgements, withdrawals and responses, and round-trips', async () => {
    const result = readPredictionBook(FIXTURE);
    const ledger = await importAndRoundTrip(result);
    const questions = await ledger.listQuestions({ order: 'recorded' });
    expect(questions.map((q) => [q.question.id, q.status, q.resolution?.resolvedOn])).toEqual([
      ['predictionbook.9001', 'resolved', '2012-11-07'],
      ['predictionbook.9002', 'resolved', '2012-11-07'],
      ['predictionbook.9003', 'annulled', '2013-05-02'],
      ['predictionbook.9004', 'open', undefined],
      ['predictionbook.9005', 'open', undefined],
    ]);
    expect(questions[0]!.question.tags).toEqual(['predictionbook', 'predictionbook-group-311']);
    expect(questions[0]!.question.provenance).toMatchObject({
      url: 'https://predictionbook.com/predictions/9001',
      file: 'my_predictions.json',
      record: 'predictions[0]',
    });
    const obama = await ledger.listForecasts({ questionId: 'predictionbook.9001' });
    expect(obama.map((f) => [f.forecasterId, f.madeAt, f.estimate, f.note])).toEqual([
      ['predictionbook.17', '2012-01-03T10:00:00.000Z', { kind: 'binary', probability: 0.75 }, 'Incumbency advantage.'],
      ['predictionbook.42', '2012-03-01T12:00:00.000Z', { kind: 'binary', probability: 0.6 }, undefined],
      ['predictionbook.17', '2012-10-01T08:00:00.000Z', { kind: 'binary', probability: 0.85 }, undefined],
    ]);
    expect(result.unmapped.map((u) => u.record)).toEqual(['predictions[0].responses[2]', 'predictions[4]', 'predictions[4].responses[1]']);
    const board = await ledger.leaderboard({ asOf: '2020-01-01' });
    expect(board.entries.find((e) => e.forecasterId === 'predictionbook.17')?.binary).toBe(2);
    await ledger.close();
  });

  it('reads a single prediction and a plain list too', () => {
    const data = [OPEN_PREDICTION];
    expect(predictionBookToPredictions({ file: 'list.json', data }).predictions.questions).toHaveLength(1);
    expect(predictionBookToPredictions({ file: 'one.json', data: data[0] }).predictions.questions![0]!.provenance).toMatchObject({ record: 'prediction' });
  });

  it('tags a prediction with its group, group 0 included, and an ungrouped one with none', () => {
    const tags = (group: number | null | undefined) =>
      predictionBookToPredictions({ file: 'g.json', data: { ...OPEN_PREDICTION, prediction_group_id: group } }).predictions.questions![0]!.tags;
    expect(tags(0)).toEqual(['predictionbook', 'predictionbook-group-0']);
    expect(tags(7)).toEqual(['predictionbook', 'predictionbook-group-7']);
    expect(tags(null)).toEqual(['predictionbook']);
    expect(tags(undefined)).toEqual(['predictionbook']);
  });

  describe('bad files', () => {
    it('names the file and record, and maps nothing', () => {
      const data = [
        {
          id: 1,
          description: 'x',
          deadline: 'soon',
          created_at: '2020-01-01T00:00:00.000Z',
          updated_at: '2020-01-01T00:00:00.000Z',
          creator_id: 1,
          outcome: null,
          withdrawn: false,
          responses: [{ id: 2, comment: null, confidence: 120, created_at: '2020-01-01T00:00:00.000Z', user_id: 1, user_label: 'a' }],
        },
      ];
      try {
        predictionBookToPredictions({ file: '/tmp/pb.json', data });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(LedgerValidationError);
        const issues = (error as LedgerValidationError).issues;
        expect(issues.every((i) => i.file === 'pb.json')).toBe(true);
        expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['[0].deadline', '[0].responses[0].confidence']));
      }
    });
  });
});
