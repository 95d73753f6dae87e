// node open-ledger.mjs <db> <go-file>: waits for <go-file>, then opens (creating and migrating) the
// ledger and prints one JSON line: the migrations it applied and its verification, or the error.
import { existsSync } from 'node:fs';
import { openLedger } from '../../../dist/index.js';

const [db, go] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(go)) Atomics.wait(pause, 0, 0, 1);
try {
  const ledger = await openLedger(db);
  const report = await ledger.verify();
  console.log(JSON.stringify({ ok: true, applied: ledger.store.migratedOnOpen.applied.map((m) => m.version), verified: report.ok, problems: report.problems }));
  await ledger.close();
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
  process.exitCode = 1;
}
