import { z } from 'zod';
import { FiniteNumber, IsoDate, IsoDateOrDateTime, Probability, Slug, Text } from './primitives.js';
import { Provenance } from './provenance.js';

/** Documented scales that map verbal confidence to a probability, as an `as const` tuple. */
export const CONFIDENCE_SCALES = ['ipcc-ar5', 'kent', 'forecast-ledger-zh', 'custom'] as const;
/**
 * `ipcc-ar5`: the IPCC AR5 likelihood terms (Mastrandrea et al. 2010);
 * `kent`: Sherman Kent's words of estimative probability (1964);
 * `forecast-ledger-zh`: this library's mapping of Chinese terms onto those two (see `docs/scoring.md`);
 * `custom`: a probability set by hand, with a note.
 */
export type ConfidenceScale = (typeof CONFIDENCE_SCALES)[number];

/** Verbal confidence wording and the probability it implies on a documented scale. */
export const VerbalConfidence = z.object({
  /** The wording as used, e.g. `確定性事件`, `expected`, `可能`. */
  wording: Text,
  /** The probability the wording implies on `scale`. */
  impliedProbability: Probability,
  /** The scale the probability was read from. */
  scale: z.enum(CONFIDENCE_SCALES),
  /** Why this reading, when it needs saying. */
  note: Text.optional(),
  /**
   * A short English gloss of a wording that is not English, shown beside it (`"announced"` for 宣佈).
   * Terms of a library scale take theirs from `CONFIDENCE_TERMS`; give one here for other wordings.
   */
  gloss: Text.optional(),
});
/** Verbal confidence and its implied probability; see {@link VerbalConfidence}. */
export type VerbalConfidence = z.infer<typeof VerbalConfidence>;

/** A central interval with its confidence level. */
export const NumericInterval = z
  .object({
    lower: FiniteNumber,
    upper: FiniteNumber,
    /** The stated coverage, e.g. 0.9 for a 90% interval; absent when the claim is a bare range. */
    level: z.number().gt(0).lt(1).optional(),
  })
  .refine((i) => i.lower <= i.upper, { error: 'interval.lower must not exceed interval.upper', path: ['upper'] });

/** One quantile of a predictive distribution: P(X ≤ value) = tau. */
export const Quantile = z.object({ tau: z.number().gt(0).lt(1), value: FiniteNumber });

/** The estimate of a binary forecast. */
export const BinaryEstimate = z.object({
  kind: z.literal('binary'),
  /** The stated probability that the question resolves yes; absent when only words were given. */
  probability: Probability.optional(),
});
/** The estimate of a numeric forecast: a point and/or interval and/or quantiles. */
export const NumericEstimate = z
  .object({
    kind: z.literal('numeric'),
    point: FiniteNumber.optional(),
    interval: NumericInterval.optional(),
    quantiles: z.array(Quantile).min(1).optional(),
  })
  .refine((e) => e.point !== undefined || e.interval !== undefined || e.quantiles !== undefined, {
    error: 'a numeric estimate needs a point, an interval or quantiles',
  })
  .refine((e) => !e.quantiles || e.quantiles.every((q, i, a) => i === 0 || (q.tau > a[i - 1]!.tau && q.value >= a[i - 1]!.value)), {
    error: 'quantiles must be sorted by tau, with values that do not decrease',
    path: ['quantiles'],
  });
/** The estimate of a date forecast: a point and/or earliest/latest dates. */
export const DateEstimate = z
  .object({
    kind: z.literal('date'),
    point: IsoDate.optional(),
    earliest: IsoDate.optional(),
    latest: IsoDate.optional(),
  })
  .refine((e) => e.point !== undefined || e.earliest !== undefined || e.latest !== undefined, {
    error: 'a date estimate needs a point, an earliest or a latest date',
  })
  .refine((e) => !e.earliest || !e.latest || e.earliest <= e.latest, { error: 'earliest must not be after latest', path: ['latest'] })
  .refine((e) => !e.point || ((!e.earliest || e.earliest <= e.point) && (!e.latest || e.point <= e.latest)), {
    error: 'point must lie between earliest and latest',
    path: ['point'],
  });
