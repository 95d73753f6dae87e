import { z } from 'zod';
import { Slug } from './primitives.js';

/**
 * How an aggregate forecaster combines its members' forecasts, as an `as const` tuple.
 *
 * @remarks
 * - `median`: the median of the members' probabilities (the middle two averaged for an even count).
 * - `mean`: the arithmetic mean.
 * - `geometric-mean-odds`: the geometric mean of the odds p / (1 − p), turned back into a probability.
 * - `extremized-geometric-mean-odds`: the same, with the mean log-odds multiplied by `parameter`
 *   (d > 1 pushes away from 50%; Satopää et al. 2014 use d ≈ 1.5–2.5).
 * - `recency-weighted`: Metaculus's community prediction: the weighted median where the k-th oldest
 *   of n standing forecasts weighs exp(√k − √n) (equal weights for n ≤ 2).
 */
export const AGGREGATE_METHODS = ['median', 'mean', 'geometric-mean-odds', 'extremized-geometric-mean-odds', 'recency-weighted'] as const;
/** One of {@link AGGREGATE_METHODS}. */
export type AggregateMethod = (typeof AGGREGATE_METHODS)[number];

/**
 * The definition of an aggregate forecaster: a method and its members.
 *
 * @remarks
 * `members` is `'all'` (every forecaster of the ledger that is not itself an aggregate, as it is when
 * scored) or a list of forecaster ids. `parameter` is the extremizing factor d of
 * `extremized-geometric-mean-odds` (required there, refused elsewhere).
 */
export const AggregateSpec = z
  .object({
    method: z.enum(AGGREGATE_METHODS),
    members: z.union([z.literal('all'), z.array(Slug).min(1)]),
    parameter: z.number().positive().optional(),
  })
  .superRefine((a, ctx) => {
    if (a.method === 'extremized-geometric-mean-odds' && a.parameter === undefined) {
      ctx.addIssue({ code: 'custom', path: ['parameter'], message: 'extremized-geometric-mean-odds needs parameter: the extremizing factor d, e.g. 2' });
    }
    if (a.method !== 'extremized-geometric-mean-odds' && a.parameter !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['parameter'], message: `${a.method} takes no parameter: expected none, received ${a.parameter}` });
    }
    if (Array.isArray(a.members) && new Set(a.members).size !== a.members.length) {
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'member ids must be unique' });
    }
  });
/** {@link AggregateSpec}, as a type. */
export type AggregateSpec = z.infer<typeof AggregateSpec>;
