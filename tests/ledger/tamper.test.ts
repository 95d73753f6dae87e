import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import { predictionFile } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** A ledger file with questions, forecasts, tags, a resolution, a correction and an annulment. */
async function populatedLedger(): Promise<string> {
  const path = join(tempDir(), 'ledger.sqlite');
  const ledger = await openLedger(path);
  await ledger.importPredictions(predictionFile(4));
  await ledger.resolve('q-0', { outcome: true, resolvedOn: '2026-03-01', evidence: [{ description: 'report' }] });
  await ledger.correctResolution('q-0', { outcome: false, resolvedOn: '2026-03-02', evidence: [{ description: 'better report' }], reason: 'misread' });
  await ledger.annul('q-1', { reason: 'premise failed', resolvedOn: '2026-04-01' });
  expect((await ledger.verify()).ok).toBe(true);
  await ledger.close();
  return path;
}

/**
 * Edits the file behind the library's back, as an attacker with the SQLite shell would: drops the
 * triggers that stand in the way, edits, and puts the triggers back so the schema looks untouched.
 */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  db.exec(sql);
  for (const t of triggers) db.exec(t.sql);
  db.close();
}

const EDITS: [what: string, sql: string, table: string][] = [
  ['an event payload', `UPDATE events SET payload = replace(payload, '0.3', '0.9') WHERE type = 'forecast.added' AND payload LIKE '%0.3%'`, 'events'],
  ['an event timestamp', `UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE seq = 3`, 'events'],
  ['an event in the middle', `DELETE FROM events WHERE seq = 5`, 'events'],
  ['the last event', `DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)`, 'resolutions'],
  ['a source row', `DELETE FROM sources`, 'sources'],
  ['a forecaster type', `UPDATE forecasters SET type = 'organization'`, 'forecasters'],
  ['a question due date', `UPDATE questions SET resolve_on = '2099-12-31' WHERE id = 'q-2'`, 'questions'],
  ['a question status', `UPDATE questions SET status = 'open', resolution_seq = NULL WHERE id = 'q-1'`, 'questions'],
  ['a question row', `DELETE FROM questions WHERE id = 'q-3'`, 'questions'],
  ['a tag row', `DELETE FROM question_tags WHERE question_id = 'q-2'`, 'question_tags'],
  ['an inserted tag', `INSERT INTO question_tags VALUES ('q-2', 'injected')`, 'question_tags'],
  ['a forecast probability', `UPDATE forecasts SET probability = 0.99 WHERE id = 'q-3.alice'`, 'forecasts'],
  ['a forecast row', `DELETE FROM forecasts WHERE id = 'q-2.alice'`, 'forecasts'],
  ['a resolution outcome', `UPDATE resolutions SET outcome = 1 WHERE supersedes_seq IS NOT NULL`, 'resolutions'],
  ['a resolution row', `DELETE FROM resolutions WHERE supersedes_seq IS NOT NULL`, 'resolutions'],
  ['a stored score', `UPDATE question_scores SET brier = brier + 0.25 WHERE brier IS NOT NULL`, 'question_scores'],
  ['a stored score row', `DELETE FROM question_scores`, 'question_scores'],
  ['an inserted stored score', `INSERT INTO question_scores VALUES ('q-2', 'alice', 'forecast', 'hit', 0.1, 0.2, NULL, NULL, '{}')`, 'question_scores'],
  ['stored totals', `UPDATE forecaster_scores SET hits = hits + 1`, 'forecaster_scores'],
  ['a migration checksum', `UPDATE schema_migrations SET checksum = '${'f'.repeat(64)}'`, 'schema_migrations'],
];

describe('verify() against tampering with an SQLite file', () => {
  it.each(EDITS)('catches a raw SQL edit of %s', async (_what, sql, table) => {
    const path = await populatedLedger();
    tamper(path, sql);
    const ledger = await openLedger(path, { migrate: false }).catch(() => undefined);
    if (!ledger) {
      // A changed migration checksum is refused even before verify() runs.
      expect(table).toBe('schema_migrations');
      return;
    }
    const report = await ledger.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.table)).toContain(table);
    await ledger.close();
  });

  it('names the first broken event', async () => {
    const path = await populatedLedger();
    tamper(path, `UPDATE events SET entity_id = 'renamed' WHERE seq = 4`);
    const ledger = await openLedger(path);
    const report = await ledger.verify();
    expect(report.firstBrokenSeq).toBe(4);
    expect(report.problems[0]).toEqual({
      table: 'events',
      seq: 4,
      message: 'event 4 (question.added renamed) was altered: its stored hash does not match its content',
    });
    // Reported at that event alone: the events after it keep their own content and links.
    expect(report.events).toBeGreaterThan(4);
    expect(report.problems.filter((p) => p.table === 'events')).toHaveLength(1);
    await ledger.close();
  });

  it('detects truncation of the newest events only against a recorded head', async () => {
    const path = await populatedLedger();
    const ledger = await openLedger(path);
    const before = await ledger.verify();
    await ledger.close();
    // Remove the annulment event and everything derived from it, consistently.
    tamper(
      path,
      `DELETE FROM resolutions WHERE event_seq = ${before.events};
      UPDATE questions SET status = 'open', resolution_seq = NULL WHERE id = 'q-1';
      DELETE FROM events WHERE seq = ${before.events};`,
    );
    const reopened = await openLedger(path);
    expect((await reopened.verify()).ok).toBe(true);
    const anchored = await reopened.verify({ expectedHead: { seq: before.events, hash: before.head } });
    expect(anchored.ok).toBe(false);
    await reopened.close();
  });

  it('refuses UPDATE and DELETE on events through its triggers', async () => {
    const path = await populatedLedger();
    const db = new Database(path);
    expect(() => db.exec('UPDATE events SET payload = payload WHERE seq = 1')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM events WHERE seq = 1')).toThrow(/append-only/);
    db.close();
  });
});
