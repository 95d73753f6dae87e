// Typed access to tests/fixtures/scoring/random-cases.json, written by
// scripts/fixtures/make-scoring-fixture.py (scikit-learn / scipy / numpy / mpmath values).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProbabilityOutcomePair } from '../../../src/scoring/rules.js';

/** A set of resolved binary forecasts with every pair-based rule's expected value. */
export interface PairSetCase {
  probabilities: number[];
  outcomes: Array<0 | 1>;
  bins: number;
  meanBrierScore: number;
  meanLogLoss: number;
  brierSkillScore: number | null;
  constantReference: number;
  brierSkillScoreVsConstant: number | null;
  referenceProbabilities?: number[];
  brierSkillScoreVsArray?: number | null;
  calibration: Array<{ lower: number; upper: number; count: number; meanProbability: number; observedFrequency: number }>;
  decomposition: {
    brier: number;
    reliability: number;
    resolution: number;
    uncertainty: number;
    withinBinVariance: number;
    withinBinCovariance: number;
  };
}

/** The whole fixture. */
export interface ScoringFixture {
  seed: number;
  versions: Record<string, string>;
  brierScore: Array<{ probability: number; outcome: boolean; scale: '0-1' | '0-2'; expected: number }>;
  logLoss: Array<{ probability: number; outcome: boolean; epsilon: number; expected: number }>;
  pairSets: PairSetCase[];
  absoluteError: Array<{ estimate: number; actual: number; expected: number }>;
  absolutePercentageError: Array<{ estimate: number; actual: number; expected: number }>;
  logAccuracyRatio: Array<{ estimate: number; actual: number; expected: number }>;
  intervalScore: Array<{ lower: number; upper: number; actual: number; alpha: number; expected: number }>;
  pinballLoss: Array<{ quantileValue: number; tau: number; actual: number; expected: number }>;
  crpsNormal: Array<{ mean: number; sd: number; actual: number; expected: number }>;
  crpsEnsemble: Array<{ members: number[]; actual: number; expected: number }>;
  dateErrorDays: Array<{ estimate: string; actual: string; expected: number }>;
  wilsonInterval: Array<{ successes: number; n: number; confidence: number; lower: number; upper: number; estimate: number }>;
  median: Array<{ values: number[]; expected: number }>;
}

let cached: ScoringFixture | undefined;

/** Loads the fixture once per test file. */
export function scoringFixture(): ScoringFixture {
  cached ??= JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'scoring', 'random-cases.json'), 'utf8')) as ScoringFixture;
  return cached;
}

/** The pairs of a fixture pair set. */
export function pairsOf(set: PairSetCase): ProbabilityOutcomePair[] {
  return set.probabilities.map((probability, i) => ({ probability, outcome: set.outcomes[i] === 1 }));
}

/** Labels a fixture case for `it.each`: its index and a short JSON preview. */
export function label(i: number, value: unknown): string {
  const text = JSON.stringify(value);
  return `#${i} ${text.length > 80 ? `${text.slice(0, 77)}...` : text}`;
}

type CaseLists = { [K in keyof ScoringFixture]: ScoringFixture[K] extends Array<infer T> ? T : never };

/**
 * The cases of one rule as `it.each` rows `[label, case]`; `preview` picks what the label shows.
 */
export function fixtureRows<K extends keyof CaseLists>(rule: K, preview: (c: CaseLists[K]) => unknown = (c) => c): Array<readonly [string, CaseLists[K]]> {
  return (scoringFixture()[rule] as Array<CaseLists[K]>).map((c, i) => [label(i, preview(c)), c] as const);
}
