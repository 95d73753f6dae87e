/**
 * The pure parts of a one-line forecast (`ledger.predict`): the due date found in the text, and the
 * question id made from it.
 *
 * @internal
 * @module
 */
import { IsoDate } from '../model/primitives.js';

/** Where {@link Ledger.predict} took the due date from: the `by` option or a date in the text. */
export type DueDateFrom = 'by' | 'text';

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
/** A year after a word that makes it a deadline: "by 2027", "in 2027", "end of 2027" (→ 31 Dec), "before 2027" (→ 31 Dec of the year before). */
const DEADLINE_YEAR = /\b(by|in|during|end of|by the end of|before)\s+(\d{4})\b(?!-\d)/gi;

/**
 * The due date a question's text names: the latest real calendar date written `YYYY-MM-DD`, else
 * the latest year written as a deadline ("by 2027", "in 2027", "by the end of 2027" → 2027-12-31;
 * "before 2027" → 2026-12-31); undefined when the text names none, or names a `YYYY-MM-DD` that is not in
 * the calendar ({@link notCalendarDates}: "by 2027-02-29" is not taken for "by 2027").
 *
 * @example
 * ```ts
 * findDueDate('Will X happen by 2027-06-30?'); //=> '2027-06-30'
 * findDueDate('Fusion on the grid by 2030?'); //=> '2030-12-31'
 * ```
 * @internal
 */
export function findDueDate(text: string): string | undefined {
  if (notCalendarDates(text).length) return undefined;
  const iso = [...text.matchAll(ISO_DATE)].map((m) => m[0]).filter((d) => IsoDate.safeParse(d).success);
  if (iso.length) return iso.sort().at(-1);
  const years = [...text.matchAll(DEADLINE_YEAR)].map((m) => Number(m[2]) - (m[1]!.toLowerCase() === 'before' ? 1 : 0));
  return years.length ? `${Math.max(...years)}-12-31` : undefined;
}

/**
 * The dates a text writes `YYYY-MM-DD` that are not in the calendar (`2027-02-29`, `2026-13-01`): a
 * one-line forecast naming one is refused rather than given a due date of its own making.
 *
 * @example
 * ```ts
 * notCalendarDates('Will Y by 2027-02-29?'); //=> ['2027-02-29']
 * ```
 * @internal
 */
export function notCalendarDates(text: string): string[] {
  return [...text.matchAll(ISO_DATE)].map((m) => m[0]).filter((d) => !IsoDate.safeParse(d).success);
}

/** The longest id {@link questionSlug} makes (before a `-2`, `-3` suffix). */
const MAX_SLUG = 60;

/**
 * A question id made from its text: lower-case ASCII letters and digits joined by `-`, accents
 * dropped, cut at a word boundary to at most 60 characters; `question` when no letter is left
 * (text in Chinese, say).
 *
 * @example
 * ```ts
 * questionSlug('Will X happen by 2027-06-30?'); //=> 'will-x-happen-by-2027-06-30'
 * ```
 * @internal
 */
export function questionSlug(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG) break;
    slug = next;
  }
  return slug || (words[0]?.slice(0, MAX_SLUG) ?? 'question');
}

/**
 * The first of `base`, `base-2`, `base-3`, … that `taken` says is free.
 *
 * @internal
 */
export async function freeId(base: string, taken: (id: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(id))) return id;
  }
}
