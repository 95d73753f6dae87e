// The storage port, exercised directly on every backend of the matrix: what any `LedgerStore` must do,
// whatever database sits behind it. Only the public surface is used (`openLedger`, `ledger.store`, the
// model schemas), so these tests hold across the engine extraction and for every new adapter.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  Forecast,
  Forecaster,
  GENESIS_HASH,
  LedgerError,
  LedgerValidationError,
  Question,
  Resolution,
  Source,
  type Change,
  type LedgerEvent,
  type LedgerStore,
  type QuestionInput,
  type RecordCounts,
  type ResolutionInput,
} from '../../src/index.js';
import { BACKENDS, describeEachBackend } from '../helpers/backends.js';
import { codeOf } from '../helpers/code-of.js';
import { binaryForecast, binaryQuestion, categoricalQuestion, forecaster, numericQuestion, source } from '../helpers/fixtures.js';

const NOW = '2026-06-01T12:00:00.000Z';
const zero: RecordCounts = { sources: 0, forecasters: 0, questions: 0, forecasts: 0, resolutions: 0, updates: 0 };

const addSource = (id = 'test-source'): Change => ({ type: 'source.added', record: Source.parse(source(id)) });
const addForecaster = (id = 'alice', name = 'Alice'): Change => ({ type: 'forecaster.added', record: Forecaster.parse(forecaster(id, name)) });
const addQuestion = (input: QuestionInput): Change => ({ type: 'question.added', record: Question.parse(input) });
const addForecast = (id: string, questionId: string, forecasterId: string, probability: number, madeAt = '2026-01-01'): Change => ({
  type: 'forecast.added',
  record: { ...Forecast.parse(binaryForecast(questionId, forecasterId, probability, madeAt)), id },
});
const recordResolution = (input: ResolutionInput): Change => ({ type: 'resolution.recorded', record: Resolution.parse(input) });
const resolved = (questionId: string, value: boolean, resolvedOn: string, correction?: string): Change =>
  recordResolution({
    questionId,
    status: 'resolved',
    outcome: { kind: 'binary', value },
    resolvedOn,
    evidence: [{ description: 'a report' }],
    ...(correction ? { correction: { reason: correction } } : {}),
  });

/**
 * A small ledger with something for every filter: two sources, three forecasters, five questions of
 * three kinds (one plan, tags, due dates out of recorded order), forecasts, a resolution and its
 * correction, an annulment and question-life events.
 */
const seed = (): Change[] => [
  addSource(),
  addSource('second-source'),
  addForecaster('carol', 'Carol'),
  addForecaster('alice'),
  addForecaster('bob', 'Bob'),
  addQuestion(binaryQuestion('q-late', '2026-12-31')),
  addQuestion({ ...binaryQuestion('q-early', '2026-03-01'), tags: ['rain'], stance: 'plan' }),
  addQuestion(numericQuestion()), // q-numeric, due 2027-12-31, tag copper
  addQuestion(categoricalQuestion()), // q-cat, due 2026-12-31, no tags
  addQuestion(binaryQuestion('q-annulled', '2026-04-01')),
  addForecast('f1', 'q-early', 'alice', 0.6),
  addForecast('f2', 'q-late', 'bob', 0.3),
  addForecast('f3', 'q-early', 'bob', 0.2),
  addForecast('f4', 'q-late', 'alice', 0.8),
  addForecast('f5', 'q-annulled', 'carol', 0.5),
  resolved('q-early', true, '2026-03-01'),
  resolved('q-early', false, '2026-03-02', 'misread the report'),
  recordResolution({ questionId: 'q-annulled', status: 'annulled', resolvedOn: '2026-04-01', reason: 'premise failed' }),
  { type: 'question.clarified', record: { questionId: 'q-late', text: 'Only English-language reports count.' } },
  { type: 'comment.added', record: { questionId: 'q-cat', author: 'bob', text: 'Hm.' } },
  { type: 'forecast.withdrawn', record: { forecastId: 'f4', reason: 'entered by mistake' } },
  { type: 'comment.added', record: { questionId: 'q-late', author: 'alice', text: 'Still likely.' } },
];
const SEEDED: RecordCounts = { sources: 2, forecasters: 3, questions: 5, forecasts: 5, resolutions: 3, updates: 4 };

