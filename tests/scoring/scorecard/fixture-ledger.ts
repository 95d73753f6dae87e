// A small ledger whose every scorecard figure is worked out by hand in scorecard.test.ts.
//
// alice, bob and carol; asOf 2026-06-01. Closes are the end (24:00 UTC) of min(resolveOn, resolvedOn).
//   q-rain      binary  due 2026-01-10  alice 0.6 (Jan 1) → 0.9 (Jan 6); bob 0.2 (Jan 1)   → yes on Jan 10
//   q-plan      binary  plan  due 2026-02-01  alice 0.9                                     → yes (achieved)
//   q-capacity  numeric due 2026-02-28  alice range 2,000–3,000 GW (bare)                   → 3,500
//   q-late      binary  due 2026-03-01  alice 0.9 on Feb 10                                 → yes, resolved Feb 1 (made after the outcome)
//   q-copper    numeric due 2026-03-31  alice 10,750 USD/t                                  → 10,120
//   q-launch    binary  not_before, due 2026-03-31  alice "unlikely" (0.33); carol 0.5 (Feb 1)
//                                      → yes, then corrected to no (resolvedOn Apr 2)
//   q-goal      numeric goal  due 2026-04-30  alice 100 units                               → 80 (missed)
//   q-overdue   binary  due 2026-05-01  alice 0.55                                          → still open (overdue)
//   q-ipo-date  date    due 2026-05-31  alice 2026-03-01 (made Jan 15)                      → 2026-04-20
//   q-annulled  binary  due 2026-06-30  alice 0.7                                           → annulled
//   q-ambiguous binary  due 2026-07-31  alice 0.4                                           → ambiguous
//   q-future    binary  due 2026-12-31  alice 0.8                                           → open
//   q-next      numeric due 2027-06-30  alice 42 units                                      → open
import { openLedger, type Ledger, type QuestionInput } from '../../../src/index.js';
import type { LedgerBackend } from '../../helpers/backends.js';

const evidence = [{ description: 'test evidence' }];

function question(id: string, kind: 'binary' | 'numeric' | 'date', resolveOn: string, extra: Partial<QuestionInput> = {}): QuestionInput {
  return {
    id,
    kind,
    title: `Question ${id}`,
    statement: `What about ${id}?`,
    resolution: { resolveOn, horizon: `by ${resolveOn}`, semantics: 'by', criteria: 'A report.' },
    ...(kind === 'numeric' ? { spec: { unit: id === 'q-copper' ? 'USD/t' : 'units', scale: 'linear' } } : {}),
    ...extra,
  } as QuestionInput;
}

