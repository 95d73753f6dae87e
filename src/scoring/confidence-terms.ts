import type { ConfidenceScale } from '../model/forecast.js';

/**
 * The languages of {@link CONFIDENCE_TERMS}, as an `as const` tuple.
 *
 * @example
 * ```ts
 * CONFIDENCE_LANGUAGES; //=> ['en', 'zh']
 * ```
 */
export const CONFIDENCE_LANGUAGES = ['en', 'zh'] as const;

/** One of {@link CONFIDENCE_LANGUAGES}. */
export type ConfidenceLanguage = (typeof CONFIDENCE_LANGUAGES)[number];

/** The published English term a `forecast-ledger-zh` term is mapped onto. */
export interface ConfidenceAnchor {
  /** The published scale of the anchor. */
  readonly scale: Exclude<ConfidenceScale, 'forecast-ledger-zh' | 'custom'>;
  /** The anchor term on that scale, e.g. `'very likely'`. */
  readonly term: string;
}

/** A term that expresses a probability. */
export interface ProbabilityTerm {
  /** The wording, lower-case for English (lookups ignore case). */
  readonly term: string;
  /** The language of the wording. */
  readonly language: ConfidenceLanguage;
  /**
   * The point probability this library uses for the term: for English terms the published value
   * (IPCC midpoint, Kent centre); for `forecast-ledger-zh` terms a conservative point inside the
   * anchor's band, never exactly 0 or 1.
   */
  readonly probability: number;
  /** The published range [lo, hi] of the term (for Chinese terms: of its anchor), as probabilities. */
  readonly range: readonly [number, number];
  /** The scale the term comes from (a data-model scale other than `'custom'`). */
  readonly scale: Exclude<ConfidenceScale, 'custom'>;
  /** For `forecast-ledger-zh` terms: the English term whose band (`range`) they take their probability from. */
  readonly anchor?: ConfidenceAnchor;
  /**
   * For terms not in English: a short English gloss shown beside the wording in reports, the CLI and
   * `docs/dataset.md`, e.g. `will` for 將 (the one source of these glosses).
   */
  readonly gloss?: string;
  /** What is surprising about the term, and for Chinese terms the gloss, anchor and rationale. */
  readonly note?: string;
}

/**
 * A term that qualifies a quantity rather than expressing confidence, such as 至少 ("at least"):
 * it makes the claim a bound on a number, and carries no probability.
 */
export interface QuantityBoundTerm {
  /** The wording. */
  readonly term: string;
  /** The language of the wording. */
  readonly language: ConfidenceLanguage;
  /** Always `null`: the term says nothing about probability. */
  readonly probability: null;
  /** Always `null`. */
  readonly range: null;
  /** The scale the term belongs to (a data-model scale other than `'custom'`). */
  readonly scale: Exclude<ConfidenceScale, 'custom'>;
  /** A short English gloss, as {@link ProbabilityTerm.gloss}. */
  readonly gloss?: string;
  /** Which bound the wording puts on the quantity: `'lower'` for "at least". */
  readonly bound: 'lower' | 'upper';
  /** How to record a claim that uses the term. */
  readonly note: string;
}

/** An entry of {@link CONFIDENCE_TERMS}: a probability term or a quantity bound (`probability: null`). */
export type ConfidenceTerm = ProbabilityTerm | QuantityBoundTerm;

function ipcc(term: string, lo: number, hi: number, probability: number, note?: string): ProbabilityTerm {
  return { term, language: 'en', probability, range: [lo, hi], scale: 'ipcc-ar5', ...(note ? { note } : {}) };
}

function kent(term: string, probability: number, spread: number, note?: string): ProbabilityTerm {
  const range: [number, number] = [Math.round((probability - spread) * 100) / 100, Math.round((probability + spread) * 100) / 100];
  return { term, language: 'en', probability, range, scale: 'kent', ...(note ? { note } : {}) };
}

const ENGLISH: readonly ProbabilityTerm[] = [
  // IPCC AR5 likelihood scale (Mastrandrea et al. 2010, Table 1); point value = midpoint of the range.
  ipcc('virtually certain', 0.99, 1, 0.995),
  ipcc('extremely likely', 0.95, 1, 0.975),
  ipcc('very likely', 0.9, 1, 0.95),
  ipcc('likely', 0.66, 1, 0.83),
  ipcc('more likely than not', 0.5, 1, 0.75, 'AR5 gives ">50–100 %": the lower end 0.5 is excluded.'),
  ipcc(
    'about as likely as not',
    0.33,
    0.66,
    0.5,
    'Point value 0.5 rather than the midpoint 0.495 of the printed 33–66 %: the band is AR5 rounding of one-third to two-thirds, and the wording itself says even odds.',
  ),
  ipcc('unlikely', 0, 0.33, 0.165),
  ipcc('very unlikely', 0, 0.1, 0.05),
  ipcc('extremely unlikely', 0, 0.05, 0.025),
  ipcc('exceptionally unlikely', 0, 0.01, 0.005),
  // Kent (1964): central value ± Kent's "give or take".
  kent('certain', 1, 0, 'Kent gives no spread: 100 %.'),
  kent('almost certain', 0.93, 0.06),
  kent('probable', 0.75, 0.12),
  kent('chances about even', 0.5, 0.1),
  kent('probably not', 0.3, 0.1),
  kent('almost certainly not', 0.07, 0.05),
  kent('impossible', 0, 0, 'Kent gives no spread: 0 %.'),
];

