import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/index.js';
import { buildScorecard, loadScoringData, wilsonInterval, type Scorecard } from '../../../src/scoring/index.js';
import { expectClose } from '../_helpers/expect-close.js';
import { fixtureLedger } from './fixture-ledger.js';

// Every figure below is worked out by hand from the ledger described in fixture-ledger.ts.
// Logs: −ln 0.6 = 0.510826, −ln 0.9 = 0.105361, −ln 0.2 = 1.609438, −ln 0.67 = 0.400478, −ln 0.5 = 0.693147.

let ledger: Ledger;
let alice: Scorecard;

beforeAll(async () => {
  ledger = await fixtureLedger();
  alice = await ledger.scorecard('alice', { asOf: '2026-06-01' });
});
afterAll(() => ledger.close());

const prediction = (card: Scorecard, id: string) => card.predictions.find((p) => p.questionId === id)!;

describe("alice's scorecard", () => {
  it('counts every question once: 13 made = 8 resolved + 3 pending + 1 annulled + 1 ambiguous', () => {
    // 14 forecasts: q-rain has an update. Resolved: rain, plan, capacity, late, copper, launch, goal, ipo-date.
    // q-late's only forecast (Feb 10) came after it resolved (Feb 1): resolved but not scored.
    expect(alice.counts).toEqual({ made: 13, forecasts: 14, resolved: 8, pending: 3, overdue: 1, annulled: 1, ambiguous: 1, scored: 7, unscored: 1 });
  });

  it('time-weights the updated forecast on q-rain: ½ × 0.16 + ½ × 0.01 = 0.085', () => {
    // 0.6 stands Jan 1 → Jan 6 (5 days), 0.9 stands Jan 6 → the close at the end of Jan 10 (5 days)
    const rain = prediction(alice, 'q-rain');
    expect(rain).toMatchObject({
      verdict: 'hit',
      forecasts: 2,
      firstMadeAt: '2026-01-01',
      lastMadeAt: '2026-01-06',
      estimate: { kind: 'binary', probability: 0.9 },
      coverage: 1,
    });
    expectClose(rain.score!.brier!, 0.085);
    expectClose(rain.score!.logLoss!, (-Math.log(0.6) - Math.log(0.9)) / 2); // 0.308093
    expectClose(rain.score!.probability!, 0.75);
    expect(rain.score!.closeAt).toBe('2026-01-11T00:00:00.000Z');
  });

  it('scores the worded q-launch claim at its implied 0.33 against the corrected outcome (no)', () => {
    // (0.33 − 0)² = 0.1089; −ln(0.67) = 0.400478; p < 0.5 and no → hit
    const launch = prediction(alice, 'q-launch');
    expect(launch).toMatchObject({
      verdict: 'hit',
      corrected: true,
      outcome: { kind: 'binary', value: false },
      resolvedOn: '2026-04-02',
      semantics: 'not_before',
    });
    expect(launch.score!.probabilitySource).toBe('implied');
    expectClose(launch.score!.brier!, 0.1089);
    expectClose(launch.score!.logLoss!, -Math.log(0.67));
  });

  it('reports the hit rate over forecasts of every kind, 4 of 5, with its Wilson interval', () => {
    // hits: rain, launch, copper (6.2% off, within ±10%), ipo-date (50 days late, within ±90); miss: capacity (3,500 above 2,000–3,000)
    // Wilson 95%: centre (0.8 + 1.96²/10) / (1 + 1.96²/5) = 0.66966, half-width 0.29412 → 0.3755 to 0.9638
    expect(alice.hitRate).toMatchObject({ hits: 4, misses: 1, noCalls: 0, n: 5, rate: 0.8 });
    const { lower, upper } = wilsonInterval(4, 5);
    expect([alice.hitRate!.lower, alice.hitRate!.upper]).toEqual([lower, upper]);
    expect(alice.hitRate!.lower).toBeCloseTo(0.3755, 4);
    expect(alice.hitRate!.upper).toBeCloseTo(0.9638, 4);
  });

  it('averages Brier and log loss over the binary forecasts, each question once', () => {
    // q-rain 0.085 and q-launch 0.1089 → 0.09695; log (0.308093 + 0.400478) / 2 = 0.354286
    const p = alice.probability!;
    expect([p.n, p.stated, p.implied]).toEqual([2, 1, 1]);
    expectClose(p.meanBrier, (0.085 + 0.1089) / 2);
    expectClose(p.meanLogLoss, ((-Math.log(0.6) - Math.log(0.9)) / 2 - Math.log(0.67)) / 2);
  });

  it('builds the calibration curve and decomposition from the time-weighted probabilities', () => {
    // pairs (0.75, yes) and (0.33, no): bins (0.7, 0.8] and (0.3, 0.4], one forecast each
    // brier of the pairs ((0.25)² + 0.33²) / 2 = 0.0857 = REL 0.0857 − RES 0.25 + UNC 0.25
    const p = alice.probability!;
    expect(p.calibration.map((b) => [b.count, b.meanProbability, b.observedFrequency])).toEqual([
      [1, 0.33, 0],
      [1, 0.75, 1],
    ]);
    expectClose(p.decomposition.brier, 0.0857);
    expectClose(p.decomposition.reliability, 0.0857);
    expectClose(p.decomposition.resolution, 0.25);
    expectClose(p.decomposition.uncertainty, 0.25);
  });

  it('summarises numeric claims: APE and log ratio of the point, coverage of the range', () => {
    // copper: |10750 − 10120| / 10120 = 6.2253%, ln(10750 / 10120) = 0.060393
    // capacity: 3,500 outside 2,000–3,000 → 0 of 1 ranges held the outcome; interval score 1000 + 10 × 500 = 6000
    const n = alice.numeric!;
    expect(n.n).toBe(2);
    expect(n.points).toMatchObject({ n: 1, hits: 1 });
    expectClose(n.points.medianAbsolutePercentageError!, 630 / 10120);
    expectClose(n.points.meanLogAccuracyRatio!, Math.log(10750 / 10120));
    expect(n.intervals).toEqual({ n: 1, inside: 0, coverage: 0, meanLevel: 0.8 });
    expect(n.quantiles).toEqual({ n: 0 });
    expectClose(prediction(alice, 'q-capacity').score!.intervalScore!, 6000);
  });

  it('reports date errors in days, positive when the event came later than claimed', () => {
    // 2026-03-01 → 2026-04-20: 30 + 20 = 50 days late, inside ±90 days
    expect(alice.dates).toEqual({ n: 1, hits: 1, meanAbsoluteErrorDays: 50, medianErrorDays: 50 });
  });

  it('reports plans and goals as achieved or missed, outside every accuracy figure', () => {
    // q-plan resolved yes → achieved; q-goal reached 80 of a 100 target (needs ≥ 90 within ±10%) → missed
    expect(alice.plans).toEqual({ total: 2, achieved: 1, missed: 1, noCalls: 0, pending: 0, annulled: 0, ambiguous: 0, unscored: 0 });
    expect(prediction(alice, 'q-plan')).toMatchObject({ section: 'plan-goal', verdict: 'achieved' });
    expect(prediction(alice, 'q-goal')).toMatchObject({ section: 'plan-goal', verdict: 'missed' });
  });

  it('compares alice with bob on q-rain and with carol on q-launch', () => {
    // q-rain: peer 100 × (−0.308093 + 1.609438) = +130.13; rel. Brier 0.085 − 0.64 = −0.555
    // q-launch: peer 100 × (−0.400478 + 0.693147) = +29.27; rel. Brier 0.1089 − 0.25 = −0.1411
    const rainPeer = 100 * ((Math.log(0.6) + Math.log(0.9)) / 2 - Math.log(0.2));
    const launchPeer = 100 * (Math.log(0.67) - Math.log(0.5));
    expect(prediction(alice, 'q-rain')).toMatchObject({ peers: 1 });
    expectClose(prediction(alice, 'q-rain').peerScore!, rainPeer);
    expectClose(prediction(alice, 'q-rain').relativeBrier!, -0.555);
    expectClose(prediction(alice, 'q-launch').relativeBrier!, -0.1411);
    expect(alice.relative!.questions).toBe(2);
    expectClose(alice.relative!.meanPeerScore, (rainPeer + launchPeer) / 2); // +79.70
    expectClose(alice.relative!.meanRelativeBrier, (-0.555 - 0.1411) / 2); // −0.34805
  });

  it('never scores annulled or ambiguous questions, nor forecasts made after the close', () => {
    expect(prediction(alice, 'q-annulled')).toMatchObject({ verdict: 'annulled', status: 'annulled', resolvedOn: '2026-02-01' });
    expect(prediction(alice, 'q-ambiguous')).toMatchObject({ verdict: 'ambiguous', status: 'ambiguous' });
    expect(prediction(alice, 'q-late')).toMatchObject({ verdict: 'unscored', status: 'resolved' });
    for (const id of ['q-annulled', 'q-ambiguous', 'q-late']) expect(prediction(alice, id).score).toBeUndefined();
  });

  it('lists the forecasts made after the outcome instead of dropping them silently', () => {
    expect(prediction(alice, 'q-late').madeAfterOutcome).toBe(1);
    expect(alice.madeAfterOutcome).toEqual([
      { questionId: 'q-late', title: 'Question q-late', forecastId: expect.stringMatching(/^f-/), madeAt: '2026-02-10', resolvedOn: '2026-02-01' },
    ]);
    expect(prediction(alice, 'q-rain').madeAfterOutcome).toBeUndefined();
  });

  it('lists the next claims to come due from asOf, leaving out the overdue one', () => {
    expect(alice.upcoming.map((p) => [p.questionId, p.dueOn])).toEqual([
      ['q-future', '2026-12-31'],
      ['q-next', '2027-06-30'],
    ]);
    expect(prediction(alice, 'q-overdue').verdict).toBe('overdue');
  });

  it('lists every prediction by due date, then question id', () => {
    expect(alice.predictions.map((p) => p.questionId)).toEqual([
      'q-rain',
      'q-plan',
      'q-capacity',
      'q-late',
      'q-copper',
      'q-launch',
      'q-goal',
      'q-overdue',
      'q-ipo-date',
      'q-annulled',
      'q-ambiguous',
      'q-future',
      'q-next',
    ]);
  });

  it('records the options it used, with every default', () => {
    expect(alice.options).toEqual({
      numericTolerance: 0.1,
      defaultIntervalLevel: 0.8,
      dateToleranceDays: 90,
      planRule: 'reach',
      brierScale: '0-1',
      logEpsilon: 0.001,
      calibrationBins: 10,
    });
    expect(alice.asOf).toBe('2026-06-01');
  });
});

