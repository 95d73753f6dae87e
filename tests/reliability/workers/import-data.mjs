// node import-data.mjs <db> <file>: opens the ledger, prints "opened", imports <file> (one
// transaction), prints "imported". Killed at random moments by kill.test.ts.
import { writeSync } from 'node:fs';
import { openLedger } from '../../../dist/index.js';

const [db, file] = process.argv.slice(2);
const ledger = await openLedger(db);
writeSync(1, 'opened\n');
await ledger.importPredictions(file);
writeSync(1, 'imported\n');
await ledger.close();
