// Random ledgers written in an order that exercises every path that changes stored scores (issue 11),
// and the scores computed from scratch to compare them with: shared by the stored-score tests of
// every backend.
import fc from 'fast-check';
import { openLedger, type Ledger } from '../../src/index.js';
import type { Forecaster } from '../../src/model/forecaster.js';
import type { Resolution } from '../../src/model/resolution.js';
import { buildLeaderboard, buildScorecard, loadScoringData, type ScoringData } from '../../src/scoring/index.js';
import type { Change, QuestionRecord } from '../../src/storage/types.js';
import { scoringData } from '../scoring/scorecard/random-data.js';
import { finalResolution } from '../helpers/final-resolution.js';

export const NOW = new Date('2027-06-01T12:00:00Z');
export const TODAY = '2027-06-01';
export const POOL: Forecaster = { id: 'pool', name: 'Pool', type: 'organization', aliases: [], aggregate: { method: 'mean', members: 'all' } };

/** An earlier, different resolution the final one corrects. */
function earlierResolution(record: QuestionRecord, final: Resolution): Resolution {
  const q = record.question;
  if (final.outcome?.kind === 'binary') return { ...final, outcome: { kind: 'binary', value: !final.outcome.value } };
  if (final.status === 'resolved') return { ...final, status: 'annulled', outcome: undefined, reason: 'first' };
  if (q.kind === 'binary') return { ...final, status: 'resolved', outcome: { kind: 'binary', value: true }, reason: undefined };
  return { ...final, status: final.status === 'annulled' ? 'ambiguous' : 'annulled' };
}

const AMENDED_AT = '2027-01-01T00:00:00.000Z';

/** A date `days` after an ISO date. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant `days` after a forecast was made (0: the moment it was made, so it never stood). */
function withdrawalTime(madeAt: string, days: number): string {
  const made = madeAt.length === 10 ? Date.parse(`${madeAt}T00:00:00Z`) : Date.parse(madeAt);
  return new Date(made + days * 86_400_000).toISOString();
}

/**
 * Writes random data into a ledger in an order that exercises every path that changes stored
 * scores: some forecasts before the resolutions and some after (backdated), corrections, forecasts
 * withdrawn before and after the resolution (when made, within the question's window, after its close),
 * due dates amended after the resolution, and an aggregate forecaster added before or after. `open` gives the empty
 * ledger (default: SQLite `:memory:`, with the clock at {@link NOW}).
 */
export async function ledgerOf(
  data: ScoringData,
  plan: { pool: 'none' | 'first' | 'last'; split: number; withdraw: number },
  open: () => Promise<Ledger> = () => openLedger(':memory:', { now: () => NOW }),
): Promise<Ledger> {
  const ledger = await open();
  const due = new Map(data.questions.map((r) => [r.question.id, r.question.resolution.resolveOn]));
  const apply = async (changes: Change[]) => {
    if (changes.length) await ledger.store.apply(changes);
  };
  await apply([
    ...data.forecasters.map((record): Change => ({ type: 'forecaster.added', record })),
    ...(plan.pool === 'first' ? [{ type: 'forecaster.added', record: POOL } as Change] : []),
  ]);
  await apply(data.questions.map((r) => ({ type: 'question.added', record: r.question })));
  const forecasts = data.forecasts.filter((f) => f.madeAt.slice(0, 10) <= due.get(f.questionId)!);
  // Late forecasts are recorded after the resolutions: only those the ledger takes then (made by the end of the resolution's day).
  const resolvedOn = new Map(data.questions.map((r) => [r.question.id, r.resolution?.resolvedOn ?? '9999-12-31']));
  const lateOk = (f: (typeof forecasts)[number], i: number) => i % 4 === plan.split % 4 && f.madeAt.slice(0, 10) <= resolvedOn.get(f.questionId)!;
  const early = forecasts.filter((f, i) => !lateOk(f, i));
  const late = forecasts.filter(lateOk);
  await apply(early.map((record) => ({ type: 'forecast.added', record })));
  // Withdrawn before the resolution: at the moment it was made (it never stood), 1 or 5 days later (it counts until then, or
  // to the close if that came first), or now (after every close) …
  const withdrawnEarly = early.filter((_, i) => i % 3 === plan.withdraw % 3);
  await apply(
    withdrawnEarly.map((f, i) => {
      const days = [1, 5, 1, 0, undefined][(i + plan.withdraw) % 5];
      return {
        type: 'forecast.withdrawn',
        record: { forecastId: f.id, reason: 'changed my mind', ...(days === undefined ? {} : { recordedAt: withdrawalTime(f.madeAt, days) }) },
      };
    }),
  );
  const firsts: Change[] = [];
  const corrections: Change[] = [];
  data.questions.forEach((record, i) => {
    const final = finalResolution(record);
    if (!final) return;
    if (i % 3 === 0) {
      firsts.push({ type: 'resolution.recorded', record: earlierResolution(record, final) });
      corrections.push({ type: 'resolution.recorded', record: { ...final, correction: { reason: 'corrected' } } });
    } else firsts.push({ type: 'resolution.recorded', record: final });
  });
  await apply(firsts);
  // … forecasts recorded after the resolution (made before its close) …
  await apply(late.map((record) => ({ type: 'forecast.added', record })));
  await apply(corrections);
  // … and withdrawn after it, with a recording time before the resolutions' (an import keeps it): the resolved question
  // is scored again, the forecast counting until its withdrawal.
  const withdrawnLate = late.filter((_, i) => i % 3 === plan.withdraw % 3);
  await apply(
    withdrawnLate.map((f, i) => ({
      type: 'forecast.withdrawn',
      record: { forecastId: f.id, reason: 'r', recordedAt: withdrawalTime(f.madeAt, [1, 2, 0][(i + plan.withdraw) % 3]!) },
    })),
  );
  // Due dates moved 45 days later after the resolution (recorded before it, as an import keeps it): the close moves when
  // the resolution came after the old due date, and the question is scored again.
  await apply(
    data.questions
      .filter((r, i) => r.status === 'resolved' && i % 4 === plan.split % 4)
      .map((r) => ({
        type: 'question.amended',
        record: { questionId: r.question.id, changes: { resolveOn: addDays(r.question.resolution.resolveOn, 45) }, reason: 'later', recordedAt: AMENDED_AT },
      })),
  );
  if (plan.pool === 'last') await apply([{ type: 'forecaster.added', record: POOL }]);
  return ledger;
}

/** The computed path, over the whole ledger, as of today. */
export async function computed(ledger: Ledger) {
  const data = await loadScoringData(ledger.store);
  return {
    board: buildLeaderboard(data, { asOf: TODAY }),
    cards: new Map(data.forecasters.map((f) => [f.id, buildScorecard(data, f.id, { asOf: TODAY })])),
  };
}

/** Of 300 random ledgers with a resolved question, the one with the most forecasts. */
export function richest(seed: number): ScoringData {
  const candidates = fc.sample(scoringData, { seed, numRuns: 300 }).filter((d) => d.questions.some((q) => q.status === 'resolved'));
  return candidates.reduce((a, b) => (b.forecasts.length > a.forecasts.length ? b : a));
}

export const plans = fc.record({ pool: fc.constantFrom<'none' | 'first' | 'last'>('none', 'first', 'last'), split: fc.nat(3), withdraw: fc.nat(14) });
