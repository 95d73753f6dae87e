// Every public function validates its arguments at the boundary: any input gives a LedgerError with a
// code (never a TypeError), and a refused write changes nothing. Each case here failed before the fix.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerError, LedgerValidationError, openLedger, resolveHorizon, type LedgerErrorCode } from '../../src/index.js';
import { SqliteStore } from '../../src/storage/sqlite/index.js';
import { Ledger } from '../../src/ledger.js';
import {
  brierScore,
  buildLeaderboard,
  dateErrorDays,
  buildScorecard,
  loadScoringData,
  renderLeaderboard,
  renderReport,
  renderScorecard,
} from '../../src/scoring/index.js';
import { binaryForecast, binaryQuestion, categoricalQuestion, forecaster, predictionFile, source } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** Awaits `run` and returns the LedgerError it must throw, with `code`. */
async function refused(run: () => unknown, code: LedgerErrorCode = 'validation_failed'): Promise<LedgerError> {
  let thrown: unknown;
  try {
    await run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a LedgerError ${code}`).toBeInstanceOf(LedgerError);
  expect((thrown as LedgerError).code, (thrown as Error).message).toBe(code);
  return thrown as LedgerError;
}

/** A ledger with a source, a forecaster, a binary and a categorical question and a forecast. */
async function smallLedger(): Promise<Ledger> {
  const ledger = await openLedger(':memory:');
  await ledger.addSource(source());
  await ledger.addForecaster(forecaster());
  await ledger.addQuestion(binaryQuestion());
  await ledger.addQuestion(categoricalQuestion());
  await ledger.addForecast(binaryForecast());
  return ledger;
}

/** What must not change when a write is refused. */
async function state(ledger: Ledger) {
  const [counts, data, report] = await Promise.all([ledger.counts(), ledger.exportData(), ledger.verify()]);
  return { counts, data, head: report.head, ok: report.ok };
}

const throwingGetter = () =>
  Object.defineProperty({}, 'id', {
    enumerable: true,
    get() {
      throw new Error('getter');
    },
  });
const throwingProxy = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('trap');
      },
      ownKeys() {
        throw new Error('trap');
      },
      getPrototypeOf() {
        throw new Error('trap');
      },
    },
  );

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe('raw exceptions become LedgerErrors, and a refused write changes nothing', () => {
  it.each<[string, (l: Ledger) => unknown, LedgerErrorCode?]>([
    ["resolve('q') without input", (l) => (l.resolve as (id: string) => unknown)('q-binary')],
    ['resolve(q, null)', (l) => l.resolve('q-binary', null as never)],
    ['a BigInt outcome', (l) => l.resolve('q-binary', { outcome: 10n as never, resolvedOn: '2026-01-01', evidence: [{ description: 'e' }] })],
    ['a NaN outcome', (l) => l.resolve('q-binary', { outcome: Number.NaN, resolvedOn: '2026-01-01', evidence: [{ description: 'e' }] })],
    ['a Symbol question id', (l) => l.resolve(Symbol('q') as never, { outcome: true, resolvedOn: '2026-01-01', evidence: [{ description: 'e' }] })],
    ['annul(q, undefined)', (l) => l.annul('q-binary', undefined as never)],
    ['markAmbiguous(q, a throwing Proxy)', (l) => l.markAmbiguous('q-binary', throwingProxy() as never)],
    ['correctResolution(q, null)', (l) => l.correctResolution('q-binary', null as never)],
    ['a record with a throwing getter', (l) => l.addSource(throwingGetter() as never)],
    ['a record that is a throwing Proxy', (l) => l.addForecast(throwingProxy() as never)],
    ['import data that is a throwing Proxy', (l) => l.importPredictions(throwingProxy() as never)],
    ['a record that is a revoked Proxy', (l) => l.addQuestion(revokedProxy() as never)],
    ['import data that is a revoked Proxy', (l) => l.importPredictions(revokedProxy() as never)],
    ['resolve input that is a revoked Proxy', (l) => l.resolve('q-binary', revokedProxy() as never)],
    [
      'an unknown key in resolve input',
      (l) => l.resolve('q-binary', { outcome: true, resolvedOn: '2026-01-01', evidence: [{ description: 'e' }], when: 'now' } as never),
      'unknown_option',
    ],
    ['an unknown annul option', (l) => l.annul('q-binary', { reason: 'r', force: true } as never), 'unknown_option'],
  ])('%s', async (_name, write, code = 'validation_failed') => {
    const ledger = await smallLedger();
    const before = await state(ledger);
    await refused(() => write(ledger), code);
    expect(await state(ledger)).toEqual(before);
  });

  it.each<[string, (l: Ledger) => unknown, LedgerErrorCode?]>([
    ['scorecard(id, null)', (l) => l.scorecard('alice', null as never)],
    ['leaderboard(null)', (l) => l.leaderboard(null as never)],
    ['an unknown scorecard option', (l) => l.scorecard('alice', { asof: '2026-01-01' } as never), 'unknown_option'],
    ['listQuestions(null)', (l) => l.listQuestions(null as never)],
    ['an unknown listQuestions filter', (l) => l.listQuestions({ statuses: ['open'] } as never), 'unknown_option'],
    ['a listQuestions status that is no status', (l) => l.listQuestions({ status: 'closed' as never })],
    ['listForecasts with a numeric question id', (l) => l.listForecasts({ questionId: 1 as never })],
    ['verify(null)', (l) => l.verify(null as never)],
    ['an unknown verify option', (l) => l.verify({ expected: 'x' } as never), 'unknown_option'],
    ['getQuestion(undefined)', (l) => l.getQuestion(undefined as never)],
    ['history of a throwing Proxy', (l) => l.history(throwingProxy() as never)],
  ])('%s', async (_name, read, code = 'validation_failed') => {
    const ledger = await smallLedger();
    await refused(() => read(ledger), code);
  });

  it.each<[string, () => unknown, LedgerErrorCode?]>([
    ['openLedger(null)', () => openLedger(null as never)],
    ['openLedger(undefined)', () => openLedger(undefined as never)],
    ['openLedger({})', () => openLedger({} as never)],
    ['openLedger with a throwing Proxy', () => openLedger(throwingProxy() as never)],
    ['an unknown openLedger option', () => openLedger(':memory:', { durable: true } as never), 'unknown_option'],
    ['renderReport(null)', () => renderReport(null as never)],
    ['renderReport({ scorecards: [{}] })', () => renderReport({ scorecards: [{}], leaderboard: {} } as never)],
    ['renderScorecard(undefined)', () => renderScorecard(undefined as never, 'html')],
    ['renderLeaderboard({})', () => renderLeaderboard({} as never, 'markdown')],
    ['buildScorecard(null)', () => buildScorecard(null as never, 'alice')],
    ['buildLeaderboard with questions of the wrong shape', () => buildLeaderboard({ forecasters: [], questions: [null], forecasts: [] } as never)],
    ['loadScoringData(null)', () => loadScoringData(null as never)],
    ['brierScore options that throw when read', () => brierScore(0.5, true, throwingProxy() as never)],
    ['brierScore options that are a revoked Proxy', () => brierScore(0.5, true, revokedProxy() as never)],
    ['dateErrorDays of a Proxy that refuses its prototype', () => dateErrorDays(throwingProxy() as never, '2025-01-01')],
    ['renderScorecard of a revoked Proxy', () => renderScorecard(revokedProxy() as never, 'json')],
    ['openLedger of a revoked Proxy', () => openLedger(revokedProxy() as never)],
    ['new Ledger(null)', () => new Ledger(null as never)],
    ['new Ledger(store, a clock that is no function)', () => new Ledger(SqliteStore.open(':memory:'), 'now' as never)],
    ['an unknown brierScore option', () => brierScore(0.5, true, { scales: '0-2' } as never), 'unknown_option'],
    ['resolveHorizon(null, rule)', () => resolveHorizon(null as never, '+5y')],
    ['resolveHorizon(date, Symbol)', () => resolveHorizon('2025-01-01', Symbol('r') as never)],
  ])('%s', async (_name, call, code = 'validation_failed') => {
    await refused(call, code);
  });
});

describe('rules that were not enforced', () => {
  it('SqliteStore.apply checks every record against its schema (the store is public too)', async () => {
    const ledger = await smallLedger();
    const before = await state(ledger);
    for (const change of [
      { type: 'source.added', record: { id: 'x' } },
      { type: 'forecast.added', record: binaryForecast() },
      { type: 'nope', record: {} },
      null,
    ]) {
      await refused(() => ledger.store.apply([change as never]));
    }
    await refused(() => ledger.store.apply(null as never));
    expect(await state(ledger)).toEqual(before);
  });

  it('refuses a resolution whose evidence names a source that does not exist (source_not_found)', async () => {
    const ledger = await smallLedger();
    const before = await state(ledger);
    const error = await refused(
      () => ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-01-01', evidence: [{ description: 'a report', sourceId: 'no-such-source' }] }),
      'source_not_found',
    );
    expect(error.message).toMatch(/evidence\[0\]\.sourceId: unknown source "no-such-source"/);
    expect(await state(ledger)).toEqual(before);
    // …and accepts one that does.
    await ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-01-01', evidence: [{ description: 'a report', sourceId: 'test-source' }] });
    expect((await ledger.counts()).resolutions).toBe(1);
  });

  it('checks evidence sources in an import too, where the source may come in the same file', async () => {
    const ledger = await openLedger(':memory:');
    const file = {
      ...predictionFile(1),
      resolutions: [
        {
          questionId: 'q-0',
          status: 'resolved',
          outcome: { kind: 'binary', value: true },
          resolvedOn: '2026-01-01',
          evidence: [{ description: 'e', sourceId: 'missing' }],
        },
      ],
    };
    await refused(() => ledger.importPredictions(file as never), 'source_not_found');
    expect((await ledger.counts()).questions).toBe(0);
    file.resolutions[0]!.evidence[0]!.sourceId = 'test-source';
    expect((await ledger.importPredictions(file as never)).added.resolutions).toBe(1);
  });

  it('refuses an own __proto__ key in categorical probabilities instead of dropping it', async () => {
    const ledger = await smallLedger();
    const before = await state(ledger);
    const forecast = JSON.parse(
      '{"questionId":"q-cat","forecasterId":"alice","madeAt":"2025-10-08","estimate":{"kind":"categorical","probabilities":{"__proto__":0.5,"a":0.2}}}',
    );
    const error = await refused(() => ledger.addForecast(forecast));
    expect(error.message).toMatch(/estimate\.probabilities\.__proto__: expected option ids/);
    const file = JSON.parse(`{"formatVersion":1,"forecasts":[${JSON.stringify({ ...forecast, id: 'f-cat' }).replace('"a":0.2', '"__proto__":0.5,"a":0.2')}]}`);
    await refused(() => ledger.importPredictions(file));
    expect(await state(ledger)).toEqual(before);
  });

  it('refuses categorical probabilities for no option at all', async () => {
    const ledger = await smallLedger();
    const before = await state(ledger);
    const error = await refused(() =>
      ledger.addForecast({ questionId: 'q-cat', forecasterId: 'alice', madeAt: '2025-10-08', estimate: { kind: 'categorical', probabilities: {} } }),
    );
    expect(error.message).toMatch(/probabilities: expected a probability for at least one option/);
    expect(await state(ledger)).toEqual(before);
  });

  it('lists questions by a status filter of 200,000 entries (no SQL variable per entry, no spread into a call)', async () => {
    const ledger = await smallLedger();
    const all = await ledger.listQuestions({ status: 'open' });
    expect(all.length).toBeGreaterThan(0);
    expect(await ledger.listQuestions({ status: Array<'open'>(200_000).fill('open') })).toEqual(all);
  });

  it("refuses durability 'off' (only full and normal)", async () => {
    await refused(() => openLedger(':memory:', { durability: 'off' as never }));
    expect(() => SqliteStore.open(':memory:', { durability: 'OFF' as never })).toThrow(/durability "full" or "normal"/);
  });

  it('refuses a NUL in a path, naming the argument, instead of cutting the path short', async () => {
    const dir = tempDir();
    const error = await refused(() => openLedger(join(dir, 'ledger.sqlite\0.bak')));
    expect(error.message).toMatch(/target: expected a path without NUL/);
    expect(readdirSync(dir)).toEqual([]); // nothing was created at the cut-short path
    const ledger = await smallLedger();
    expect((await refused(() => ledger.importPredictions(join(dir, 'a.json\0')))).message).toMatch(/path: expected a path without NUL/);
  });

  it("refuses importPredictions('') instead of importing the current folder", async () => {
    const ledger = await smallLedger();
    const before = await state(ledger);
    expect((await refused(() => ledger.importPredictions(''))).message).toMatch(/path: expected a path, received an empty string/);
    expect(await state(ledger)).toEqual(before);
  });

  it("refuses asOf '2027-02-30' (a date that is not in the calendar)", async () => {
    const ledger = await smallLedger();
    await refused(() => ledger.scorecard('alice', { asOf: '2027-02-30' }));
    await refused(() => ledger.leaderboard({ asOf: '2027-02-30' }));
    await refused(() => ledger.listQuestions({ dueBefore: '2027-02-30' }));
    expect((await ledger.scorecard('alice', { asOf: '2028-02-29' })).asOf).toBe('2028-02-29');
  });

  it('reads a prediction file that starts with a UTF-8 byte order mark', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'files'));
    writeFileSync(join(dir, 'files', 'bom.json'), `\uFEFF${JSON.stringify(predictionFile(2))}`);
    const ledger = await openLedger(':memory:');
    const report = await ledger.importPredictions(join(dir, 'files'));
    expect(report.added.questions).toBe(2);
  });

  it('never gives a due date past 9999-12-31', () => {
    expect(resolveHorizon('9999-01-01', 'end-of-year:+0')).toBe('9999-12-31');
    for (const [madeAt, rule] of [
      ['9999-12-31', '+1d'],
      ['2025-01-01', '+8000y'],
      ['2025-01-01', 'end-of-year:+7975'],
      ['2025-01-01', '+99999999999999d'],
    ] as const) {
      expect(() => resolveHorizon(madeAt, rule), `${madeAt} ${rule}`).toThrow(/after 9999-12-31/);
    }
  });

  it('names the function and argument in a LedgerValidationError', async () => {
    const ledger = await smallLedger();
    const error = await refused(() => ledger.resolve('q-binary', { outcome: true, resolvedOn: 5 as never, evidence: [] }));
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect((error as LedgerValidationError).issues[0]).toMatchObject({ path: 'input.resolvedOn', code: 'validation_failed' });
    expect(error.message).toMatch(/^ledger\.resolve: invalid input/);
  });
});