describe("bob's and carol's scorecards", () => {
  it('scores bob on q-rain: Brier 0.64, a miss, the mirror of alice', async () => {
    const bob = await ledger.scorecard('bob', { asOf: '2026-06-01' });
    expect(bob.counts).toMatchObject({ made: 1, resolved: 1, scored: 1 });
    expect(bob.hitRate).toMatchObject({ hits: 0, misses: 1, rate: 0 });
    expectClose(bob.probability!.meanBrier, 0.64);
    expectClose(bob.relative!.meanRelativeBrier, 0.555);
    expectClose(bob.relative!.meanPeerScore, -100 * ((Math.log(0.6) + Math.log(0.9)) / 2 - Math.log(0.2)));
  });

  it("makes carol's 0.5 a no call and reports she covered 59 of q-launch's 90 days", async () => {
    // q-launch's window: Jan 1 (alice) to the close at the end of Mar 31; carol from Feb 1: 59 / 90
    const carol = await ledger.scorecard('carol', { asOf: '2026-06-01' });
    expect(carol.hitRate).toBeUndefined();
    expect(prediction(carol, 'q-launch')).toMatchObject({ verdict: 'no-call' });
    expectClose(prediction(carol, 'q-launch').coverage!, 59 / 90);
    expectClose(carol.probability!.meanBrier, 0.25);
  });
});

