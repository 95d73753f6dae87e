// node pg-open.mjs <url> <go-file>: waits for <go-file>, then opens (creating and migrating) the
// PostgreSQL ledger and prints one JSON line: its verification, or the error.
import { existsSync } from 'node:fs';
import { openLedger } from '../../../dist/index.js';

const [url, go] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(go)) Atomics.wait(pause, 0, 0, 1);
try {
  const ledger = await openLedger(url);
  const report = await ledger.verify();
  console.log(JSON.stringify({ ok: true, verified: report.ok, problems: report.problems }));
  await ledger.close();
} catch (error) {
  console.log(JSON.stringify({ ok: false, code: error.code, message: error.message }));
  process.exitCode = 1;
}
