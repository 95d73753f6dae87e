import { z } from 'zod';
import { IsoDate, IsoDateTime, Slug, Text } from './primitives.js';

/**
 * Fine print appended to a question without changing its meaning: how an edge case is read, which
 * release of a data series counts. The question's wording stays as it was; forecasts keep standing.
 */
export const QuestionClarification = z.strictObject({
  /** The question clarified. */
  questionId: Slug,
  /** The fine print, appended after the criteria. */
  text: Text,
  /** When the ledger recorded it (set by the ledger; kept on export). */
  recordedAt: IsoDateTime.optional(),
});
/** See {@link QuestionClarification}. */
export type QuestionClarification = z.infer<typeof QuestionClarification>;

/** What an amendment may change: the title, the statement, the resolution criteria and the due date. */
export const QuestionChanges = z
  .strictObject({
    /** A new title. */
    title: Text.optional(),
    /** A new statement: what is claimed. */
    statement: Text.optional(),
    /** New resolution criteria (`resolution.criteria`). */
    criteria: Text.optional(),
    /**
     * A new due date (`resolution.resolveOn`): the question closes at the end of it. Refused
     * (`forecast_after_due`) when a forecast on the question was made after the new close.
     */
    resolveOn: IsoDate.optional(),
  })
  .refine((c) => c.title !== undefined || c.statement !== undefined || c.criteria !== undefined || c.resolveOn !== undefined, {
    error: 'expected at least one of title, statement, criteria, resolveOn to change',
  });
/** See {@link QuestionChanges}. */
export type QuestionChanges = z.infer<typeof QuestionChanges>;

/**
 * A change to a question's title, statement, criteria or due date, with the reason for it. The question as
 * first added stays in the history; each amendment starts a new revision (1 for the first), and a
 * forecast is judged against the revision in force when it was made.
 */
export const QuestionAmendment = z.strictObject({
  /** The question amended. */
  questionId: Slug,
  /** What changes. */
  changes: QuestionChanges,
  /** Why: required, since forecasters may have answered the earlier wording. */
  reason: Text,
  /** When the ledger recorded it (set by the ledger; kept on export). */
  recordedAt: IsoDateTime.optional(),
});
/** See {@link QuestionAmendment}. */
export type QuestionAmendment = z.infer<typeof QuestionAmendment>;

/** A remark on a question: reasoning, a link, news. It changes nothing that is scored. */
export const QuestionComment = z.strictObject({
  /** The question commented on. */
  questionId: Slug,
  /** Who wrote it: a forecaster id or any name. */
  author: Text,
  /** The remark. */
  text: Text,
  /** When the ledger recorded it (set by the ledger; kept on export). */
  recordedAt: IsoDateTime.optional(),
});
/** See {@link QuestionComment}. */
export type QuestionComment = z.infer<typeof QuestionComment>;

/**
 * A forecast withdrawn by its forecaster, with the reason. It stays in the history, and scoring
 * leaves it out from the moment it was withdrawn, as Metaculus does: it stands from its `madeAt`
 * until the withdrawal (that time still counts), and then nothing of the forecaster stands on the
 * question until their next forecast. See `docs/scoring.md`, "Withdrawn forecasts".
 */
export const ForecastWithdrawal = z.strictObject({
  /** The forecast withdrawn. */
  forecastId: Slug,
  /** Why. */
  reason: Text,
  /** When the ledger recorded it (set by the ledger; kept on export): the moment it stops counting. */
  recordedAt: IsoDateTime.optional(),
});
/** See {@link ForecastWithdrawal}. */
export type ForecastWithdrawal = z.infer<typeof ForecastWithdrawal>;

/** One question-life event as exported: its type and its record. */
export const QuestionUpdate = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('question.clarified'), record: QuestionClarification }),
  z.strictObject({ type: z.literal('question.amended'), record: QuestionAmendment }),
  z.strictObject({ type: z.literal('comment.added'), record: QuestionComment }),
  z.strictObject({ type: z.literal('forecast.withdrawn'), record: ForecastWithdrawal }),
]);
/** See {@link QuestionUpdate}. */
export type QuestionUpdate = z.infer<typeof QuestionUpdate>;
