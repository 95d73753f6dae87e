import { z } from 'zod';
import { FiniteNumber, IsoDate, Slug, Text } from './primitives.js';
import { Provenance } from './provenance.js';

/** The kinds of question, as an `as const` tuple. */
export const QUESTION_KINDS = ['binary', 'numeric', 'date', 'categorical'] as const;
/** `binary`, `numeric`, `date` or `categorical`. */
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** What the forecaster meant by the claim, as an `as const` tuple. */
export const STANCES = ['forecast', 'plan', 'goal'] as const;
/**
 * `forecast`: a claim about what will happen; `plan`: what the speaker's own organization will do;
 * `goal`: a target the speaker wants to reach. Plans and goals are reported as achieved or missed,
 * apart from forecast accuracy.
 */
export type Stance = (typeof STANCES)[number];

/** How the resolution date is read, as an `as const` tuple. */
export const RESOLUTION_SEMANTICS = ['by', 'at', 'not_before'] as const;
/**
 * `by`: the event happens on or before `resolveOn`;
 * `at`: a value measured at `resolveOn` or over `period`;
 * `not_before`: the claim is that the event does *not* happen before `resolveOn` (a "not before"
 * timeline; it resolves as binary on that date).
 */
export type ResolutionSemantics = (typeof RESOLUTION_SEMANTICS)[number];

/** How well a judge could settle the question, as an `as const` tuple. */
export const RESOLVABILITY_RATINGS = ['high', 'medium', 'low'] as const;
/** `high`, `medium` or `low`. */
export type ResolvabilityRating = (typeof RESOLVABILITY_RATINGS)[number];

/** How two questions relate, as an `as const` tuple. */
export const RELATION_TYPES = ['contradicts', 'depends_on', 'supports', 'related'] as const;
/** `contradicts`, `depends_on`, `supports` or `related`. */
export type RelationType = (typeof RELATION_TYPES)[number];

/** A closed period of calendar dates, both ends included. */
export const Period = z
  .object({ start: IsoDate, end: IsoDate })
  .refine((p) => p.start <= p.end, { message: 'period.start must not be after period.end', path: ['end'] });
/** A closed period of calendar dates; see {@link Period}. */
export type Period = z.infer<typeof Period>;

/**
 * How and when a question is settled.
 *
 * @remarks
 * `resolveOn` is always a concrete ISO date, computed from the date the claim was made when the
 * claim was vague ("within five years"); `horizon` keeps the wording and `horizonRule` says how the
 * date was derived.
 */
export const ResolutionSpec = z
  .object({
    /** The date the question comes due. */
    resolveOn: IsoDate,
    /** The horizon as worded in the source, e.g. `within five years`, `2027`, `約十年`. */
    horizon: Text,
    /** How `resolveOn` was derived from the horizon and the date made, e.g. `madeAt + 5 years`. */
    horizonRule: Text.optional(),
    /**
     * `true` when the source states no date and the window (`horizonRule`) is the recorder's choice.
     * A reading that the event happens is then capped at 0.8 (the plain future), since a speaker's
     * certainty that something happens eventually is no certainty that it happens in that window;
     * see `docs/scoring.md`.
     */
    windowChosen: z.boolean().optional(),
    /** How the date is read; see {@link ResolutionSemantics}. */
    semantics: z.enum(RESOLUTION_SEMANTICS),
    /** For `at` questions measured over a period (an annual average, say). */
    period: Period.optional(),
    /** What evidence a judge would use, naming the data series or publication. */
    criteria: Text,
    /** The published data that settles the question: who publishes it, which series, and the deciding value. */
    data: z
      .object({
        /** Who publishes it, e.g. `US EIA`, `LME`. */
        publisher: Text,
        /** The series, report or record, e.g. `Electric Power Monthly, total end-use consumption`. */
        series: Text,
        /** The value or condition that decides it, when the statement does not make it plain. */
        threshold: Text.optional(),
      })
      .optional(),
    /** When no published series settles it alone: who judges, and by what rule. */
    judge: z.object({ who: Text, rule: Text }).optional(),
  })
  .refine((r) => !r.period || r.period.end <= r.resolveOn, {
    message: 'resolveOn must not be before period.end',
    path: ['resolveOn'],
  });
