/**
 * Plain-text formatting shared by the Markdown and HTML renderers. Every function returns text that
 * the caller escapes for its format.
 *
 * @internal
 * @module
 */
import type { Estimate, VerbalConfidence } from '../../model/forecast.js';
import type { Outcome } from '../../model/resolution.js';
import { invalidInput } from '../_internal/validate.js';
import { RENDER_FORMATS, type PredictionVerdict, type RenderFormat, type ScorecardPrediction } from './types.js';


/** Throws `validation_failed` unless `format` is one of {@link RENDER_FORMATS}. @internal */
export function assertFormat(fn: string, format: unknown): asserts format is RenderFormat {
  if (!RENDER_FORMATS.includes(format as RenderFormat)) throw invalidInput(fn, 'format', 'to be "markdown", "html" or "json"', format);
}

/** JSON with non-finite numbers as null, two-space indented, with a final newline. @internal */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6, maximumFractionDigits: 2 });

/** A quantity: thousands separators, at most 2 decimals (e.g. `10,750`, `2.5`). @internal */
export function num(value: number): string {
  return NUMBER.format(value);
}

/** A score with 3 decimals (`0.125`), or `–` when absent. @internal */
export function score(value: number | undefined, digits = 3): string {
  return value === undefined ? '–' : value.toFixed(digits);
}

/** A proportion as a percentage (`62%`, or `62.5%` with digits 1), or `–` when absent. @internal */
export function pct(value: number | undefined, digits = 0): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(digits)}%`;
}

/** A signed number of days, `+14 d` / `−3 d` / `0 d`. @internal */
export function days(value: number): string {
  const rounded = Math.round(value);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${Math.abs(rounded)} d`;
}

/** The date part of an ISO date or instant. @internal */
export function day(value: string): string {
  return value.slice(0, 10);
}

/** The claim as a short phrase: `70%`, `10,750 USD/t`, `2,000–3,000 GW (80% range)`, `by 2030-12-31`. @internal */
export function formatEstimate(estimate: Estimate, unit?: string, confidence?: VerbalConfidence): string {
  const u = unit ? ` ${unit}` : '';
  switch (estimate.kind) {
    case 'binary':
      if (estimate.probability !== undefined) return `${pct(estimate.probability)} yes`;
      return confidence ? `“${confidence.wording}” → ${pct(confidence.impliedProbability)} yes` : '–';
    case 'numeric': {
      const parts: string[] = [];
      if (estimate.point !== undefined) parts.push(`${num(estimate.point)}${u}`);
      if (estimate.interval) {
        const { lower, upper, level } = estimate.interval;
        parts.push(`${num(lower)}–${num(upper)}${u} (${level === undefined ? 'range' : `${pct(level)} interval`})`);
      }
      if (estimate.quantiles) parts.push(estimate.quantiles.map((q) => `q${Math.round(q.tau * 100)} ${num(q.value)}`).join(', ') + u);
      return parts.join('; ');
    }
    case 'date':
      if (estimate.point !== undefined) return estimate.point;
      if (estimate.earliest !== undefined && estimate.latest !== undefined) return `${estimate.earliest} – ${estimate.latest}`;
      return estimate.latest !== undefined ? `by ${estimate.latest}` : `not before ${estimate.earliest}`;
    case 'categorical': {
      const entries = Object.entries(estimate.probabilities).sort((a, b) => b[1] - a[1]);
      return entries.slice(0, 3).map(([id, p]) => `${id} ${pct(p)}`).join(', ');
    }
  }
}

/** The outcome as a short phrase: `yes`, `10,120 USD/t`, `2031-04-02`, an option id. @internal */
export function formatOutcome(outcome: Outcome | undefined, unit?: string): string {
  if (!outcome) return '–';
  switch (outcome.kind) {
    case 'binary':
      return outcome.value ? 'yes' : 'no';
    case 'numeric':
      return `${num(outcome.value)}${unit ? ` ${unit}` : ''}`;
    default:
      return outcome.value;
  }
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
  annulled: 'annulled',
  ambiguous: 'ambiguous',
  unscored: 'not scored',
};

/** The kind and stance of a question as a short label, e.g. `binary`, `numeric · plan`. @internal */
export function kindLabel(p: Pick<ScorecardPrediction, 'kind' | 'stance' | 'semantics'>): string {
  const timeline = p.kind === 'binary' && p.semantics === 'not_before' ? ' (not before)' : '';
  return `${p.kind}${timeline}${p.stance === 'forecast' ? '' : ` · ${p.stance}`}`;
}
