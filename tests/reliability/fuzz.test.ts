// Hostile input at every public door: each generated call either succeeds legitimately or throws a
// LedgerError whose code is in LEDGER_ERROR_CODES (never a TypeError, RangeError or SqliteError),
// and a refused write leaves the ledger as it was: counts, export, head and a verifying chain.
// `npm test` runs about 1,000 generated calls; `npm run test:reliability` about 10,000.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { types } from 'node:util';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { LEDGER_ERROR_CODES, LedgerError, canonicalJson, openLedger, resolveHorizon } from '../../src/index.js';
import { SqliteStore } from '../../src/storage/sqlite/index.js';
import type { Ledger } from '../../src/ledger.js';
import * as scoring from '../../src/scoring/index.js';
import * as importers from '../../src/importers/index.js';
import { writeSite } from '../../src/site/write-site.js';
import { binaryForecast, binaryQuestion, categoricalQuestion, forecaster, numericQuestion, predictionFile, source } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';
import { scaled } from './scale.js';

// ---------------------------------------------------------------------------------------------
// Hostile values

const thrower = (what: string) => () => {
  throw new Error(`hostile ${what}`);
};
// No `has` trap and no revoked Proxy here: fast-check itself asks `cloneMethod in value` of every
// generated value. Revoked Proxies are checked directly in tests/ledger/boundary.test.ts.
const throwingProxy = new Proxy(
  {},
  {
    get: thrower('get trap'),
    ownKeys: thrower('ownKeys trap'),
    getOwnPropertyDescriptor: thrower('descriptor trap'),
    getPrototypeOf: thrower('prototype trap'),
  },
);
const throwingArrayProxy = new Proxy([1, 2], { get: thrower('array get trap') });
const throwingGetter = (key: string) => Object.defineProperty({}, key, { enumerable: true, get: thrower(`getter ${key}`) });
const nested = (depth: number, array: boolean): unknown => {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = array ? [value] : { a: value, id: 'x' };
  return value;
};

const HOSTILE_CONSTANTS: readonly unknown[] = [
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  Number.MAX_VALUE,
  10n,
  2n ** 80n,
  Symbol('hostile'),
  () => 1,
  class {},
  'x'.repeat(100_000),
  '',
  ' ',
  '2027-02-30',
  '+010000-01-01',
  '10000-01-01',
  '2025-13-01',
  '2025-01-01T25:00:00Z',
  '\uD800',
  'a\0b',
  '\u202Eevil',
  '\x1b[31mred\x07',
  '__proto__',
  'constructor',
  'prototype',
  [],
  [1, 'a', null],
  // Sparse arrays: forEach skips a hole, for…of reads it as undefined (calibrationCurve once threw a TypeError on one).
  // eslint-disable-next-line no-sparse-arrays
  [, { probability: 0.7, outcome: true }],
  new Array(2),
  {},
  new Date(Number.NaN),
  new Date(0),
  Object.create(null),
  JSON.parse('{"__proto__":{"polluted":1},"id":"x"}'),
  { constructor: { prototype: { polluted: 1 } } },
  nested(5_000, false),
  nested(5_000, true),
  throwingProxy,
  throwingArrayProxy,
  throwingGetter('id'),
  throwingGetter('kind'),
  new Map([['a', 1]]),
  new Uint8Array(3),
];

/** A hostile value: a constant from the catalogue, or anything fast-check makes. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  // By index, not fc.constantFrom, which probes each constant (and so would trip the Proxies itself).
  { weight: 3, arbitrary: fc.nat(HOSTILE_CONSTANTS.length - 1).map((i) => HOSTILE_CONSTANTS[i]) },
  {
    weight: 1,
    arbitrary: fc.anything({
      withBigInt: true,
      withNullPrototype: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withSparseArray: true,
    }),
  },
  { weight: 1, arbitrary: fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.integer(), fc.boolean()) },
);

/** Every path into a plain value (objects and arrays), e.g. `['estimate', 'probability']`. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

/** A copy of the plain objects and arrays of `value`; anything else (functions, dates) is shared. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyPlain(v)]));
}

/** `base` with the value at `path` replaced (an own property, even for `__proto__`). */
function withValueAt(base: unknown, path: readonly (string | number)[], value: unknown): unknown {
  const copy = copyPlain(base) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  Object.defineProperty(node, path[path.length - 1]!, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'unknownKey'];

/** A valid value with one field (or one new key) made hostile, or a wholly hostile value. */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths = [...pathsOf(base), ...EXTRA_KEYS.map((k) => [k])];
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...paths), hostile).map(([path, value]) => withValueAt(base, path, value)) },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant(base) },
  );
}

