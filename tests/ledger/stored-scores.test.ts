// Stored scores through a real ledger (issue 11): written in the transactions that change them,
// read by ledger.leaderboard()/scorecard() with the default options, byte-identical to computing
// from scratch, checked by verify(), and filled once for a ledger written before migration 0004.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/index.js';
import type { Resolution } from '../../src/model/resolution.js';
import { RESCORE_PAGE } from '../../src/engine/score-batch.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { scoringData } from '../scoring/scorecard/random-data.js';
import { scaled } from '../reliability/scale.js';
import { describeEachBackend } from '../helpers/backends.js';
import { tempDir } from '../helpers/temp.js';
import { computed, ledgerOf, NOW, plans, POOL, richest } from './stored-scores-ledgers.js';

const evidence = [{ description: 'test evidence' }];

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

describeEachBackend(
  'stored scores kept between reads',
  (backend) => {
    it('are read again once the ledger changes: a leaderboard kept between reads follows every write, through this connection or another', async () => {
      const data = richest(3);
      const ledger = await ledgerOf(data, { pool: 'first', split: 2, withdraw: 1 }, () => backend.open({ now: () => NOW }));
      const other = await backend.reopen(ledger, { now: () => NOW });
      const fresh = async () => JSON.stringify((await computed(ledger)).board);
      try {
        const first = await ledger.leaderboard();
        expect(JSON.stringify(first)).toBe(await fresh());
        // Kept: the same totals object while nothing was recorded (read directly or in a snapshot), and a result changed by its
        // caller changes no later one.
        const kept = await ledger.store.storedScoreTotals?.();
        expect(kept).toBeDefined();
        expect(await ledger.store.storedScoreTotals?.()).toBe(kept);
        expect(await ledger.store.read(async (r) => r.storedScoreTotals?.())).toBe(kept);
        const entry = first.entries.find((e) => e.hitRate)! as { resolved: number; hitRate: { lower: number } };
        entry.hitRate.lower = 2;
        entry.resolved = -1;
        expect(JSON.stringify(await ledger.leaderboard())).toBe(await fresh());
        // A new forecaster, resolved on a new question through this connection …
        await ledger.addForecaster(forecaster('zed', 'Zed'));
        await ledger.addQuestion(binaryQuestion('q-new', '2027-01-31'));
        await ledger.addForecast(binaryForecast('q-new', 'zed', 0.9, '2026-12-01'));
        await ledger.resolve('q-new', { outcome: true, resolvedOn: '2027-01-31', evidence });
        const afterOwn = await ledger.leaderboard();
        expect(afterOwn.entries.some((e) => e.forecasterId === 'zed' && e.resolved === 1)).toBe(true);
        expect(JSON.stringify(afterOwn)).toBe(await fresh());
        // … and its resolution corrected through another connection to the same file.
        const beforeOther = await ledger.store.storedScoreTotals?.();
        await other.correctResolution('q-new', { outcome: false, resolvedOn: '2027-01-31', evidence, reason: 'misread' });
        expect(await ledger.store.storedScoreTotals?.()).not.toBe(beforeOther);
        const afterOther = await ledger.leaderboard();
        expect(afterOther.entries.find((e) => e.forecasterId === 'zed')?.hitRate?.hits).toBe(0);
        expect(JSON.stringify(afterOther)).toBe(await fresh());
        const { cards } = await computed(ledger);
        for (const f of data.forecasters) expect(JSON.stringify(await ledger.scorecard(f.id))).toBe(JSON.stringify(cards.get(f.id)));
      } finally {
        await other.close();
        await ledger.close();
      }
    });

    it("give the scorecards computed from scratch, a forecaster's part read at once or through the list reads", async () => {
      const data = richest(8);
      const ledger = await ledgerOf(data, { pool: 'none', split: 3, withdraw: 4 }, () => backend.open({ now: () => NOW }));
      try {
        const { cards } = await computed(ledger);
        // Read at once (storedScorecardParts), directly and in a snapshot: the same parts, the same scorecards as computed.
        expect(typeof ledger.store.storedScorecardParts).toBe('function');
        let rows = 0;
        for (const f of data.forecasters) {
          const parts = await ledger.store.storedScorecardParts!(f.id);
          expect(parts).toBeDefined();
          rows += parts!.rows.length;
          expect(await ledger.store.read(async (r) => r.storedScorecardParts?.(f.id))).toEqual(parts);
          expect(JSON.stringify(await ledger.scorecard(f.id))).toBe(JSON.stringify(cards.get(f.id)));
        }
        expect(rows).toBeGreaterThan(0);
        // The reads of a store without storedScorecardParts: the same ledger, that one method hidden.
        const store = ledger.store;
        const read = store.read.bind(store);
        let composed = 0;
        store.read = (fn) =>
          read((reader) => {
            composed++;
            return fn({ ...reader, storedScorecardParts: undefined });
          });
        for (const f of data.forecasters) expect(JSON.stringify(await ledger.scorecard(f.id))).toBe(JSON.stringify(cards.get(f.id)));
        expect(composed).toBe(data.forecasters.length);
      } finally {
        await ledger.close();
      }
    });
  },
  { needs: ['reopen'] },
);

