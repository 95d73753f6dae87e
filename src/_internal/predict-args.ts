/**
 * The arguments of `ledger.predict` and `ledger.forecast` (see {@link parseArg}): strict objects, an
 * unknown key is `unknown_option`. The probability is read by `readProbability`, the records by the
 * model's schemas.
 *
 * @internal
 * @module
 */
import { z } from 'zod';
import { IsoDate, IsoDateOrDateTime, Slug, Text } from '../model/primitives.js';
import { IdArg } from './validate-args.js';

const ProbabilityArg = z.union([z.number(), z.string()], { error: 'expected a probability: a number in [0, 1], or text such as "70%", "0.7" or "likely"' });

/** The input of `ledger.forecast`. @internal */
export const ForecastNowArg = z.strictObject({
  probability: ProbabilityArg,
  forecasterId: IdArg,
  madeAt: IsoDateOrDateTime.optional(),
  note: Text.optional(),
});

/** The input of `ledger.predict`. @internal */
export const PredictArg = ForecastNowArg.extend({
  text: Text,
  by: IsoDate.optional(),
  id: Slug.optional(),
  criteria: Text.optional(),
  tags: z.array(Slug).optional(),
});
