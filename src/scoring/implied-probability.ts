import { LedgerError } from '../errors.js';
import { invalidInput, readOptions } from './_internal/validate.js';
import { CONFIDENCE_LANGUAGES, CONFIDENCE_TERMS, type ConfidenceLanguage, type ConfidenceTerm } from './confidence-terms.js';

/** Options of {@link impliedProbability}. */
export interface ImpliedProbabilityOptions {
  /**
   * Only accept English terms from this published scale. The two scales share no wording, so this
   * is a check rather than a choice. Chinese terms are on `forecast-ledger-zh` whatever this says
   * (their values are conservative points inside the bands of IPCC AR5 anchors).
   */
  readonly scale?: 'ipcc-ar5' | 'kent';
  /** Only accept terms in this language. */
  readonly language?: ConfidenceLanguage;
}

/** NFKC, trimmed, inner whitespace collapsed, lower-cased. */
function normalize(wording: string): string {
  return wording.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The entry of {@link CONFIDENCE_TERMS} whose wording `wording` is, read as {@link impliedProbability}
 * reads it (NFKC, trimmed, inner whitespace collapsed, case ignored), or undefined.
 *
 * @internal
 */
export function findConfidenceTerm(wording: string): ConfidenceTerm | undefined {
  const wanted = normalize(wording);
  return CONFIDENCE_TERMS.find((t) => t.term === wanted);
}

/** Levenshtein distance, O(|a|·|b|); terms are short. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** The length of the longest run of characters that `a` and `b` share. */
function longestCommonRun(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let best = 0;
  let previous = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const current = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) best = Math.max(best, (current[j] = previous[j - 1]! + 1));
    }
    previous = current;
  }
  return best;
}

/**
 * Up to five known terms that look like `wanted`, closest first: within an edit distance of a third
 * of its length, or sharing a run of 5 letters (2 characters for CJK wording, where 2 make a word).
 */
function similarTerms(wanted: string, terms: readonly ConfidenceTerm[]): string[] {
  const length = [...wanted].length;
  const run = /[^\u0000-\u007f]/.test(wanted) ? 2 : 5;
  return terms
    .map((t) => ({ term: t.term, distance: editDistance(wanted, t.term) }))
    .filter(({ term, distance }) => distance <= Math.max(1, Math.floor(length / 3)) || longestCommonRun(wanted, term) >= Math.min(run, [...term].length))
    .sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term))
    .slice(0, 5)
    .map(({ term }) => term);
}

/**
 * The probability that a verbal confidence expression implies, on a documented scale.
 *
 * @remarks
 * Looks `wording` up in {@link CONFIDENCE_TERMS} and returns the term's point probability:
 * English terms from the IPCC AR5 likelihood scale (e.g. "very likely" → 0.95, the midpoint of
 * 90–100 %) or Sherman Kent's Words of Estimative Probability (e.g. "probable" → 0.75); Chinese
 * terms, Traditional or Simplified, from this library's `forecast-ledger-zh` scale, where each term
 * takes a conservative point inside the band of its IPCC anchor, never exactly 0 or 1 (e.g. 必然 →
 * 0.99, 很可能 → 0.9, 预计 → 0.8, and a plain future 将 → 0.8: a flat "will" is read as "likely",
 * not certainty; 不可能 → 0.01). The lookup applies Unicode NFKC, trims,
 * collapses inner whitespace and ignores case; it matches whole terms only (no stemming, so "very
 * likely that" is unknown). Not a score: the result is a probability to feed the scoring rules.
 *
 * 至少 ("at least") is known but qualifies a quantity, not confidence, so it throws with advice to
 * record the claim as a lower bound. Unknown wording throws, listing similar known terms.
 *
 * Valid input: a string; `options.scale` `'ipcc-ar5'` or `'kent'`; `options.language` `'en'` or `'zh'`.
 *
 * @param wording - the verbal expression, e.g. `'Very likely'` or `'很可能'`
 * @param options - `scale` and `language` restrict which terms are accepted
 * @returns the implied probability in [0, 1]
 * @throws LedgerError `validation_failed` when the wording is not a string or not a known term
 *   (`details.suggestions` lists similar terms), names a quantity bound such as 至少
 *   (`details.bound` is `'lower'`), is excluded by `options`, or an option is invalid
 *
 * @example
 * ```ts
 * impliedProbability('Very likely'); //=> 0.95
 * impliedProbability('almost certain'); //=> 0.93
 * impliedProbability('很可能'); //=> 0.9
 * impliedProbability('預計'); //=> 0.8
 * impliedProbability('将'); //=> 0.8
 * impliedProbability('必然'); //=> 0.99
 * impliedProbability('不可能'); //=> 0.01
 * ```
 *
 * @see Mastrandrea, M. D. et al. (2010). Guidance Note for Lead Authors of the IPCC Fifth Assessment
 *   Report on Consistent Treatment of Uncertainties. IPCC.
 * @see Kent, S. (1964). Words of estimative probability. Studies in Intelligence 8(4):49–65.
 */
export function impliedProbability(wording: string, options: ImpliedProbabilityOptions = {}): number {
  const fn = 'impliedProbability';
  const { scale, language } = readOptions(fn, options, ['scale', 'language']);
  if (typeof wording !== 'string') throw invalidInput(fn, 'wording', 'to be a string', wording);
  if (scale !== undefined && scale !== 'ipcc-ar5' && scale !== 'kent') {
    throw invalidInput(fn, 'options.scale', 'to be "ipcc-ar5" or "kent"', scale);
  }
  if (language !== undefined && !CONFIDENCE_LANGUAGES.includes(language)) {
    throw invalidInput(fn, 'options.language', 'to be "en" or "zh"', language);
  }
  const wanted = normalize(wording);
  const allowed = CONFIDENCE_TERMS.filter(
    (t) => (language === undefined || t.language === language) && (scale === undefined || t.language !== 'en' || t.scale === scale),
  );
  const found = allowed.find((t) => t.term === wanted);
  if (found) {
    if (found.probability !== null) return found.probability;
    throw new LedgerError('validation_failed', `${fn}: "${wording}" names a ${found.bound} bound on a quantity, not a confidence. ${found.note}`, {
      details: { function: fn, wording, bound: found.bound },
    });
  }
  const elsewhere = CONFIDENCE_TERMS.find((t) => t.term === wanted);
  if (elsewhere) {
    throw invalidInput(
      fn,
      'wording',
      `to be a term of ${[language && `language "${language}"`, scale && `scale "${scale}"`].filter(Boolean).join(' and ')}`,
      wording,
      `"${elsewhere.term}" is on the ${elsewhere.scale} scale (${elsewhere.language}); drop the option to accept it`,
    );
  }
  const suggestions = similarTerms(wanted, allowed);
  const hint = suggestions.length
    ? `Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? CONFIDENCE_TERMS lists every known term`
    : 'CONFIDENCE_TERMS lists every known term; record an explicit probability for other wording';
  const error = invalidInput(fn, 'wording', 'to be a known confidence term', wording, hint);
  Object.assign(error.details, { wording, suggestions });
  throw error;
}
