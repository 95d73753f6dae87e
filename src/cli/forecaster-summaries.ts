import type { Ledger } from '../ledger.js';
import type { Scorecard } from '../scoring/index.js';
import { formatHitRate } from './format-values.js';

/** One line per forecaster: claims made, how many are settled, and the hit rate when there is one. @internal */
export interface ForecasterSummary {
  id: string;
  name: string;
  type: 'person' | 'organization';
  /** Questions the forecaster made claims on. */
  made: number;
  /** Forecasts in all, updates included. */
  forecasts: number;
  resolved: number;
  pending: number;
  /** Pending claims already past their due date. */
  overdue: number;
  annulled: number;
  ambiguous: number;
  /** Resolved claims with a verdict: hits / (hits + misses); null when none. */
  hitRate: { hits: number; n: number; rate: number } | null;
}

/** The summary line of a scorecard. @internal */
export function summarize(sc: Scorecard): ForecasterSummary {
  const { made, forecasts, resolved, pending, overdue, annulled, ambiguous } = sc.counts;
  const { id, name, type } = sc.forecaster;
  return {
    id,
    name,
    type,
    made,
    forecasts,
    resolved,
    pending,
    overdue,
    annulled,
    ambiguous,
    hitRate: sc.hitRate ? { hits: sc.hitRate.hits, n: sc.hitRate.n, rate: sc.hitRate.rate } : null,
  };
}

/** `goldman-sachs: 5 claims made, 1 resolved, 4 pending; hit rate 100% (1/1)`. @internal */
export function summaryLine(s: ForecasterSummary): string {
  const voided = s.annulled + s.ambiguous;
  const hit = s.hitRate ? `; hit rate ${formatHitRate(s.hitRate)}` : '';
  return `${s.id}: ${s.made} claim${s.made === 1 ? '' : 's'} made, ${s.resolved} resolved, ${s.pending} pending${s.overdue ? ` (${s.overdue} overdue)` : ''}${voided ? `, ${voided} void` : ''}${hit}`;
}

/**
 * Every forecaster's scorecard as of a date (today when `asOf` is undefined), with its summary: those with the most claims first,
 * then by id (the ledger's own order is the order the files were imported in, which tells a
 * reader nothing).
 *
 * @internal
 */
export async function forecasterSummaries(
  ledger: Ledger,
  asOf: string | undefined,
  tag?: string,
  recordedBy?: string,
): Promise<{ scorecards: Scorecard[]; summaries: ForecasterSummary[] }> {
  const scorecards: Scorecard[] = [];
  // Without a date (today), the ledger reads its stored scores.
  for (const f of await ledger.listForecasters()) scorecards.push(await ledger.scorecard(f.id, { asOf, tag, recordedBy }));
  const summaries = scorecards.map(summarize);
  const order = summaries.map((_, i) => i).sort((a, b) => summaries[b]!.made - summaries[a]!.made || (summaries[a]!.id < summaries[b]!.id ? -1 : 1));
  return { scorecards: order.map((i) => scorecards[i]!), summaries: order.map((i) => summaries[i]!) };
}
