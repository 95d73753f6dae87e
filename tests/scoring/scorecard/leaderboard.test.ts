import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/index.js';
import { buildLeaderboard, buildScorecard, loadScoringData, type ScoringData } from '../../../src/scoring/index.js';
import { expectClose } from '../_helpers/expect-close.js';
import { fixtureLedger } from './fixture-ledger.js';
import { scoringData } from './random-data.js';
import type { Question } from '../../../src/model/question.js';
import type { Outcome } from '../../../src/model/resolution.js';
import type { QuestionRecord } from '../../../src/storage/types.js';

let ledger: Ledger;
beforeAll(async () => {
  ledger = await fixtureLedger();
});
afterAll(() => ledger.close());

describe('leaderboard of the fixture ledger', () => {
  it('ranks alice (4 of 5 hits) first, then carol (no call) and bob (one miss) by mean Brier: 0.097, 0.25, 0.64', async () => {
    // alice: (0.085 + 0.1089) / 2 = 0.09695 over q-rain and q-launch; carol: 0.5 on q-launch = 0.25; bob: 0.2 on q-rain = 0.64
    const board = await ledger.leaderboard({ asOf: '2026-06-01' });
    expect(board.entries.map((e) => [e.rank, e.forecasterId, e.resolved, e.binary])).toEqual([
      [1, 'alice', 5, 2],
      [2, 'carol', 1, 1],
      [3, 'bob', 1, 1],
    ]);
    const [alice, carol, bob] = board.entries;
    expectClose(alice!.meanBrier!, 0.09695);
    expectClose(carol!.meanBrier!, 0.25);
    expectClose(bob!.meanBrier!, 0.64);
    expect(alice!.hitRate).toMatchObject({ hits: 4, misses: 1, n: 5 });
    expect(carol!.hitRate).toBeUndefined(); // her only forecast, 0.5, is no call
    expect(board).toMatchObject({ asOf: '2026-06-01', minResolved: 1, unranked: [] });
  });

  it('carries the relative scores: alice +79.70 over 2 questions, carol −29.27, bob −130.13', async () => {
    const board = await ledger.leaderboard({ asOf: '2026-06-01' });
    const by = Object.fromEntries(board.entries.map((e) => [e.forecasterId, e]));
    expect([by.alice!.relativeQuestions, by.bob!.relativeQuestions, by.carol!.relativeQuestions]).toEqual([2, 1, 1]);
    expectClose(by.carol!.meanPeerScore!, -100 * (Math.log(0.67) - Math.log(0.5)));
    expectClose(by.carol!.meanRelativeBrier!, 0.1411);
    expectClose(by.alice!.meanPeerScore! + by.bob!.meanPeerScore! * 0.5 + by.carol!.meanPeerScore! * 0.5, 0, 1e-12, 1e-12);
  });

  it('leaves forecasters with fewer than minResolved resolved forecasts unranked', async () => {
    const board = await ledger.leaderboard({ asOf: '2026-06-01', minResolved: 2 });
    expect(board.entries.map((e) => e.forecasterId)).toEqual(['alice']);
    expect(board.unranked).toEqual([
      { forecasterId: 'bob', name: 'Bob', resolved: 1 },
      { forecasterId: 'carol', name: 'Carol', resolved: 1 },
    ]);
  });

  it('agrees with every ranked forecaster’s scorecard', async () => {
    const data = await loadScoringData(ledger);
    const board = buildLeaderboard(data, { asOf: '2026-06-01' });
    for (const e of board.entries) {
      const card = buildScorecard(data, e.forecasterId, { asOf: '2026-06-01' });
      expect(e.meanBrier).toBe(card.probability?.meanBrier);
      expect(e.hitRate).toEqual(card.hitRate);
    }
  });

  it('rejects a minResolved that is not a whole number ≥ 0', async () => {
    await expect(ledger.leaderboard({ minResolved: 0.5 })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe('leaderboard ties and edge cases', () => {
  const person = (id: string) => ({ id, name: id, type: 'person' as const, aliases: [] });
  const question = (id: string) => ({
    question: {
      id,
      kind: 'binary' as const,
      title: id,
      statement: id,
      tags: [],
      stance: 'forecast' as const,
      relations: [],
      resolution: { resolveOn: '2026-02-01', horizon: 'x', semantics: 'by' as const, criteria: 'x' },
    },
    status: 'resolved' as const,
    resolution: {
      questionId: id,
      status: 'resolved' as const,
      outcome: { kind: 'binary' as const, value: true },
      resolvedOn: '2026-02-01',
      evidence: [],
      seq: 1,
      recordedAt: '2026-02-01T00:00:00Z',
    },
  });
  const forecast = (questionId: string, forecasterId: string, probability: number) => ({
    id: `${questionId}.${forecasterId}`,
    questionId,
    forecasterId,
    madeAt: '2026-01-01',
    estimate: { kind: 'binary' as const, probability },
  });

  it('breaks ties by hit rate, then more resolved forecasts, then id', () => {
    // zed and amy: one 0.75 each (Brier 0.0625, hit) → tie broken by id; bo: 0.75 and 0.75 on two questions → more resolved first
    const data: ScoringData = {
      forecasters: ['zed', 'amy', 'bo'].map(person),
      questions: [question('q1'), question('q2')],
      forecasts: [forecast('q1', 'zed', 0.75), forecast('q1', 'amy', 0.75), forecast('q1', 'bo', 0.75), forecast('q2', 'bo', 0.75)],
    };
    expect(buildLeaderboard(data, { asOf: '2026-06-01' }).entries.map((e) => [e.rank, e.forecasterId])).toEqual([
      [1, 'bo'],
      [2, 'amy'],
      [3, 'zed'],
    ]);
  });

  it('ranks forecasters without binary forecasts after those with one, and shows everyone with minResolved 0', () => {
    const data: ScoringData = { forecasters: [person('quiet'), person('loud')], questions: [question('q1')], forecasts: [forecast('q1', 'loud', 0.9)] };
    const board = buildLeaderboard(data, { minResolved: 0, asOf: '2026-06-01' });
    expect(board.entries.map((e) => [e.forecasterId, e.resolved, e.meanBrier === undefined])).toEqual([
      ['loud', 1, false],
      ['quiet', 0, true],
    ]);
  });

  it('ranks nobody in an empty ledger', () => {
    expect(buildLeaderboard({ forecasters: [], questions: [], forecasts: [] }, { asOf: '2026-06-01' }).entries).toEqual([]);
  });

  it('reports the same figures as each forecaster’s scorecard, on random ledgers', () => {
    fc.assert(
      fc.property(scoringData, (data) => {
        const board = buildLeaderboard(data, { minResolved: 0, asOf: '2026-06-01' });
        for (const e of board.entries) {
          const card = buildScorecard(data, e.forecasterId, { asOf: '2026-06-01' });
          const close = (a: number | undefined, b: number | undefined) =>
            a === undefined ? b === undefined : b !== undefined && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
          if (!close(e.meanBrier, card.probability?.meanBrier)) return false;
          if (!close(e.meanLogLoss, card.probability?.meanLogLoss)) return false;
          if (JSON.stringify(e.hitRate) !== JSON.stringify(card.hitRate)) return false;
          if (e.relativeQuestions !== (card.relative?.questions ?? 0)) return false;
          if (!close(e.meanPeerScore, card.relative?.meanPeerScore) || !close(e.meanRelativeBrier, card.relative?.meanRelativeBrier)) return false;
          const scored = card.predictions.filter((p) => p.section === 'forecast' && p.score).length;
          if (e.resolved !== scored) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('gives symmetric forecasters peer and relative scores that sum to zero', () => {
    // Two forecasters mirror each other on two questions (0.8/0.3 and 0.3/0.8, both yes): each wins one.
    const data: ScoringData = {
      forecasters: [person('a'), person('b')],
      questions: [question('q1'), question('q2')],
      forecasts: [forecast('q1', 'a', 0.8), forecast('q1', 'b', 0.3), forecast('q2', 'a', 0.3), forecast('q2', 'b', 0.8)],
    };
    const [x, y] = buildLeaderboard(data, { asOf: '2026-06-01' }).entries;
    expectClose(x!.meanPeerScore! + y!.meanPeerScore!, 0, 1e-12, 1e-12);
    expectClose(x!.meanRelativeBrier!, 0, 1e-12, 1e-15);
    expectClose(y!.meanRelativeBrier!, 0, 1e-12, 1e-15);
  });
});

describe('a leaderboard that ranks fairly', () => {
  const person = (id: string) => ({ id, name: id, type: 'person' as const, aliases: [] });
  const resolution = { resolveOn: '2026-02-01', horizon: 'x', semantics: 'by' as const, criteria: 'x' };
  const base = (id: string) => ({ id, title: id, statement: id, tags: [], stance: 'forecast' as const, relations: [], resolution });
  const stored = (id: string, outcome: Outcome) => ({
    questionId: id,
    status: 'resolved' as const,
    outcome,
    resolvedOn: '2026-02-01',
    evidence: [],
    seq: 1,
    recordedAt: '2026-02-01T00:00:00Z',
  });
  const binary = (id: string, yes: boolean): QuestionRecord => ({
    question: { ...base(id), kind: 'binary' },
    status: 'resolved',
    resolution: stored(id, { kind: 'binary', value: yes }),
  });
  const numeric = (id: string, value: number): QuestionRecord => ({
    question: { ...base(id), kind: 'numeric', spec: { unit: 'u', scale: 'linear' } } as Question,
    status: 'resolved',
    resolution: stored(id, { kind: 'numeric', value }),
  });

  it('ranks an all-hit numeric forecaster above an all-miss probability forecaster', () => {
    // hinton: 0.8 on a question that resolved no (Brier 0.64, a miss); nora: an interval 90–110 that held 100 (a hit, no Brier score).
    const data: ScoringData = {
      forecasters: [person('hinton'), person('nora')],
      questions: [binary('q-agi', false), numeric('q-gdp', 100)],
      forecasts: [
        { id: 'f1', questionId: 'q-agi', forecasterId: 'hinton', madeAt: '2026-01-01', estimate: { kind: 'binary', probability: 0.8 } },
        { id: 'f2', questionId: 'q-gdp', forecasterId: 'nora', madeAt: '2026-01-01', estimate: { kind: 'numeric', interval: { lower: 90, upper: 110 } } },
      ],
    };
    const board = buildLeaderboard(data, { asOf: '2026-06-01' });
    expect(board.entries.map((e) => [e.rank, e.forecasterId, e.hitRate?.hits, e.hitRate?.misses, e.meanBrier])).toEqual([
      [1, 'nora', 1, 0, undefined],
      [2, 'hinton', 0, 1, 0.6400000000000001],
    ]);
  });

  it('never ranks a forecaster whose resolved claims are all misses above one whose resolved claims are all hits, on random ledgers', () => {
    fc.assert(
      fc.property(scoringData, (data) => {
        const entries = buildLeaderboard(data, { minResolved: 0, asOf: '2026-06-01' }).entries;
        const allHits = (e: (typeof entries)[number]) => e.resolved > 0 && e.hitRate?.hits === e.resolved;
        const allMisses = (e: (typeof entries)[number]) => e.resolved > 0 && e.hitRate?.misses === e.resolved;
        return entries.every((miss) => !allMisses(miss) || entries.every((hit) => !allHits(hit) || hit.rank < miss.rank));
      }),
      { numRuns: 500 },
    );
  });
});
