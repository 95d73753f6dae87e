import { describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/index.js';
import { describeEachBackend, type LedgerBackend } from '../../helpers/backends.js';
import { combineProbabilities, recencyWeights } from '../../../src/scoring/aggregate/combine-probabilities.js';
import { buildLeaderboard, buildScorecard, withAggregates } from '../../../src/scoring/index.js';
import { expectLedgerError } from '../_helpers/expect-ledger-error.js';

describe('combineProbabilities', () => {
  it('takes the median, the middle two averaged for an even count', () => {
    expect(combineProbabilities([0.1, 0.2, 0.9], 'median')).toBe(0.2);
    expect(combineProbabilities([0.1, 0.2, 0.8, 0.9], 'median')).toBe(0.5);
  });

  it('takes the mean', () => {
    expect(combineProbabilities([0.1, 0.2, 0.9], 'mean')).toBeCloseTo(0.4, 15);
  });

  it('takes the geometric mean of odds, extremized by d', () => {
    expect(combineProbabilities([0.2, 0.8], 'geometric-mean-odds')).toBeCloseTo(0.5, 15);
    // odds 4 and 4 → mean log-odds ln 4, times d = 2 → odds 16 → 16/17.
    expect(combineProbabilities([0.8, 0.8], 'extremized-geometric-mean-odds', 2)).toBeCloseTo(16 / 17, 15);
    expect(combineProbabilities([0, 0.7], 'geometric-mean-odds')).toBe(0);
    expect(combineProbabilities([0, 1], 'geometric-mean-odds')).toBe(0.5);
  });

  it('weights recent forecasts as Metaculus does: exp(√k − √n), equal for n ≤ 2', () => {
    expect(recencyWeights(2)).toEqual([1, 1]);
    expect(recencyWeights(4).map((w) => w.toFixed(4))).toEqual(['0.3679', '0.5567', '0.7649', '1.0000']);
    // Oldest first: the newer 0.8 and 0.9 outweigh the older 0.1 and 0.2, so the weighted median is 0.8 (the plain one 0.5).
    expect(combineProbabilities([0.1, 0.2, 0.8, 0.9], 'recency-weighted')).toBe(0.8);
    expect(combineProbabilities([0.2, 0.6], 'recency-weighted')).toBeCloseTo(0.4, 15);
  });

  describe('invalid input', () => {
    it('refuses an empty list, a value outside [0, 1] and a missing extremizing factor', () => {
      expect(() => combineProbabilities([], 'median')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
      expect(() => combineProbabilities([1.2], 'mean')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
      expect(() => combineProbabilities([0.3], 'extremized-geometric-mean-odds')).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    });
  });
});

async function ledgerWithTwoQuestions(backend: LedgerBackend): Promise<Ledger> {
  const ledger = await backend.open();
  await ledger.importPredictions({
    formatVersion: 1,
    forecasters: ['alice', 'bob', 'carol', 'dave'].map((id) => ({ id, name: id, type: 'person' as const })),
    questions: ['q1', 'q2'].map((id) => ({
      kind: 'binary' as const,
      id,
      title: id,
      statement: `${id}?`,
      tags: [id === 'q1' ? 'first' : 'second'],
      resolution: { resolveOn: '2025-01-10', horizon: 'by 2025-01-10', semantics: 'by' as const, criteria: 'yes or no' },
    })),
    forecasts: [
      { questionId: 'q1', forecasterId: 'alice', madeAt: '2025-01-01T00:00:00Z', estimate: { kind: 'binary', probability: 0.2 } },
      { questionId: 'q1', forecasterId: 'bob', madeAt: '2025-01-05T00:00:00Z', estimate: { kind: 'binary', probability: 0.6 } },
      // carol made by hand what the mean of alice and bob is at each time: 0.2, then 0.4.
      { questionId: 'q1', forecasterId: 'carol', madeAt: '2025-01-01T00:00:00Z', estimate: { kind: 'binary', probability: 0.2 } },
      { questionId: 'q1', forecasterId: 'carol', madeAt: '2025-01-05T00:00:00Z', estimate: { kind: 'binary', probability: 0.4 } },
      { questionId: 'q2', forecasterId: 'alice', madeAt: '2025-01-01T00:00:00Z', estimate: { kind: 'binary', probability: 0.9 } },
      { questionId: 'q2', forecasterId: 'dave', madeAt: '2025-01-01T00:00:00Z', estimate: { kind: 'binary', probability: 0.7 } },
    ],
    resolutions: ['q1', 'q2'].map((questionId) => ({
      questionId,
      status: 'resolved' as const,
      outcome: { kind: 'binary' as const, value: true },
      resolvedOn: '2025-01-10',
      evidence: [{ description: 'seen' }],
    })),
  });
  return ledger;
}

describeEachBackend('aggregate forecasters in a ledger', (backend) => {
  it('scores an aggregate exactly as a forecaster who made its forecasts by hand, updates time-weighted', async () => {
    const ledger = await ledgerWithTwoQuestions(backend);
    await ledger.addAggregate({ id: 'pool', name: 'Pool', method: 'mean', members: ['alice', 'bob'] });
    const board = await ledger.leaderboard({ tag: 'first', asOf: '2025-02-01' });
    const pool = board.entries.find((e) => e.forecasterId === 'pool')!;
    const carol = board.entries.find((e) => e.forecasterId === 'carol')!;
    expect(pool.binary).toBe(1);
    expect(pool.meanBrier).toBe(carol.meanBrier);
    expect((await ledger.scorecard('pool', { tag: 'first', asOf: '2025-02-01' })).probability?.meanBrier).toBe(carol.meanBrier);
  });

  it('limits leaderboards and scorecards to a tag', async () => {
    const ledger = await ledgerWithTwoQuestions(backend);
    const all = await ledger.leaderboard({ asOf: '2025-02-01' });
    const second = await ledger.leaderboard({ tag: 'second', asOf: '2025-02-01' });
    expect(all.entries.find((e) => e.forecasterId === 'alice')!.binary).toBe(2);
    expect(second.entries.map((e) => e.forecasterId).sort()).toEqual(['alice', 'dave']);
    expect(second.entries.find((e) => e.forecasterId === 'alice')!.meanBrier).toBeCloseTo(0.01, 15);
    expect((await ledger.scorecard('alice', { tag: 'second', asOf: '2025-02-01' })).counts.resolved).toBe(1);
  });

  it("takes every forecaster but aggregates for members: 'all', and is a peer on the members' scorecards", async () => {
    const ledger = await ledgerWithTwoQuestions(backend);
    await ledger.addAggregate({ id: 'median-all', name: 'Median', method: 'median', members: 'all' });
    await ledger.addAggregate({ id: 'mean-all', name: 'Mean', method: 'mean', members: 'all' });
    const second = await ledger.leaderboard({ tag: 'second', asOf: '2025-02-01' });
    // Median of alice 0.9 and dave 0.7 (the other aggregate is not a member): 0.8, Brier 0.04.
    expect(second.entries.find((e) => e.forecasterId === 'median-all')!.meanBrier).toBeCloseTo(0.04, 15);
    const dave = await ledger.scorecard('dave', { tag: 'second', asOf: '2025-02-01' });
    expect(dave.predictions[0]!.peers).toBe(second.entries.length - 1);
  });

  describe('invalid definitions', () => {
    it('refuses an unknown member, an aggregate as member and a missing parameter', async () => {
      const ledger = await ledgerWithTwoQuestions(backend);
      await expect(ledger.addAggregate({ id: 'x', name: 'X', method: 'median', members: ['alice', 'zed'] })).rejects.toMatchObject({
        code: 'forecaster_not_found',
        message: expect.stringContaining('members[1]'),
      });
      await ledger.addAggregate({ id: 'pool', name: 'Pool', method: 'mean', members: 'all' });
      await expect(ledger.addAggregate({ id: 'y', name: 'Y', method: 'median', members: ['pool'] })).rejects.toMatchObject({ code: 'validation_failed' });
      await expect(ledger.addAggregate({ id: 'z', name: 'Z', method: 'extremized-geometric-mean-odds', members: 'all' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    });
  });
});

describe('withAggregates', () => {
  const pool = { id: 'pool', name: 'Pool', type: 'organization', aliases: [], aggregate: { method: 'mean', members: 'all' } };
  const question = {
    question: { id: 'q', kind: 'binary', stance: 'forecast', spec: {}, tags: [], resolution: { resolveOn: '2025-01-10' } },
    status: 'open',
  };
  const forecast = (forecasterId: string, probability: number, madeAt: string) => ({
    id: `${forecasterId}-${madeAt}`,
    questionId: 'q',
    forecasterId,
    madeAt,
    estimate: { kind: 'binary', probability },
  });
  const data = {
    forecasters: [{ id: 'alice', name: 'Alice', type: 'person', aliases: [] }, { id: 'bob', name: 'Bob', type: 'person', aliases: [] }, pool],
    questions: [question],
    forecasts: [forecast('alice', 0.2, '2025-01-01T00:00:00Z'), forecast('bob', 0.6, '2025-01-05T00:00:00Z')],
  };

  it("adds the aggregate's forecasts: the mean of the members' forecasts standing at each change", () => {
    const added = withAggregates(data as never).forecasts.filter((f) => f.forecasterId === 'pool');
    expect(added.map((f) => [f.madeAt, f.estimate.kind === 'binary' ? f.estimate.probability : undefined])).toEqual([
      ['2025-01-01T00:00:00Z', 0.2],
      ['2025-01-05T00:00:00Z', 0.4],
    ]);
  });

  describe('invalid input', () => {
    // Each of these threw a bare TypeError (or gave no forecasts for the aggregate, silently) before.
    it.each([
      ['null', null, /^withAggregates: expected data to be ScoringData .*, received null$/],
      ['no forecasts array', { ...data, forecasts: undefined }, /^withAggregates: expected data\.forecasts to be an array, received undefined$/],
      ['a null question record', { ...data, questions: [null] }, /^withAggregates: expected data to be ScoringData .*could not be read as one \(TypeError/],
      ['a null forecaster', { ...data, forecasters: [pool, null] }, /^withAggregates: expected data to be ScoringData .*could not be read as one \(TypeError/],
      ['a forecast without an estimate', { ...data, forecasts: [{ ...data.forecasts[0], estimate: null }] }, /could not be read as one \(TypeError/],
      [
        'an unknown method',
        { ...data, forecasters: [pool, { ...pool, id: 'odd', aggregate: { method: 'mode', members: 'all' } }] },
        /^withAggregates: expected data\.forecasters\[1\]\.aggregate\.method to be valid \(.*"median".*\), received "mode"$/,
      ],
      [
        'a member that is not an id',
        { ...data, forecasters: [{ ...pool, aggregate: { method: 'mean', members: ['alice', 7] } }] },
        /^withAggregates: expected data\.forecasters\[0\]\.aggregate\.members to be valid \(.*\), received an array of length 2$/,
      ],
      [
        'a throwing getter',
        Object.defineProperty({ ...data }, 'forecasts', {
          get: () => {
            throw new Error('hostile');
          },
        }),
        /could not be read as one/,
      ],
    ])('refuses %s with validation_failed naming the field', (_name, value, message) => {
      const error = expectLedgerError(() => withAggregates(value as never));
      expect(error.message).toMatch(message);
    });

    it('is checked the same way by the builders that combine aggregates', () => {
      // buildLeaderboard and buildScorecard once ranked an unknown method without a word (no questions)
      // or failed inside the combination with a TypeError (with questions).
      const odd = { ...data, forecasters: [...data.forecasters, { ...pool, aggregate: { method: 'mode', members: 'all' } }] };
      for (const [name, build] of [
        ['buildLeaderboard', () => buildLeaderboard(odd as never, { asOf: '2026-01-01' })],
        ['buildScorecard', () => buildScorecard(odd as never, 'alice', { asOf: '2026-01-01' })],
      ] as const) {
        const error = expectLedgerError(build);
        expect(error.message).toMatch(
          new RegExp(`^${name}: expected data\\.forecasters\\[\\d+\\]\\.aggregate\\.method to be valid \\(.*\\), received "mode"$`),
        );
      }
    });
  });
});
