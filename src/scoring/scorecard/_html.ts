/**
 * HTML building blocks of the renderers: escaping, the page shell with its inline stylesheet, and
 * the inline SVG charts (calibration, timeline). No external assets, no script, no network: the
 * page carries a Content-Security-Policy that forbids loading anything.
 *
 * @internal
 * @module
 */
import { displayText } from '../../format/safe-text.js';
import type { CalibrationBin } from '../calibration-curve.js';
import { VERDICT_LABELS } from './_format.js';
import type { PredictionVerdict } from './types.js';
import { maxOf, minOf } from '../../_internal/arrays.js';

/**
 * Escapes text for HTML element content and attribute values: the markup characters as entities,
 * and control and bidirectional characters shown as visible escapes (`\x1b`, `\u202e`), as in
 * the terminal (src/format/safe-text.ts).
 *
 * @internal
 */
export function esc(text: string | number): string {
  return displayText(String(text), { multiline: true, tabs: true }).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --hit: #1a7f37; --miss: #cf222e; --nocall: #9a6700; --pending: #59636e; --void: #8c959f; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 28px; margin: 0 0 4px; } h2 { font-size: 20px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
p.sub { color: var(--muted); margin: 0 0 18px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; margin: 12px 0 8px; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.tile .v { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile .k { color: var(--muted); font-size: 12.5px; }
.charts { display: grid; grid-template-columns: 380px 1fr; gap: 28px; align-items: start; margin-top: 8px; }
@media (max-width: 900px) { .charts { grid-template-columns: 1fr; } }
table.kv { width: 100%; margin: 0 0 10px; } table.kv th { background: none; font-weight: 400; color: var(--muted); white-space: normal; padding-right: 24px; }
.charts h3:first-child { margin-top: 0; }
.table-wrap { overflow-x: auto; }
figure { margin: 0; } figcaption { color: var(--muted); font-size: 12.5px; margin-top: 4px; }
svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg text { fill: var(--ink); font-size: 11px; } svg .muted { fill: var(--muted); } svg .accent { fill: #0969da; } svg .good { fill: #116329; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 6px 0 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.b-hit, .b-achieved { background: #dafbe1; color: var(--hit); } .b-miss, .b-missed { background: #ffebe9; color: var(--miss); }
.b-no-call { background: #fff8c5; color: var(--nocall); } .b-pending { background: #fff; color: var(--pending); border-color: var(--line); } .b-overdue { background: #fff8c5; color: #9a6700; border-color: #d4a72c; }
.b-annulled, .b-ambiguous, .b-unscored { background: var(--panel); color: var(--void); }
.note { color: var(--muted); font-size: 13px; }
nav.toc { columns: 3 220px; font-size: 14px; } nav.toc a { color: var(--accent); text-decoration: none; }
section.card { border-top: 3px solid var(--ink); margin-top: 40px; padding-top: 4px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); padding-top: 10px; }
`;

/** A complete, self-contained HTML page. @internal */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** A grid of figure tiles. @internal */
export function tiles(items: readonly (readonly [value: string, label: string])[]): string {
  return `<div class="tiles">${items.map(([v, k]) => `<div class="tile"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`).join('')}</div>`;
}

/** A table; cells are already-escaped HTML, with an optional class per column. @internal */
export function table(head: readonly string[], rows: readonly (readonly string[])[], classes: readonly string[] = []): string {
  const cls = (i: number) => (classes[i] ? ` class="${classes[i]}"` : '');
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** A two-column table of labels and values, without a header. @internal */
export function keyValues(rows: readonly (readonly [string, string])[]): string {
  return `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td class="num">${esc(v)}</td></tr>`).join('')}</tbody></table>`;
}

/** A verdict badge. @internal */
export function badge(verdict: PredictionVerdict): string {
  return `<span class="badge b-${verdict}">${esc(VERDICT_LABELS[verdict])}</span>`;
}

/** A coordinate rounded to 0.1 px. @internal */
export const f1 = (n: number): string => (Math.round(n * 10) / 10).toString();

const TICK_MONTHS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600] as const;

/**
 * Axis ticks for a time span, placed on real dates and labelled with them: the first day of every
 * month, quarter, half-year, year or several years (the finest step giving at most `maxTicks`),
 * labelled as the ISO date the tick stands on, so a claim due on 2027-12-31 sits just left of a
 * tick reading 2028-01-01 instead of on a tick reading "2028".
 *
 * @param lo - start of the span, epoch milliseconds
 * @param hi - end of the span, epoch milliseconds
 * @param maxTicks - the most ticks wanted (at least 2 are allowed)
 * @internal
 */
export function dateTicks(lo: number, hi: number, maxTicks: number): { t: number; label: string }[] {
  const start = new Date(lo);
  const firstMonth = start.getUTCFullYear() * 12 + start.getUTCMonth() + 1; // the first month start after lo
  const end = new Date(hi);
  const lastMonth = end.getUTCFullYear() * 12 + end.getUTCMonth();
  const step = TICK_MONTHS.find((s) => Math.floor(lastMonth / s) - Math.ceil(firstMonth / s) + 1 <= Math.max(2, maxTicks)) ?? 1200;
  const ticks: { t: number; label: string }[] = [];
  for (let month = Math.ceil(firstMonth / step) * step; month <= lastMonth; month += step) {
    const t = Date.UTC(Math.floor(month / 12), month % 12, 1);
    ticks.push({ t, label: new Date(t).toISOString().slice(0, 10) });
  }
  return ticks;
}

/** A range of percentages as `30% to 40%`, with true minus signs. @internal */
export function percentRange(lower: number, upper: number): string {
  const p = (v: number) => `${v < 0 ? '−' : ''}${Math.round(Math.abs(v) * 100)}%`;
  return `${p(lower)} to ${p(upper)}`;
}

/**
 * The calibration chart: the diagonal of perfect calibration and one point per bin at (mean forecast,
 * observed frequency), its area proportional to the bin's count and labelled with it.
 *
 * @internal
 */
export function calibrationSvg(bins: readonly CalibrationBin[]): string {
  const size = 360;
  const m = { l: 46, r: 14, t: 14, b: 42 };
  const w = size - m.l - m.r;
  const h = size - m.t - m.b;
  const x = (p: number) => m.l + p * w;
  const y = (p: number) => m.t + (1 - p) * h;
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${f1(x(t))}" y1="${m.t}" x2="${f1(x(t))}" y2="${m.t + h}" stroke="#eaeef2"/><line x1="${m.l}" y1="${f1(y(t))}" x2="${m.l + w}" y2="${f1(y(t))}" stroke="#eaeef2"/>` +
        `<text x="${f1(x(t))}" y="${m.t + h + 14}" text-anchor="middle" class="muted">${t * 100}%</text><text x="${m.l - 6}" y="${f1(y(t) + 3.5)}" text-anchor="end" class="muted">${t * 100}%</text>`,
    )
    .join('');
  const max = maxOf(
    bins.map((b) => b.count),
    1,
  );
  const points = bins
    .map((b) => {
      const r = 4 + 10 * Math.sqrt(b.count / max);
      const cx = x(b.meanProbability);
      const cy = y(b.observedFrequency);
      const tip = `${percentRange(b.lower, b.upper)} bin: ${b.count} forecast${b.count === 1 ? '' : 's'}, mean ${(b.meanProbability * 100).toFixed(0)}%, happened ${(b.observedFrequency * 100).toFixed(0)}%`;
      // The count goes above the point, or below it when that would leave the plot.
      const ly = cy - r - 4 < m.t + 10 ? cy + r + 12 : cy - r - 4;
      return (
        `<g><title>${esc(tip)}</title><circle cx="${f1(cx)}" cy="${f1(cy)}" r="${f1(r)}" fill="#0969da" fill-opacity="0.35" stroke="#0969da" stroke-width="1.5"/>` +
        `<text x="${f1(cx)}" y="${f1(ly)}" text-anchor="middle" font-weight="600">n=${b.count}</text></g>`
      );
    })
    .join('');
  return (
    `<svg viewBox="0 0 ${size} ${size}" width="${size}" height="${size}" role="img" aria-label="Calibration chart">` +
    `<title>Calibration: observed frequency against forecast probability</title>${grid}` +
    `<rect x="${m.l}" y="${m.t}" width="${w}" height="${h}" fill="none" stroke="#d1d9e0"/>` +
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#8c959f" stroke-dasharray="5 4"/>` +
    `<text x="${f1(x(0.62))}" y="${f1(y(0.62) - 8)}" class="muted" transform="rotate(-45 ${f1(x(0.62))} ${f1(y(0.62) - 8)})" text-anchor="middle">perfect calibration</text>` +
    points +
    `<text x="${m.l + w / 2}" y="${size - 8}" text-anchor="middle">forecast probability (bin mean)</text>` +
    `<text x="12" y="${m.t + h / 2}" text-anchor="middle" transform="rotate(-90 12 ${m.t + h / 2})">how often it happened</text></svg>`
  );
}

/** One claim on a timeline. @internal */
export interface TimelineItem {
  /** The due date (x position). */
  readonly date: string;
  readonly verdict: PredictionVerdict;
  /** Tooltip text. */
  readonly label: string;
  /** The row it belongs to (a forecaster); one unnamed row when absent. */
  readonly group?: string;
}

const MARK: Record<PredictionVerdict, (x: number, y: number) => string> = {
  hit: (x, y) => `<circle cx="${f1(x)}" cy="${y}" r="5.5" fill="#1a7f37"/>`,
  miss: (x, y) => `<path d="M${f1(x - 5)} ${y - 5}l10 10M${f1(x + 5)} ${y - 5}l-10 10" stroke="#cf222e" stroke-width="3" stroke-linecap="round"/>`,
  'no-call': (x, y) => `<circle cx="${f1(x)}" cy="${y}" r="5.5" fill="#d4a72c"/>`,
  achieved: (x, y) => `<path d="M${f1(x)} ${y - 7}l7 7-7 7-7-7z" fill="#1a7f37"/>`,
  missed: (x, y) => `<path d="M${f1(x)} ${y - 7}l7 7-7 7-7-7z" fill="#fff" stroke="#cf222e" stroke-width="2.5"/>`,
  pending: (x, y) => `<circle cx="${f1(x)}" cy="${y}" r="5" fill="#fff" stroke="#59636e" stroke-width="2"/>`,
  overdue: (x, y) => `<circle cx="${f1(x)}" cy="${y}" r="5" fill="#fff" stroke="#9a6700" stroke-width="2" stroke-dasharray="3 2"/>`,
  annulled: (x, y) => `<rect x="${f1(x - 4.5)}" y="${y - 4.5}" width="9" height="9" fill="#d0d7de"/>`,
  ambiguous: (x, y) => `<rect x="${f1(x - 4.5)}" y="${y - 4.5}" width="9" height="9" fill="#fff" stroke="#8c959f" stroke-width="1.5"/>`,
  unscored: (x, y) => `<rect x="${f1(x - 4.5)}" y="${y - 4.5}" width="9" height="9" fill="#fff" stroke="#d0d7de" stroke-width="1.5"/>`,
};

const LEGEND_ORDER: readonly PredictionVerdict[] = ['hit', 'miss', 'no-call', 'achieved', 'missed', 'pending', 'overdue', 'annulled', 'ambiguous', 'unscored'];
const ALWAYS_IN_LEGEND = new Set<PredictionVerdict>(['hit', 'miss', 'pending', 'achieved', 'missed']);

/**
 * A timeline of claims by due date: hits, misses and pending claims drawn differently, one row per
 * group (forecaster) or stacked in lanes, a vertical line at `asOf`, ticks at real dates ({@link dateTicks}) and a legend.
 *
 * @internal
 */
export function timelineSvg(items: readonly TimelineItem[], asOf: string): string {
  const width = 1100;
  const grouped = items.some((i) => i.group !== undefined);
  const m = { l: grouped ? 190 : 16, r: 20, t: 44, b: 30 };
  const dayMs = 86_400_000;
  const times = items.map((i) => Date.parse(i.date));
  const asOfT = Date.parse(asOf);
  const lo = minOf(times, asOfT) - 60 * dayMs;
  const hi = maxOf(times, asOfT) + 60 * dayMs;
  const w = width - m.l - m.r;
  const x = (t: number) => m.l + ((t - lo) / (hi - lo)) * w;

  // Rows: one per group, each split into lanes so markers closer than `gap` px do not overlap.
  const groups = grouped ? [...new Set(items.map((i) => i.group ?? ''))] : [''];
  const gap = 13;
  const laneH = 16;
  let yCursor = m.t;
  const rows: string[] = [];
  const marks: string[] = [];
  groups.forEach((g, gi) => {
    const mine = items.filter((i) => (i.group ?? '') === g).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const laneEnds: number[] = [];
    const placed = mine.map((item) => {
      const px = x(Date.parse(item.date));
      let lane = laneEnds.findIndex((end) => px - end >= gap);
      if (lane < 0) lane = laneEnds.push(px) - 1;
      else laneEnds[lane] = px;
      return { item, px, lane };
    });
    const lanes = Math.max(1, laneEnds.length);
    const rowH = lanes * laneH + 8;
    if (grouped) {
      if (gi % 2 === 0) rows.push(`<rect x="0" y="${yCursor}" width="${width}" height="${rowH}" fill="#f6f8fa"/>`);
      const chars = [...g]; // by code point, so an emoji is never cut in half
      const name = chars.length > 28 ? `${chars.slice(0, 27).join('')}…` : g;
      rows.push(`<text x="${m.l - 10}" y="${yCursor + rowH / 2 + 4}" text-anchor="end">${esc(name)}</text>`);
    }
    for (const { item, px, lane } of placed) {
      const cy = yCursor + 4 + laneH / 2 + lane * laneH;
      marks.push(`<g><title>${esc(`${item.date} · ${VERDICT_LABELS[item.verdict]} · ${item.label}`)}</title>${MARK[item.verdict](px, Math.round(cy))}</g>`);
    }
    yCursor += rowH;
  });
  const plotBottom = yCursor;
  const height = plotBottom + m.b;

  const ticks = dateTicks(lo, hi, Math.floor(w / 90)).map(({ t, label }) => {
    const tx = x(t);
    return `<line x1="${f1(tx)}" y1="${m.t}" x2="${f1(tx)}" y2="${plotBottom}" stroke="#d8dee4" stroke-dasharray="2 3"/><text x="${f1(tx)}" y="${plotBottom + 16}" text-anchor="middle" class="muted">${label}</text>`;
  });
  const ax = x(asOfT);
  // The label goes right of the line, or left of it near the right edge.
  const labelLeft = ax > width - m.r - 110;
  const asOfLine = `<line x1="${f1(ax)}" y1="${m.t - 6}" x2="${f1(ax)}" y2="${plotBottom}" stroke="#0969da" stroke-width="1.5"/><text x="${f1(labelLeft ? ax - 4 : ax + 4)}" y="${m.t - 8}" text-anchor="${labelLeft ? 'end' : 'start'}" class="accent">as of ${esc(asOf)}</text>`;

  const present = new Set(items.map((i) => i.verdict));
  const legendItems = LEGEND_ORDER.filter((v) => ALWAYS_IN_LEGEND.has(v) || present.has(v));
  let lx = m.l;
  const legend = legendItems
    .map((v) => {
      const label = VERDICT_LABELS[v] + (v === 'achieved' || v === 'missed' ? ' (plan/goal)' : '');
      const g = `<g>${MARK[v](lx + 7, 14)}<text x="${lx + 18}" y="18">${esc(label)}</text></g>`;
      lx += 30 + label.length * 6.2;
      return g;
    })
    .join('');
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Timeline of claims by due date">` +
    `<title>Claims by due date</title>${rows.join('')}${ticks.join('')}` +
    `<line x1="${m.l}" y1="${plotBottom}" x2="${width - m.r}" y2="${plotBottom}" stroke="#8c959f"/>${asOfLine}${marks.join('')}${legend}</svg>`
  );
}
