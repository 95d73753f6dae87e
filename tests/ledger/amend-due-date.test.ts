// amendQuestion can move a question's due date: the rules, the due lists, scoring, verify() and the
// fact cache follow the current revision; export and import reproduce it.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerError, openLedger, type Ledger } from '../../src/index.js';
import { codeOf } from '../helpers/code-of.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** A file ledger with q due 2026-03-31 and alice's forecast of 2026-03-01; the clock at 2026-03-15. */
async function setUp(file = join(tempDir(), 'ledger.sqlite')): Promise<{ ledger: Ledger; file: string; at: (iso: string) => void }> {
  let now = new Date('2026-03-15T00:00:00Z');
  const ledger = await openLedger(file, { now: () => now });
  await ledger.addForecaster(forecaster());
  await ledger.addQuestion(binaryQuestion('q', '2026-03-31'));
  await ledger.addForecast({ ...binaryForecast('q', 'alice', 0.4, '2026-03-01'), id: 'f1' });
  return { ledger, file, at: (iso) => void (now = new Date(iso)) };
}

/** Moves q's due date to 2026-06-30, then adds alice's forecast `p` of 2026-04-10 (after the old date). */
async function movedToJune({ ledger, at }: Awaited<ReturnType<typeof setUp>>, p: number): Promise<void> {
  await ledger.amendQuestion('q', { resolveOn: '2026-06-30' }, { reason: 'the report moved to June' });
  at('2026-04-10T00:00:00Z');
  await ledger.addForecast({ ...binaryForecast('q', 'alice', p, '2026-04-10'), id: 'f2' });
}

describe('amending the due date', () => {
  it('moves the close: a forecast after the old date is accepted (warm fact cache and a second connection), the due lists and verify follow', async () => {
    const { ledger, file, at } = await setUp();
    // Warm the fact cache with the question's old date: a forecast after it is refused now.
    expect(await codeOf(ledger.addForecast({ ...binaryForecast('q', 'alice', 0.5, '2026-04-10'), id: 'too-late' }))).toBe('forecast_after_due');
    const amendment = await ledger.amendQuestion('q', { resolveOn: '2026-06-30' }, { reason: 'the report moved to June' });
    expect(amendment.changes).toEqual({ resolveOn: '2026-06-30' });
    at('2026-04-10T00:00:00Z');
    await ledger.addForecast({ ...binaryForecast('q', 'alice', 0.6, '2026-04-10'), id: 'f2' });
    expect((await ledger.getQuestion('q')).current.resolution.resolveOn).toBe('2026-06-30');
    expect((await ledger.listQuestions({ dueBefore: '2026-04-01' })).map((r) => r.question.id)).toEqual([]);
    expect((await ledger.listQuestions({ dueAfter: '2026-06-30' })).map((r) => r.question.resolution.resolveOn)).toEqual(['2026-06-30']);
    // Another connection (its own, cold cache) reads the due date from the projection.
    const other = await openLedger(file, { now: () => new Date('2026-05-01T00:00:00Z') });
    await other.addForecast({ ...binaryForecast('q', 'alice', 0.7, '2026-05-01'), id: 'f3' });
    expect(await codeOf(other.addForecast({ ...binaryForecast('q', 'alice', 0.7, '2026-07-01'), id: 'f4' }))).toBe('forecast_after_due');
    await other.close();
    expect((await ledger.verify()).ok).toBe(true);
    await ledger.close();
  });

  it('refuses a due date before a forecast on the question (forecast_after_due, naming it) and writes nothing', async () => {
    const { ledger } = await setUp();
    const before = await ledger.verify();
    const error = await ledger.amendQuestion('q', { resolveOn: '2026-02-28' }, { reason: 'earlier' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('forecast_after_due');
    expect(String((error as Error & { issues?: { message: string }[] }).issues?.[0]?.message)).toMatch(/cannot come due on 2026-02-28.*"f1" \(2026-03-01\)/);
    expect((await ledger.verify()).anchor).toBe(before.anchor);
    // A date after every forecast is fine, and then a forecast after the new close is refused.
    await ledger.amendQuestion('q', { resolveOn: '2026-03-05' }, { reason: 'the report came early' });
    expect(await codeOf(ledger.addForecast({ ...binaryForecast('q', 'alice', 0.5, '2026-03-10'), id: 'late' }))).toBe('forecast_after_due');
    await ledger.close();
  });

  it('scores against the current close, and as of a date before the amendment against the old one', async () => {
    const set = await setUp();
    const { ledger, at } = set;
    await movedToJune(set, 0.9);
    at('2026-07-02T00:00:00Z');
    await ledger.resolve('q', { outcome: true, resolvedOn: '2026-07-01', evidence: [{ description: 'report' }] });
    const card = await ledger.scorecard('alice', { asOf: '2026-07-02' });
    const p = card.predictions[0]!;
    // Both forecasts count: the close is the end of 2026-06-30, not of 2026-03-31.
    expect([p.dueOn, p.score?.forecasts]).toEqual(['2026-06-30', 2]);
    expect((await ledger.scorecard('alice', { asOf: '2026-03-14' })).predictions[0]!.dueOn).toBe('2026-03-31');
    await ledger.close();
  });

  it('round-trips through export and import (a forecast after the old date included), and a second import changes nothing', async () => {
    const set = await setUp();
    const { ledger } = set;
    await movedToJune(set, 0.6);
    const exported = await ledger.exportData();
    const copy = await openLedger(':memory:', { now: () => new Date('2026-04-11T00:00:00Z') });
    await copy.importPredictions(exported);
    expect(await copy.exportData()).toEqual(exported);
    expect((await copy.listQuestions())[0]!.question.resolution.resolveOn).toBe('2026-06-30');
    expect((await copy.verify()).ok).toBe(true);
    expect((await copy.importPredictions(exported)).unchanged.updates).toBe(1);
    await copy.close();
    await ledger.close();
  });

  it('verify() reports a due date edited in the questions table behind the ledger', async () => {
    const { ledger, file } = await setUp();
    await ledger.amendQuestion('q', { resolveOn: '2026-06-30' }, { reason: 'moved' });
    await ledger.close();
    const db = new Database(file);
    db.prepare("UPDATE questions SET resolve_on = '2026-03-31' WHERE id = 'q'").run();
    db.close();
    const reopened = await openLedger(file);
    const report = await reopened.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.table)).toContain('questions');
    await reopened.close();
  });
});