/** Builds the ledger described above: on `backend` (closed after the test), or else in memory (the caller closes it). */
export async function fixtureLedger(backend?: LedgerBackend): Promise<Ledger> {
  const options = { now: () => new Date('2026-06-01T12:00:00Z') };
  const ledger = await (backend ? backend.open(options) : openLedger(':memory:', options));
  for (const id of ['alice', 'bob', 'carol']) await ledger.addForecaster({ id, name: id[0]!.toUpperCase() + id.slice(1), type: 'person' });
  await ledger.addQuestion(question('q-rain', 'binary', '2026-01-10'));
  await ledger.addQuestion(question('q-plan', 'binary', '2026-02-01', { stance: 'plan' }));
  await ledger.addQuestion(question('q-capacity', 'numeric', '2026-02-28', { spec: { unit: 'GW', scale: 'linear' } } as Partial<QuestionInput>));
  await ledger.addQuestion(question('q-late', 'binary', '2026-03-01'));
  await ledger.addQuestion(question('q-copper', 'numeric', '2026-03-31'));
  await ledger.addQuestion(
    question('q-launch', 'binary', '2026-03-31', {
      resolution: { resolveOn: '2026-03-31', horizon: 'not before April 2026', semantics: 'not_before', criteria: 'Launch reports.' },
    }),
  );
  await ledger.addQuestion(question('q-goal', 'numeric', '2026-04-30', { stance: 'goal' }));
  await ledger.addQuestion(question('q-overdue', 'binary', '2026-05-01'));
  await ledger.addQuestion(
    question('q-ipo-date', 'date', '2026-05-31', { resolution: { resolveOn: '2026-05-31', horizon: 'H1 2026', semantics: 'at', criteria: 'Listing date.' } }),
  );
  await ledger.addQuestion(question('q-annulled', 'binary', '2026-06-30'));
  await ledger.addQuestion(question('q-ambiguous', 'binary', '2026-07-31'));
  await ledger.addQuestion(question('q-future', 'binary', '2026-12-31'));
  await ledger.addQuestion(question('q-next', 'numeric', '2027-06-30'));

  const p = (questionId: string, forecasterId: string, madeAt: string, probability: number) =>
    ledger.addForecast({ questionId, forecasterId, madeAt, estimate: { kind: 'binary', probability } });
  await p('q-rain', 'alice', '2026-01-01', 0.6);
  await p('q-rain', 'alice', '2026-01-06', 0.9);
  await p('q-rain', 'bob', '2026-01-01', 0.2);
  await p('q-plan', 'alice', '2026-01-01', 0.9);
  await ledger.addForecast({
    questionId: 'q-capacity',
    forecasterId: 'alice',
    madeAt: '2026-01-01',
    estimate: { kind: 'numeric', interval: { lower: 2000, upper: 3000 } },
  });
  await p('q-late', 'alice', '2026-02-10', 0.9);
  await ledger.addForecast({ questionId: 'q-copper', forecasterId: 'alice', madeAt: '2026-01-01', estimate: { kind: 'numeric', point: 10750 } });
  await ledger.addForecast({
    questionId: 'q-launch',
    forecasterId: 'alice',
    madeAt: '2026-01-01',
    estimate: { kind: 'binary' },
    confidence: { wording: 'unlikely', impliedProbability: 0.33, scale: 'ipcc-ar5' },
  });
  await p('q-launch', 'carol', '2026-02-01', 0.5);
  await ledger.addForecast({ questionId: 'q-goal', forecasterId: 'alice', madeAt: '2026-01-01', estimate: { kind: 'numeric', point: 100 } });
  await p('q-overdue', 'alice', '2026-01-01', 0.55);
  await ledger.addForecast({ questionId: 'q-ipo-date', forecasterId: 'alice', madeAt: '2026-01-15', estimate: { kind: 'date', point: '2026-03-01' } });
  await p('q-annulled', 'alice', '2026-01-01', 0.7);
  await p('q-ambiguous', 'alice', '2026-01-01', 0.4);
  await p('q-future', 'alice', '2026-01-01', 0.8);
  await ledger.addForecast({ questionId: 'q-next', forecasterId: 'alice', madeAt: '2026-01-01', estimate: { kind: 'numeric', point: 42 } });

  await ledger.resolve('q-rain', { outcome: true, resolvedOn: '2026-01-10', evidence });
  await ledger.resolve('q-plan', { outcome: true, resolvedOn: '2026-02-01', evidence });
  await ledger.resolve('q-capacity', { outcome: 3500, resolvedOn: '2026-03-01', evidence });
  // alice's forecast of Feb 10 came after this outcome: kept as made after the outcome, never scored.
  await ledger.resolve('q-late', { outcome: true, resolvedOn: '2026-02-01', evidence, allowForecastsAfterOutcome: true });
  await ledger.resolve('q-copper', { outcome: 10120, resolvedOn: '2026-04-05', evidence });
  await ledger.resolve('q-launch', { outcome: true, resolvedOn: '2026-03-31', evidence });
  await ledger.correctResolution('q-launch', { outcome: false, resolvedOn: '2026-04-02', evidence, reason: 'the reported launch was a test flight' });
  await ledger.resolve('q-goal', { outcome: 80, resolvedOn: '2026-05-02', evidence });
  await ledger.resolve('q-ipo-date', { outcome: '2026-04-20', resolvedOn: '2026-04-20', evidence });
  await ledger.annul('q-annulled', { reason: 'the company was dissolved', resolvedOn: '2026-02-01' });
  await ledger.markAmbiguous('q-ambiguous', { reason: 'sources disagree', resolvedOn: '2026-05-15' });
  return ledger;
}