// ---------------------------------------------------------------------------------------------
// The ledger and what must not change

const QUESTION_IDS = ['q-binary', 'q-cat', 'q-numeric', 'q-resolved', 'no-such-question'];
const idArg = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUESTION_IDS) }, { weight: 1, arbitrary: hostile });

async function fixtureLedger(): Promise<Ledger> {
  const ledger = await openLedger(':memory:', { now: () => new Date('2026-06-01T12:00:00Z') });
  await ledger.addSource(source());
  await ledger.addForecaster(forecaster());
  await ledger.addForecaster(forecaster('bob', 'Bob'));
  for (const q of [binaryQuestion(), categoricalQuestion(), numericQuestion(), binaryQuestion('q-resolved', '2026-01-31')]) await ledger.addQuestion(q);
  await ledger.addForecast(binaryForecast());
  await ledger.addForecast(binaryForecast('q-resolved', 'bob', 0.2));
  await ledger.resolve('q-resolved', { outcome: false, resolvedOn: '2026-01-31', evidence: [{ description: 'report', sourceId: 'test-source' }] });
  return ledger;
}

interface LedgerState {
  counts: unknown;
  data: unknown;
  head: string;
}

async function stateOf(ledger: Ledger): Promise<LedgerState> {
  const [counts, data, report] = await Promise.all([ledger.counts(), ledger.exportData(), ledger.verify()]);
  expect(report.ok, JSON.stringify(report.problems)).toBe(true);
  return { counts, data, head: report.head };
}

const CODES = new Set<string>(LEDGER_ERROR_CODES);

/** Figures for docs/reliability.md: calls per door, how they ended. */
const figures = { calls: 0, succeeded: 0, refused: 0, codes: new Map<string, number>(), byProperty: new Map<string, number>() };

/** Runs one call: it must succeed or throw a LedgerError with a known code. Returns whether it threw. */
async function attempt(property: string, call: () => unknown): Promise<boolean> {
  figures.calls++;
  figures.byProperty.set(property, (figures.byProperty.get(property) ?? 0) + 1);
  try {
    await call();
    figures.succeeded++;
    return false;
  } catch (error) {
    if (!(error instanceof LedgerError))
      throw new Error(`${property}: expected a LedgerError, received ${Object.prototype.toString.call(error)} ${String((error as Error)?.stack ?? error)}`, {
        cause: error,
      });
    if (!CODES.has(error.code)) throw new Error(`${property}: unknown code ${error.code}`, { cause: error });
    figures.refused++;
    figures.codes.set(error.code, (figures.codes.get(error.code) ?? 0) + 1);
    return true;
  }
}

/** One write: if refused, the ledger must be exactly as before; if accepted, the chain still verifies. */
async function write(ledger: Ledger, property: string, before: { state: LedgerState }, call: () => unknown): Promise<void> {
  const refused = await attempt(property, call);
  const after = await stateOf(ledger);
  if (refused) expect(after).toEqual(before.state);
  before.state = after;
}

// ---------------------------------------------------------------------------------------------
// The generated calls

