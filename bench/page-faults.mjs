#!/usr/bin/env node
// What this machine charges for memory a process touches for the first time: a minor page fault per 4 KiB
// page. The benchmark's scorecard phase counts them per call (a fresh process's first scorecards grow
// SQLite's page cache and V8's heap); this says what each one costs here, against touching the same
// pages again. See docs/performance.md, "Where issue 11 ends".
//
//   node bench/page-faults.mjs [MiB, default 64] [rounds, default 3]
import { performance } from 'node:perf_hooks';

const mib = Number(process.argv[2] ?? 64);
const rounds = Number(process.argv[3] ?? 3);
for (let r = 0; r < rounds; r++) {
  const buffer = Buffer.allocUnsafeSlow(mib * 1024 * 1024); // its own mapping: no page touched yet
  const before = process.resourceUsage().minorPageFault;
  let t = performance.now();
  for (let i = 0; i < buffer.length; i += 4096) buffer[i] = 1;
  const firstMs = performance.now() - t;
  const faults = process.resourceUsage().minorPageFault - before;
  t = performance.now();
  for (let i = 0; i < buffer.length; i += 4096) buffer[i] = 2;
  const againMs = performance.now() - t;
  console.log(
    `${mib} MiB: ${faults} page faults in ${firstMs.toFixed(1)} ms, ${((firstMs * 1000) / faults).toFixed(1)} µs each; ` +
      `the same pages again ${againMs.toFixed(2)} ms (×${(firstMs / againMs).toFixed(0)})`,
  );
}
