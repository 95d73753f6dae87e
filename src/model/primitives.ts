// Per-function imports: loading the date-fns index costs ~0.1 s of start-up (it pulls in every function).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
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

/** A calendar date as ISO-8601 `YYYY-MM-DD`; must exist in the calendar. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => isValid(parseISO(s)) && parseISO(s).getDate() === Number(s.slice(8, 10)), 'not a real calendar date');

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
