// The stored-scores path (rows from scoreQuestion, per-forecaster totals, the leaderboard and
// scorecards built back from them) gives exactly the computed path's output, on random data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Forecaster } from '../../../src/model/forecaster.js';
import { buildLeaderboard, buildScorecard, type ScoringData } from '../../../src/scoring/index.js';
import { withAggregates } from '../../../src/scoring/aggregate/with-aggregates.js';
import { addFigures, emptyTotals, figuresOf } from '../../../src/scoring/stored/forecaster-totals.js';
import { resolutionsStandOn, scoreLedger, storedLeaderboard, storedScorecard, totalsOf } from '../../../src/scoring/stored/stored-scores.js';
import { ExactSum } from '../../../src/scoring/_internal/sum.js';
import { leaderboardRows } from '../../../src/scoring/scorecard/build-leaderboard.js';
import { fromTotalsRow, rescoreQuestions, toScoreRow, type ForecasterTotalsRow, type QuestionScoreRow } from '../../../src/scoring/stored/stored-rows.js';
import { scaled } from '../../reliability/scale.js';
import { scoringData } from '../scorecard/random-data.js';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY).toISOString().slice(0, 10);
const POOL: Forecaster = { id: 'pool', name: 'Pool', type: 'organization', aliases: [], aggregate: { method: 'mean', members: 'all' } };

/** Random data, with an aggregate forecaster half the time. */
const ledgers = fc
  .tuple(scoringData, fc.boolean())
  .map(([data, pooled]): ScoringData => (pooled ? { ...data, forecasters: [...data.forecasters, POOL] } : data));

describe('stored scores', () => {
  it('give the computed leaderboard and scorecards, byte for byte, whenever the resolutions stand on asOf', () => {
    let compared = 0;
    fc.assert(
      fc.property(ledgers, fc.integer({ min: 0, max: 260 }), fc.integer({ min: 0, max: 3 }), (data, day, minResolved) => {
        const asOf = iso(day);
        const rows = scoreLedger(data);
        const stands = resolutionsStandOn(data.questions, asOf);
        if (!stands) return;
        compared++;
        const board = storedLeaderboard(leaderboardRows(data.forecasters, totalsOf(rows)), { asOf, minResolved });
        expect(JSON.stringify(board)).toBe(JSON.stringify(buildLeaderboard(data, { asOf, minResolved })));
        const all = withAggregates(data).forecasts;
        for (const forecaster of data.forecasters) {
          const forecasts = all.filter((f) => f.forecasterId === forecaster.id);
          const ids = new Set(forecasts.map((f) => f.questionId));
          const input = {
            forecaster,
            questions: data.questions.filter((r) => ids.has(r.question.id)),
            forecasts,
            scores: new Map(rows.filter((r) => r.forecasterId === forecaster.id).map((r) => [r.questionId, r])),
          };
          const card = storedScorecard(input, { asOf, upcomingLimit: 10 });
          expect(JSON.stringify(card)).toBe(JSON.stringify(buildScorecard(data, forecaster.id, { asOf })));
        }
      }),
      { numRuns: scaled(200, 2000) },
    );
    // Most random ledgers resolve after some of the days drawn; many days still fall after every resolution.
    expect(compared).toBeGreaterThan(10);
  });

  it('keep exact totals whatever the order scores are added, replaced and taken out', () => {
    fc.assert(
      fc.property(ledgers, fc.infiniteStream(fc.nat()), (data, picks) => {
        const rows = scoreLedger(data);
        const fresh = totalsOf(rows);
        // The same rows added in a shuffled order, with stale copies of some added first and taken out again.
        const it = picks[Symbol.iterator]();
        const shuffled = [...rows].sort(() => (it.next().value % 3) - 1);
        const kept = new Map<string, ReturnType<typeof emptyTotals>>();
        for (const row of shuffled) {
          const figures = figuresOf(row);
          if (!figures) continue;
          let t = kept.get(row.forecasterId);
          if (!t) kept.set(row.forecasterId, (t = emptyTotals()));
          const stale = { ...figures, ...(figures.brier !== undefined ? { brier: figures.brier / 3, logLoss: figures.logLoss! * 7 } : {}) };
          addFigures(t, stale);
          // Through the stored text form, as the database keeps them between two writes.
          t = {
            ...t,
            brier: ExactSum.parse(t.brier.serialize()),
            logLoss: ExactSum.parse(t.logLoss.serialize()),
            peerScore: ExactSum.parse(t.peerScore.serialize()),
          };
          kept.set(row.forecasterId, t);
          addFigures(t, stale, -1);
          addFigures(t, figures);
        }
        for (const [id, t] of fresh) {
          const k = kept.get(id)!;
          expect([k.hits, k.misses, k.noCalls, k.binary, k.relativeQuestions]).toEqual([t.hits, t.misses, t.noCalls, t.binary, t.relativeQuestions]);
          for (const sum of ['brier', 'logLoss', 'peerScore', 'relativeBrier'] as const) expect(Object.is(k[sum].total(), t[sum].total())).toBe(true);
        }
      }),
      { numRuns: scaled(200, 2000) },
    );
  });

  it('are not taken for the scores as of a day before a current resolution', () => {
    const data: ScoringData = {
      forecasters: [],
      forecasts: [],
      questions: [
        {
          question: {
            id: 'q',
            kind: 'binary',
            title: 'q',
            statement: 'q',
            stance: 'forecast',
            tags: [],
            relations: [],
            resolution: { resolveOn: '2026-03-01', horizon: 'h', semantics: 'by', criteria: 'c' },
          },
          status: 'resolved',
          resolution: {
            questionId: 'q',
            status: 'resolved',
            resolvedOn: '2026-02-01',
            evidence: [],
            seq: 1,
            recordedAt: '2026-02-02T00:00:00Z',
            outcome: { kind: 'binary', value: true },
          },
        },
      ],
    };
    expect(resolutionsStandOn(data.questions, '2026-02-01')).toBe(true);
    expect(resolutionsStandOn(data.questions, '2026-01-31')).toBe(false);
  });
});

