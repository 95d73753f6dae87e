/**
 * How values read as text, the same in the reports (`forecast-ledger/scoring` renderers) and in the
 * terminal (the CLI): quantities, scores, percentages, days, estimates and outcomes. Every function
 * returns plain text that the caller escapes for its format.
 *
 * @internal
 * @module
 */
import type { Estimate, VerbalConfidence } from '../model/forecast.js';
import type { Outcome } from '../model/resolution.js';
import { CONFIDENCE_TERMS } from '../scoring/confidence-terms.js';

const NUMBER = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6, maximumFractionDigits: 2 });

/** A quantity: thousands separators, at most 2 decimals (e.g. `10,750`, `2.5`). @internal */
export function num(value: number): string {
  return NUMBER.format(value);
}

/**
 * A quantity with its unit: a true minus sign (U+2212) for negatives, `%` written against the number,
 * other units after a space (`−40%`, `10,750 USD/t`, `2.5`). @internal
 */
export function quantity(value: number, unit?: string): string {
  const text = `${value < 0 ? '−' : ''}${num(Math.abs(value))}`;
  return unit === undefined || unit === '' ? text : unit === '%' ? `${text}%` : `${text} ${unit}`;
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

/**
 * The English gloss of a verbal confidence: its own `gloss`, else the gloss of the scale term it is
 * (the one source, `CONFIDENCE_TERMS`); `undefined` for English wording. @internal
 */
export function confidenceGloss(confidence: Pick<VerbalConfidence, 'wording' | 'gloss'>): string | undefined {
  return confidence.gloss ?? CONFIDENCE_TERMS.find((t) => t.term === confidence.wording.trim())?.gloss;
}

/** A verbal confidence wording with its English gloss beside it: `“將” (“will”)`. @internal */
export function glossedWording(confidence: Pick<VerbalConfidence, 'wording' | 'gloss'>): string {
  const gloss = confidenceGloss(confidence);
  return gloss ? `“${confidence.wording}” (“${gloss}”)` : `“${confidence.wording}”`;
}

/**
 * The claim as a short phrase: `70% yes`, `10,750 USD/t`, `2,000 GW to 3,000 GW (80% interval)`,
 * `−40% to −30% (range)`, `by 2030-12-31`. @internal
 */
export function formatEstimate(estimate: Estimate, unit?: string, confidence?: VerbalConfidence): string {
  switch (estimate.kind) {
    case 'binary':
      if (estimate.probability !== undefined) return `${pct(estimate.probability)} yes`;
      return confidence ? `${glossedWording(confidence)} → ${pct(confidence.impliedProbability)} yes` : '–';
    case 'numeric': {
      const parts: string[] = [];
      if (estimate.point !== undefined) parts.push(quantity(estimate.point, unit));
      if (estimate.interval) {
        const { lower, upper, level } = estimate.interval;
        parts.push(`${quantity(lower, unit)} to ${quantity(upper, unit)} (${level === undefined ? 'range' : `${pct(level)} interval`})`);
      }
      if (estimate.quantiles) parts.push(estimate.quantiles.map((q) => `q${Math.round(q.tau * 100)} ${quantity(q.value, unit)}`).join(', '));
      return parts.join('; ');
    }
    case 'date':
      if (estimate.point !== undefined) return estimate.point;
      if (estimate.earliest !== undefined && estimate.latest !== undefined) return `${estimate.earliest} – ${estimate.latest}`;
      return estimate.latest !== undefined ? `by ${estimate.latest}` : `not before ${estimate.earliest}`;
    case 'categorical': {
      const entries = Object.entries(estimate.probabilities).sort((a, b) => b[1] - a[1]);
      return entries
        .slice(0, 3)
        .map(([id, p]) => `${id} ${pct(p)}`)
        .join(', ');
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
      return quantity(outcome.value, unit);
    default:
      return outcome.value;
  }
}
