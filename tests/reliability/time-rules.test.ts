// Time rules: one definition of "made before the question closed", used by writes and by scoring.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError, LedgerValidationError, openLedger, type Ledger, type LedgerErrorCode } from '../../src/index.js';
import { buildLeaderboard, buildScorecard, loadScoringData, scorePrediction } from '../../src/scoring/index.js';
import { madeAfterOutcome, madeBeforeClose, questionClose } from '../../src/core/time-rules.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { scaled } from './scale.js';

const DAY = 86_400_000;
const RUNS = scaled(300, 5_000);

/** A clock far ahead, so no resolution in these tests is dated in the future. */
const LATER = () => new Date('2100-01-01T00:00:00Z');

const day = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** An instant written with an offset of `minutes` (what a source in another time zone would print). */
function withOffset(t: number, minutes: number): string {
  if (minutes === 0) return new Date(t).toISOString();
  const local = new Date(t + minutes * 60_000).toISOString().slice(0, 19);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A due date, and a madeAt within two days of its end: a bare date, a UTC instant or one with an offset up to ±23:59. */
const caseArb = fc
  .record({
    dueDay: fc.integer({ min: 0, max: 20_000 }), // days after 2000-01-01
    minutesFromClose: fc.integer({ min: -2 * 1440, max: 2 * 1440 }),
    offset: fc.oneof(fc.constant(0), fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 })),
    bareDate: fc.boolean(),
  })
  .map(({ dueDay, minutesFromClose, offset, bareDate }) => {
    const due = Date.UTC(2000, 0, 1) + dueDay * DAY;
    const t = due + DAY + minutesFromClose * 60_000;
    return { resolveOn: day(due), madeAt: bareDate ? day(t) : withOffset(t, offset) };
  });

async function codeOf(promise: Promise<unknown>): Promise<LedgerErrorCode | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error === undefined) return undefined;
  if (!(error instanceof LedgerError)) throw error;
  return error.code;
}

/** Whether scoring counts a lone forecast made at `madeAt` on a question due `resolveOn`, resolved `resolvedOn`. */
function scoringCounts(resolveOn: string, madeAt: string, resolvedOn: string): boolean {
  const question = { kind: 'binary' as const, stance: 'forecast' as const, resolution: { resolveOn } };
  try {
    scorePrediction(question, [{ madeAt, estimate: { kind: 'binary', probability: 0.7 } }], { outcome: { kind: 'binary', value: true }, resolvedOn });
    return true;
  } catch (error) {
    if (error instanceof LedgerError && error.code === 'validation_failed') return false;
    throw error;
  }
}

