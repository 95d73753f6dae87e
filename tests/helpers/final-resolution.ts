import type { Resolution } from '../../src/model/resolution.js';
import type { QuestionRecord } from '../../src/storage/types.js';

/** The evidence every test resolution cites. */
export const TEST_EVIDENCE = [{ description: 'test evidence' }];

/**
 * The final resolution of a random question (tests/scoring/scorecard/random-data.ts) as a record to
 * write: random forecasts may come after the outcome, and the ledger keeps them only when the
 * resolution allows it.
 */
export function finalResolution(record: QuestionRecord): Resolution | undefined {
  const r = record.resolution;
  if (!r) return undefined;
  return {
    questionId: r.questionId,
    status: r.status,
    resolvedOn: r.resolvedOn,
    evidence: TEST_EVIDENCE,
    ...(r.outcome ? { outcome: r.outcome } : { reason: 'r' }),
    allowForecastsAfterOutcome: true,
  };
}
