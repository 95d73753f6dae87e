// Seeded generator of synthetic ledgers for the benchmark (bench/run.mjs).
//
// Every record is a pure function of (seed, kind, index), so any child process can regenerate any
// slice of the same ledger without holding it all in memory: forecasts are produced in batches.
//
// Shape at size N (defaults N = 1,000,000): Q = N/10 questions, F = N/100 forecasters,
// S = N/10,000 sources (1…100). Question kinds: 55% binary, 20% numeric, 15% date, 10% categorical.
// Forecasts: uniform over questions and forecasters; 10% are updates of an earlier
// (question, forecaster) pair with a later madeAt; 15% of binary forecasts are verbal (confidence
// wording with its implied probability, no stated probability); 30% carry an explicit id, the rest get
// the library's content-hash id. About half the questions get a resolution (90% resolved, 6% annulled,
// 4% ambiguous), and 2% of the resolved ones a later correction.

const DAY = 86_400_000;
// Questions open from 2015 on and fall due by 2024 at the latest (open + 30–1,530 days), so every
// resolution, correction and appended resolution is dated in the past: the ledger refuses a
// resolvedOn after the day it is recorded (resolution_in_future).
const D2015 = Date.UTC(2015, 0, 1) / DAY;

/** mulberry32: a tiny, fast, seeded PRNG (returns floats in [0, 1)). */
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREAM = { q: 0x51ed27, f: 0x2c1b3c6d, p: 0x297a2d39, r: 0x3c6ef372, s: 0x1b873593, x: 0x7f4a7c15 };

