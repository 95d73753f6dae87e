// The same data gives the same scores on every backend: the fixture ledger, whose figures
// scorecard.test.ts and leaderboard.test.ts work out by hand in memory, built again on each backend of
// the matrix gives identical scorecards, leaderboards and exports.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Ledger, LeaderboardOptions, ScorecardOptions } from '../../../src/index.js';
import { describeEachBackend } from '../../helpers/backends.js';
import { fixtureLedger } from './fixture-ledger.js';

const CARDS: [string, ScorecardOptions][] = [
  ['alice', {}],
  ['alice', { asOf: '2026-03-15' }],
  ['alice', { recordedBy: '2026-06-01' }],
  ['bob', {}],
  ['carol', { asOf: '2026-05-01' }],
];
const BOARDS: LeaderboardOptions[] = [{}, { minResolved: 1 }, { asOf: '2026-03-15', minResolved: 0 }];

let reference: Ledger;
beforeAll(async () => {
  reference = await fixtureLedger();
});
afterAll(() => reference.close());

describeEachBackend('scores of the fixture ledger, against the hand-checked one in memory', (backend) => {
  it('gives identical scorecards', async () => {
    const ledger = await fixtureLedger(backend);
    for (const [id, options] of CARDS) {
      expect(await ledger.scorecard(id, options), `${id} ${JSON.stringify(options)}`).toEqual(await reference.scorecard(id, options));
    }
  });

  it('gives identical leaderboards', async () => {
    const ledger = await fixtureLedger(backend);
    for (const options of BOARDS) expect(await ledger.leaderboard(options), JSON.stringify(options)).toEqual(await reference.leaderboard(options));
  });

  it('gives an identical export', async () => {
    const ledger = await fixtureLedger(backend);
    expect(await ledger.exportData()).toEqual(await reference.exportData());
  });
});
