// The ledger engine behind every store: the facts it keeps between writes stay true when someone
// else writes, a batch that does not commit leaves nothing behind, and calls on one connection never
// run inside each other's transaction.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import { codeOf } from '../helpers/code-of.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

const now = () => new Date('2026-06-01T12:00:00.000Z');

/** A ledger with alice and q-binary (due 2026-12-31), and one forecast on it, so its facts are cached. */
async function seeded(ledger: Ledger): Promise<Ledger> {
  await ledger.addForecaster(forecaster());
  await ledger.addQuestion(binaryQuestion());
  await ledger.addForecast(binaryForecast('q-binary', 'alice', 0.6, '2026-01-10'));
  return ledger;
}

describe('the facts kept between writes', () => {
  it('sees a resolution recorded through another connection (another process, say) at the next write', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const a = await seeded(await openLedger(file, { now }));
    const b = await openLedger(file, { now });
    await b.resolve('q-binary', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'a report' }] });
    // a cached q-binary while it was open: a forecast made after the outcome must still be refused.
    expect(await codeOf(a.addForecast(binaryForecast('q-binary', 'alice', 0.9, '2026-04-01')))).toBe('already_resolved');
    expect((await a.verify()).ok).toBe(true);
    await a.close();
    await b.close();
  });

  it('sees a resolution recorded by another ledger on the same connection', async () => {
    const db = new Database(':memory:');
    const a = await seeded(await openLedger({ database: db }, { now }));
    const b = await openLedger({ database: db }, { now });
    await b.resolve('q-binary', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'a report' }] });
    expect(await codeOf(a.addForecast(binaryForecast('q-binary', 'alice', 0.9, '2026-04-01')))).toBe('already_resolved');
    // And a correction through a: its cache follows its own writes too.
    await a.correctResolution('q-binary', { outcome: false, resolvedOn: '2026-02-01', evidence: [{ description: 'the real report' }], reason: 'misread' });
    expect(await codeOf(a.addForecast(binaryForecast('q-binary', 'alice', 0.9, '2026-02-15')))).toBe('already_resolved');
    expect((await a.getQuestion('q-binary')).resolution?.resolvedOn).toBe('2026-02-01');
    db.close();
  });

  it('keeps nothing from a batch that was refused or only checked (dry run)', async () => {
    const ledger = await seeded(await openLedger(':memory:', { now }));
    const refused = await codeOf(
      ledger.importPredictions({
        formatVersion: 1,
        questions: [binaryQuestion('q-new')],
        forecasts: [binaryForecast('q-new', 'alice', 0.5, '2026-01-01'), binaryForecast('q-new', 'nobody', 0.5, '2026-01-01')],
      }),
    );
    expect(refused).toBe('forecaster_not_found');
    const question = await ledger.addQuestion(binaryQuestion('q-other'));
    const dry = await ledger.store.apply([{ type: 'question.added', record: { ...question, id: 'q-dry' } }], { dryRun: true });
    expect(dry.added.questions).toBe(1);
    // Neither q-new nor q-dry was written: forecasts on them are refused, not accepted from a stale cache.
    expect(await codeOf(ledger.addForecast(binaryForecast('q-new', 'alice', 0.5, '2026-01-02')))).toBe('question_not_found');
    expect(await codeOf(ledger.addForecast(binaryForecast('q-dry', 'alice', 0.5, '2026-01-02')))).toBe('question_not_found');
    expect((await ledger.verify()).ok).toBe(true);
    await ledger.close();
  });

  it('withdraws a forecast recorded in an earlier batch only while its question is open', async () => {
    const ledger = await seeded(await openLedger(':memory:', { now }));
    const [f] = await ledger.listForecasts();
    await ledger.addForecast({ ...binaryForecast('q-binary', 'alice', 0.7, '2026-01-20'), id: 'f-open' });
    await ledger.withdrawForecast('f-open', { reason: 'entered twice' });
    await ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'a report' }] });
    expect(await codeOf(ledger.withdrawForecast(f!.id, { reason: 'too late' }))).toBe('already_resolved');
    await ledger.close();
  });
});

describe('one connection, many calls at once', () => {
  it('runs concurrent writes and reads on one ledger one after another: every write kept, one gapless chain', async () => {
    const ledger = await openLedger(join(tempDir(), 'ledger.sqlite'), { now });
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion());
    const writes = Array.from({ length: 40 }, (_, i) =>
      ledger.addForecast(
        binaryForecast('q-binary', 'alice', (i % 9) / 10 + 0.05, `2026-01-${String((i % 28) + 1).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:00:00Z`),
      ),
    );
    const reads = Array.from({ length: 20 }, () => Promise.all([ledger.listForecasts(), ledger.verify(), ledger.counts()]));
    await Promise.all([...writes, ...reads]);
    for (const [, report] of await Promise.all(reads)) expect(report.ok).toBe(true);
    const events = await ledger.store.events();
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect((await ledger.verify()).ok).toBe(true);
    await ledger.close();
  });

  it('closes after a write in progress, and refuses calls after', async () => {
    const ledger = await openLedger(':memory:', { now });
    const write = ledger.addForecaster(forecaster());
    const closing = ledger.close();
    await write;
    await closing;
    expect(await codeOf(ledger.counts())).toBe('ledger_closed');
  });
});

describe('read(): several reads in one snapshot', () => {
  it('does not see a write committed through another connection between its reads', async () => {
    const file = join(tempDir(), 'ledger.sqlite');
    const ledger = await seeded(await openLedger(file, { now }));
    const other = await openLedger(file, { now });
    const [before, after] = await ledger.store.read(async (r) => {
      const first = await r.counts();
      await other.addForecaster(forecaster('bob', 'Bob')); // commits while the snapshot is open
      return [first, await r.counts()];
    });
    expect(after).toEqual(before);
    expect((await ledger.store.counts()).forecasters).toBe(before.forecasters + 1);
    await other.close();
    await ledger.close();
  });

  it('lets no write through its own connection land inside it, and the write runs right after', async () => {
    const ledger = await seeded(await openLedger(':memory:', { now }));
    let write: Promise<unknown> | undefined;
    const seen = await ledger.store.read(async (r) => {
      write = ledger.addForecaster(forecaster('bob', 'Bob'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      return (await r.listForecasters()).map((f) => f.id);
    });
    expect(seen).toEqual(['alice']);
    await write;
    expect((await ledger.listForecasters()).map((f) => f.id)).toEqual(['alice', 'bob']);
    await ledger.close();
  });

  it('refuses the reader once the function has returned', async () => {
    const ledger = await seeded(await openLedger(':memory:', { now }));
    const escaped = await ledger.store.read(async (r) => r);
    expect(await codeOf(escaped.counts())).toBe('storage_error');
    await ledger.close();
  });
});
