// Direct edits of a PostgreSQL ledger's tables, made as a superuser can: the triggers in the way
// switched off for the session (session_replication_role = replica) or disabled on the table, rows
// edited, then the triggers back on. verify() reports each one.
import { beforeEach, describe, expect, it } from 'vitest';
import { eventHash } from '../../src/history/event-hash.js';
import { type Ledger, type VerifyReport } from '../../src/index.js';
import { freshDatabase, queryAt } from '../helpers/postgres.js';
import { openTamperLedger } from '../helpers/tamper-ledger.js';

let url: string;
let anchor: string;
let ledger: Ledger;

beforeEach(async () => {
  url = await freshDatabase();
  ledger = await openTamperLedger(url);
  const report = await ledger.verify();
  expect(report.problems).toEqual([]);
  anchor = report.anchor;
  return () => ledger.close();
});

/** Runs SQL as the superuser with every trigger of the session off (foreign keys included), as a tamperer would. */
async function tamper(sql: string): Promise<void> {
  await queryAt(url, `BEGIN; SET LOCAL session_replication_role = replica; ${sql}; COMMIT`);
}

const messages = (report: VerifyReport): string[] => report.problems.map((p) => p.message);

describe('verify() on PostgreSQL after direct edits of its tables', () => {
  it('reports an event payload edited in place', async () => {
    await tamper(
      `UPDATE events SET payload = replace(payload, '"madeAt":"2025-10-08"', '"madeAt":"2025-10-09"') WHERE seq = (SELECT event_seq FROM forecasts ORDER BY event_seq LIMIT 1)`,
    );
    const report = await ledger.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBrokenSeq).toBeGreaterThan(0);
    expect(messages(report).some((m) => /was altered: its stored hash does not match its content/.test(m))).toBe(true);
  });

  it('reports a deleted event, and the rows left without it', async () => {
    await tamper('DELETE FROM events WHERE seq = 3');
    const report = await ledger.verify();
    expect(messages(report)).toContain('expected event 3, found 4: events 3–3 are missing');
    expect(report.problems.some((p) => p.table !== 'events')).toBe(true);
  });

  it('reports a forged event numbered below 1', async () => {
    await tamper(`INSERT INTO events (seq, type, entity_id, recorded_at, payload, prev_hash, hash)
      VALUES (0, 'source.added', 'forged', '2020-01-01T00:00:00.000Z', '{"id":"forged"}', repeat('0', 64), repeat('f', 64))`);
    expect(messages(await ledger.verify())).toContain(
      'event 0 is out of place: events are numbered from 1 without gaps (a row was inserted outside the ledger)',
    );
  });

  it('reports a derived row changed, deleted or added', async () => {
    await tamper(`UPDATE forecasts SET probability = 0.01 WHERE id = (SELECT id FROM forecasts WHERE probability IS NOT NULL ORDER BY event_seq LIMIT 1);
      UPDATE questions SET status = 'annulled' WHERE id = 'q-numeric';
      DELETE FROM question_tags WHERE ctid = (SELECT ctid FROM question_tags LIMIT 1);
      INSERT INTO sources (id, event_seq) VALUES ('ghost', (SELECT max(event_seq) FROM forecasts))`);
    const report = await ledger.verify();
    const tables = new Set(report.problems.map((p) => p.table));
    for (const table of ['forecasts', 'questions', 'question_tags', 'sources']) expect(tables, table).toContain(table);
  });

  it.each([
    ['a stored score', `UPDATE question_scores SET brier = brier + 0.25 WHERE brier IS NOT NULL`, 'question_scores', /differs from the records in brier/],
    ['a stored score detail', `UPDATE question_scores SET detail = '{}' WHERE question_id = 'q-numeric'`, 'question_scores', /in detail/],
    ['a stored score row', `DELETE FROM question_scores WHERE question_id = 'q-0'`, 'question_scores', /no score of question "q-0" for forecaster "alice"/],
    [
      'an inserted stored score',
      `INSERT INTO question_scores VALUES ('q-2', 'alice', 'forecast', 'hit', 0.1, 0.2, NULL, NULL, '{}')`,
      'question_scores',
      /a score of question "q-2" for forecaster "alice", who has no standing forecast/,
    ],
    ['stored totals', `UPDATE forecaster_scores SET hits = hits + 1`, 'forecaster_scores', /the totals of forecaster "alice" differ .* in hits/],
    ['a stored sum', `UPDATE forecaster_scores SET brier_sum = '[0.5]'`, 'forecaster_scores', /the totals of forecaster "alice" differ .* in brier/],
    ['a totals row', `DELETE FROM forecaster_scores`, 'forecaster_scores', /no totals for forecaster "alice", who has scores/],
  ])('reports %s edited', async (_what, sql, table, message) => {
    await tamper(sql);
    const report = await ledger.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.filter((p) => p.table === table).map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('reports a recomputed chain cut short only against an anchor', async () => {
    // The newest event and its rows removed: the chain left checks out on its own.
    const last = Number(anchor.split(':')[0]);
    // The stored scores are derived: the question's removed and the tables marked unfilled (nothing reads or checks them until the
    // next open fills them again).
    await tamper(`DELETE FROM resolutions WHERE event_seq = ${last}; UPDATE questions SET status = 'open', resolution_seq = NULL WHERE id = 'q-numeric';
      DELETE FROM question_scores WHERE question_id = 'q-numeric'; UPDATE stored_scores_state SET filled = false;
      DELETE FROM events WHERE seq = ${last}`);
    expect((await ledger.verify()).problems).toEqual([]);
    expect(messages(await ledger.verify({ expectedHead: anchor }))).toEqual([
      `the anchored event ${last} (${anchor.split(':')[1]!.slice(0, 12)}…) is not in the history, which ends at event ${last - 1}: events were removed`,
    ]);
  });

  it('reports a rewritten event whose hashes were all recomputed, against an anchor', async () => {
    const events = await ledger.store.events();
    const target = events.find((e) => e.type === 'forecast.added')!;
    let prev = target.prevHash;
    const updates: string[] = [];
    for (const e of events.filter((x) => x.seq >= target.seq)) {
      const payload = e.seq === target.seq ? JSON.stringify(e.payload).replace('"madeAt":"2025-10-08"', '"madeAt":"2025-10-09"') : JSON.stringify(e.payload);
      const hash = eventHash(prev, { seq: e.seq, type: e.type, entityId: e.entityId, recordedAt: e.recordedAt, payload });
      updates.push(`UPDATE events SET payload = '${payload.replace(/'/g, "''")}', prev_hash = '${prev}', hash = '${hash}' WHERE seq = ${e.seq}`);
      prev = hash;
    }
    await tamper(updates.join(';\n'));
    const report = await ledger.verify({ expectedHead: anchor });
    expect(messages(report).some((m) => /now hashes to .*: the history up to it was rewritten/.test(m))).toBe(true);
  });

  it('reports a trigger disabled, dropped or added, and a rule that rewrites inserts', async () => {
    await queryAt(url, 'ALTER TABLE events DISABLE TRIGGER events_no_update');
    await queryAt(url, 'DROP TRIGGER events_no_truncate ON events');
    await queryAt(url, 'CREATE FUNCTION nudge() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.probability := 0.5; RETURN NEW; END $$');
    await queryAt(url, 'CREATE TRIGGER forecasts_nudge BEFORE INSERT ON forecasts FOR EACH ROW EXECUTE FUNCTION nudge()');
    await queryAt(url, "CREATE RULE keep_quiet AS ON INSERT TO question_tags WHERE NEW.tag = 'secret' DO INSTEAD NOTHING");
    const report = await ledger.verify();
    const text = messages(report).join('\n');
    expect(text).toMatch(/trigger events\.events_no_update differs from what the migrations create/);
    expect(text).toMatch(/trigger events\.events_no_truncate is missing: it was dropped outside the ledger/);
    expect(text).toMatch(/trigger forecasts\.forecasts_nudge is not part of the ledger's schema/);
    expect(text).toMatch(/function nudge\(\) is not part of the ledger's schema/);
    expect(text).toMatch(/rule question_tags\.keep_quiet is not part of the ledger's schema/);
  });
});
