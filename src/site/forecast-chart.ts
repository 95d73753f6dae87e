/**
 * The question page's chart: every forecast on the question over time, one colour and mark per
 * forecaster, on an axis that fits the kind (probability, the number with its range, the claimed
 * date with its window), with the due date and the outcome drawn in.
 *
 * @internal
 * @module
 */
import { effectiveProbability } from '../core/effective-probability.js';
import type { StoredForecast } from '../model/forecast.js';
import type { Question } from '../model/question.js';
import type { Outcome } from '../model/resolution.js';
import { maxOf, minOf } from '../_internal/arrays.js';
import { quantity } from '../format/values.js';
import { dateTicks, esc, f1 } from '../scoring/scorecard/_html.js';

/** Okabe–Ito colours (told apart with colour-blindness), darkened where needed for 3:1 against white. */
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#000000', '#e69f00'];
const SHAPES = ['circle', 'square', 'diamond', 'triangle'] as const;

function mark(shape: (typeof SHAPES)[number], x: number, y: number, colour: string): string {
  switch (shape) {
    case 'circle':
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="5" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${f1(x - 4.5)}" y="${f1(y - 4.5)}" width="9" height="9" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${f1(x)} ${f1(y - 6)}l6 6-6 6-6-6z" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${f1(x)} ${f1(y - 6)}l6 10h-12z" fill="${colour}"/>`;
  }
}

/** One forecast as the chart draws it: a value (y) and optionally a range around it. */
interface Plotted {
  readonly f: StoredForecast;
  readonly y?: number;
  readonly lo?: number;
  readonly hi?: number;
  readonly option?: string;
}

const DAY = 86_400_000;
const time = (iso: string) => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

function plotted(question: Question, forecasts: readonly StoredForecast[]): Plotted[] {
  return forecasts.flatMap((f): Plotted[] => {
    const e = f.estimate;
    switch (e.kind) {
      case 'binary': {
        const p = effectiveProbability(f);
        return p === null ? [] : [{ f, y: p }];
      }
      case 'categorical':
        return Object.entries(e.probabilities).map(([option, p]) => ({ f, y: p, option }));
      case 'numeric': {
        const qs = e.quantiles ?? [];
        const lo = e.interval?.lower ?? qs[0]?.value;
        const hi = e.interval?.upper ?? qs[qs.length - 1]?.value;
        const y = e.point ?? (lo !== undefined && hi !== undefined ? undefined : (lo ?? hi));
        return [{ f, y, lo, hi }];
      }
      case 'date': {
        const y = e.point === undefined ? undefined : time(e.point);
        const lo = e.earliest === undefined ? undefined : time(e.earliest);
        const hi = e.latest === undefined ? undefined : time(e.latest);
        return [{ f, y: y ?? (lo === undefined || hi === undefined ? (lo ?? hi) : undefined), lo, hi }];
      }
    }
  });
}

function outcomeValue(outcome: Outcome | undefined): number | undefined {
  if (!outcome) return undefined;
  if (outcome.kind === 'binary') return outcome.value ? 1 : 0;
  if (outcome.kind === 'numeric') return outcome.value;
  if (outcome.kind === 'date') return time(outcome.value);
  return undefined;
}

/** Round-number ticks (1, 2 or 5 × a power of ten apart) inside [lo, hi], about five of them. */
function niceTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** Input of {@link forecastChartSvg}. @internal */
export interface ForecastChartInput {
  readonly question: Question;
  readonly forecasts: readonly StoredForecast[];
  /** Display names by forecaster id. */
  readonly names: ReadonlyMap<string, string>;
  /** The current outcome, when resolved. */
  readonly outcome?: Outcome;
}

/**
 * The chart of every forecast on a question over time, or `undefined` when there is nothing to draw.
 *
 * @remarks
 * x is when each forecast was made, with ticks on real dates; y is the probability (binary: of
 * yes; categorical: of each option, labelled), the number in the question's unit (a bar for a
 * range or quantiles), or the claimed date (a bar for an earliest–latest window). A dashed line
 * marks the outcome, a vertical line the due date. Every mark has a tooltip; the page's table of
 * forecasts is the text equivalent.
 *
 * @internal
 */
