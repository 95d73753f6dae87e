// The seed dataset and the verbal-confidence scale agree: every forecast in predictions/ whose
// confidence wording is exactly a known term of its scale carries the probability impliedProbability
// gives that term (CONFIDENCE_TERMS is the single source of truth), and every hand-set (`custom`)
// reading says why in a note. A wording that claims a scale is a term of it; goals read 0.5; and a
// "will happen" reading over a window the dataset chose is capped at 0.8 (docs/scoring.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confidenceGloss } from '../src/format/values.js';
import { CONFIDENCE_TERMS, impliedProbability } from '../src/scoring/rules.js';

interface RawConfidence {
  readonly wording: string;
  readonly gloss?: string;
  readonly impliedProbability: number;
  readonly scale: string;
  readonly note?: string;
}

interface RawForecast {
  readonly id?: string;
  readonly questionId: string;
  readonly confidence?: RawConfidence;
  readonly estimate: { readonly kind: string; readonly probability?: number };
}

interface RawQuestion {
  readonly id: string;
  readonly stance?: string;
  readonly resolution: { readonly windowChosen?: boolean };
}

const dir = join(import.meta.dirname, '..', 'predictions');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const files = names.map((name) => ({
  name,
  raw: JSON.parse(readFileSync(join(dir, name), 'utf8')) as { forecasts?: RawForecast[]; questions?: RawQuestion[] },
}));
const questions = new Map(files.flatMap(({ raw }) => (raw.questions ?? []).map((q) => [q.id, q] as const)));
const confidences = files.flatMap(({ name, raw }) =>
  (raw.forecasts ?? []).flatMap((f, i) =>
    f.confidence
      ? [{ where: `${name} forecasts[${i}] (${f.id ?? f.questionId})`, confidence: f.confidence, forecast: f, question: questions.get(f.questionId)! }]
      : [],
  ),
);

const SCORED_SCALES = ['forecast-ledger-zh', 'ipcc-ar5', 'kent'];

/** The probability term of `scale` whose wording is exactly `wording` (trimmed; English ignoring case). */
function knownTerm(scale: string, wording: string) {
  const wanted = wording.trim();
  return CONFIDENCE_TERMS.find(
    (t) => t.scale === scale && t.probability !== null && (t.language === 'en' ? t.term === wanted.toLowerCase() : t.term === wanted),
  );
}

describe('predictions/ verbal confidence', () => {
  it('has forecasts with a verbal confidence to check', () => {
    expect(confidences.length).toBeGreaterThan(0);
    expect(
      confidences.filter(({ confidence }) => SCORED_SCALES.includes(confidence.scale) && knownTerm(confidence.scale, confidence.wording)).length,
    ).toBeGreaterThan(0);
  });

  it('gives every wording that is a known term of its scale the probability impliedProbability gives it', () => {
    const mismatches: string[] = [];
    for (const { where, confidence } of confidences) {
      if (!SCORED_SCALES.includes(confidence.scale) || !knownTerm(confidence.scale, confidence.wording)) continue;
      const expected = impliedProbability(confidence.wording);
      if (confidence.impliedProbability !== expected) {
        mismatches.push(`${where}: "${confidence.wording}" on ${confidence.scale} is ${confidence.impliedProbability}, the scale says ${expected}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('explains every hand-set (custom) probability in a note', () => {
    const missing = confidences
      .filter(({ confidence }) => confidence.scale === 'custom' && !confidence.note?.trim())
      .map(({ where, confidence }) => `${where}: "${confidence.wording}" = ${confidence.impliedProbability} on custom has no note`);
    expect(missing).toEqual([]);
  });

  it('uses, for every forecast that claims a library scale, a wording that is a term of that scale', () => {
    const offScale = confidences
      .filter(({ confidence }) => SCORED_SCALES.includes(confidence.scale) && !knownTerm(confidence.scale, confidence.wording))
      .map(({ where, confidence }) => `${where}: "${confidence.wording}" is not a term of ${confidence.scale}; use scale "custom" with a note`);
    expect(offScale).toEqual([]);
  });

  it('reads every binary goal stated without a number at 0.5, the goal rule', () => {
    const goals = confidences.filter(
      ({ forecast, question }) => question.stance === 'goal' && forecast.estimate.kind === 'binary' && forecast.estimate.probability === undefined,
    );
    expect(goals.length).toBeGreaterThan(0);
    expect(
      goals.filter(({ confidence }) => confidence.impliedProbability !== 0.5).map(({ where, confidence }) => `${where}: ${confidence.impliedProbability}`),
    ).toEqual([]);
  });

  it('caps at 0.8 every reading that an event happens within a window the dataset chose', () => {
    const chosen = confidences.filter(({ question }) => question.resolution.windowChosen === true);
    expect(chosen.length).toBeGreaterThan(0);
    expect(
      chosen
        .filter(({ confidence }) => confidence.impliedProbability > 0.8)
        .map(({ where, confidence }) => `${where}: "${confidence.wording}" = ${confidence.impliedProbability}`),
    ).toEqual([]);
  });

  it('has an English gloss for every wording that is not English, from the scale or from the forecast', () => {
    const cjk = confidences.filter(({ confidence }) => /[\u3400-\u9fff]/.test(confidence.wording));
    expect(cjk.length).toBeGreaterThan(0);
    expect(
      cjk.filter(({ confidence }) => !confidenceGloss(confidence)).map(({ where, confidence }) => `${where}: "${confidence.wording}" has no gloss`),
    ).toEqual([]);
  });
});