/**
 * Chinese wording mapped onto one English anchor, with the probability stated explicitly. `forms`
 * lists the Traditional form first and the Simplified form second when they differ, or the single
 * shared form. The term takes its anchor's band as `range`; `probability` must lie inside it and
 * strictly between 0 and 1 (checked when the module loads).
 */
function zh(
  forms: readonly [string] | readonly [string, string],
  anchor: ConfidenceAnchor,
  probability: number,
  gloss: string,
  rationale: string,
): ProbabilityTerm[] {
  const target = ENGLISH.find((t) => t.scale === anchor.scale && t.term === anchor.term);
  if (!target) throw new Error(`confidence-terms: no anchor ${anchor.scale}/${anchor.term}`);
  const [lo, hi] = target.range;
  if (!(lo <= probability && probability <= hi && probability > 0 && probability < 1)) {
    throw new Error(`confidence-terms: ${forms[0]} = ${probability} is not a point strictly inside (0, 1) within ${anchor.term} [${lo}, ${hi}]`);
  }
  const band = `${Math.round(lo * 100)}–${Math.round(hi * 100)} %`;
  const short = shortGloss(gloss);
  return forms.map((term, i) => {
    const script =
      forms.length === 1
        ? 'Traditional and Simplified forms coincide'
        : i === 0
          ? `Traditional form; Simplified ${forms[1]}`
          : `Simplified form; Traditional ${forms[0]}`;
    return {
      term,
      language: 'zh',
      probability,
      range: target.range,
      scale: 'forecast-ledger-zh',
      anchor,
      gloss: short,
      note: `${gloss} → ${anchor.scale} "${anchor.term}" (${band}) → ${probability}: ${rationale}. ${script}.`,
    };
  });
}

/** The first quoted phrase of a long gloss, lower-cased unless it starts with "I": `'"Will" (plain future)'` → `will`. */
function shortGloss(gloss: string): string {
  const quoted = /^"([^"]+)"/.exec(gloss)?.[1];
  if (!quoted) throw new Error(`confidence-terms: the gloss ${gloss} does not start with a quoted English phrase`);
  return /^I\b/.test(quoted) ? quoted : quoted[0]!.toLowerCase() + quoted.slice(1);
}

const IPCC = (term: string): ConfidenceAnchor => ({ scale: 'ipcc-ar5', term });

