// node verify-loop.mjs <db> <stop-file>: verifies the ledger again and again until <stop-file>
// exists, then prints one JSON line: how many verifications ran, the failed ones, and whether the
// number of events ever went down.
import { existsSync } from 'node:fs';
import { openLedger } from '../../../dist/index.js';

const [db, stop] = process.argv.slice(2);
const ledger = await openLedger(db);
let runs = 0;
let last = 0;
let shrank = false;
const failures = [];
do {
  const report = await ledger.verify({ quick: true });
  runs++;
  if (!report.ok) failures.push(report.problems);
  if (report.events < last) shrank = true;
  last = report.events;
} while (!existsSync(stop));
console.log(JSON.stringify({ runs, failures, shrank, events: last }));
await ledger.close();
