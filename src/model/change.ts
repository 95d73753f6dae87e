/**
 * A domain change: what a ledger asks its store to record, one record per change.
 *
 * @module
 */
import type { StoredForecast } from './forecast.js';
import type { Forecaster } from './forecaster.js';
import type { Question } from './question.js';
import type { ForecastWithdrawal, QuestionAmendment, QuestionClarification, QuestionComment } from './question-update.js';
import type { Resolution } from './resolution.js';
import type { Source } from './source.js';

/** Where a change came from, for error messages: a file and a field path inside it. */
export interface ChangeOrigin {
  /** The file, when the change was read from one. */
  file?: string;
  /** The path of the record inside its input, e.g. `questions[3]`. */
  path: string;
}

/** One domain change, as the store receives it (already validated against the schemas). */
export type Change =
  | { type: 'source.added'; record: Source; origin?: ChangeOrigin }
  | { type: 'forecaster.added'; record: Forecaster; origin?: ChangeOrigin }
  | { type: 'question.added'; record: Question; origin?: ChangeOrigin }
  | { type: 'forecast.added'; record: StoredForecast; origin?: ChangeOrigin }
  | { type: 'resolution.recorded'; record: Resolution; origin?: ChangeOrigin }
  | { type: 'question.clarified'; record: QuestionClarification; origin?: ChangeOrigin }
  | { type: 'question.amended'; record: QuestionAmendment; origin?: ChangeOrigin }
  | { type: 'comment.added'; record: QuestionComment; origin?: ChangeOrigin }
  | { type: 'forecast.withdrawn'; record: ForecastWithdrawal; origin?: ChangeOrigin };