describe('scorecard options and errors', () => {
  it('is the pure buildScorecard over the loaded data', async () => {
    expect(buildScorecard(await loadScoringData(ledger), 'alice', { asOf: '2026-06-01' })).toEqual(alice);
  });

  it("defaults asOf to today on the ledger's clock", async () => {
    expect((await ledger.scorecard('alice')).asOf).toBe('2026-06-01');
  });

  it('follows the options: ±30 days makes the 50-day-late date claim a miss', async () => {
    const strict = await ledger.scorecard('alice', { asOf: '2026-06-01', dateToleranceDays: 30 });
    expect(strict.dates!.hits).toBe(0);
    expect(strict.hitRate).toMatchObject({ hits: 3, misses: 2 });
  });

  it('limits the upcoming list', async () => {
    expect((await ledger.scorecard('alice', { asOf: '2026-06-01', upcomingLimit: 1 })).upcoming).toHaveLength(1);
  });

  it('fails with forecaster_not_found for an unknown forecaster', async () => {
    await expect(ledger.scorecard('nobody')).rejects.toMatchObject({ code: 'forecaster_not_found' });
    expect(() => buildScorecard({ forecasters: [], questions: [], forecasts: [] }, 'nobody')).toThrow(
      expect.objectContaining({ code: 'forecaster_not_found' }),
    );
  });

  it('fails with validation_failed for a malformed asOf or limit', async () => {
    await expect(ledger.scorecard('alice', { asOf: '1 June' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(ledger.scorecard('alice', { upcomingLimit: -1 })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
