import { z } from 'zod';

/**
 * A stable identifier: lower-case letters and digits, words joined by `-` or `.`.
 *
 * @remarks
 * Slugs are stable across exports and files, so they can be cited in prose and URLs.
 *
 * @example
 * ```ts
 * Slug.parse('goldman-sachs'); //=> 'goldman-sachs'
 * ```
 */
export const Slug = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'expected a slug: lower-case letters and digits joined by "-" or "."');

/**
 * A calendar date as ISO-8601 `YYYY-MM-DD`; must exist in the calendar (leap years included).
 *
 * @remarks
 * zod's own `z.iso.date()`: one regular expression that knows month lengths and leap years, so the
 * shipped JSON Schema carries the same rule for editors, and validation costs no date parsing (the
 * hot path of bulk imports; see docs/performance.md).
 */
export const IsoDate = z.iso.date({ error: 'expected a real calendar date as YYYY-MM-DD' });

/** An instant as ISO-8601 with an explicit offset, e.g. `2025-10-18T09:30:00Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/**
 * When something was said or recorded: a calendar date (read as 00:00 UTC that day) or an instant.
 */
export const IsoDateOrDateTime = z.union([IsoDate, IsoDateTime]);

/** A probability in the closed interval [0, 1]. */
export const Probability = z.number().min(0, 'a probability must be ≥ 0').max(1, 'a probability must be ≤ 1');

/** A finite number (no NaN or ±Infinity, which JSON cannot carry). */
export const FiniteNumber = z.number().refine(Number.isFinite, 'expected a finite number');

/** Non-empty, trimmed text. */
export const Text = z.string().trim().min(1);
