// Stored scores through a real ledger (issue 11): written in the transactions that change them,
// read by ledger.leaderboard()/scorecard() with the default options, byte-identical to computing
// from scratch, checked by verify(), and filled once for a ledger written before migration 0004.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import { scoringData } from '../scoring/scorecard/random-data.js';
import { scaled } from '../reliability/scale.js';
import { describeEachBackend } from '../helpers/backends.js';
import { tempDir } from '../helpers/temp.js';
import { computed, ledgerOf, NOW, plans, richest } from './stored-scores-ledgers.js';

describeEachBackend('stored scores in a ledger', (backend) => {
  // A new database per run: fewer runs where a database outlives its connection (a file, a server), each costlier to make.
  const runs = backend.has('reopen') ? scaled(30, 300) : scaled(60, 600);

  it('give the leaderboard and scorecards computed from scratch, byte for byte, and verify', { timeout: 180_000 }, async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(scoringData, plans, async (data, plan) => {
        const ledger = await ledgerOf(data, plan, () => backend.open({ now: () => NOW }));
        try {
          expect(await ledger.store.storedScoreTotals?.()).toBeDefined();
          const { board, cards } = await computed(ledger);
          expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify(board));
          for (const [id, card] of cards) {
            if (id === 'pool') continue;
            expect(JSON.stringify(await ledger.scorecard(id))).toBe(JSON.stringify(card));
          }
          if (board.entries.some((e) => e.binary > 0)) stored++;
          const report = await ledger.verify();
          expect(report.problems).toEqual([]);
        } finally {
          await ledger.close();
        }
      }),
      { numRuns: runs },
    );
    expect(stored).toBeGreaterThan(0);
  });
});

describe('stored scores in an SQLite ledger', () => {
  it('are filled once for a ledger written before migration 0004, and the fill can run again', async () => {
    const path = join(tempDir(), 'old.sqlite');
    const data = richest(23);
    await (await ledgerOf(data, { pool: 'last', split: 1, withdraw: 2 }, () => openLedger(path, { now: () => NOW }))).close();
    // The same file as a ledger at schema 3 would be: no score tables, migration 0004 not applied.
    const db = new Database(path);
    db.exec(
      'DROP TABLE question_scores; DROP TABLE forecaster_scores; DROP TABLE stored_scores_state; DROP INDEX resolutions_resolved_on; DELETE FROM schema_migrations WHERE version = 4;',
    );
    db.close();
    let ledger = await openLedger(path, { now: () => NOW });
    try {
      expect(typeof ledger.store.storedScoreTotals).toBe('function');
      const { board } = await computed(ledger);
      expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify(board));
      expect((await ledger.verify()).problems).toEqual([]);
    } finally {
      await ledger.close();
    }
    // Marked unfilled again (as if the fill had been interrupted): the next open fills it again, the same.
    const before = new Database(path).prepare('SELECT * FROM question_scores ORDER BY question_id, forecaster_id').all();
    expect(before.length).toBeGreaterThan(0);
    const db2 = new Database(path);
    db2.exec("UPDATE stored_scores_state SET filled = 0; UPDATE question_scores SET detail = '{}';");
    db2.close();
    ledger = await openLedger(path, { now: () => NOW });
    try {
      expect(new Database(path).prepare('SELECT * FROM question_scores ORDER BY question_id, forecaster_id').all()).toEqual(before);
      expect((await ledger.verify()).ok).toBe(true);
    } finally {
      await ledger.close();
    }
  });

  it('are not read while unfilled: the scores are computed instead', async () => {
    const path = join(tempDir(), 'unfilled.sqlite');
    const data = richest(1);
    await (await ledgerOf(data, { pool: 'none', split: 0, withdraw: 0 }, () => openLedger(path, { now: () => NOW }))).close();
    const db = new Database(path);
    db.exec(
      'UPDATE stored_scores_state SET filled = 0; UPDATE question_scores SET brier = 0.999 WHERE brier IS NOT NULL; UPDATE forecaster_scores SET hits = 1000;',
    );
    db.close();
    const ledger = await openLedger(path, { now: () => NOW, migrate: false });
    try {
      expect(await ledger.store.storedScoreTotals?.()).toBeUndefined();
      expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify((await computed(ledger)).board));
    } finally {
      await ledger.close();
    }
  });
});
