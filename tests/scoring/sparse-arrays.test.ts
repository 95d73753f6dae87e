import { describe, expect, it } from 'vitest';
import {
  brierDecomposition,
  brierSkillScore,
  calibrationCurve,
  combineProbabilities,
  crpsEnsemble,
  meanBrierScore,
  meanLogLoss,
  median,
  peerScores,
  relativeBrierScores,
} from '../../src/scoring/index.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';

// A hole (`[, x]`) is skipped by forEach/every but read as undefined by for…of: a check written one
// way and a computation written the other would see different arrays. Found by the reliability fuzz
// (calibrationCurve threw a TypeError on `[ , ]`).
const pair = { probability: 0.7, outcome: true };
/** Arrays of length 2 with the hole at index 0 or 1. */
function withHole<T>(value: T): [readonly T[], number][] {
  const first: T[] = [];
  first[1] = value;
  const second: T[] = [value];
  second.length = 2;
  return [
    [first, 0],
    [second, 1],
  ];
}

const doors: [string, (hole: readonly never[]) => unknown, unknown, string][] = [
  ['meanBrierScore', (a) => meanBrierScore(a), pair, 'pairs'],
  ['meanLogLoss', (a) => meanLogLoss(a), pair, 'pairs'],
  ['calibrationCurve', (a) => calibrationCurve(a), pair, 'pairs'],
  ['brierDecomposition', (a) => brierDecomposition(a), pair, 'pairs'],
  ['brierSkillScore', (a) => brierSkillScore(a), pair, 'pairs'],
  ['brierSkillScore (reference)', (a) => brierSkillScore([pair, pair], a), 0.5, 'reference'],
  ['combineProbabilities', (a) => combineProbabilities(a, 'mean'), 0.5, 'probabilities'],
  ['crpsEnsemble', (a) => crpsEnsemble(a, 1), 1, 'members'],
  ['median', (a) => median(a), 1, 'values'],
  ['peerScores', (a) => peerScores(a), -0.5, 'logScores'],
  ['relativeBrierScores', (a) => relativeBrierScores(a), 0.2, 'briers'],
];

describe('sparse arrays are validation_failed, naming the hole', () => {
  for (const [name, call, element, field] of doors) {
    it(name, () => {
      for (const [array, hole] of withHole(element)) {
        const error = expectLedgerError(() => call(array as readonly never[]));
        expect(error.message).toContain(`${field}[${hole}]`);
        expect(error.message).toContain('hole');
      }
    });
  }
});