describe('stored scores in an SQLite ledger', () => {
  it('are filled once for a ledger written before migration 0004, and the fill can run again', async () => {
    const path = join(tempDir(), 'old.sqlite');
    const data = richest(23);
    await (await ledgerOf(data, { pool: 'last', split: 1, withdraw: 2 }, () => openLedger(path, { now: () => NOW }))).close();
    // The same file as a ledger at schema 3 would be: no score tables, migration 0004 not applied (nor the later ones:
    // 0005's index back as 0001 made it), so opening applies 0004 and 0005 to a ledger with data.
    const db = new Database(path);
    db.exec(
      'DROP TABLE question_scores; DROP TABLE forecaster_scores; DROP TABLE stored_scores_state; DROP INDEX resolutions_resolved_on; DELETE FROM schema_migrations WHERE version >= 4;',
    );
    db.exec('DROP INDEX forecasts_forecaster_cover; CREATE INDEX forecasts_forecaster ON forecasts (forecaster_id);');
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

  it('replace whatever rows a question has when it is resolved, a stray row left on an open question included', async () => {
    // The write skips the delete of a question's rows only when the rows it read for the question are none (a first
    // resolution). A skip decided any other way (say, "not a correction, so no rows") would hit this stray row's key.
    const path = join(tempDir(), 'stray.sqlite');
    let ledger = await openLedger(path, { now: () => NOW });
    await ledger.importPredictions({
      formatVersion: 1,
      forecasters: [forecaster('ana', 'ana'), forecaster('ben', 'ben')],
      questions: [binaryQuestion('q-1', '2026-06-30')],
      forecasts: [binaryForecast('q-1', 'ana', 0.7), binaryForecast('q-1', 'ben', 0.2)],
    });
    await ledger.close();
    const db = new Database(path);
    db.prepare("INSERT INTO question_scores (question_id, forecaster_id, section, verdict, detail) VALUES ('q-1', 'ana', 'plan-goal', 'miss', '{}')").run(); // a plan's row: no totals to take it out of
    db.close();
    ledger = await openLedger(path, { now: () => NOW });
    try {
      await ledger.resolve('q-1', { outcome: true, resolvedOn: '2026-07-01', evidence });
      const rows = new Database(path).prepare("SELECT forecaster_id, verdict FROM question_scores WHERE question_id = 'q-1' ORDER BY forecaster_id").all();
      expect(rows).toEqual([
        { forecaster_id: 'ana', verdict: 'hit' },
        { forecaster_id: 'ben', verdict: 'miss' },
      ]);
      expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify((await computed(ledger)).board));
      expect((await ledger.verify()).problems).toEqual([]);
    } finally {
      await ledger.close();
    }
  });

  it('rescore a batch of more questions than one page, the totals carried from page to page', async () => {
    // Every forecaster is on questions of every page, and the batch both corrects resolutions (old rows taken out of the
    // totals) and records new ones (rows added), so a page that started from totals read before the pages ahead of it
    // wrote theirs would leave totals that verify() and the computed leaderboard disagree with.
    const ledger = await openLedger(':memory:', { now: () => NOW });
    try {
      const n = RESCORE_PAGE + 300;
      const people = ['ana', 'ben', 'cy', 'dee', 'eli'];
      const questions = Array.from({ length: n }, (_, i) => binaryQuestion(`q-${i}`, '2026-06-30'));
      await ledger.importPredictions({
        formatVersion: 1,
        forecasters: [...people.map((id) => forecaster(id, id)), POOL],
        questions,
        forecasts: questions.flatMap((q, i) => [0, 1, 2].map((k) => binaryForecast(q.id, people[(i + k) % 5], ((i * 7 + k * 3) % 9) / 10 + 0.05))),
      });
      const resolution = (i: number, value: boolean): Resolution => ({
        questionId: `q-${i}`,
        status: 'resolved',
        resolvedOn: '2026-07-01',
        evidence,
        outcome: { kind: 'binary', value },
      });
      // Resolved first: every fifth question, spread over all the pages of the batch below.
      const early = questions.map((_, i) => i).filter((i) => i % 5 === 0);
      await ledger.importPredictions({ formatVersion: 1, resolutions: early.map((i) => resolution(i, i % 2 === 0)) });
      await ledger.importPredictions({
        formatVersion: 1,
        resolutions: questions.map((_, i) =>
          i % 5 === 0 ? { ...resolution(i, i % 2 !== 0), correction: { reason: 'the other way' } } : resolution(i, i % 3 === 0),
        ),
      });
      const { board, cards } = await computed(ledger);
      expect(board.entries.reduce((sum, e) => sum + e.binary, 0)).toBe(4 * n); // three people and the pool on each
      expect(JSON.stringify(await ledger.leaderboard())).toBe(JSON.stringify(board));
      for (const id of people) expect(JSON.stringify(await ledger.scorecard(id))).toBe(JSON.stringify(cards.get(id)));
      expect((await ledger.verify()).problems).toEqual([]);
    } finally {
      await ledger.close();
    }
  });
});
