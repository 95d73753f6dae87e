import { z } from 'zod';
import { IsoDate, Slug, Text } from './primitives.js';

/** How precisely a date is known, as an `as const` tuple. */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
/** How precisely a date is known: `day`, `month` or `year`. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/**
 * A document that carries claims: an article, interview, report or post.
 *
 * @remarks
 * `published.date` is always a full ISO date; `published.precision` says how much of it is known
 * (a `month` precision date is the first of that month) and `published.basis` says how it was
 * determined when the document itself does not print it.
 */
export const Source = z.object({
  /** Stable slug id. */
  id: Slug,
  /** The title in the original language. */
  title: Text,
  /** An English rendering of the title, when the original is in another language. */
  titleEnglish: Text.optional(),
  /** The outlet, channel or publisher. */
  outlet: Text,
  /** The author, when known. */
  author: Text.optional(),
  /** When the document was published. */
  published: z.object({
    date: IsoDate,
    precision: z.enum(DATE_PRECISIONS),
    basis: Text.optional(),
  }),
  /** The language as a BCP 47 tag, e.g. `zh-Hant`, `en`. */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'expected a BCP 47 language tag such as "en" or "zh-Hant"'),
  /** Where the document can be read. */
  url: z.url().optional(),
  /** Free notes (e.g. the file the text came from). */
  note: Text.optional(),
});
/** A document that carries claims; see {@link Source}. */
export type Source = z.infer<typeof Source>;