// forecast-ledger-zh. The rule: each term maps to one IPCC AR5 (or Kent) anchor and takes a
// conservative point inside the anchor's band, never exactly 0 or 1 (so one wrong verbal claim
// cannot cost an infinite log loss): upper-tail words take the band's lower edge, lower-tail words
// the band's upper edge, words in the broad middle bands the value stated here.
const CHINESE: readonly ConfidenceTerm[] = [
  // Certainty: IPCC "virtually certain" 99–100 %, lower edge.
  ...zh(['必然'], IPCC('virtually certain'), 0.99, '"Necessarily, inevitably"', 'stated as a necessity; lower edge of the band, never 1'),
  ...zh(['必將', '必将'], IPCC('virtually certain'), 0.99, '"Will surely": 必 (must) + 將 (will)', 'an explicit certainty marker; lower edge of the band'),
  ...zh(['必定'], IPCC('virtually certain'), 0.99, '"Certainly, without fail"', 'an explicit certainty marker; lower edge of the band'),
  ...zh(
    ['確定性事件', '确定性事件'],
    IPCC('virtually certain'),
    0.99,
    '"A certain (settled) event": commentary jargon for a done deal',
    'stated as settled; lower edge of the band',
  ),
  ...zh(['一定'], IPCC('virtually certain'), 0.99, '"Definitely, certainly"', 'an explicit certainty marker; lower edge of the band'),
  ...zh(['肯定'], IPCC('virtually certain'), 0.99, '"Definitely, surely"', 'an explicit certainty marker in speech; lower edge of the band'),
  // Near-certainty: IPCC "extremely likely" 95–100 %, lower edge.
  ...zh(
    ['幾乎肯定', '几乎肯定'],
    IPCC('extremely likely'),
    0.95,
    '"Almost certainly": 幾乎 (almost) + 肯定 (certain)',
    'lower edge of the band; Kent "almost certain" (93 ± 6 %) agrees',
  ),
  // Intensified likelihood: IPCC "very likely" 90–100 %, lower edge.
  ...zh(
    ['極有可能', '极有可能'],
    IPCC('very likely'),
    0.9,
    '"Extremely likely": 極 (extremely) + 有可能 (possible)',
    'an intensified likelihood; lower edge of the band',
  ),
  ...zh(['很可能'], IPCC('very likely'), 0.9, '"Very likely": 很 (very) + 可能', 'lower edge of the band'),
  ...zh(['很有可能'], IPCC('very likely'), 0.9, '"Very likely": 很 (very) + 有可能, a variant of 很可能', 'as 很可能; lower edge of the band'),
  // Expectation, belief and the plain future: IPCC "likely" 66–100 %, 0.8 (midpoint 0.83 rounded down).
  ...zh(
    ['預計', '预计'],
    IPCC('likely'),
    0.8,
    '"Is expected to"',
    'a central expectation with no strength qualifier; near the midpoint 0.83, rounded down; Kent "probable" (75 ± 12 %) agrees',
  ),
  ...zh(['預期', '预期'], IPCC('likely'), 0.8, '"Expects, anticipates"', 'as 預計'),
  ...zh(['預測', '预测'], IPCC('likely'), 0.8, '"Forecasts, predicts"', 'a stated forecast with no strength qualifier, as 預計'),
  ...zh(['有望'], IPCC('likely'), 0.8, '"Is expected / on track to"', 'favourable prospects stated without qualifier, as 預計'),
  ...zh(['相信'], IPCC('likely'), 0.8, '"Believes that"', 'a stated belief, better than even but unquantified, as 預計'),
  ...zh(['堅信', '坚信'], IPCC('likely'), 0.8, '"Firmly believes"', 'a belief, however firm, is not a claim of certainty; as 相信'),
  ...zh(['認為', '认为'], IPCC('likely'), 0.8, '"Thinks, holds that"', 'a stated judgement, as 相信'),
  ...zh(['我認為', '我认为'], IPCC('likely'), 0.8, '"I think"', 'the first-person form of 認為'),
  ...zh(['有信心'], IPCC('likely'), 0.8, '"Is confident that"', 'confidence asserted but not quantified, as 相信'),
  ...zh(
    ['將', '将'],
    IPCC('likely'),
    0.8,
    '"Will" (plain future)',
    'a flat assertion about the future is read as "likely", not certainty: the speaker did not say certain (certainty words such as 必然 or 一定 take 0.99)',
  ),
  ...zh(['會', '会'], IPCC('likely'), 0.8, '"Will" (plain future)', 'a flat assertion, as 將'),
  ...zh(['將會', '将会'], IPCC('likely'), 0.8, '"Will" (plain future): 將 + 會', 'a flat assertion, as 將'),
  // Plans of an actor about its own action.
  ...zh(
    ['計劃', '计划'],
    IPCC('likely'),
    0.8,
    '"Plans to": an actor\'s stated intention about its own action',
    'plans are usually carried out (and are in any case reported as achieved/missed apart from accuracy)',
  ),
  ...zh(['計畫', '计画'], IPCC('likely'), 0.8, '"Plans to": a variant spelling of 計劃 (usual in Taiwan)', 'as 計劃'),
  // Even odds and hedges: IPCC "about as likely as not" 33–66 %.
  ...zh(
    ['目標', '目标'],
    IPCC('about as likely as not'),
    0.5,
    '"Target, aims to"',
    'an aspiration, often a stretch goal, with no claim that it will be met: even odds',
  ),
  ...zh(['可能'], IPCC('about as likely as not'), 0.5, '"May, possibly"', 'marks the outcome as possible without committing either way: even odds'),
  ...zh(['或將', '或将'], IPCC('about as likely as not'), 0.5, '"May (will)": a hedged future, common in headlines', 'even odds, as 可能'),
  ...zh(['或許', '或许'], IPCC('about as likely as not'), 0.4, '"Perhaps, maybe"', 'a weaker hedge than 可能: inside the band, below even'),
  ...zh(['也許', '也许'], IPCC('about as likely as not'), 0.4, '"Perhaps, maybe": a synonym of 或許', 'as 或許'),
  // Negative likelihood.
  ...zh(['不太可能'], IPCC('unlikely'), 0.2, '"Not very likely, unlikely"', 'inside the band; Kent "probably not" (30 ± 10 %) has 0.2 as its lower edge'),
  // Impossibility: IPCC "exceptionally unlikely" 0–1 %, upper edge.
  ...zh(['不可能'], IPCC('exceptionally unlikely'), 0.01, '"Impossible, cannot happen"', 'upper edge of the band, never 0'),
  {
    term: '至少',
    language: 'zh',
    probability: null,
    range: null,
    scale: 'forecast-ledger-zh',
    bound: 'lower',
    gloss: 'at least',
    note: '"At least": qualifies a quantity, not confidence. "增長至少3%" claims growth ≥ 3 %: record it as a numeric claim with a lower bound and take the probability from other wording (or a stated number), not from 至少.',
  },
];

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * Verbal-confidence terms and the probabilities {@link impliedProbability} gives them (frozen data).
 *
 * @remarks
 * English terms come from two published scales, each term with its published range and value:
 *
 * - **IPCC AR5** likelihood scale (`'ipcc-ar5'`, Mastrandrea et al. 2010): virtually certain
 *   99–100 %, extremely likely 95–100 %, very likely 90–100 %, likely 66–100 %, more likely than not
 *   >50–100 %, about as likely as not 33–66 %, unlikely 0–33 %, very unlikely 0–10 %, extremely
 *   unlikely 0–5 %, exceptionally unlikely 0–1 %. The point value is the midpoint of the range
 *   (likely → 0.83, unlikely → 0.165), except about as likely as not → 0.5.
 * - **Sherman Kent's** Words of Estimative Probability (`'kent'`, Kent 1964): certain 100 %, almost
 *   certain 93 % ± 6, probable 75 % ± 12, chances about even 50 % ± 10, probably not 30 % ± 10,
 *   almost certainly not 7 % ± 5, impossible 0 %. The point value is Kent's central value and the
 *   range central ± spread.
 *
 * Chinese terms (`'forecast-ledger-zh'`, Traditional and Simplified forms) are this library's
 * scale, the one the seed dataset uses. Each term maps to an `anchor` on IPCC AR5, takes the
 * anchor's band as `range`, and takes a **conservative point inside that band, never exactly 0 or
 * 1**, so that one wrong verbal claim cannot cost an infinite log loss: upper-tail words take the
 * band's lower edge, lower-tail words its upper edge, words in the broad middle bands a stated value.
 *
 * - 0.99 (virtually certain, lower edge): 必然, 必將, 必定, 確定性事件, 一定, 肯定.
 * - 0.95 (extremely likely, lower edge; Kent "almost certain" 93 ± 6 agrees): 幾乎肯定.
 * - 0.9 (very likely, lower edge): 極有可能, 很可能, 很有可能.
 * - 0.8 (likely, near its midpoint 0.83, rounded down; Kent "probable" 75 ± 12 agrees): 預計, 預期,
 *   預測, 有望, 相信, 堅信, 認為, 我認為, 有信心, the plain future 將, 會, 將會, and plans 計劃/計畫.
 *   A flat "will" is read as "likely", not certainty: the speaker did not say certain. So a
 *   forecaster's bare assertions score as 0.8 claims (Brier 0.04 when right, 0.64 when wrong) and
 *   fall in the 0.8 calibration bin; only explicit certainty words are scored as 0.99.
 * - 0.5 (about as likely as not): 可能, 或將, 目標. 0.4 (inside it, below even): 或許, 也許.
 * - 0.2 (unlikely 0–33 %, inside; Kent "probably not" 30 ± 10 has it as lower edge): 不太可能.
 * - 0.01 (exceptionally unlikely 0–1 %, upper edge): 不可能.
 *
 * Each Chinese entry's `gloss` is the short English meaning shown beside the wording (將 "will"),
 * and its `note` gives the longer gloss, anchor and rationale. 至少 ("at least") is a
 * {@link QuantityBoundTerm}: it bounds a quantity and has `probability: null`.
 *
 * @example
 * ```ts
 * CONFIDENCE_TERMS.find((t) => t.term === 'likely')?.range; //=> [0.66, 1]
 * CONFIDENCE_TERMS.find((t) => t.term === '预计')?.probability; //=> 0.8
 * CONFIDENCE_TERMS.find((t) => t.term === '必然')?.probability; //=> 0.99
 * CONFIDENCE_TERMS.find((t) => t.term === '將')?.gloss; //=> 'will'
 * ```
 *
 * @see Mastrandrea, M. D. et al. (2010). Guidance Note for Lead Authors of the IPCC Fifth Assessment
 *   Report on Consistent Treatment of Uncertainties. IPCC.
 * @see Kent, S. (1964). Words of estimative probability. Studies in Intelligence 8(4):49–65.
 */
export const CONFIDENCE_TERMS: readonly ConfidenceTerm[] = deepFreeze([...ENGLISH, ...CHINESE]);
