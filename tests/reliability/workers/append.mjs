// node append.mjs <db> <forecaster> <id-prefix> <count> <question>…: adds <count> forecasts by
// <forecaster>, with ids `<id-prefix>-<i>`, one transaction each, and prints "ack <id>" once each
// write has returned (is acknowledged). Killed at random moments by kill.test.ts.
import { writeSync } from 'node:fs';
import { openLedger } from '../../../dist/index.js';

const [db, forecasterId, prefix, count, ...questions] = process.argv.slice(2);
const ledger = await openLedger(db);
writeSync(1, 'opened\n');
for (let i = 0; i < Number(count); i++) {
  const id = `${prefix}-${i}`;
  await ledger.addForecast({
    id,
    questionId: questions[i % questions.length],
    forecasterId,
    madeAt: '2025-10-08',
    estimate: { kind: 'binary', probability: (i % 100) / 100 },
  });
  writeSync(1, `ack ${id}\n`);
}
await ledger.close();
