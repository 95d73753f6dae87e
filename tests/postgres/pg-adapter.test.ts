// The PostgreSQL StorageAdapter on its own, against the real test server: write transactions,
// batched facts and appends, snapshot scans and the verify checks.
import { describe, expect, it } from 'vitest';
import type { EventRow, FactRequest, ProjectionRow } from '../../src/engine/storage-adapter.js';
import { LedgerError } from '../../src/errors.js';
import { canonicalJson } from '../../src/history/canonical-json.js';
import { GENESIS_HASH, eventHash } from '../../src/history/event-hash.js';
import { PgAdapter } from '../../src/storage/postgres/pg-adapter.js';
import { freshDatabase, queryAt } from '../helpers/postgres.js';

const AT = '2026-01-02T03:04:05.000Z';

/** Events chained after `prev`, numbered from `first`. */
function chain(first: number, prev: string, items: { type: EventRow['type']; entityId: string; record: unknown }[]): EventRow[] {
  return items.map((item, i) => {
    const payload = canonicalJson(item.record);
    const seq = first + i;
    const hash = eventHash(prev, { seq, type: item.type, entityId: item.entityId, recordedAt: AT, payload });
    const row: EventRow = { seq, type: item.type, entityId: item.entityId, recordedAt: AT, payload, prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

const question = {
  id: 'q-1',
  kind: 'categorical',
  stance: 'forecast',
  tags: ['b', 'a', 'b'],
  spec: { options: [{ id: 'yes' }, { id: 'no' }, { id: 'maybe' }] },
  resolution: { resolveOn: '2026-06-30' },
};
const EVENTS = chain(1, GENESIS_HASH, [
  { type: 'source.added', entityId: 's-1', record: { id: 's-1', title: 'A source' } },
  { type: 'forecaster.added', entityId: 'ann', record: { id: 'ann', type: 'person' } },
  { type: 'question.added', entityId: 'q-1', record: question },
  {
    type: 'forecast.added',
    entityId: 'f-1',
    record: { id: 'f-1', questionId: 'q-1', forecasterId: 'ann', madeAt: '2026-01-01', estimate: { kind: 'binary', probability: 0.7 } },
  },
  {
    type: 'resolution.recorded',
    entityId: 'q-1',
    record: { questionId: 'q-1', status: 'resolved', resolvedOn: '2026-07-01', outcome: { kind: 'categorical', value: 'no' } },
  },
]);
const PROJECTIONS: ProjectionRow[] = [
  { kind: 'source', eventSeq: 1, id: 's-1' },
  { kind: 'forecaster', eventSeq: 2, id: 'ann', forecasterType: 'person' },
  { kind: 'question', eventSeq: 3, id: 'q-1', questionKind: 'categorical', stance: 'forecast', resolveOn: '2026-06-30', tags: ['b', 'a', 'b'] },
  { kind: 'forecast', eventSeq: 4, id: 'f-1', questionId: 'q-1', forecasterId: 'ann', madeAt: '2026-01-01', probability: 0.7 },
  { kind: 'resolution', eventSeq: 5, questionId: 'q-1', status: 'resolved', resolvedOn: '2026-07-01', outcome: 'no', supersedesSeq: null },
];

const request = (ids: Partial<Record<keyof FactRequest, string[]>>): FactRequest => ({
  sourcePayloads: new Set(ids.sourcePayloads),
  sources: new Set(ids.sources),
  forecasterPayloads: new Set(ids.forecasterPayloads),
  forecasters: new Set(ids.forecasters),
  questionPayloads: new Set(ids.questionPayloads),
  questions: new Set(ids.questions),
  forecastPayloads: new Set(ids.forecastPayloads),
  forecasts: new Set(ids.forecasts),
  resolutions: new Set(ids.resolutions),
  forecastTimes: new Set(ids.forecastTimes),
  updates: [],
});

async function seeded(): Promise<{ url: string; adapter: PgAdapter }> {
  const url = await freshDatabase();
  const adapter = await PgAdapter.open(url);
  await adapter.write((tx) => tx.append(EVENTS, PROJECTIONS));
  return { url, adapter };
}

describe('PgAdapter', () => {
  it('opens a new database by migrating it, and reports where it is without the password', async () => {
    const url = await freshDatabase();
    const adapter = await PgAdapter.open(url);
    try {
      expect(adapter.openReport.version).toBe(2);
      expect(adapter.openReport.applied.map((m) => m.name)).toEqual(['initial', 'scores']);
      expect(adapter.openReport.location).toContain('***@127.0.0.1');
      expect(adapter.openReport.location).not.toContain(new URL(url).password);
      expect(adapter.capabilities).toMatchObject({ backend: 'postgres', networkWriters: true, fileBackup: false, storedScores: true });
      expect(Object.isFrozen(adapter.capabilities)).toBe(true); // shared by every store in the process
    } finally {
      await adapter.close();
    }
  });

  it('appends events and projections in one transaction, and loads the committed facts in batches', async () => {
    const { adapter } = await seeded();
    try {
      const facts = await adapter.write(async (tx) => {
        expect(await tx.head()).toEqual({ seq: 5, hash: EVENTS[4]!.hash });
        return tx.loadFacts(
          request({
            sourcePayloads: ['s-1', 'nope'],
            forecasters: ['ann', 'bob'],
            questions: ['q-1', 'q-2'],
            forecastTimes: ['q-1'],
            resolutions: ['q-1'],
            forecasts: ['f-1'],
          }),
        );
      });
      expect(facts.sourcePayloads).toEqual(new Map([['s-1', EVENTS[0]!.payload]]));
      expect(facts.forecasters).toEqual(new Set(['ann']));
      expect(facts.questions).toEqual(
        new Map([
          [
            'q-1',
            {
              kind: 'categorical',
              resolveOn: '2026-06-30',
              options: ['yes', 'no', 'maybe'],
              resolution: { status: 'resolved', resolvedOn: '2026-07-01', seq: 5 },
            },
          ],
        ]),
      );
      expect(facts.forecastTimes).toEqual(new Map([['q-1', [{ id: 'f-1', madeAt: '2026-01-01' }]]]));
      expect(facts.resolutions.get('q-1')).toMatchObject({ seq: 5, recordedAt: AT, status: 'resolved', outcome: { kind: 'categorical', value: 'no' } });
      expect(facts.forecasts).toEqual(new Map([['f-1', { questionId: 'q-1' }]]));
      expect(await adapter.reads.counts()).toEqual({ sources: 1, forecasters: 1, questions: 1, forecasts: 1, resolutions: 1, updates: 0 });
      expect((await adapter.reads.getQuestion('q-1'))?.status).toBe('resolved');
    } finally {
      await adapter.close();
    }
  });

  it('rolls back everything a write wrote when it throws, and passes the error through', async () => {
    const url = await freshDatabase();
    const adapter = await PgAdapter.open(url);
    try {
      const signal = Symbol('rollback');
      await expect(
        adapter.write(async (tx) => {
          await tx.append(EVENTS.slice(0, 1), PROJECTIONS.slice(0, 1));
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- the contract: anything fn throws passes through unchanged
          throw signal;
        }),
      ).rejects.toBe(signal);
      expect(await adapter.reads.counts()).toMatchObject({ sources: 0 });
      expect(await queryAt(url, 'SELECT count(*)::int AS n FROM events')).toEqual([{ n: 0 }]);
    } finally {
      await adapter.close();
    }
  });

  it('runs a write again when the server aborts it for a serialization failure or a deadlock, never surfacing it', async () => {
    const url = await freshDatabase();
    const adapter = await PgAdapter.open(url);
    try {
      // A sequence is not transactional: the trigger fails the first two inserts (40001, then 40P01), whatever rolls back.
      await queryAt(
        url,
        `CREATE SEQUENCE attempts; CREATE FUNCTION flaky() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN CASE nextval('attempts') WHEN 1 THEN RAISE EXCEPTION 'simulated' USING ERRCODE = '40001';
          WHEN 2 THEN RAISE EXCEPTION 'simulated' USING ERRCODE = '40P01'; ELSE RETURN NEW; END CASE; END $$;
        CREATE TRIGGER flaky BEFORE INSERT ON sources FOR EACH ROW EXECUTE FUNCTION flaky()`,
      );
      let runs = 0;
      await adapter.write(async (tx) => {
        runs++;
        expect(await tx.head()).toBeUndefined(); // each run starts from the committed state
        await tx.append(EVENTS.slice(0, 1), PROJECTIONS.slice(0, 1));
      });
      expect(runs).toBe(3);
      expect(await adapter.reads.counts()).toMatchObject({ sources: 1 });
    } finally {
      await adapter.close();
    }
  });

  it('turns a driver error into storage_error', async () => {
    const { adapter } = await seeded();
    try {
      const error = await adapter.write((tx) => tx.append(EVENTS.slice(0, 1), [])).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerError);
      expect((error as LedgerError).code).toBe('storage_error');
      expect((error as LedgerError).message).toMatch(/writing to the ledger on PostgreSQL postgres:\/\/postgres:\*\*\*@.* failed: events are numbered 1, 2, 3/);
    } finally {
      await adapter.close();
    }
  });

  it('scans every event row in a snapshot with seq as an exact bigint, and finds nothing wrong in a consistent ledger', async () => {
    const { adapter } = await seeded();
    try {
      const result = await adapter.snapshot(async (reader) => ({
        first: await reader.scanEvents(null, 2),
        after: await reader.scanEvents(2n, 10),
        hash: await reader.eventHashAt(3),
        projections: await reader.checkProjections({
          'source.added': 1,
          'forecaster.added': 1,
          'question.added': 1,
          'forecast.added': 1,
          'resolution.recorded': 1,
        }),
        migrations: await reader.checkMigrations(),
        schema: await reader.checkSchema(),
      }));
      expect(result.first.map((r) => r.seq)).toEqual([1n, 2n]);
      expect(result.after.map((r) => r.seq)).toEqual([3n, 4n, 5n]);
      expect(result.after[0]).toEqual({ ...EVENTS[2], seq: 3n });
      expect(result.hash).toBe(EVENTS[2]!.hash);
      expect(result.projections).toEqual([]);
      expect(result.migrations).toEqual([]);
      expect(result.schema).toEqual([]);
    } finally {
      await adapter.close();
    }
  });

  it('finds derived rows changed outside the ledger, and a dropped or disabled trigger', async () => {
    const { url, adapter } = await seeded();
    try {
      await queryAt(url, "UPDATE forecasts SET probability = 0.9 WHERE id = 'f-1'");
      await queryAt(url, "DELETE FROM question_tags WHERE tag = 'a'");
      await queryAt(url, 'DROP TRIGGER events_no_delete ON events');
      await queryAt(url, 'ALTER TABLE events DISABLE TRIGGER events_no_update');
      const counts = { 'source.added': 1, 'forecaster.added': 1, 'question.added': 1, 'forecast.added': 1, 'resolution.recorded': 1 };
      const [projections, schema] = await adapter.snapshot(async (reader) => [await reader.checkProjections(counts), await reader.checkSchema()]);
      expect(projections.map((p) => p.message)).toEqual([
        'question_tags has 1 rows but the questions carry 2 tags',
        'forecast row does not match its event: f-1 (event 4)',
        'question event has tags missing from question_tags: q-1 #a (event 3)',
      ]);
      expect(schema.map((p) => p.message.replace(/ \(.*$/, ''))).toEqual([
        'table events differs from what the migrations create: it was changed outside the ledger',
        'trigger events.events_no_update differs from what the migrations create: it was changed outside the ledger',
        'trigger events.events_no_delete is missing: it was dropped outside the ledger',
      ]);
    } finally {
      await adapter.close();
    }
  });

  it('keeps the snapshot usable after a failing check', async () => {
    const { url, adapter } = await seeded();
    try {
      await queryAt(url, 'ALTER TABLE question_tags RENAME COLUMN tag TO label');
      const result = await adapter.snapshot(async (reader) => ({
        projections: await reader.checkProjections({}).then(
          () => 'passed',
          (e: Error) => e.message,
        ),
        hash: await reader.eventHashAt(1),
      }));
      expect(result.projections).toMatch(/column .*tag.* does not exist/);
      expect(result.hash).toBe(EVENTS[0]!.hash);
    } finally {
      await adapter.close();
    }
  });

  it('never shows the password of a connection that fails', async () => {
    const url = new URL(await freshDatabase());
    url.password = 'not-the-password-S3cr3t';
    const error = await PgAdapter.open(url.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).code).toBe('storage_error');
    expect((error as LedgerError).message).toMatch(/password authentication failed.*check the user and password/);
    expect(JSON.stringify({ message: (error as LedgerError).message, details: (error as LedgerError).details, stack: (error as Error).stack })).not.toContain(
      'S3cr3t',
    );
  });
});
