import { z } from 'zod';
import { Forecast } from './forecast.js';
import { Forecaster } from './forecaster.js';
import { Question } from './question.js';
import { Resolution } from './resolution.js';
import { QuestionUpdate } from './question-update.js';
import { Source } from './source.js';

/** The current version of the on-disk format. */
export const FORMAT_VERSION = 1;

/**
 * One file of `predictions/`: a source document with the forecasters, questions, forecasts and
 * resolutions it carries.
 *
 * @remarks
 * JSON, so that editors validate it through the shipped JSON Schema (`"$schema"`), it needs no
 * parser dependency, and it round-trips exactly with {@link LedgerSnapshot}. A forecast without a
 * `sourceId` is taken to come from the file's `source`; a file without a `source` is a registry
 * (`predictions/forecasters.json` holds the forecasters several documents share). Forecasters and questions may be defined in
 * another file of the same import (or already be in the ledger); a record defined twice must be
 * identical.
 */
export const PredictionFile = z.object({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  /** The document the file's forecasts come from; a file without one is a registry (of forecasters, say). */
  source: Source.optional(),
  forecasters: z.array(Forecaster).default([]),
  questions: z.array(Question).default([]),
  forecasts: z.array(Forecast).default([]),
  resolutions: z.array(Resolution).default([]),
});
/** One prediction file; see {@link PredictionFile}. */
export type PredictionFile = z.infer<typeof PredictionFile>;
/** A prediction file as written by a user, before defaults are applied. */
export type PredictionFileInput = z.input<typeof PredictionFile>;

/**
 * A whole ledger as data: what {@link Ledger.exportData} returns and {@link Ledger.importPredictions}
 * accepts.
 *
 * @remarks
 * Resolutions are in the order they were recorded, so corrections follow what they correct.
 * `updates` holds the question-life events (clarifications, amendments, comments, withdrawn
 * forecasts) in the order they were recorded, each with its `recordedAt`; it is left out when empty.
 */
export const LedgerSnapshot = z.object({
  $schema: z.string().optional(),
  formatVersion: z.literal(FORMAT_VERSION),
  sources: z.array(Source).default([]),
  forecasters: z.array(Forecaster).default([]),
  questions: z.array(Question).default([]),
  forecasts: z.array(Forecast).default([]),
  resolutions: z.array(Resolution).default([]),
  updates: z.array(QuestionUpdate).optional(),
});
/** A whole ledger as data; see {@link LedgerSnapshot}. */
export type LedgerSnapshot = z.infer<typeof LedgerSnapshot>;
/** A ledger snapshot as written by a user, before defaults are applied. */
export type LedgerSnapshotInput = z.input<typeof LedgerSnapshot>;