/** Events, heads and counts: what must not move when a write is refused. */
async function snapshot(store: LedgerStore) {
  return { events: await store.events(), counts: await store.counts() };
}

describeEachBackend('LedgerStore contract', (backend) => {
  let store: LedgerStore;
  beforeEach(async () => {
    store = (await backend.open({ now: () => new Date(NOW) })).store;
  });

  describe('apply', () => {
    it('writes a batch in order: counts by kind, gapless sequence numbers, a linked hash chain', async () => {
      const result = await store.apply(seed());
      expect(result.added).toEqual(SEEDED);
      expect(result.unchanged).toEqual(zero);
      expect(result.lastSeq).toBe(seed().length);
      const events = await store.events();
      expect(events.map((e) => e.seq)).toEqual(seed().map((_, i) => i + 1));
      expect(events.map((e) => e.type)).toEqual(seed().map((c) => c.type));
      expect(events[0]!.prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
      expect(result.head).toBe(events.at(-1)!.hash);
      expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && e.recordedAt === NOW)).toBe(true);
      expect(await store.counts()).toEqual(SEEDED);
    });

    it('gives each event its entity id and the record as payload', async () => {
      await store.apply(seed());
      const events = await store.events();
      expect(events.map((e) => e.entityId)).toEqual([
        'test-source',
        'second-source',
        'carol',
        'alice',
        'bob',
        'q-late',
        'q-early',
        'q-numeric',
        'q-cat',
        'q-annulled',
        'f1',
        'f2',
        'f3',
        'f4',
        'f5',
        'q-early',
        'q-early',
        'q-annulled',
        'q-late',
        'q-cat',
        'f4',
        'q-late',
      ]);
      expect(events[3]!.payload).toEqual(Forecaster.parse(forecaster()));
      expect(events[10]!.payload).toEqual((seed()[10] as { record: unknown }).record);
    });

    it('continues the chain across calls', async () => {
      const first = await store.apply(seed().slice(0, 5));
      const second = await store.apply(seed().slice(5));
      expect(second.lastSeq).toBe(seed().length);
      const [sixth] = await store.events({ afterSeq: 5, limit: 1 });
      expect(sixth!.prevHash).toBe(first.head);
      expect((await store.verify()).ok).toBe(true);
    });

    it('is all or nothing: one bad change in a batch writes none of it', async () => {
      await store.apply(seed());
      const before = await snapshot(store);
      const batch = [addForecaster('dave', 'Dave'), addQuestion(binaryQuestion('q-new')), addForecast('f-bad', 'no-such-question', 'alice', 0.5)];
      const error = (await store.apply(batch).catch((e: unknown) => e)) as LedgerValidationError;
      expect(error).toBeInstanceOf(LedgerValidationError);
      expect(error.code).toBe('question_not_found');
      expect(error.issues.map((i) => [i.code, i.recordId])).toEqual([['question_not_found', 'f-bad']]);
      expect(await snapshot(store)).toEqual(before);
      expect(await store.getForecaster('dave')).toBeUndefined();
    });

    it('reports every problem of a batch together, in batch order, as import_failed', async () => {
      await store.apply(seed());
      const before = await snapshot(store);
      const batch = [
        addForecast('f-a', 'nope', 'alice', 0.5),
        addForecaster('alice', 'Alice Smith'), // same id, other content
        addForecast('f-b', 'q-late', 'nobody', 0.5),
        resolved('q-early', true, '2026-03-05'), // already resolved, and not a correction
      ];
      const error = (await store.apply(batch).catch((e: unknown) => e)) as LedgerValidationError;
      expect(error.code).toBe('import_failed');
      expect(error.issues.map((i) => i.code)).toEqual(['question_not_found', 'conflicting_record', 'forecaster_not_found', 'already_resolved']);
      expect(await snapshot(store)).toEqual(before);
    });

    it('lets a batch refer to records added earlier in the same batch', async () => {
      const batch = [addForecaster(), addQuestion(binaryQuestion()), addForecast('f', 'q-binary', 'alice', 0.4), resolved('q-binary', true, '2026-05-01')];
      const result = await store.apply(batch);
      expect(result.added).toMatchObject({ forecasters: 1, questions: 1, forecasts: 1, resolutions: 1 });
    });

    it('dry run: returns what the batch would do, problems as issues, and writes nothing', async () => {
      await store.apply(seed().slice(0, 10));
      const before = await snapshot(store);
      const dry = await store.apply(seed().slice(10), { dryRun: true });
      expect(dry.issues).toEqual([]);
      expect(dry.added).toEqual({ ...zero, forecasts: 5, resolutions: 3, updates: 4 });
      expect(await snapshot(store)).toEqual(before);
      const real = await store.apply(seed().slice(10));
      expect([real.added, real.lastSeq, real.head]).toEqual([dry.added, dry.lastSeq, dry.head]);

      const bad = await store.apply([addForecast('f-x', 'nope', 'alice', 0.5), addForecast('f-y', 'q-late', 'nobody', 0.5)], { dryRun: true });
      expect(bad.issues!.map((i) => [i.code, i.recordId])).toEqual([
        ['question_not_found', 'f-x'],
        ['forecaster_not_found', 'f-y'],
      ]);
      expect(bad.lastSeq).toBe(real.lastSeq);
      expect((await store.counts()).forecasts).toBe(5);
    });

    it('dry run with invalidIds: references to records rejected earlier, and to changes that rely on them, are not reported again', async () => {
      await store.apply(seed().slice(0, 10));
      const batch: Change[] = [
        addForecast('f-a', 'q-rejected', 'alice', 0.5),
        { type: 'forecast.withdrawn', record: { forecastId: 'f-a', reason: 'relies on f-a' } },
        addForecast('f-b', 'q-unknown', 'alice', 0.5),
      ];
      const dry = await store.apply(batch, { dryRun: true, invalidIds: new Set(['q-rejected']) });
      expect(dry.issues!.map((i) => [i.code, i.recordId])).toEqual([['question_not_found', 'f-b']]);
      const plain = await store.apply(batch, { dryRun: true });
      // Without it the first forecast is reported; the withdrawal that relies on it still is not.
      expect(plain.issues!.map((i) => [i.code, i.recordId])).toEqual([
        ['question_not_found', 'f-a'],
        ['question_not_found', 'f-b'],
      ]);
    });

    it('skips records already present with identical content: re-applying changes nothing', async () => {
      const first = await store.apply(seed());
      // A resolution or question-life event has no id: it is the same one with the same recordedAt (as exported).
      // Only current resolutions: a superseded one applied again is refused today (already_resolved), see the report of issue 10.
      const current = await store.listResolutions({ currentOnly: true });
      const resolutions = current.map(({ seq: _seq, supersedes: _supersedes, ...record }): Change => ({ type: 'resolution.recorded', record }));
      const again = await store.apply([...seed().slice(0, 15), ...resolutions, ...(await store.listUpdates())]);
      expect(again.added).toEqual(zero);
      expect(again.unchanged).toEqual({ ...SEEDED, resolutions: 2 });
      expect([again.head, again.lastSeq]).toEqual([first.head, first.lastSeq]);
      expect((await store.events()).length).toBe(first.lastSeq);
    });

    it('refuses a record whose content differs from the stored one under the same id (conflicting_record)', async () => {
      await store.apply(seed());
      expect(await codeOf(store.apply([addQuestion({ ...binaryQuestion('q-late', '2026-12-31'), title: 'Another title' })]))).toBe('conflicting_record');
      expect(await codeOf(store.apply([addForecast('f2', 'q-late', 'bob', 0.31)]))).toBe('conflicting_record');
    });

    it('checks every record against its schema, whoever built the change (validation_failed)', async () => {
      const before = await snapshot(store);
      const changes = [
        { type: 'source.added', record: { id: 'x' } },
        { type: 'forecast.added', record: binaryForecast() },
        { type: 'nope', record: {} },
      ];
      for (const change of changes) {
        expect(await codeOf(store.apply([change as Change]))).toBe('validation_failed');
      }
      expect(await snapshot(store)).toEqual(before);
    });
  });

  describe('migrate', () => {
    it('finds nothing to apply on a ledger openLedger migrated, and says so again on a second call', async () => {
      const first = await store.migrate();
      expect(first.applied).toEqual([]);
      expect(Number.isInteger(first.version) && first.version > 0).toBe(true);
      expect(await store.migrate()).toEqual(first);
      await store.apply(seed());
      expect(await store.migrate()).toEqual(first);
      expect((await store.verify()).ok).toBe(true);
    });
  });

  describe('reads', () => {
    beforeEach(async () => {
      await store.apply(seed());
    });

    it('gets and lists sources and forecasters, in recorded order; undefined for an unknown id', async () => {
      expect((await store.listSources()).map((s) => s.id)).toEqual(['test-source', 'second-source']);
      expect(await store.getSource('second-source')).toEqual(Source.parse(source('second-source')));
      expect(await store.getSource('nope')).toBeUndefined();
      expect((await store.listForecasters()).map((f) => f.id)).toEqual(['carol', 'alice', 'bob']);
      expect(await store.getForecaster('bob')).toEqual(Forecaster.parse(forecaster('bob', 'Bob')));
      expect(await store.getForecaster('nope')).toBeUndefined();
    });

    it('gets a question with its status and current resolution (the correction, which supersedes the first)', async () => {
      const early = await store.getQuestion('q-early');
      expect(early?.question).toEqual(Question.parse({ ...binaryQuestion('q-early', '2026-03-01'), tags: ['rain'], stance: 'plan' }));
      expect(early?.status).toBe('resolved');
      expect(early?.resolution).toMatchObject({ outcome: { kind: 'binary', value: false }, seq: 17, supersedes: 16, recordedAt: NOW });
      expect(await store.getQuestion('q-late')).toMatchObject({ status: 'open' });
      expect((await store.getQuestion('q-late'))?.resolution).toBeUndefined();
      expect(await store.getQuestion('q-annulled')).toMatchObject({ status: 'annulled', resolution: { reason: 'premise failed', seq: 18 } });
      expect(await store.getQuestion('nope')).toBeUndefined();
    });

    it('lists questions by due date then id, or in recorded order', async () => {
      const ids = async (filter = {}) => (await store.listQuestions(filter)).map((q) => q.question.id);
      expect(await ids()).toEqual(['q-early', 'q-annulled', 'q-cat', 'q-late', 'q-numeric']);
      expect(await ids({ order: 'recorded' })).toEqual(['q-late', 'q-early', 'q-numeric', 'q-cat', 'q-annulled']);
    });

    it('filters questions by status, due dates, forecaster, tag, kind and stance, all together', async () => {
      const ids = async (filter: Parameters<LedgerStore['listQuestions']>[0]) => (await store.listQuestions(filter)).map((q) => q.question.id);
      expect(await ids({ status: 'open' })).toEqual(['q-cat', 'q-late', 'q-numeric']);
      expect(await ids({ status: ['resolved', 'annulled'] })).toEqual(['q-early', 'q-annulled']);
      expect(await ids({ status: 'ambiguous' })).toEqual([]);
      expect(await ids({ dueBefore: '2026-12-31' })).toEqual(['q-early', 'q-annulled']);
      expect(await ids({ dueAfter: '2026-12-31' })).toEqual(['q-cat', 'q-late', 'q-numeric']);
      expect(await ids({ dueAfter: '2026-04-01', dueBefore: '2027-01-01' })).toEqual(['q-annulled', 'q-cat', 'q-late']);
      expect(await ids({ forecaster: 'bob' })).toEqual(['q-early', 'q-late']);
      expect(await ids({ forecaster: 'nobody' })).toEqual([]);
      expect(await ids({ tag: 'test' })).toEqual(['q-annulled', 'q-late']);
      expect(await ids({ tag: 'rain' })).toEqual(['q-early']);
      expect(await ids({ tag: 'copper' })).toEqual(['q-numeric']);
      expect(await ids({ kind: 'binary' })).toEqual(['q-early', 'q-annulled', 'q-late']);
      expect(await ids({ kind: 'categorical' })).toEqual(['q-cat']);
      expect(await ids({ stance: 'plan' })).toEqual(['q-early']);
      expect(await ids({ kind: 'binary', status: 'open', forecaster: 'alice', tag: 'test', order: 'recorded' })).toEqual(['q-late']);
    });

    it('lists forecasts in recorded order, by question, forecaster, question status and withdrawal', async () => {
      const ids = async (filter: Parameters<LedgerStore['listForecasts']>[0] = {}) => (await store.listForecasts(filter)).map((f) => f.id);
      expect(await ids()).toEqual(['f1', 'f2', 'f3', 'f4', 'f5']);
      expect(await ids({ questionId: 'q-early' })).toEqual(['f1', 'f3']);
      expect(await ids({ forecasterId: 'alice' })).toEqual(['f1', 'f4']);
      expect(await ids({ questionId: 'q-late', forecasterId: 'bob' })).toEqual(['f2']);
      expect(await ids({ questionStatus: 'resolved' })).toEqual(['f1', 'f3']);
      expect(await ids({ questionStatus: 'open' })).toEqual(['f2', 'f4']);
      expect(await ids({ questionStatus: 'annulled' })).toEqual(['f5']);
      expect(await ids({ withdrawn: false })).toEqual(['f1', 'f2', 'f3', 'f5']);
      expect(await ids({ withdrawn: true })).toEqual(['f4']);
      expect(await ids({ questionStatus: 'open', withdrawn: false })).toEqual(['f2']);
      expect((await store.listForecasts({ questionId: 'q-early' }))[0]).toEqual((seed()[10] as { record: unknown }).record);
    });

    it('lists resolutions in recorded order with seq, recordedAt and supersedes; currentOnly keeps the latest per question', async () => {
      const all = await store.listResolutions();
      expect(all.map((r) => [r.questionId, r.seq, r.supersedes, r.recordedAt])).toEqual([
        ['q-early', 16, undefined, NOW],
        ['q-early', 17, 16, NOW],
        ['q-annulled', 18, undefined, NOW],
      ]);
      expect((await store.listResolutions({ currentOnly: true })).map((r) => r.seq)).toEqual([17, 18]);
      expect((await store.listResolutions({ questionId: 'q-early' })).map((r) => r.seq)).toEqual([16, 17]);
      expect((await store.listResolutions({ questionId: 'q-early', currentOnly: true })).map((r) => r.seq)).toEqual([17]);
      expect(await store.listResolutions({ questionId: 'q-late' })).toEqual([]);
    });

    it('lists question-life events in recorded order with recordedAt, optionally for one question', async () => {
      const updates = await store.listUpdates();
      expect(updates.map((u) => u.type)).toEqual(['question.clarified', 'comment.added', 'forecast.withdrawn', 'comment.added']);
      const clarification = { questionId: 'q-late', text: 'Only English-language reports count.', recordedAt: NOW };
      expect(updates[0]).toEqual({ type: 'question.clarified', record: clarification });
      expect(updates[2]).toEqual({ type: 'forecast.withdrawn', record: { forecastId: 'f4', reason: 'entered by mistake', recordedAt: NOW } });
      // A withdrawal belongs to the question of its forecast.
      expect((await store.listUpdates({ questionId: 'q-late' })).map((u) => u.type)).toEqual(['question.clarified', 'forecast.withdrawn', 'comment.added']);
      expect(await store.listUpdates({ questionId: 'q-numeric' })).toEqual([]);
    });

    it('gives the history of a question: the question, its forecasts, resolutions and question-life events, in order', async () => {
      const history = await store.history('q-late');
      expect(history.map((e) => [e.seq, e.type])).toEqual([
        [6, 'question.added'],
        [12, 'forecast.added'],
        [14, 'forecast.added'],
        [19, 'question.clarified'],
        [21, 'forecast.withdrawn'],
        [22, 'comment.added'],
      ]);
      const all = await store.events();
      expect(history).toEqual(history.map((e) => all[e.seq - 1]));
      const early = (await store.history('q-early')).map((e) => e.type);
      expect(early).toEqual(['question.added', 'forecast.added', 'forecast.added', 'resolution.recorded', 'resolution.recorded']);
      expect(await store.history('nope')).toEqual([]);
    });

    it('pages through the events with afterSeq and limit', async () => {
      const all = await store.events();
      expect(all).toHaveLength(22);
      const pages: LedgerEvent[] = [];
      for (let after = 0; ;) {
        const page = await store.events({ afterSeq: after, limit: 5 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(5);
        pages.push(...page);
        after = page.at(-1)!.seq;
      }
      expect(pages).toEqual(all);
      expect(await store.events({ afterSeq: 20 })).toEqual(all.slice(20));
      expect(await store.events({ limit: 2 })).toEqual(all.slice(0, 2));
      expect(await store.events({ afterSeq: 22 })).toEqual([]);
      expect(await store.events({ afterSeq: 1000, limit: 3 })).toEqual([]);
    });

    it('counts current records by kind', async () => {
      expect(await store.counts()).toEqual(SEEDED);
    });
  });

  describe('verify', () => {
    it('passes on an empty ledger, anchored at 0 and the genesis hash', async () => {
      const report = await store.verify();
      expect(report).toEqual({ ok: true, events: 0, head: GENESIS_HASH, anchor: `0:${GENESIS_HASH}`, problems: [] });
      expect((await store.verify({ expectedHead: report.anchor })).ok).toBe(true);
    });

    it('passes on a clean ledger; its anchor and any earlier one check out, in string or object form', async () => {
      await store.apply(seed().slice(0, 8));
      const early = await store.verify();
      await store.apply(seed().slice(8));
      const report = await store.verify();
      const last = (await store.events()).at(-1)!;
      expect(report).toEqual({ ok: true, events: 22, head: last.hash, anchor: `22:${last.hash}`, problems: [] });
      expect(early.anchor).toBe(`8:${(await store.events())[7]!.hash}`);
      expect((await store.verify({ expectedHead: report.anchor })).ok).toBe(true);
      expect((await store.verify({ expectedHead: early.anchor })).ok).toBe(true);
      expect((await store.verify({ expectedHead: { seq: 8, hash: early.head } })).ok).toBe(true);
      expect((await store.verify({ quick: true })).ok).toBe(true);
    });

    it('fails for an anchor the history does not hold: a hash that differs, or an event beyond the head', async () => {
      await store.apply(seed());
      const { head } = await store.verify();
      const wrong = await store.verify({ expectedHead: `5:${head}` });
      expect(wrong.ok).toBe(false);
      expect(wrong.problems).toEqual([expect.objectContaining({ table: 'events', seq: 5 })]);
      const beyond = await store.verify({ expectedHead: { seq: 23, hash: head } });
      expect(beyond.ok).toBe(false);
      expect(beyond.problems).toEqual([expect.objectContaining({ table: 'events', seq: 23 })]);
    });

    it('refuses a malformed anchor (invalid_anchor) and an unknown option (validation_failed)', async () => {
      expect(await codeOf(store.verify({ expectedHead: 'not-an-anchor' }))).toBe('invalid_anchor');
      expect(await codeOf(store.verify({ expected: 'x' } as never))).toBe('validation_failed');
    });
  });

  describe('close', () => {
    it('fails every later call with ledger_closed, and a second close is harmless', async () => {
      await store.apply(seed().slice(0, 2));
      await store.close();
      const calls: [string, () => Promise<unknown>][] = [
        ['apply', () => store.apply([addForecaster('zed', 'Zed')])],
        ['getSource', () => store.getSource('test-source')],
        ['listSources', () => store.listSources()],
        ['getForecaster', () => store.getForecaster('alice')],
        ['listForecasters', () => store.listForecasters()],
        ['getQuestion', () => store.getQuestion('q-late')],
        ['listQuestions', () => store.listQuestions()],
        ['listForecasts', () => store.listForecasts()],
        ['listResolutions', () => store.listResolutions()],
        ['listUpdates', () => store.listUpdates()],
        ['history', () => store.history('q-late')],
        ['events', () => store.events()],
        ['counts', () => store.counts()],
        ['verify', () => store.verify()],
        ['migrate', () => store.migrate()],
      ];
      for (const [name, call] of calls) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, name).toBeInstanceOf(LedgerError);
        expect((error as LedgerError).code, name).toBe('ledger_closed');
      }
      await store.close();
    });
  });
});

