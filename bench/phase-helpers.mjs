// The phase helpers that every backend's phases share (bench/run.mjs, bench/postgres-backend.mjs).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * The CPU time (user + system, ms) of the calling thread so far, from Linux's /proc/thread-self/stat
 * (10 ms ticks), or undefined elsewhere. process.cpuUsage() counts every thread of the process, and
 * Node 20 has no process.threadCpuUsage() (Node 23.9+).
 */
export function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in USER_HZ (100/s) ticks
  } catch {
    return undefined;
  }
}

/**
 * Accumulates wall time and CPU time (user + system) of the timed sections: `cpuMs` of the whole
 * process (worker threads included), `mainThreadCpuMs` of the main thread alone (null where
 * threadCpuMs() cannot tell).
 */
export class Stopwatch {
  ms = 0;
  cpuMs = 0;
  mainThreadCpuMs = 0;
  #t = 0;
  #cpu = undefined;
  #threadCpu = undefined;
  start() {
    this.#cpu = process.cpuUsage();
    this.#threadCpu = threadCpuMs();
    this.#t = performance.now();
    return this;
  }
  stop() {
    const dt = performance.now() - this.#t;
    const cpu = process.cpuUsage(this.#cpu);
    const threadCpu = threadCpuMs();
    this.ms += dt;
    this.cpuMs += (cpu.user + cpu.system) / 1000;
    this.mainThreadCpuMs =
      this.#threadCpu === undefined || threadCpu === undefined || this.mainThreadCpuMs === null ? null : this.mainThreadCpuMs + threadCpu - this.#threadCpu;
    return dt;
  }
}

export function allResolutions(gen) {
  // First resolutions in question order, then the corrections (each follows what it corrects).
  const first = [];
  const corrections = [];
  for (let i = 0; i < gen.Q; i++) {
    const rs = gen.resolutions(i);
    if (rs.length) first.push(rs[0]);
    if (rs.length > 1) corrections.push(rs[1]);
  }
  return [...first, ...corrections];
}

/**
 * The single appends, the same on both sides: half forecasts on open questions, half resolutions of
 * open questions, after an untimed warm-up of APPEND_WARM_UP appends of the same mix (other questions).
 */
export const APPEND_WARM_UP = 100;
export function appendPlan(gen, args) {
  const open = [...gen.openQuestions()];
  const half = Math.floor(args.appends / 2);
  const resolves = Math.min(args.appends - half, open.length);
  const warmResolves = Math.max(0, Math.min(APPEND_WARM_UP / 2, open.length - resolves));
  return {
    warmUp: {
      forecasts: Array.from({ length: APPEND_WARM_UP / 2 }, (_, k) => [open[(k * 13) % open.length], 1_000_000 + k]),
      resolves: Array.from({ length: warmResolves }, (_, k) => open[open.length - 1 - k]),
    },
    timed: {
      forecasts: Array.from({ length: half }, (_, k) => [open[k % open.length], k]),
      resolves: open.slice(0, resolves),
    },
  };
}

/**
 * The timed single forecasts of the raw floor, with the same ids the library gives them (content
 * hashes: random keys in the id index), computed outside the timed part.
 */
export const appendForecastsWithIds = (lib, gen, list) =>
  list.map(([qi, k]) => {
    const f = gen.appendForecast(qi, k);
    return { ...f, id: `f-${createHash('sha256').update(lib.canonicalJson(f)).digest('hex').slice(0, 16)}` };
  });

/** The raw floor's resolution record for a single append on question `qi`. */
export function appendResolutionRecord(gen, qi) {
  const input = gen.appendResolution(qi);
  const kind = ['binary', 'numeric', 'date', 'categorical'][gen.kind[qi]];
  return { questionId: `q-${qi}`, status: 'resolved', outcome: { kind, value: input.outcome }, resolvedOn: input.resolvedOn, evidence: input.evidence };
}