describe('time rules', () => {
  let ledger: Ledger;
  let n = 0;
  beforeAll(async () => {
    ledger = await openLedger(':memory:', { now: LATER });
    await ledger.addForecaster(forecaster());
  });
  afterAll(() => ledger.close());

  it('compares madeAt with the due date as instants in UTC, on write as when scoring', async () => {
    await ledger.addQuestion(binaryQuestion('q-ny', '2026-12-31'));
    // 23:00 in New York on the due date is 04:00 UTC the next day: after the close.
    expect(await codeOf(ledger.addForecast(binaryForecast('q-ny', 'alice', 0.7, '2026-12-31T23:00:00-05:00')))).toBe('forecast_after_due');
    // 01:00 in Karachi on the day after is 20:00 UTC on the due date: before the close.
    expect(await codeOf(ledger.addForecast(binaryForecast('q-ny', 'alice', 0.7, '2027-01-01T01:00:00+05:00')))).toBeUndefined();
    await ledger.resolve('q-ny', { outcome: true, resolvedOn: '2027-01-02', evidence: [{ description: 'report' }] });
    const card = await ledger.scorecard('alice', { asOf: '2027-02-01' });
    expect(card.predictions.find((p) => p.questionId === 'q-ny')).toMatchObject({ verdict: 'hit', forecasts: 1 });
  });

  it('names the instant in UTC when it refuses a forecast made after the close', async () => {
    await ledger.addQuestion(binaryQuestion('q-msg', '2026-12-31'));
    const error = (await ledger.addForecast(binaryForecast('q-msg', 'alice', 0.7, '2026-12-31T23:00:00-05:00')).catch((e: unknown) => e)) as LedgerError;
    expect(error.message).toContain(
      'expected a forecast made before question "q-msg" closed at the end of its due date 2026-12-31 (2027-01-01T00:00:00.000Z), ' +
        'received madeAt 2026-12-31T23:00:00-05:00 (2027-01-01T04:00:00.000Z in UTC)',
    );
  });

  it('a forecast the ledger accepts is one scoring counts, and the other way round (due date)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 0, max: 400 }), async ({ resolveOn, madeAt }, lateDays) => {
        const id = `q-due-${n++}`;
        await ledger.addQuestion(binaryQuestion(id, resolveOn));
        const code = await codeOf(ledger.addForecast({ ...binaryForecast(id, 'alice', 0.7, madeAt), id: `${id}.f` }));
        expect([undefined, 'forecast_after_due']).toContain(code);
        const resolvedOn = day(Date.parse(resolveOn) + lateDays * DAY);
        expect(code === undefined).toBe(scoringCounts(resolveOn, madeAt, resolvedOn));
        expect(code === undefined).toBe(madeBeforeClose(madeAt, questionClose(resolveOn)));
      }),
      { numRuns: RUNS },
    );
  });

  it('after an early resolution, a forecast the ledger accepts is one scoring counts, and the other way round', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 400 }), async ({ resolveOn: resolvedOn, madeAt }, earlyDays) => {
        // The forecast is near the end of the resolution's day; the question was due later.
        const resolveOn = day(Date.parse(resolvedOn) + earlyDays * DAY);
        const id = `q-early-${n++}`;
        await ledger.addQuestion(binaryQuestion(id, resolveOn));
        await ledger.resolve(id, { outcome: true, resolvedOn, evidence: [{ description: 'report' }] });
        const code = await codeOf(ledger.addForecast({ ...binaryForecast(id, 'alice', 0.7, madeAt), id: `${id}.f` }));
        expect([undefined, 'already_resolved', 'forecast_after_due']).toContain(code);
        expect(code === undefined).toBe(scoringCounts(resolveOn, madeAt, resolvedOn));
        expect(code === undefined).toBe(!madeAfterOutcome(madeAt, resolvedOn));
      }),
      { numRuns: RUNS },
    );
  });

  it('the scorecard and the leaderboard score every forecast the ledger accepted', async () => {
    const data = await loadScoringData(ledger);
    const card = buildScorecard(data, 'alice', { asOf: '2100-01-01' });
    expect(card.counts.unscored).toBe(0);
    const resolved = card.predictions.filter((p) => p.status === 'resolved').length;
    expect(resolved).toBeGreaterThan(0);
    expect(card.counts.scored).toBe(resolved);
    expect(buildLeaderboard(data, { asOf: '2100-01-01' }).entries[0]).toMatchObject({ forecasterId: 'alice', resolved, binary: resolved });
  });
});

describe('madeBeforeClose', () => {
  it('reads a bare date as 00:00 UTC: its text shortcut agrees with the instant comparison', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 20_000 }), fc.integer({ min: -3, max: 3 }), (d, delta) => {
        const resolveOn = day(Date.UTC(2000, 0, 1) + d * DAY);
        const madeAt = day(Date.parse(resolveOn) + delta * DAY);
        const close = questionClose(resolveOn);
        expect(madeBeforeClose(madeAt, close)).toBe(Date.parse(madeAt) < close.at);
        expect(madeBeforeClose(`${madeAt}T00:00:00Z`, close)).toBe(delta <= 0);
      }),
    );
  });
});