describe('the backend matrix itself', () => {
  it('lists both SQLite backends, each name once', () => {
    const names = BACKENDS.map((b) => b.name);
    expect(names.slice(0, 2)).toEqual(['sqlite file', 'sqlite :memory:']);
    expect(new Set(names).size).toBe(names.length);
  });

  describeEachBackend('a fresh database per open', (backend) => {
    it('gives every open() its own empty database', async () => {
      const first = await backend.open();
      await first.store.apply([addForecaster()]);
      const second = await backend.open();
      expect(await second.store.counts()).toEqual(zero);
      expect((await first.store.counts()).forecasters).toBe(1);
    });
  });

  describeEachBackend(
    'reopen',
    (backend) => {
      it('opens the same database on a new connection, which sees what the first wrote', async () => {
        const first = await backend.open();
        await first.store.apply([addForecaster()]);
        const second = await backend.reopen(first);
        expect(second.store).not.toBe(first.store);
        expect(await second.store.getForecaster('alice')).toEqual(Forecaster.parse(forecaster()));
        expect(await second.verify()).toEqual(await first.verify());
      });
    },
    { needs: ['reopen'] },
  );

  it('refuses reopen on a backend that cannot reopen, rather than opening a new database', async () => {
    for (const backend of BACKENDS.filter((b) => !b.has('reopen'))) {
      await expect(backend.reopen(await backend.open())).rejects.toThrow(/cannot reopen/);
    }
  });
});

describeEachBackend(
  'LedgerStore contract, two connections to one database',
  (backend) => {
    it('keeps one gapless, linked chain when two connections write in turn and at the same time', async () => {
      const ledger = await backend.open({ now: () => new Date(NOW) });
      const first = ledger.store;
      const second = (await backend.reopen(ledger, { now: () => new Date(NOW) })).store;
      await first.apply(seed().slice(0, 5));
      await second.apply(seed().slice(5, 10)); // relies on what the first connection wrote
      const concurrent = Array.from({ length: 10 }, (_, i) => (i % 2 ? first : second).apply([addForecast(`f-c${i}`, 'q-late', 'alice', i / 10)]));
      const results = await Promise.all(concurrent);
      expect(results.map((r) => r.lastSeq).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => 11 + i));
      const events = await first.events();
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
      expect(await second.events()).toEqual(events);
      const [one, two] = [await first.verify(), await second.verify()];
      expect(one).toMatchObject({ ok: true, events: 20, head: events.at(-1)!.hash });
      expect(two).toEqual(one);
    });
  },
  { needs: ['reopen'] },
);
