/**
 * Plain-text formatting of scorecards shared by the Markdown and HTML renderers (values themselves:
 * `src/format/values.ts`). Every function returns text that the caller escapes for its format.
 *
 * @internal
 * @module
 */
import { safeJson } from '../../format/safe-text.js';
import { days, num, pct, score } from '../../format/values.js';
import { invalidInput } from '../_internal/validate.js';
import { RENDER_FORMATS, type PredictionVerdict, type RenderFormat, type ScorecardPrediction } from './types.js';

/**
 * The format a renderer was asked for: one of {@link RENDER_FORMATS}, or `md`, short for `markdown`
 * (as the CLI's `--format md`); `validation_failed` otherwise.
 *
 * @internal
 */
export function readFormat(fn: string, format: unknown): RenderFormat {
  if (format === 'md') return 'markdown';
  if (!RENDER_FORMATS.includes(format as RenderFormat)) throw invalidInput(fn, 'format', 'to be "markdown" (or "md"), "html" or "json"', format);
  return format as RenderFormat;
}

/**
 * JSON with non-finite numbers as null, two-space indented, with a final newline; control and
 * bidirectional characters in text as `\uXXXX` escapes (`safeJson`), so it is safe to print.
 *
 * @internal
 */
export function toJson(value: unknown): string {
  return `${safeJson(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** The prediction's score as a short phrase, by kind. @internal */
export function formatScore(p: ScorecardPrediction): string {
  const s = p.score;
  if (!s) return '';
  const parts: string[] = [];
  // Plans and goals are achieved or missed, not scored for probability accuracy.
  if (p.section === 'forecast' && s.brier !== undefined) parts.push(`Brier ${score(s.brier)}`);
  if (p.section === 'forecast' && s.logLoss !== undefined) parts.push(`log ${score(s.logLoss)}`);
  if (s.absolutePercentageError !== undefined) parts.push(`APE ${pct(s.absolutePercentageError, 1)}`);
  else if (s.absoluteError !== undefined) parts.push(`error ${num(s.absoluteError)}`);
  if (s.logAccuracyRatio !== undefined) parts.push(`LAR ${score(s.logAccuracyRatio)}`);
  if (s.intervalScore !== undefined) parts.push(`interval score ${num(s.intervalScore)}`);
  if (s.meanPinballLoss !== undefined) parts.push(`pinball ${num(s.meanPinballLoss)}`);
  if (s.errorDays !== undefined) parts.push(`error ${days(s.errorDays)}`);
  if (p.peerScore !== undefined) parts.push(`peer ${p.peerScore >= 0 ? '+' : '−'}${Math.abs(p.peerScore).toFixed(1)}`);
  if (p.relativeBrier !== undefined) parts.push(`rel. Brier ${p.relativeBrier >= 0 ? '+' : '−'}${Math.abs(p.relativeBrier).toFixed(3)}`);
  if (s.forecasts > 1) parts.push(`${s.forecasts} forecasts, time-weighted`);
  if (p.coverage !== undefined && p.coverage < 0.995) parts.push(`coverage ${pct(p.coverage)}`);
  return parts.join(' · ');
}

/** How each verdict reads in a table. @internal */
export const VERDICT_LABELS: Readonly<Record<PredictionVerdict, string>> = {
  hit: 'hit',
  miss: 'miss',
  'no-call': 'no call',
  achieved: 'achieved',
  missed: 'missed',
  pending: 'pending',
  overdue: 'overdue',
  annulled: 'annulled',
  ambiguous: 'ambiguous',
  unscored: 'not scored',
};

/** The kind and stance of a question as a short label, e.g. `binary`, `numeric · plan`. @internal */
export function kindLabel(p: Pick<ScorecardPrediction, 'kind' | 'stance' | 'semantics'>): string {
  const timeline = p.kind === 'binary' && p.semantics === 'not_before' ? ' (not before)' : '';
  return `${p.kind}${timeline}${p.stance === 'forecast' ? '' : ` · ${p.stance}`}`;
}
