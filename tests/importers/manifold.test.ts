import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerValidationError } from '../../src/errors.js';
import { manifoldToPredictions, readManifold } from '../../src/importers/manifold.js';
import { importAndRoundTrip } from './round-trip.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'importers', 'manifold');

describe('Manifold importer', () => {
  it('maps markets, answers and buys, reports the rest, and round-trips', async () => {
    const result = readManifold([join(DIR, 'bets.json'), join(DIR, 'markets.json')]);
    const ledger = await importAndRoundTrip(result);
    const questions = await ledger.listQuestions({ order: 'recorded' });
    expect(questions.map((q) => [q.question.id, q.question.kind, q.status, q.resolution?.outcome?.value])).toEqual([
      [expect.stringMatching(/^manifold\.bin1yesabcdef-[0-9a-f]{8}$/), 'binary', 'resolved', true],
      [expect.stringMatching(/^manifold\.bin2cancelxy-/), 'binary', 'annulled', undefined],
      [expect.stringMatching(/^manifold\.bin3mktzzz-/), 'binary', 'open', undefined],
      [expect.stringMatching(/^manifold\.bin4openqq-/), 'binary', 'open', undefined],
      [expect.stringMatching(/^manifold\.mc1winneraa-.*\.vinicius-junior$/), 'binary', 'resolved', false],
      [expect.stringMatching(/\.rodri$/), 'binary', 'resolved', true],
      [expect.stringMatching(/\.other$/), 'binary', 'resolved', false],
      [expect.stringMatching(/\.total-solar-eclipse-in-the-us$/), 'binary', 'resolved', true],
      [expect.stringMatching(/\.net-energy-fusion-power-plant$/), 'binary', 'resolved', false],
      [expect.stringMatching(/^manifold\.pn1valuecc-/), 'numeric', 'resolved', 5881.63],
    ]);
    const gpt5 = await ledger.listForecasts({ questionId: questions[0]!.question.id });
    expect(gpt5.map((f) => [f.madeAt, f.estimate])).toEqual([
      ['2024-01-06T09:00:00.000Z', { kind: 'binary', probability: 0.62 }],
      ['2024-06-01T09:00:00.000Z', { kind: 'binary', probability: 0.71 }],
    ]);
    const [sp500] = await ledger.listForecasts({ questionId: questions[9]!.question.id });
    expect(sp500!.estimate).toEqual({ kind: 'numeric', point: 5500 });
    expect(result.unmapped.map((u) => u.reason.replace(/^bet (\w+):.*$/, 'bet $1').replace(/^market (\w+).*$/, 'market $1'))).toEqual([
      'market bin3MktZzz',
      'market poll1Dd',
      'bet betI1',
      'bet betJ1',
      'bet betA3',
      'bet betH1',
    ]);
    await ledger.close();
  });

  describe('bad files', () => {
    it('names the file and record of a malformed bet, and maps nothing', () => {
      const bets = [{ id: 'b', userId: 'u', contractId: 'c', createdTime: 1, amount: 1, outcome: 'YES', probAfter: 1.5 }];
      try {
        manifoldToPredictions([{ file: 'x/bets.json', data: bets }]);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(LedgerValidationError);
        expect((error as LedgerValidationError).issues).toEqual([expect.objectContaining({ file: 'bets.json', path: '[0].probAfter' })]);
      }
    });
  });
});
