import { describe, expect, it } from 'vitest';
import * as rules from '../../src/scoring/rules.js';

describe('src/scoring/rules.ts barrel', () => {
  it('exports exactly the public scoring API (update on purpose when it changes)', () => {
    expect(Object.keys(rules).sort()).toMatchInlineSnapshot(`
      [
        "BRIER_SCALES",
        "CONFIDENCE_LANGUAGES",
        "CONFIDENCE_TERMS",
        "DEFAULT_LOG_LOSS_EPSILON",
        "absoluteError",
        "absolutePercentageError",
        "brierDecomposition",
        "brierScore",
        "brierSkillScore",
        "calibrationCurve",
        "crpsEnsemble",
        "crpsNormal",
        "dateErrorDays",
        "impliedProbability",
        "intervalScore",
        "logAccuracyRatio",
        "logLoss",
        "meanBrierScore",
        "meanLogLoss",
        "median",
        "pinballLoss",
        "wilsonInterval",
      ]
    `);
  });
});