describe('rescoreQuestions', () => {
  it('keeps stored rows and totals equal to scoring the final ledger afresh, whatever the order questions change in', () => {
    fc.assert(
      fc.property(ledgers, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (data, steps) => {
        const rows = new Map<string, QuestionScoreRow[]>(); // by question
        const totals = new Map<string, ForecasterTotalsRow>();
        const aggregates = data.forecasters.filter((f) => f.aggregate);
        const rescore = (records: typeof data.questions, forecasts: typeof data.forecasts) => {
          const ids = new Set(records.map((r) => r.question.id));
          const out = rescoreQuestions({
            records,
            forecasts: forecasts.filter((f) => ids.has(f.questionId)),
            aggregates,
            oldRows: records.flatMap((r) => rows.get(r.question.id) ?? []),
            totals,
          });
          for (const q of out.questions) rows.set(q.questionId, q.rows);
          for (const t of out.totals) totals.set(t.forecasterId, t);
        };
        // Each step rescoring a random question with a random part of its forecasts (a stale state)…
        for (const step of steps) {
          const record = data.questions[step % data.questions.length]!;
          rescore(
            [record],
            data.forecasts.filter((_, i) => (i + step) % 3 !== 0),
          );
        }
        // …then every question with its final forecasts.
        rescore(data.questions, data.forecasts);
        const fresh = scoreLedger(data);
        expect([...rows.values()].flat().sort(byIds)).toEqual(fresh.map(toScoreRow).sort(byIds));
        const expected = totalsOf(fresh);
        for (const [id, t] of expected) expect(fromTotalsRowTotals(totals.get(id))).toEqual(summary(t));
        for (const [id, t] of totals) if (!expected.has(id)) expect(fromTotalsRowTotals(t)).toEqual(summary(emptyTotals()));
      }),
      { numRuns: scaled(200, 2000) },
    );
  });
});

const byIds = (a: QuestionScoreRow, b: QuestionScoreRow) => (a.questionId + ' ' + a.forecasterId < b.questionId + ' ' + b.forecasterId ? -1 : 1);
const summary = (t: ReturnType<typeof emptyTotals>) => ({
  counts: [t.hits, t.misses, t.noCalls, t.binary, t.relativeQuestions],
  sums: [t.brier.total(), t.logLoss.total(), t.peerScore.total(), t.relativeBrier.total()],
});
const fromTotalsRowTotals = (row: ForecasterTotalsRow | undefined) => summary(fromTotalsRow(row!));