const resolveInput = { outcome: true, resolvedOn: '2026-05-01', evidence: [{ description: 'report', url: 'https://example.com/a', sourceId: 'test-source' }] };
const annulInput = { reason: 'the premise failed', resolvedOn: '2026-05-01', evidence: [{ description: 'report' }] };
const correctionInput = { status: 'resolved', outcome: true, resolvedOn: '2026-02-01', evidence: [{ description: 'better report' }], reason: 'misread' };
const categoricalForecast = {
  questionId: 'q-cat',
  forecasterId: 'alice',
  madeAt: '2025-10-08T09:30:00+02:00',
  sourceId: 'test-source',
  estimate: { kind: 'categorical', probabilities: { a: 0.6, b: 0.3 } },
};
const numericForecast = {
  questionId: 'q-numeric',
  forecasterId: 'bob',
  madeAt: '2025-10-08',
  estimate: { kind: 'numeric', point: 10_000, interval: { lower: 9_000, upper: 11_000, level: 0.8 }, quantiles: [{ tau: 0.5, value: 10_000 }] },
};

type Call = { door: string; run: (ledger: Ledger) => unknown };

const writeCall: fc.Arbitrary<Call> = fc.oneof(
  mutated(source('new-source')).map((r) => ({ door: 'addSource', run: (l: Ledger) => l.addSource(r as never) })),
  mutated(forecaster('carol', 'Carol')).map((r) => ({ door: 'addForecaster', run: (l: Ledger) => l.addForecaster(r as never) })),
  fc
    .oneof(mutated(binaryQuestion('q-new')), mutated(categoricalQuestion('q-new-cat')), mutated(numericQuestion('q-new-num')))
    .map((r) => ({ door: 'addQuestion', run: (l: Ledger) => l.addQuestion(r as never) })),
  fc
    .oneof(mutated(binaryForecast('q-binary', 'bob', 0.4)), mutated(categoricalForecast), mutated(numericForecast))
    .map((r) => ({ door: 'addForecast', run: (l: Ledger) => l.addForecast(r as never) })),
  fc.tuple(idArg, mutated(resolveInput)).map(([id, r]) => ({ door: 'resolve', run: (l: Ledger) => l.resolve(id as never, r as never) })),
  fc.tuple(idArg, mutated(annulInput)).map(([id, r]) => ({ door: 'annul', run: (l: Ledger) => l.annul(id as never, r as never) })),
  fc.tuple(idArg, mutated(annulInput)).map(([id, r]) => ({ door: 'markAmbiguous', run: (l: Ledger) => l.markAmbiguous(id as never, r as never) })),
  fc.tuple(idArg, mutated(correctionInput)).map(([id, r]) => ({ door: 'correctResolution', run: (l: Ledger) => l.correctResolution(id as never, r as never) })),
);

const importFile = {
  ...predictionFile(2, 'imp'),
  resolutions: [
    {
      questionId: 'imp-0',
      status: 'resolved',
      outcome: { kind: 'binary', value: true },
      resolvedOn: '2026-03-01',
      evidence: [{ description: 'e', sourceId: 'test-source' }],
    },
  ],
};
const importData: fc.Arbitrary<unknown> = fc.oneof(
  mutated(importFile),
  fc.array(mutated(importFile), { maxLength: 3 }),
  mutated({ formatVersion: 1, sources: [source('snap-source')], forecasters: [forecaster('dora', 'Dora')], questions: [], forecasts: [], resolutions: [] }),
);