export function forecastChartSvg(input: ForecastChartInput): string | undefined {
  const { question: q, forecasts, names } = input;
  const points = plotted(q, forecasts);
  if (!points.length) return undefined;
  const width = 760;
  const forecasterIds = [...new Set(forecasts.map((f) => f.forecasterId))];
  const legendRows = Math.ceil(forecasterIds.length / 3);

  const due = time(q.resolution.resolveOn);
  const made = forecasts.map((f) => time(f.madeAt));
  const lo = minOf(made) - 30 * DAY;
  const hi = maxOf(made, due) + 30 * DAY;

  const outcome = outcomeValue(input.outcome);
  const probability = q.kind === 'binary' || q.kind === 'categorical';
  let yLo = 0;
  let yHi = 1;
  if (!probability) {
    const values = points.flatMap((p) => [p.y, p.lo, p.hi]).filter((v): v is number => v !== undefined);
    if (outcome !== undefined) values.push(outcome);
    if (q.kind === 'numeric' && q.spec.baseline) values.push(q.spec.baseline.value);
    yLo = minOf(values);
    yHi = maxOf(values);
    const pad = (yHi - yLo) * 0.1 || Math.abs(yHi) * 0.1 || (q.kind === 'date' ? 30 * DAY : 1);
    yLo -= pad;
    yHi += pad;
  }
  const unit = q.kind === 'numeric' ? q.spec.unit : undefined;
  const label = (v: number) => (probability ? `${Math.round(v * 100)}%` : q.kind === 'date' ? new Date(v).toISOString().slice(0, 10) : quantity(v, unit));
  const yTicks = probability ? [0, 0.25, 0.5, 0.75, 1] : q.kind === 'date' ? dateTicks(yLo, yHi, 6).map((t) => t.t) : niceTicks(yLo, yHi);
  // The left margin fits the longest tick label (about 6.2 px a character at 11 px) and the axis title.
  const m = { l: Math.max(64, 34 + maxOf(yTicks.map((v) => label(v).length)) * 6.2), r: 24, t: 16 + legendRows * 20, b: 40 };
  const h = 240;
  const height = m.t + h + m.b;
  const w = width - m.l - m.r;
  const y = (v: number) => m.t + (1 - (v - yLo) / (yHi - yLo)) * h;
  const x = (t: number) => m.l + ((t - lo) / (hi - lo)) * w;
  const grid = [
    ...yTicks.map(
      (v) =>
        `<line x1="${m.l}" y1="${f1(y(v))}" x2="${m.l + w}" y2="${f1(y(v))}" stroke="#eaeef2"/><text x="${m.l - 6}" y="${f1(y(v) + 3.5)}" text-anchor="end" class="muted">${esc(label(v))}</text>`,
    ),
    ...dateTicks(lo, hi, Math.floor(w / 90)).map(
      ({ t, label: l }) =>
        `<line x1="${f1(x(t))}" y1="${m.t}" x2="${f1(x(t))}" y2="${m.t + h}" stroke="#eaeef2"/><text x="${f1(x(t))}" y="${m.t + h + 16}" text-anchor="middle" class="muted">${l}</text>`,
    ),
  ].join('');

  const dueX = x(due);
  const dueLine = `<line x1="${f1(dueX)}" y1="${m.t}" x2="${f1(dueX)}" y2="${m.t + h}" stroke="#1f2328" stroke-width="1.5"/><text x="${f1(dueX - 4)}" y="${m.t + 12}" text-anchor="end">due ${esc(q.resolution.resolveOn)}</text>`;
  const outcomeLine =
    outcome === undefined || outcome < yLo || outcome > yHi
      ? ''
      : `<line x1="${m.l}" y1="${f1(y(outcome))}" x2="${m.l + w}" y2="${f1(y(outcome))}" stroke="#116329" stroke-width="2" stroke-dasharray="6 4"/>` +
        `<text x="${m.l + 4}" y="${f1(outcome > (yLo + yHi) / 2 ? y(outcome) + 14 : y(outcome) - 5)}" class="good">outcome: ${esc(input.outcome?.kind === 'binary' ? (input.outcome.value ? 'yes' : 'no') : label(outcome))}</text>`;

  const marks = points.map((p) => {
    const i = forecasterIds.indexOf(p.f.forecasterId);
    const colour = COLOURS[i % COLOURS.length]!;
    const shape = SHAPES[Math.floor(i / COLOURS.length) % SHAPES.length]!;
    const px = x(time(p.f.madeAt));
    const who = names.get(p.f.forecasterId) ?? p.f.forecasterId;
    const what =
      p.option !== undefined
        ? `${p.option}: ${label(p.y!)}`
        : [p.y !== undefined ? label(p.y) : '', p.lo !== undefined && p.hi !== undefined ? `${label(p.lo)} to ${label(p.hi)}` : ''].filter(Boolean).join(', ');
    const bar =
      p.lo !== undefined && p.hi !== undefined
        ? `<line x1="${f1(px)}" y1="${f1(y(p.lo))}" x2="${f1(px)}" y2="${f1(y(p.hi))}" stroke="${colour}" stroke-width="3" stroke-opacity="0.55"/>`
        : '';
    const dot = p.y !== undefined ? mark(shape, px, y(p.y), colour) : '';
    const optionLabel = p.option !== undefined ? `<text x="${f1(px + 8)}" y="${f1(y(p.y!) + 4)}">${esc(p.option)}</text>` : '';
    return `<g><title>${esc(`${p.f.madeAt.slice(0, 10)} · ${who} · ${what}`)}</title>${bar}${dot}${optionLabel}</g>`;
  });

  const legend = forecasterIds.map((id, i) => {
    const lx = m.l + (i % 3) * 230;
    const ly = 16 + Math.floor(i / 3) * 20;
    const name = names.get(id) ?? id;
    return `<g>${mark(SHAPES[Math.floor(i / COLOURS.length) % SHAPES.length]!, lx + 6, ly - 4, COLOURS[i % COLOURS.length]!)}<text x="${lx + 16}" y="${ly}">${esc(name.length > 32 ? `${name.slice(0, 31)}…` : name)}</text></g>`;
  });
  const axisTitle = probability
    ? q.kind === 'binary'
      ? 'probability of yes'
      : 'probability of each option'
    : q.kind === 'date'
      ? 'claimed date'
      : unit
        ? `value (${unit})`
        : 'value';
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Forecasts over time">` +
    `<title>${esc(`Forecasts over time: ${axisTitle} against the date each forecast was made`)}</title>${grid}` +
    `<rect x="${m.l}" y="${m.t}" width="${w}" height="${h}" fill="none" stroke="#d1d9e0"/>${outcomeLine}${dueLine}${marks.join('')}${legend.join('')}` +
    `<text x="${m.l + w / 2}" y="${height - 6}" text-anchor="middle">date the forecast was made</text>` +
    `<text x="12" y="${m.t + h / 2}" text-anchor="middle" transform="rotate(-90 12 ${m.t + h / 2})">${esc(axisTitle)}</text></svg>`
  );
}