/** A probability per option id. */
const OptionProbabilities = z.record(Slug, Probability);
/** What {@link OptionProbabilities} takes as input. */
type OptionProbabilitiesInput = z.input<typeof OptionProbabilities>;

/**
 * The estimate of a categorical forecast: a probability per option id, for at least one option.
 *
 * @remarks
 * Options left out get probability 0 when scored; the probabilities given must not sum to more
 * than 1. An own `__proto__` key (which `JSON.parse` can produce) is refused, not dropped: zod's
 * records skip it silently, so it is checked before the record is parsed.
 */
export const CategoricalEstimate = z
  .object({
    kind: z.literal('categorical'),
    probabilities: z.preprocess<unknown, typeof OptionProbabilities, OptionProbabilitiesInput>((value, ctx) => {
      if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) {
        ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'expected option ids (slugs), received the key "__proto__"', input: value });
      }
      return value;
    }, OptionProbabilities),
  })
  .refine((e) => Object.keys(e.probabilities).length > 0, {
    error: 'expected a probability for at least one option, received none',
    path: ['probabilities'],
  })
  .refine((e) => Object.values(e.probabilities).reduce((a, b) => a + b, 0) <= 1 + 1e-9, {
    error: 'option probabilities must not sum to more than 1',
    path: ['probabilities'],
  });

/** The estimate part of a forecast, a discriminated union on `kind` that must match the question. */
export const Estimate = z.discriminatedUnion('kind', [BinaryEstimate, NumericEstimate, DateEstimate, CategoricalEstimate]);
/** The estimate part of a forecast; see {@link Estimate}. */
export type Estimate = z.infer<typeof Estimate>;

/**
 * One forecaster's estimate on one question, at one time, from one source.
 *
 * @remarks
 * A question can have many forecasts from many forecasters; a later forecast by the same
 * forecaster supersedes the earlier one from its `madeAt` on (see the scoring guide). A binary
 * forecast needs a `probability` or a `confidence` whose implied probability is used instead.
 */
export const Forecast = z
  .object({
    /** Stable slug id; generated from the content when omitted. */
    id: Slug.optional(),
    /** The question it is about. */
    questionId: Slug,
    /** Who made it. */
    forecasterId: Slug,
    /** When it was made: a date (00:00 UTC) or an instant. */
    madeAt: IsoDateOrDateTime,
    /** How `madeAt` was determined when the source does not state it (e.g. `inferred from publication date`). */
    madeAtBasis: Text.optional(),
    /** The source document it comes from. */
    sourceId: Slug.optional(),
    /** A short key-phrase excerpt from the source, in the original language (a few words with the figure). */
    excerpt: z.string().trim().min(1).max(120, 'keep excerpts to a short key phrase (≤ 120 characters)').optional(),
    /** Who reported it, when the forecaster did not publish it themselves (e.g. an article quoting a bank). */
    reportedBy: Text.optional(),
    /** The estimate, matching the question's kind. */
    estimate: Estimate,
    /** Verbal confidence, when the claim was worded rather than given a number. */
    confidence: VerbalConfidence.optional(),
    /** A note on reading the claim. */
    note: Text.optional(),
    /** Where the forecast was imported from, if imported (see {@link Provenance}). */
    provenance: Provenance.optional(),
  })
  .refine((f) => f.estimate.kind !== 'binary' || f.estimate.probability !== undefined || f.confidence !== undefined, {
    error: 'a binary forecast needs estimate.probability or a confidence wording with its implied probability',
    path: ['estimate', 'probability'],
  });
/** A forecast; see {@link Forecast}. */
export type Forecast = z.infer<typeof Forecast>;
/** A forecast as written by a user, before defaults are applied. */
export type ForecastInput = z.input<typeof Forecast>;
/** A stored forecast: always has an id and a source id (possibly undefined). */
export type StoredForecast = Forecast & { id: string };
