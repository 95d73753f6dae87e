// The main job until the CLI lands: build forecast-ledger.sqlite from predictions/, verify it, summarize.
import { openLedger } from '../dist/index.js';

const ledger = await openLedger(process.env.FORECAST_LEDGER_DB ?? 'forecast-ledger.sqlite');
try {
  const report = await ledger.importPredictions('predictions');
  const verify = await ledger.verify();
  const counts = await ledger.counts();
  console.log(`imported ${report.files.length} files: ${report.added.questions} questions and ${report.added.forecasts} forecasts added, ${report.unchanged.questions + report.unchanged.forecasts} already present`);
  console.log(`ledger: ${counts.sources} sources, ${counts.forecasters} forecasters, ${counts.questions} questions, ${counts.forecasts} forecasts, ${counts.resolutions} resolutions`);
  console.log(`history: ${verify.events} events, head ${verify.head.slice(0, 16)}…, ${verify.ok ? 'verified' : 'BROKEN'}`);
  if (!verify.ok) process.exitCode = 1;
} finally {
  await ledger.close();
}
