// ledger.leaderboard() reads only the resolved questions and their forecasts
// (loadScoringData(…, { resolvedOnly: true })); its output must be the same as buildLeaderboard over
// the whole ledger, on random ledgers with resolved, open, annulled, ambiguous and corrected questions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../../src/index.js';
import type { Resolution } from '../../../src/model/resolution.js';
import { buildLeaderboard, loadScoringData, type ScoringData } from '../../../src/scoring/index.js';
import type { Change, QuestionRecord } from '../../../src/storage/types.js';
import { describeEachBackend } from '../../helpers/backends.js';
import { fixtureLedger } from './fixture-ledger.js';
import { scoringData } from './random-data.js';
import { finalResolution } from '../../helpers/final-resolution.js';

const evidence = [{ description: 'test evidence' }];
const AFTER = { allowForecastsAfterOutcome: true } as const;

/** An earlier resolution the final one corrects: a flipped binary outcome, else annulled. */
function earlierResolution(record: QuestionRecord, final: Resolution): Resolution {
  const q = record.question;
  if (final.status !== 'resolved') {
    if (q.kind === 'binary')
      return { ...AFTER, questionId: q.id, status: 'resolved', resolvedOn: final.resolvedOn, evidence, outcome: { kind: 'binary', value: true } };
    return {
      ...AFTER,
      questionId: q.id,
      status: final.status === 'annulled' ? 'ambiguous' : 'annulled',
      resolvedOn: final.resolvedOn,
      evidence,
      reason: 'first',
    };
  }
  if (final.outcome?.kind === 'binary') return { ...final, outcome: { kind: 'binary', value: !final.outcome.value } };
  return { ...AFTER, questionId: q.id, status: 'annulled', resolvedOn: final.resolvedOn, evidence, reason: 'first' };
}

/**
 * Writes random scoring data into an in-memory ledger: forecasts made after the due date are left
 * out (the ledger refuses them), and every third settled question gets its final resolution as a
 * correction of an earlier, different one.
 */
async function ledgerOf(data: ScoringData): Promise<Ledger> {
  const ledger = await openLedger(':memory:', { now: () => new Date('2027-06-01T12:00:00Z') });
  const due = new Map(data.questions.map((r) => [r.question.id, r.question.resolution.resolveOn]));
  const firsts: Change[] = [];
  const corrections: Change[] = [];
  data.questions.forEach((record, i) => {
    const final = finalResolution(record);
    if (!final) return;
    if (i % 3 === 0) {
      firsts.push({ type: 'resolution.recorded', record: earlierResolution(record, final) });
      corrections.push({ type: 'resolution.recorded', record: { ...final, correction: { reason: 'corrected' } } });
    } else firsts.push({ type: 'resolution.recorded', record: final });
  });
  await ledger.store.apply(data.forecasters.map((record) => ({ type: 'forecaster.added', record })));
  await ledger.store.apply(data.questions.map((r) => ({ type: 'question.added', record: r.question })));
  const forecasts = data.forecasts.filter((f) => f.madeAt.slice(0, 10) <= due.get(f.questionId)!);
  if (forecasts.length) await ledger.store.apply(forecasts.map((record) => ({ type: 'forecast.added', record })));
  if (firsts.length) await ledger.store.apply(firsts);
  if (corrections.length) await ledger.store.apply(corrections);
  return ledger;
}

describe('ledger.leaderboard() reads only the resolved part of the ledger', () => {
  it('gives the same leaderboard as buildLeaderboard over the whole ledger, on random ledgers', async () => {
    const seen = { ranked: 0, left: 0, corrected: 0 };
    await fc.assert(
      fc.asyncProperty(scoringData, fc.integer({ min: 0, max: 2 }), async (data, minResolved) => {
        const ledger = await ledgerOf(data);
        try {
          const options = { minResolved, asOf: '2026-06-01' };
          const full = await loadScoringData(ledger.store);
          const subset = await loadScoringData(ledger.store, { resolvedOnly: true });
          // The subset: every forecaster, the resolved questions and exactly their forecasts, in order.
          const resolved = new Set(full.questions.filter((r) => r.status === 'resolved').map((r) => r.question.id));
          expect(subset.forecasters).toEqual(full.forecasters);
          expect(subset.questions).toEqual(full.questions.filter((r) => r.status === 'resolved'));
          expect(subset.forecasts).toEqual(full.forecasts.filter((f) => resolved.has(f.questionId)));
          const board = await ledger.leaderboard(options);
          expect(board).toEqual(buildLeaderboard(full, options));
          if (board.entries.some((e) => e.meanBrier !== undefined)) seen.ranked++;
          if (subset.forecasts.length < full.forecasts.length) seen.left++;
          if (full.questions.some((r) => r.resolution?.supersedes !== undefined)) seen.corrected++;
        } finally {
          await ledger.close();
        }
      }),
      { numRuns: 200 },
    );
    // The random ledgers do exercise the cases: ranked forecasters, forecasts left out, corrections.
    // Measured over runs of this generator, about 15% of ledgers rank someone, about half leave
    // forecasts out and over 90% hold a correction, so each is seen in 200 runs except with a
    // probability under 0.85^200 ≈ 1e-14. (A bar of "more than 10 in 100" failed about one run
    // in ten: a test must not fail by chance.)
    expect(seen.ranked).toBeGreaterThan(0);
    expect(seen.left).toBeGreaterThan(0);
    expect(seen.corrected).toBeGreaterThan(0);
  });
});

describeEachBackend('ledger.leaderboard() on the fixture ledger reads only its resolved part', (backend) => {
  it('agrees on the fixture ledger (a correction, annulled, ambiguous, open and overdue questions)', async () => {
    const ledger = await fixtureLedger(backend);
    try {
      for (const minResolved of [0, 1, 2]) {
        const options = { minResolved, asOf: '2026-06-01' };
        expect(await ledger.leaderboard(options)).toEqual(buildLeaderboard(await loadScoringData(ledger.store), options));
      }
    } finally {
      await ledger.close();
    }
  });

  it('filters forecasts by the status of their question', async () => {
    const ledger = await fixtureLedger(backend);
    try {
      const questions = await ledger.listQuestions({ order: 'recorded' });
      const all = await ledger.listForecasts();
      for (const status of ['open', 'resolved', 'annulled', 'ambiguous'] as const) {
        const ids = new Set(questions.filter((r) => r.status === status).map((r) => r.question.id));
        expect(await ledger.listForecasts({ questionStatus: status })).toEqual(all.filter((f) => ids.has(f.questionId)));
      }
      expect(await ledger.listForecasts({ questionStatus: 'resolved', forecasterId: 'bob' })).toEqual(all.filter((f) => f.forecasterId === 'bob'));
    } finally {
      await ledger.close();
    }
  });
});