describe('resolution dates', () => {
  const NOW = () => new Date('2026-12-03T10:00:00Z');
  const evidence = [{ description: 'report' }];

  async function ledgerWith(forecasts: readonly [string, string][]): Promise<Ledger> {
    const ledger = await openLedger(':memory:', { now: NOW });
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion('q', '2026-12-31'));
    for (const [id, madeAt] of forecasts) await ledger.addForecast({ ...binaryForecast('q', 'alice', 0.8, madeAt), id });
    return ledger;
  }

  it('refuses a resolution dated after the day it is recorded, in UTC on the ledger clock', async () => {
    const ledger = await ledgerWith([]);
    const error = (await ledger.resolve('q', { outcome: true, resolvedOn: '2026-12-04', evidence }).catch((e: unknown) => e)) as LedgerError;
    expect(error.code).toBe('resolution_in_future');
    expect(error.message).toContain('expected a resolvedOn on or before the day the resolution is recorded (2026-12-03, UTC), received 2026-12-04');
    expect((await ledger.counts()).resolutions).toBe(0);
    expect((await ledger.resolve('q', { outcome: true, resolvedOn: '2026-12-03', evidence })).resolvedOn).toBe('2026-12-03');
    await ledger.close();
  });

  it('refuses an imported resolution dated after the day it says it was recorded', async () => {
    const ledger = await ledgerWith([]);
    const resolution = {
      questionId: 'q',
      status: 'resolved',
      outcome: { kind: 'binary', value: true },
      resolvedOn: '2026-11-02',
      evidence,
      recordedAt: '2026-11-01T12:00:00Z',
    };
    expect(await codeOf(ledger.importPredictions({ formatVersion: 1, resolutions: [resolution] } as never))).toBe('resolution_in_future');
    await ledger.importPredictions({ formatVersion: 1, resolutions: [{ ...resolution, resolvedOn: '2026-11-01' }] } as never);
    await ledger.close();
  });

  it('refuses a resolution dated before forecasts, naming them in the message and the details; nothing is written', async () => {
    // f-late2 is 01:00 on Dec 2 in Paris = Dec 2 00:00 UTC, the first instant after Dec 1; f-same is Dec 1 in UTC.
    const ledger = await ledgerWith([
      ['f-early', '2026-11-01'],
      ['f-same', '2026-12-02T00:30:00+01:00'],
      ['f-late1', '2026-12-02'],
      ['f-late2', '2026-12-02T01:00:00+01:00'],
    ]);
    const head = (await ledger.verify()).head;
    const error = (await ledger.resolve('q', { outcome: true, resolvedOn: '2026-12-01', evidence }).catch((e: unknown) => e)) as LedgerValidationError;
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect(error.code).toBe('forecasts_after_outcome');
    expect(error.message).toContain(
      'before 2 forecasts made after the end of that day (2026-12-02T00:00:00.000Z): "f-late1" (2026-12-02), "f-late2" (2026-12-02T01:00:00+01:00)',
    );
    expect(error.message).toContain('allowForecastsAfterOutcome: true; CLI --allow-forecasts-after-outcome');
    expect(error.issues[0]!.details).toEqual({
      questionId: 'q',
      resolvedOn: '2026-12-01',
      forecasts: [
        { id: 'f-late1', madeAt: '2026-12-02' },
        { id: 'f-late2', madeAt: '2026-12-02T01:00:00+01:00' },
      ],
    });
    expect((await ledger.verify()).head).toBe(head);
    expect((await ledger.counts()).resolutions).toBe(0);
    // Dated the day of the latest forecast, it is accepted.
    await ledger.resolve('q', { outcome: true, resolvedOn: '2026-12-02', evidence });
    await ledger.close();
  });

  it('records them as made after the outcome when told to: kept in the history, listed on the scorecard, never scored', async () => {
    const ledger = await ledgerWith([
      ['f-early', '2026-11-01'],
      ['f-late', '2026-12-02'],
    ]);
    const r = await ledger.resolve('q', { outcome: true, resolvedOn: '2026-12-01', evidence, allowForecastsAfterOutcome: true });
    expect(r.allowForecastsAfterOutcome).toBe(true);
    const card = await ledger.scorecard('alice', { asOf: '2026-12-03' });
    expect(card.predictions[0]).toMatchObject({ verdict: 'hit', forecasts: 2, madeAfterOutcome: 1 });
    expect(card.predictions[0]!.score!.forecasts).toBe(1);
    expect(card.madeAfterOutcome).toEqual([
      { questionId: 'q', title: 'Binary question q', forecastId: 'f-late', madeAt: '2026-12-02', resolvedOn: '2026-12-01' },
    ]);
    // Still no new forecast after the outcome.
    expect(await codeOf(ledger.addForecast({ ...binaryForecast('q', 'alice', 0.9, '2026-12-02'), id: 'f-later' }))).toBe('already_resolved');
    // A correction is checked on its own date: refused without the permission, accepted with it.
    const correction = { outcome: false, resolvedOn: '2026-11-30', evidence, reason: 'misread the report' };
    expect(await codeOf(ledger.correctResolution('q', correction))).toBe('forecasts_after_outcome');
    await ledger.correctResolution('q', { ...correction, allowForecastsAfterOutcome: true });
    await ledger.close();
  });

  it('round-trips through export and import: the permission is part of the resolution', async () => {
    const ledger = await ledgerWith([['f-late', '2026-12-02']]);
    await ledger.resolve('q', { outcome: true, resolvedOn: '2026-12-01', evidence, allowForecastsAfterOutcome: true });
    const data = await ledger.exportData();
    expect(data.resolutions[0]).toMatchObject({ allowForecastsAfterOutcome: true });

    const copy = await openLedger(':memory:', { now: NOW });
    await copy.importPredictions(data);
    expect(await copy.exportData()).toEqual(data);
    expect((await copy.verify()).head).toBe((await ledger.verify()).head);

    // Without the permission, the same file is refused, naming the forecast.
    const stripped = { ...data, resolutions: data.resolutions.map(({ allowForecastsAfterOutcome: _allow, ...r }) => r) };
    const bare = await openLedger(':memory:', { now: NOW });
    const error = (await bare.importPredictions(stripped).catch((e: unknown) => e)) as LedgerValidationError;
    expect(error.code).toBe('forecasts_after_outcome');
    expect(error.issues[0]).toMatchObject({ path: 'resolutions[0].resolvedOn', recordId: 'q' });
    expect(await bare.counts()).toMatchObject({ forecasts: 0, resolutions: 0 });
    await Promise.all([ledger.close(), copy.close(), bare.close()]);
  });

  it('accepts a resolution without the permission exactly when scoring counts every forecast on the question', async () => {
    const ledger = await openLedger(':memory:', { now: LATER });
    await ledger.addForecaster(forecaster());
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, fc.integer({ min: 1, max: 400 }), async ({ resolveOn: resolvedOn, madeAt }, earlyDays) => {
        const resolveOn = day(Date.parse(resolvedOn) + earlyDays * DAY);
        const id = `q-${n++}`;
        await ledger.addQuestion(binaryQuestion(id, resolveOn));
        if ((await codeOf(ledger.addForecast({ ...binaryForecast(id, 'alice', 0.7, madeAt), id: `${id}.f` }))) !== undefined) return;
        const code = await codeOf(ledger.resolve(id, { outcome: true, resolvedOn, evidence }));
        expect([undefined, 'forecasts_after_outcome']).toContain(code);
        expect(code === undefined).toBe(scoringCounts(resolveOn, madeAt, resolvedOn));
      }),
      { numRuns: RUNS },
    );
    await ledger.close();
  });
});