/** How and when a question is settled; see {@link ResolutionSpec}. */
export type ResolutionSpec = z.infer<typeof ResolutionSpec>;

/** A known value that a relative claim ("10× the 2022 level") is measured against. */
export const Baseline = z.object({
  /** The value, in the question's unit. */
  value: FiniteNumber,
  /** The date or year the value refers to, as an ISO date (a year is its first day). */
  date: IsoDate,
  /** Where the value comes from. */
  note: Text.optional(),
});
/** A known value that a relative claim is measured against; see {@link Baseline}. */
export type Baseline = z.infer<typeof Baseline>;

/** Scales a numeric question can be scored on, as an `as const` tuple. */
export const NUMERIC_SCALES = ['linear', 'log'] as const;
/** `linear` or `log`. */
export type NumericScale = (typeof NUMERIC_SCALES)[number];

/** The kind-specific part of a numeric question. */
export const NumericSpec = z.object({
  /** The unit, including currency where there is one: `USD/t`, `TWh`, `%`, `GW`. */
  unit: Text,
  /** Whether errors are naturally relative (`log`, for quantities spanning orders of magnitude). */
  scale: z.enum(NUMERIC_SCALES).default('linear'),
  /** The known value a relative claim is measured against. */
  baseline: Baseline.optional(),
  /** Relative tolerance for counting a point estimate as a hit (0.1 = ±10%); overrides the scoring default. */
  tolerance: z.number().positive().optional(),
});
/** The kind-specific part of a numeric question; see {@link NumericSpec}. */
export type NumericSpec = z.infer<typeof NumericSpec>;

/** The kind-specific part of a date question. */
export const DateSpec = z.object({
  /** Days either side of a point estimate within which a date claim counts as a hit; overrides the scoring default. */
  toleranceDays: z.number().int().nonnegative().optional(),
});
/** The kind-specific part of a date question; see {@link DateSpec}. */
export type DateSpec = z.infer<typeof DateSpec>;

/** One option of a categorical question. */
export const CategoricalOption = z.object({ id: Slug, label: Text });
/** One option of a categorical question; see {@link CategoricalOption}. */
export type CategoricalOption = z.infer<typeof CategoricalOption>;

/** The kind-specific part of a categorical question. */
export const CategoricalSpec = z.object({
  options: z
    .array(CategoricalOption)
    .min(2)
    .refine((o) => new Set(o.map((x) => x.id)).size === o.length, 'option ids must be unique'),
});
/** The kind-specific part of a categorical question; see {@link CategoricalSpec}. */
export type CategoricalSpec = z.infer<typeof CategoricalSpec>;

const questionBase = {
  /** Stable slug id. */
  id: Slug,
  /** A short title. */
  title: Text,
  /** The question in full, precise enough for a judge. */
  statement: Text,
  /** How and when it resolves. */
  resolution: ResolutionSpec,
  /** Free tags, e.g. `copper`, `energy`. */
  tags: z.array(Slug).default([]),
  /** Forecast, plan or goal. */
  stance: z.enum(STANCES).default('forecast'),
  /** A condition the claim depends on ("if export controls are lifted"), in words. */
  condition: Text.optional(),
  /** How well a judge could settle it, with a one-line reason. */
  resolvability: z.object({ rating: z.enum(RESOLVABILITY_RATINGS), reason: Text }).optional(),
  /** Links to other questions. */
  relations: z.array(z.object({ type: z.enum(RELATION_TYPES), questionId: Slug, note: Text.optional() })).default([]),
  /** Where the question was imported from, if imported (see {@link Provenance}). */
  provenance: Provenance.optional(),
};

/**
 * A question that forecasts are about: binary, numeric, date or categorical.
 *
 * @remarks
 * A discriminated union on `kind`; numeric, date and categorical questions carry a `spec`.
 */
export const Question = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('binary'), ...questionBase }),
  z.object({ kind: z.literal('numeric'), spec: NumericSpec, ...questionBase }),
  z.object({ kind: z.literal('date'), spec: DateSpec.default({}), ...questionBase }),
  z.object({ kind: z.literal('categorical'), spec: CategoricalSpec, ...questionBase }),
]);
/** A question; see {@link Question}. */
export type Question = z.infer<typeof Question>;
/** A question as written by a user, before defaults are applied. */
export type QuestionInput = z.input<typeof Question>;