/** Text of a prediction file: JSON of (mutated) data, with a BOM or junk sometimes. */
const fileText: fc.Arbitrary<string> = fc.oneof(
  importData.map((d) => {
    try {
      return JSON.stringify(d) ?? 'undefined';
    } catch {
      return '{"formatVersion": 1, "questions": [';
    }
  }),
  importData.map((d) => `\uFEFF${safeJson(d)}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '\0',
    '{"formatVersion":1,"__proto__":{"polluted":1}}',
    `{"formatVersion":1,"forecasts":[${JSON.stringify(categoricalForecast).replace('"a":0.6', '"__proto__":0.6')}]}`,
  ),
);

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

const optionsArg = (base: object) => fc.oneof({ weight: 3, arbitrary: mutated(base) }, { weight: 1, arbitrary: fc.constant(undefined) });

const readCall: fc.Arbitrary<Call> = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom('alice', 'bob', 'nobody'), hostile),
      optionsArg({ asOf: '2026-06-01', upcomingLimit: 3, numericTolerance: 0.1, planRule: 'hit' }),
    )
    .map(([id, o]) => ({
      door: 'scorecard',
      run: (l: Ledger) => l.scorecard(id as never, o as never),
    })),
  optionsArg({ asOf: '2026-06-01', minResolved: 1, brierScale: '0-2', logEpsilon: 0.01, calibrationBins: 5 }).map((o) => ({
    door: 'leaderboard',
    run: (l: Ledger) => l.leaderboard(o as never),
  })),
  optionsArg({
    status: ['open', 'resolved'],
    dueBefore: '2027-01-01',
    dueAfter: '2025-01-01',
    forecaster: 'alice',
    tag: 'test',
    kind: 'binary',
    stance: 'forecast',
    order: 'due',
  }).map((f) => ({
    door: 'listQuestions',
    run: (l: Ledger) => l.listQuestions(f as never),
  })),
  optionsArg({ questionId: 'q-binary', forecasterId: 'alice', questionStatus: 'open' }).map((f) => ({
    door: 'listForecasts',
    run: (l: Ledger) => l.listForecasts(f as never),
  })),
  optionsArg({ questionId: 'q-resolved', currentOnly: true }).map((f) => ({ door: 'listResolutions', run: (l: Ledger) => l.listResolutions(f as never) })),
  idArg.map((id) => ({ door: 'getQuestion', run: (l: Ledger) => l.getQuestion(id as never) })),
  idArg.map((id) => ({ door: 'history', run: (l: Ledger) => l.history(id as never) })),
  fc.oneof(fc.constantFrom('alice', 'nobody'), hostile).map((id) => ({ door: 'getForecaster', run: (l: Ledger) => l.getForecaster(id as never) })),
  // expectedHead's own format is checked by the store (issue 9, part A); here: the options object.
  fc
    .oneof(hostile, fc.constant({}), fc.dictionary(fc.string(), hostile, { maxKeys: 2 }))
    .map((o) => ({ door: 'verify', run: (l: Ledger) => l.verify(o as never) })),
  fc
    .tuple(hostile, fc.constantFrom('markdown', 'html', 'json', 'pdf'))
    .map(([card, format]) => ({ door: 'renderScorecard', run: () => scoring.renderScorecard(card as never, format as never) })),
  fc
    .tuple(hostile, fc.constantFrom('markdown', 'html', 'json'))
    .map(([board, format]) => ({ door: 'renderLeaderboard', run: () => scoring.renderLeaderboard(board as never, format) })),
  hostile.map((input) => ({ door: 'renderReport', run: () => scoring.renderReport(input as never) })),
);

/** Real scorecards and leaderboards with one field made hostile, for the renderers. */
async function renderCalls(ledger: Ledger): Promise<fc.Arbitrary<Call>> {
  const card = await ledger.scorecard('bob', { asOf: '2026-06-01' });
  const board = await ledger.leaderboard({ asOf: '2026-06-01' });
  const format = fc.constantFrom('markdown', 'html', 'json');
  return fc.oneof(
    fc.tuple(mutated(card), format).map(([c, f]) => ({ door: 'renderScorecard', run: () => scoring.renderScorecard(c as never, f) })),
    fc.tuple(mutated(board), format).map(([b, f]) => ({ door: 'renderLeaderboard', run: () => scoring.renderLeaderboard(b as never, f) })),
    mutated({ scorecards: [card], leaderboard: board, title: 't', subtitle: 's', asOf: '2026-06-01' }).map((i) => ({
      door: 'renderReport',
      run: () => scoring.renderReport(i as never),
    })),
  );
}

const pair = { probability: 0.7, outcome: true };
const anyArgs = (n: number) => fc.array(hostile, { minLength: 0, maxLength: n });
/** A scoring function called with valid arguments of which one is made hostile, or with hostile ones only. */
const scoringCall = (door: string, valid: readonly unknown[], fn: (...args: never[]) => unknown): fc.Arbitrary<Call> =>
  fc.oneof(mutated(valid), anyArgs(valid.length + 1)).map((args) => ({
    door,
    // A wholly hostile value (a Proxy of an array, say) is passed as the first argument, not spread here.
    run: () => fn(...((Array.isArray(args) && !types.isProxy(args) ? args : [args]) as never[])),
  }));

const question = { id: 'q', kind: 'binary', stance: 'forecast', spec: {}, resolution: { resolveOn: '2025-01-04' } };
const forecastsOnIt = [
  { id: 'a', madeAt: '2025-01-01', estimate: { kind: 'binary', probability: 0.5 } },
  { id: 'b', madeAt: '2025-01-03T10:00:00Z', estimate: { kind: 'binary', probability: 1 } },
];
const data = { forecasters: [{ id: 'alice', name: 'Alice', type: 'person', aliases: [] }], questions: [], forecasts: [] };
/** Scoring data with an aggregate forecaster and forecasts for it to combine, for withAggregates. */
const aggregateData = {
  forecasters: [...data.forecasters, { id: 'pool', name: 'Pool', type: 'organization', aliases: [], aggregate: { method: 'mean', members: 'all' } }],
  questions: [{ question: { ...question, tags: [] }, status: 'open' }],
  forecasts: forecastsOnIt.map((f) => ({ ...f, questionId: 'q', forecasterId: 'alice' })),
};

const libraryCall: fc.Arbitrary<Call> = fc.oneof(
  scoringCall('brierScore', [0.7, true, { scale: '0-2' }], scoring.brierScore),
  scoringCall('logLoss', [0.7, false, { epsilon: 0.01 }], scoring.logLoss),
  scoringCall('meanBrierScore', [[pair, pair], { scale: '0-1' }], scoring.meanBrierScore),
  scoringCall('meanLogLoss', [[pair], { epsilon: 0 }], scoring.meanLogLoss),
  scoringCall('brierSkillScore', [[pair, pair], 0.5], scoring.brierSkillScore),
  scoringCall('calibrationCurve', [[pair], { bins: 5 }], scoring.calibrationCurve),
  scoringCall('brierDecomposition', [[pair], { bins: 5 }], scoring.brierDecomposition),
  scoringCall('absoluteError', [10, 12], scoring.absoluteError),
  scoringCall('absolutePercentageError', [10, 12], scoring.absolutePercentageError),
  scoringCall('logAccuracyRatio', [10, 12], scoring.logAccuracyRatio),
  scoringCall('intervalScore', [9, 11, 10, 0.2], scoring.intervalScore),
  scoringCall('pinballLoss', [10, 12, 0.5], scoring.pinballLoss),
  scoringCall('crpsNormal', [10, 2, 12], scoring.crpsNormal),
  scoringCall('crpsEnsemble', [[9, 10, 11], 12], scoring.crpsEnsemble),
  scoringCall('dateErrorDays', ['2027-01-01', '2027-03-01'], scoring.dateErrorDays),
  scoringCall('wilsonInterval', [3, 10, { confidence: 0.9 }], scoring.wilsonInterval),
  scoringCall('median', [[3, 1, 2]], scoring.median),
  scoringCall('peerScores', [[-0.1, -0.5, -0.9]], scoring.peerScores),
  scoringCall('relativeBrierScores', [[0.1, 0.2]], scoring.relativeBrierScores),
  scoringCall('impliedProbability', ['very likely', { scale: 'ipcc-ar5', language: 'en' }], scoring.impliedProbability),
  scoringCall('claimProbability', [{ estimate: { kind: 'binary', probability: 0.4 } }], scoring.claimProbability),
  scoringCall('scoreClaim', [question, forecastsOnIt[0], { kind: 'binary', value: true }, { logEpsilon: 0.01 }], scoring.scoreClaim),
  scoringCall(
    'scorePrediction',
    [question, forecastsOnIt, { outcome: { kind: 'binary', value: true }, resolvedOn: '2025-01-10' }, {}],
    scoring.scorePrediction,
  ),
  scoringCall('standingWeights', [forecastsOnIt, '2025-01-05'], scoring.standingWeights),
  scoringCall('timeWeightedScore', [forecastsOnIt, '2025-01-05', () => 0.5], scoring.timeWeightedScore),
  scoringCall('buildScorecard', [data, 'alice', { asOf: '2026-01-01', upcomingLimit: 2 }], scoring.buildScorecard),
  scoringCall('buildLeaderboard', [data, { asOf: '2026-01-01', minResolved: 0 }], scoring.buildLeaderboard),
  scoringCall('withAggregates', [aggregateData], scoring.withAggregates),
  scoringCall('resolveHorizon', ['2025-10-08', '+5y'], resolveHorizon),
  scoringCall('canonicalJson', [{ b: 1, a: [true, null] }], canonicalJson),
);

// The doors added with issues 14 and 15: forecast-ledger/importers, writeSite, ledger.backup and ledger.addAggregate.

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'importers');
const fixture = (path: string) => join(FIXTURES, path);
const fixtureJson = (path: string): unknown => JSON.parse(readFileSync(fixture(path), 'utf8'));
const fbQuestionSet = {
  forecast_due_date: '2024-07-21',
  question_set: 'q.json',
  questions: [{ id: 'a', source: 'fred', question: 'Up?', resolution_criteria: 'r' }],
};
const fbForecastSet = {
  organization: 'X',
  model: 'Y',
  forecast_due_date: '2024-07-21',
  forecasts: [{ id: 'a', source: 'fred', forecast: 0.4, resolution_date: '2024-07-28' }],
};

/** A path: one of the fixtures, a missing or hostile one, or any hostile value (never hostile text, which would create files). */
const importPath = (valid: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(fixture(valid)) },
    { weight: 1, arbitrary: fc.constantFrom('', 'a\0b.json', FIXTURES, fixture('missing.json')) },
    { weight: 2, arbitrary: hostile.filter((v) => typeof v !== 'string') },
  );

const importerCall: fc.Arbitrary<Call> = fc.oneof(
  mutated({ file: 'export.csv', text: readFileSync(fixture('fatebook/export.csv'), 'utf8') }).map((i) => ({
    door: 'fatebookToPredictions',
    run: () => importers.fatebookToPredictions(i as never),
  })),
  mutated({ file: 'posts.json', data: fixtureJson('metaculus/posts.json') }).map((i) => ({
    door: 'metaculusToPredictions',
    run: () => importers.metaculusToPredictions(i as never),
  })),
  mutated({ file: 'p.json', data: fixtureJson('predictionbook/my_predictions.json') }).map((i) => ({
    door: 'predictionBookToPredictions',
    run: () => importers.predictionBookToPredictions(i as never),
  })),
  mutated([
    { file: 'markets.json', data: fixtureJson('manifold/markets.json') },
    { file: 'bets.json', data: fixtureJson('manifold/bets.json') },
  ]).map((i) => ({
    door: 'manifoldToPredictions',
    run: () => importers.manifoldToPredictions(i as never),
  })),
  mutated({ questionSet: { file: 'q.json', data: fbQuestionSet }, forecastSets: [{ file: 'f.json', data: fbForecastSet }] }).map((i) => ({
    door: 'forecastBenchToPredictions',
    run: () => importers.forecastBenchToPredictions(i as never),
  })),
  importPath('fatebook/export.csv').map((f) => ({ door: 'readFatebook', run: () => importers.readFatebook(f as never) })),
  importPath('metaculus/posts.json').map((f) => ({ door: 'readMetaculus', run: () => importers.readMetaculus(f as never) })),
  importPath('predictionbook/my_predictions.json').map((f) => ({ door: 'readPredictionBook', run: () => importers.readPredictionBook(f as never) })),
  fc
    .oneof(fc.array(importPath('manifold/markets.json'), { maxLength: 2 }), hostile)
    .map((f) => ({ door: 'readManifold', run: () => importers.readManifold(f as never) })),
  fc
    .oneof(
      mutated({ questionSet: fixture('missing-q.json'), forecastSets: [fixture('missing-f.json')] }),
      hostile.filter((v) => typeof v !== 'string'),
    )
    .map((f) => ({
      door: 'readForecastBench',
      run: () => importers.readForecastBench(f as never),
    })),
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...importers.IMPORT_PLATFORMS), hostile),
      fc.oneof(
        mutated({ files: [fixture('fatebook/export.csv')] }),
        hostile.filter((v) => typeof v !== 'string'),
      ),
    )
    .map(([p, i]) => ({
      door: 'readPlatformExport',
      run: () => importers.readPlatformExport(p as never, i as never),
    })),
);

// ---------------------------------------------------------------------------------------------

// One seed for the whole file, printed, so a failing or hanging run can be replayed:
// FORECAST_LEDGER_FUZZ_SEED=<seed> npm run test:reliability -- fuzz
const SEED = process.env.FORECAST_LEDGER_FUZZ_SEED
  ? Number.parseInt(process.env.FORECAST_LEDGER_FUZZ_SEED, 10)
  : (Date.now() ^ (Math.random() * 0x100000000)) | 0;
if (!Number.isSafeInteger(SEED)) throw new Error(`FORECAST_LEDGER_FUZZ_SEED must be an integer, received ${process.env.FORECAST_LEDGER_FUZZ_SEED}`);
fc.configureGlobal({ seed: SEED });
console.log(`fuzz: seed ${SEED}`);

describe('fuzz: hostile input at every public door', () => {
  afterAll(() => {
    // Nothing reached Object.prototype through a __proto__ or constructor key.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const codes = [...figures.codes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    const doors = [...figures.byProperty.entries()].map(([p, n]) => `${p} ${n}`).join(', ');
    console.log(
      `fuzz: ${figures.calls} calls (${figures.succeeded} succeeded, ${figures.refused} refused with a LedgerError); by property: ${doors}; codes: ${codes}`,
    );
    expect(figures.calls).toBeGreaterThanOrEqual(scaled(1_000, 10_000));
  });

  it('writes: addSource, addForecaster, addQuestion, addForecast, resolve, annul, markAmbiguous, correctResolution', async () => {
    const ledger = await fixtureLedger();
    const before = { state: await stateOf(ledger) };
    await fc.assert(
      fc.asyncProperty(writeCall, async (call) => write(ledger, 'writes', before, () => call.run(ledger))),
      { numRuns: scaled(300, 3_000) },
    );
  });

  it('imports of data: prediction files, snapshots and arrays of them', async () => {
    const ledger = await fixtureLedger();
    const before = { state: await stateOf(ledger) };
    await fc.assert(
      fc.asyncProperty(importData, async (d) => write(ledger, 'import data', before, () => ledger.importPredictions(d as never))),
      { numRuns: scaled(150, 1_500) },
    );
  });

  it('imports of files: hostile JSON text, BOMs, and hostile paths', async () => {
    const ledger = await fixtureLedger();
    const before = { state: await stateOf(ledger) };
    const dir = tempDir();
    let n = 0;
    const target = fc.oneof(
      { weight: 4, arbitrary: fileText.map((text) => ({ text })) },
      { weight: 1, arbitrary: fc.constantFrom('', 'a\0b.json', dir, join(dir, 'missing.json'), '\uD800.json').map((path) => ({ path })) },
    );
    await fc.assert(
      fc.asyncProperty(target, async (t) => {
        let path: string;
        if ('text' in t) {
          path = join(dir, `file-${n++}.json`);
          writeFileSync(path, t.text);
        } else path = t.path;
        await write(ledger, 'import files', before, () => ledger.importPredictions(path));
      }),
      { numRuns: scaled(100, 1_000) },
    );
  });

  it('reads: scorecard, leaderboard, list filters, verify options and the renderers', async () => {
    const ledger = await fixtureLedger();
    const before = { state: await stateOf(ledger) };
    const calls = fc.oneof(readCall, await renderCalls(ledger));
    await fc.assert(
      fc.asyncProperty(calls, async (call) => write(ledger, 'reads', before, () => call.run(ledger))),
      { numRuns: scaled(200, 2_000) },
    );
    expect(await stateOf(ledger)).toEqual(before.state); // reads never write
  });

  it('forecast-ledger/importers: every reader and mapper, with hostile data, files and paths', async () => {
    await fc.assert(
      fc.asyncProperty(importerCall, async (call) => {
        await attempt('importers', () => call.run(undefined as never));
      }),
      { numRuns: scaled(150, 1_500) },
    );
  });

  it('addAggregate, backup and writeSite: hostile input changes nothing', async () => {
    const ledger = await fixtureLedger();
    const before = { state: await stateOf(ledger) };
    const dir = tempDir();
    let n = 0;
    // Hostile text as a path would create files where the test runs: paths are fresh names in a temporary folder, or not text.
    const outPath = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('', 'a\0b') },
      { weight: 1, arbitrary: hostile.filter((v) => typeof v !== 'string') },
    );
    const fresh = (path: unknown, name: string) => (path === undefined ? join(dir, `${name}-${n++}`) : path);
    /** The options with `outDir` set, when they are an object that can be copied; else as they are (a hostile value). */
    const withOutDir = (options: unknown, outDir: unknown): unknown => {
      if (typeof options !== 'object' || options === null || types.isProxy(options)) return options;
      try {
        return { ...options, outDir };
      } catch {
        return options;
      }
    };
    const call: fc.Arbitrary<Call> = fc.oneof(
      mutated({ id: 'crowd', name: 'Crowd', method: 'median', members: ['alice', 'bob'] }).map((i) => ({
        door: 'addAggregate',
        run: (l: Ledger) => l.addAggregate(i as never),
      })),
      fc.tuple(outPath, fc.oneof(fc.constant(undefined), mutated({ overwrite: false }))).map(([p, o]) => ({
        door: 'backup',
        run: (l: Ledger) => l.backup(fresh(p, 'backup.sqlite') as never, o as never),
      })),
      fc
        .tuple(
          fc.oneof({ weight: 4, arbitrary: fc.constant('ledger') }, { weight: 1, arbitrary: hostile }),
          outPath,
          mutated({ title: 'T', asOf: '2026-06-01', generatedAt: new Date(0) }),
        )
        .map(([target, p, o]) => ({
          door: 'writeSite',
          run: (l: Ledger) => writeSite((target === 'ledger' ? l : target) as never, withOutDir(o, fresh(p, 'site')) as never),
        })),
    );
    await fc.assert(
      fc.asyncProperty(call, async (c) => write(ledger, c.door === 'addAggregate' ? 'writes' : 'reads', before, () => c.run(ledger))),
      { numRuns: scaled(100, 1_000) },
    );
  });

  it('forecast-ledger/scoring, resolveHorizon, canonicalJson, openLedger and SqliteStore.open', async () => {
    // No hostile text as a path here: it would create files where the test runs (paths are fuzzed by the import test).
    const target = fc.oneof(
      fc.constantFrom(':memory:', '', 'a\0b.sqlite'),
      hostile.filter((v) => typeof v !== 'string'),
    );
    const opening: fc.Arbitrary<Call> = fc.oneof(
      fc.tuple(target, fc.oneof(fc.constant(undefined), mutated({ migrate: true, durability: 'normal', now: () => new Date() }))).map(([target, options]) => ({
        door: 'openLedger',
        run: async () => (await openLedger(target as never, options as never)).close(),
      })),
      fc
        .tuple(target, mutated({ durability: 'full' }))
        .map(([target, options]) => ({ door: 'SqliteStore.open', run: () => SqliteStore.open(target as never, options as never).close() })),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 6, arbitrary: libraryCall }, { weight: 1, arbitrary: opening }), async (call) => {
        await attempt('library', () => call.run(undefined as never));
      }),
      { numRuns: scaled(250, 2_500) },
    );
  });
});