function rng(seed, stream, i) {
  // Mix seed, stream and index (splitmix-like) so neighbouring indexes get unrelated sequences.
  let h = (seed ^ STREAM[stream]) >>> 0;
  h = Math.imul(h ^ i, 0x85ebca6b) ^ Math.imul((i >>> 16) ^ 0x9e3779b9, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 16;
  return mulberry32(h);
}

const iso = (day) => new Date(day * DAY).toISOString().slice(0, 10);
const KINDS = ['binary', 'numeric', 'date', 'categorical'];
const TERMS = [
  ['likely', 0.66, 'ipcc-ar5'],
  ['very likely', 0.9, 'ipcc-ar5'],
  ['unlikely', 0.33, 'ipcc-ar5'],
  ['probable', 0.75, 'kent'],
  ['almost certain', 0.93, 'kent'],
  ['chances about even', 0.5, 'kent'],
];

/** The sizes of a synthetic ledger with `n` forecasts. */
export function ledgerSizes(n) {
  return {
    N: n,
    Q: Math.max(10, Math.round(n / 10)),
    F: Math.max(2, Math.round(n / 100)),
    S: Math.max(1, Math.min(100, Math.round(n / 10_000))),
  };
}

/**
 * A synthetic ledger of `n` forecasts. Records come in the library's input format (`z.input`).
 */
export class SyntheticLedger {
  constructor(n, seed = 20251129) {
    Object.assign(this, ledgerSizes(n));
    this.seed = seed;
    const { Q } = this;
    // Per-question facts the forecasts and resolutions need, computed once.
    this.kind = new Uint8Array(Q);
    this.open = new Int32Array(Q);
    this.due = new Int32Array(Q);
    this.options = new Uint8Array(Q);
    this.resolved = new Uint8Array(Q); // 1 when the question is in the bulk-resolved half
    for (let i = 0; i < Q; i++) {
      const r = rng(seed, 'q', i);
      const roll = r();
      this.kind[i] = roll < 0.55 ? 0 : roll < 0.75 ? 1 : roll < 0.9 ? 2 : 3;
      this.open[i] = D2015 + Math.floor(r() * 1800);
      this.due[i] = this.open[i] + 30 + Math.floor(r() * 1500);
      this.options[i] = 3 + Math.floor(r() * 2);
      this.resolved[i] = rng(seed, 'r', i)() < 0.5 ? 1 : 0;
    }
  }

  source(i) {
    return {
      id: `src-${i}`,
      title: `Synthetic article ${i}`,
      outlet: ['Daily Planet', 'Gazette', 'Tribune', '經濟日報'][i % 4],
      published: { date: iso(D2015 + (i % 1800)), precision: 'day' },
      language: i % 4 === 3 ? 'zh-Hant' : 'en',
      url: `https://example.org/articles/${i}`,
    };
  }

  forecaster(i) {
    const r = rng(this.seed, 's', i);
    const person = r() < 0.7;
    return {
      id: `fc-${i}`,
      name: person ? `Forecaster ${i}` : `Institute ${i}`,
      type: person ? 'person' : 'organization',
      aliases: r() < 0.2 ? [`F${i}`] : [],
      ...(r() < 0.3 ? { affiliation: `Group ${i % 97}` } : {}),
    };
  }

  question(i) {
    const r = rng(this.seed, 'x', i);
    const kind = KINDS[this.kind[i]];
    const resolveOn = iso(this.due[i]);
    const tags = [...new Set(Array.from({ length: Math.floor(r() * 4) }, () => `tag-${Math.floor(r() * 50)}`))];
    const stanceRoll = r();
    const q = {
      id: `q-${i}`,
      kind,
      title: `Synthetic ${kind} question ${i}`,
      statement: `Will synthetic indicator ${i} do what forecaster claims say, by ${resolveOn}?`,
      resolution: {
        resolveOn,
        horizon: `by ${resolveOn.slice(0, 4)}`,
        semantics: kind === 'binary' ? 'by' : 'at',
        criteria: `Synthetic data series ${i % 1000}, as published.`,
      },
      tags,
      ...(stanceRoll < 0.9 ? {} : { stance: stanceRoll < 0.95 ? 'plan' : 'goal' }),
      ...(i > 0 && r() < 0.01 ? { relations: [{ type: 'related', questionId: `q-${i - 1 - Math.floor(r() * Math.min(i, 100))}` }] } : {}),
    };
    if (kind === 'numeric') q.spec = { unit: 'USD/t', scale: r() < 0.2 ? 'log' : 'linear' };
    if (kind === 'date') q.spec = {};
    if (kind === 'categorical') q.spec = { options: Array.from({ length: this.options[i] }, (_, k) => ({ id: `o${k}`, label: `Option ${k}` })) };
    return q;
  }

  /** The (question, forecaster, madeAt day) of forecast k before any update rule. */
  #pair(k) {
    const r = rng(this.seed, 'p', k);
    const qi = Math.floor(r() * this.Q);
    const fi = Math.floor(r() * this.F);
    const made = this.open[qi] + Math.floor(r() * (this.due[qi] - this.open[qi]));
    return [qi, fi, made];
  }

  /** Forecast `j` (0 ≤ j < N). */
  forecast(j) {
    const r = rng(this.seed, 'f', j);
    let [qi, fi, made] = this.#pair(j);
    if (j > 0 && r() < 0.1) {
      // An update of an earlier pair, made later (but still before the question is due).
      const [bq, bf, bMade] = this.#pair(j - 1 - Math.floor(r() * Math.min(j, 1000)));
      qi = bq;
      fi = bf;
      made = bMade + Math.floor(r() * (this.due[qi] - bMade));
    }
    const kind = this.kind[qi];
    const questionId = `q-${qi}`;
    const forecasterId = `fc-${fi}`;
    const madeAt = r() < 0.1 ? `${iso(made)}T12:00:00Z` : iso(made);
    let estimate;
    let confidence;
    if (kind === 0) {
      if (r() < 0.85) estimate = { kind: 'binary', probability: Math.round(r() * 1000) / 1000 };
      else {
        const [wording, impliedProbability, scale] = TERMS[Math.floor(r() * TERMS.length)];
        estimate = { kind: 'binary' };
        confidence = { wording, impliedProbability, scale };
      }
    } else if (kind === 1) {
      const point = Math.round(1000 + r() * 10000);
      estimate = r() < 0.3 ? { kind: 'numeric', point, interval: { lower: point - 500, upper: point + 500, level: 0.8 } } : { kind: 'numeric', point };
    } else if (kind === 2) {
      estimate = { kind: 'date', point: iso(made + Math.floor(r() * 700)) };
    } else {
      const n = this.options[qi];
      const probabilities = {};
      let left = 1;
      for (let k = 0; k < n; k++) {
        // floor keeps the running sum at or below 1; the last option takes what is left
        const p = Math.floor((k === n - 1 ? 1 : r()) * left * 100) / 100;
        probabilities[`o${k}`] = p;
        left = Math.max(0, left - p);
      }
      estimate = { kind: 'categorical', probabilities };
    }
    const f = {
      ...(r() < 0.3 ? { id: `${questionId}.${forecasterId}.${j}` } : {}),
      questionId,
      forecasterId,
      madeAt,
      ...(r() < 0.5 ? { sourceId: `src-${Math.floor(r() * this.S)}` } : {}),
      ...(r() < 0.2 ? { excerpt: `expects ${kind === 0 ? 'it' : 'about that'} by ${iso(this.due[qi]).slice(0, 4)}` } : {}),
      estimate,
      ...(confidence ? { confidence } : {}),
    };
    return f;
  }

  forecasts(start, count) {
    const out = new Array(count);
    for (let k = 0; k < count; k++) out[k] = this.forecast(start + k);
    return out;
  }

  #outcome(i, r) {
    switch (this.kind[i]) {
      case 0:
        return { kind: 'binary', value: r() < 0.5 };
      case 1:
        return { kind: 'numeric', value: Math.round(1000 + r() * 10000) };
      case 2:
        return { kind: 'date', value: iso(this.open[i] + Math.floor(r() * 2000)) };
      default:
        return { kind: 'categorical', value: `o${Math.floor(r() * this.options[i])}` };
    }
  }

  /**
   * The resolution records of question `i` in the bulk-resolved half: one, or two when the first is
   * corrected. Empty for the open half.
   */
  resolutions(i) {
    if (!this.resolved[i]) return [];
    const r = rng(this.seed, 'r', i);
    r(); // the roll that put the question in the resolved half
    const roll = r();
    const questionId = `q-${i}`;
    const resolvedOn = iso(this.due[i] + Math.floor(r() * 60));
    if (roll >= 0.9) {
      return [{ questionId, status: roll < 0.96 ? 'annulled' : 'ambiguous', resolvedOn, evidence: [], reason: 'Synthetic: the premise failed.' }];
    }
    const evidence = [{ description: `Synthetic series ${i % 1000}, final release`, url: `https://example.org/data/${i}` }];
    const first = { questionId, status: 'resolved', outcome: this.#outcome(i, r), resolvedOn, evidence };
    if (r() >= 0.02) return [first];
    const second = {
      ...first,
      outcome: this.#outcome(i, r),
      resolvedOn: iso(this.due[i] + 61),
      evidence: [{ description: 'Synthetic: revised release' }],
      correction: { reason: 'Synthetic: the first release was revised.' },
    };
    return [first, second];
  }

  /** The questions left open by the bulk resolutions (for single appends), in index order. */
  *openQuestions() {
    for (let i = 0; i < this.Q; i++) if (!this.resolved[i]) yield i;
  }

  /** A single-append forecast on open question `qi` (index `k` makes it unique). */
  appendForecast(qi, k) {
    const r = rng(this.seed, 'f', 0x40000000 + k);
    const kind = this.kind[qi];
    const made = this.open[qi] + Math.floor(r() * (this.due[qi] - this.open[qi]));
    const estimate =
      kind === 0
        ? { kind: 'binary', probability: Math.round(r() * 1000) / 1000 }
        : kind === 1
          ? { kind: 'numeric', point: Math.round(1000 + r() * 10000) }
          : kind === 2
            ? { kind: 'date', point: iso(made + 30) }
            : { kind: 'categorical', probabilities: { o0: 0.5, o1: 0.25 } };
    return { questionId: `q-${qi}`, forecasterId: `fc-${Math.floor(r() * this.F)}`, madeAt: iso(made), estimate };
  }

  /** A single-append resolution of open question `qi`, as `ledger.resolve` takes it. */
  appendResolution(qi) {
    const r = rng(this.seed, 'r', 0x40000000 + qi);
    return {
      outcome: this.#outcome(qi, r).value,
      resolvedOn: iso(this.due[qi] + 1),
      evidence: [{ description: `Synthetic series ${qi % 1000}, final release` }],
    };
  }
}
