/**
 * Reads a probability as people type it: `70%`, `0.7`, or a verbal term of the library's scales.
 *
 * @internal
 * @module
 */
import { LedgerError } from '../errors.js';
import type { VerbalConfidence } from '../model/forecast.js';
import { parseDecimal } from '../_internal/parse-decimal.js';
import { findConfidenceTerm, impliedProbability } from '../scoring/implied-probability.js';

/** A probability read by {@link readProbability}: the number, and the wording when it was a verbal term. @internal */
export interface ReadProbability {
  /** The probability in [0, 1]. */
  probability: number;
  /** The verbal confidence, when the probability was given in words (`likely` → 0.83 on IPCC AR5). */
  confidence?: VerbalConfidence;
}

const EXPECTED = 'a probability such as 70%, 0.7 or a verbal term such as "likely" (see CONFIDENCE_TERMS)';

/**
 * Reads `value` as a probability: a number in [0, 1]; text `70%` (0–100 %) or `0.7`; or a verbal
 * term of {@link CONFIDENCE_TERMS} (English IPCC AR5 or Kent, or this library's Chinese scale),
 * which gives the term's implied probability and records the wording as verbal confidence.
 *
 * @param value - what the user gave
 * @param field - the argument's name, for messages (`probability`)
 * @throws LedgerError `validation_failed`: "<field>: expected a probability such as 70%…, received …",
 *   with similar terms suggested for unknown wording
 * @internal
 */
export function readProbability(value: unknown, field: string): ReadProbability {
  const fail = (hint = 'write it as a percentage (70%), a decimal (0.7) or a verbal term (likely)'): never => {
    throw new LedgerError('validation_failed', `${field}: expected ${EXPECTED}, received ${describe(value)}: ${hint}`, { details: { field } });
  };
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value <= 1 ? { probability: value } : fail();
  if (typeof value !== 'string') return fail();
  const text = value.trim();
  const percent = /^(.*?)\s*%$/.exec(text);
  if (percent) {
    const n = parseDecimal(percent[1]!);
    return n !== undefined && n >= 0 && n <= 100 ? { probability: Math.round(n * 1e6) / 1e8 } : fail('a percentage lies between 0% and 100%');
  }
  const n = parseDecimal(text);
  if (n !== undefined) return n >= 0 && n <= 1 ? { probability: n } : fail(n > 1 && n <= 100 ? `did you mean ${text}%?` : undefined);
  const term = findConfidenceTerm(text);
  if (term?.probability == null) {
    try {
      impliedProbability(text); // words the reason (an unknown term with suggestions, or a quantity bound)
    } catch (error) {
      if (error instanceof LedgerError) {
        const suggestions = error.details.suggestions;
        if (Array.isArray(suggestions) && suggestions.length) fail(`did you mean ${suggestions.map((t) => JSON.stringify(t)).join(', ')}?`);
        if (error.details.bound) fail(error.message.replace(/^impliedProbability: /, ''));
      }
    }
    return fail();
  }
  return { probability: term.probability, confidence: { wording: term.term, impliedProbability: term.probability, scale: term.scale } };
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : value === null ? 'null' : typeof value;
}
