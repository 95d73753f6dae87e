import { expect, it } from 'vitest';
import { describeEachBackend } from '../helpers/backends.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';

describeEachBackend('withdrawn forecasts are left out of scoring', (backend) => {
  it('a withdrawn forecast stops counting on the scorecard and the leaderboard; the earlier one stands again', async () => {
    const ledger = await backend.open({ now: () => new Date('2026-03-01T00:00:00Z') });
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion('q1'));
    await ledger.addQuestion(binaryQuestion('q2'));
    await ledger.addForecast({ ...binaryForecast('q1', 'alice', 0.9, '2026-01-01'), id: 'q1-keep' });
    await ledger.addForecast({ ...binaryForecast('q2', 'alice', 0.2, '2026-01-01'), id: 'q2-early' });
    await ledger.addForecast({ ...binaryForecast('q2', 'alice', 1, '2026-01-02T00:00:00Z'), id: 'q2-late' });
    const evidence = [{ description: 'report' }];
    await ledger.resolve('q1', { outcome: true, resolvedOn: '2026-02-01', evidence });

    // Before the withdrawal the late 1.0 on q2 counts: Brier 0 on q2 once it resolves true.
    await ledger.withdrawForecast('q2-late', { reason: 'entered by mistake' });
    await ledger.resolve('q2', { outcome: true, resolvedOn: '2026-02-01', evidence });

    const card = await ledger.scorecard('alice', { asOf: '2026-03-01' });
    expect(card.probability?.n).toBe(2);
    // q1: (0.9 − 1)² = 0.01 ; q2: only the early 0.2 stands, (0.2 − 1)² = 0.64.
    expect(card.probability?.meanBrier).toBeCloseTo((0.01 + 0.64) / 2, 10);
    const board = await ledger.leaderboard();
    expect(board.entries[0]?.meanBrier).toBeCloseTo((0.01 + 0.64) / 2, 10);
    await ledger.close();
  });
});
