// One copy of every rule: the leaderboard's figures are those of the public rule helpers (brierScore,
// logLoss, timeWeightedScore, the made-before-close rule) applied directly, and the write check and
// scoring agree on the drift example of issue 10.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../src/index.js';
import { effectiveProbability } from '../../../src/core/effective-probability.js';
import { madeBeforeClose, questionClose } from '../../../src/core/time-rules.js';
import {
  brierScore,
  buildLeaderboard,
  DEFAULT_SCORING_OPTIONS,
  buildScorecard,
  logLoss,
  timeWeightedScore,
  type ScoringData,
} from '../../../src/scoring/index.js';
import { sum } from '../../../src/scoring/_internal/sum.js';
import { scaled } from '../../reliability/scale.js';
import { scoringData } from './random-data.js';

const ASOF = '2027-06-01';
/** Scoring's default clipping of log loss (DEFAULT_SCORING_OPTIONS.logEpsilon). */
const EPS = { epsilon: DEFAULT_SCORING_OPTIONS.logEpsilon };

/** Each forecaster's mean Brier score and log loss over resolved binary forecast questions, from the rule helpers alone. */
function byTheRules(data: ScoringData): Map<string, { brier: number[]; log: number[] }> {
  const out = new Map<string, { brier: number[]; log: number[] }>();
  for (const record of data.questions) {
    const q = record.question;
    const r = record.resolution;
    if (record.status !== 'resolved' || r?.outcome?.kind !== 'binary' || q.stance !== 'forecast') continue;
    const close = questionClose(q.resolution.resolveOn, r.resolvedOn);
    const yes = r.outcome.value;
    for (const forecaster of data.forecasters) {
      const standing = data.forecasts.filter((f) => f.questionId === q.id && f.forecasterId === forecaster.id && madeBeforeClose(f.madeAt, close));
      if (!standing.length) continue;
      const entry = out.get(forecaster.id) ?? { brier: [], log: [] };
      out.set(forecaster.id, entry);
      entry.brier.push(timeWeightedScore(standing, new Date(close.at), (f) => brierScore(effectiveProbability(f)!, yes)));
      entry.log.push(timeWeightedScore(standing, new Date(close.at), (f) => logLoss(effectiveProbability(f)!, yes, EPS)));
    }
  }
  return out;
}

describe('the leaderboard calls the rule helpers', () => {
  it('reports for every forecaster the mean Brier score and log loss the helpers give, to the last bit', () => {
    let compared = 0;
    fc.assert(
      fc.property(scoringData, (data) => {
        const board = buildLeaderboard(data, { asOf: ASOF, minResolved: 0 });
        const expected = byTheRules(data);
        for (const entry of board.entries) {
          const e = expected.get(entry.forecasterId);
          expect(entry.binary).toBe(e?.brier.length ?? 0);
          if (!e) continue;
          compared++;
          expect(entry.meanBrier).toBe(sum(e.brier) / e.brier.length);
          expect(entry.meanLogLoss).toBe(sum(e.log) / e.log.length);
        }
      }),
      { numRuns: scaled(300, 3000) },
    );
    expect(compared).toBeGreaterThan(0);
  });
});

describe('write check and scoring agree on the drift example (issue 10)', () => {
  const question = (id: string) => ({
    id,
    kind: 'binary' as const,
    title: id,
    statement: id,
    resolution: { resolveOn: '2026-12-31', horizon: 'by the end of 2026', semantics: 'by' as const, criteria: 'A report.' },
  });
  const forecast = (id: string, madeAt: string) => ({
    id,
    questionId: 'q-ny',
    forecasterId: 'alice',
    madeAt,
    estimate: { kind: 'binary' as const, probability: 0.7 },
  });

  it('refuses 23:00 New York time on the due date on write, and scoring leaves it out', async () => {
    const late = '2026-12-31T23:00:00-05:00'; // 2027-01-01T04:00Z: after the close
    const ledger = await openLedger(':memory:', { now: () => new Date('2027-02-01T00:00:00Z') });
    try {
      await ledger.addForecaster({ id: 'alice', name: 'Alice', type: 'person' });
      await ledger.addQuestion(question('q-ny'));
      await expect(ledger.addForecast(forecast('f-late', late))).rejects.toMatchObject({ code: 'forecast_after_due' });
    } finally {
      await ledger.close();
    }
    expect(madeBeforeClose(late, questionClose('2026-12-31', '2027-01-02'))).toBe(false);
    // The same forecast in plain data (say, from another tool): neither builder scores it.
    const data = {
      forecasters: [{ id: 'alice', name: 'Alice', type: 'person', aliases: [] }],
      questions: [
        {
          question: { ...question('q-ny'), stance: 'forecast', tags: [], relations: [] },
          status: 'resolved',
          resolution: {
            questionId: 'q-ny',
            status: 'resolved',
            resolvedOn: '2027-01-02',
            evidence: [],
            seq: 3,
            recordedAt: '2027-01-02T00:00:00Z',
            outcome: { kind: 'binary', value: true },
          },
        },
      ],
      forecasts: [forecast('f-late', late)],
    } as ScoringData;
    expect(buildLeaderboard(data, { asOf: ASOF }).unranked).toEqual([{ forecasterId: 'alice', name: 'Alice', resolved: 0 }]);
    expect(buildScorecard(data, 'alice', { asOf: ASOF }).predictions[0]).toMatchObject({ verdict: 'unscored' });
  });

  it('accepts 01:00 Karachi time the day after (20:00 UTC on the due date), and both the leaderboard and the scorecard score it', async () => {
    const ledger = await openLedger(':memory:', { now: () => new Date('2027-02-01T00:00:00Z') });
    try {
      await ledger.addForecaster({ id: 'alice', name: 'Alice', type: 'person' });
      await ledger.addQuestion(question('q-ny'));
      await ledger.addForecast(forecast('f-ok', '2027-01-01T01:00:00+05:00'));
      await ledger.resolve('q-ny', { outcome: true, resolvedOn: '2027-01-02', evidence: [{ description: 'report' }] });
      const board = await ledger.leaderboard({ asOf: ASOF });
      expect(board.entries[0]).toMatchObject({ forecasterId: 'alice', binary: 1, meanBrier: brierScore(0.7, true), meanLogLoss: logLoss(0.7, true, EPS) });
      const card = await ledger.scorecard('alice', { asOf: ASOF });
      expect(card.predictions[0]).toMatchObject({ verdict: 'hit', score: { brier: brierScore(0.7, true) } });
    } finally {
      await ledger.close();
    }
  });
});
