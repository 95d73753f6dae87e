import { z } from 'zod';
import { FiniteNumber, IsoDate, IsoDateTime, Slug, Text } from './primitives.js';
import { Provenance } from './provenance.js';

/** How a question ended, as an `as const` tuple. */
export const RESOLUTION_STATUSES = ['resolved', 'annulled', 'ambiguous'] as const;
/**
 * `resolved`: the outcome is known; `annulled`: the question no longer makes sense (its premise
 * failed); `ambiguous`: the evidence cannot settle it. Only `resolved` questions are scored.
 */
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

/** The outcome of a resolved question, a discriminated union on `kind` that must match the question. */
export const Outcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('binary'), value: z.boolean() }),
  z.object({ kind: z.literal('numeric'), value: FiniteNumber }),
  z.object({ kind: z.literal('date'), value: IsoDate }),
  z.object({ kind: z.literal('categorical'), value: Slug }),
]);
/** The outcome of a resolved question; see {@link Outcome}. */
export type Outcome = z.infer<typeof Outcome>;

/** One piece of evidence for a resolution. */
export const Evidence = z.object({
  /** What the evidence shows, in words. */
  description: Text,
  /** Where to read it. */
  url: z.url().optional(),
  /** A source in the ledger, when the evidence is one. */
  sourceId: Slug.optional(),
});
/** One piece of evidence; see {@link Evidence}. */
export type Evidence = z.infer<typeof Evidence>;

/**
 * The settlement of a question.
 *
 * @remarks
 * A `resolved` resolution needs an `outcome` and at least one piece of evidence; `annulled` and
 * `ambiguous` need a `reason`. A question has at most one current resolution: a later one must be a
 * correction (`correction.reason`), which supersedes the earlier one and keeps it in the history.
 * `resolvedOn` may not be after the day the resolution is recorded (UTC), nor before a forecast on
 * the question unless `allowForecastsAfterOutcome` is set (see the time rules in docs/concepts.md).
 */
export const Resolution = z
  .object({
    /** The question it settles. */
    questionId: Slug,
    /** How it ended. */
    status: z.enum(RESOLUTION_STATUSES),
    /** What happened; required when `status` is `resolved`. */
    outcome: Outcome.optional(),
    /** The date the outcome became known (or the question was annulled). */
    resolvedOn: IsoDate,
    /** Evidence; at least one item when `status` is `resolved`. */
    evidence: z.array(Evidence).default([]),
    /** Why the question was annulled or judged ambiguous. */
    reason: Text.optional(),
    /** Present when this resolution corrects the question's current one: the reason is required. */
    correction: z.object({ reason: Text }).optional(),
    /**
     * `true` records, as part of the history, that forecasts made after the end of the `resolvedOn`
     * day (UTC) are known to exist and are kept as made after the outcome (never scored). Without
     * it, a resolution dated before any forecast on the question is refused (`forecasts_after_outcome`).
     */
    allowForecastsAfterOutcome: z.literal(true).optional(),
    /** When the ledger recorded it (set by the ledger; kept on export). */
    recordedAt: IsoDateTime.optional(),
    /** Where the resolution was imported from, if imported (see {@link Provenance}). */
    provenance: Provenance.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.status === 'resolved' && !r.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'a resolved question needs an outcome' });
    }
    if (r.status !== 'resolved' && r.outcome) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `an ${r.status} question has no outcome` });
    }
    if (r.status === 'resolved' && r.evidence.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'a resolved question needs at least one piece of evidence' });
    }
    if (r.status !== 'resolved' && !r.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: `an ${r.status} question needs a reason` });
    }
  });
/** The settlement of a question; see {@link Resolution}. */
export type Resolution = z.infer<typeof Resolution>;
/** A resolution as written by a user, before defaults are applied. */
export type ResolutionInput = z.input<typeof Resolution>;
