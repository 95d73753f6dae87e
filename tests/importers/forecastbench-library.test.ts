import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerValidationError } from '../../src/errors.js';
import { readForecastBench, forecastBenchToPredictions } from '../../src/importers/forecastbench.js';
import { openLedger } from '../../src/ledger.js';

// ForecastBench's 2024-07-21 human round (CC BY-SA 4.0, Forecasting Research Institute), read from ../shared.
const DATA = '/work/shared/data/forecastbench';
const FILES = {
  questionSet: join(DATA, '2024-07-21-human.question_set.json.gz'),
  forecastSets: [join(DATA, '2024-07-21.ForecastBench.human_super_individual.c06d4d7f.json.gz')],
  resolutionSet: join(DATA, '2024-07-21_resolution_set.3fb99f4f.2025-02-17.json.gz'),
};

describe('ForecastBench through the library', () => {
  it('reproduces the Superforecaster median row of the ICLR 2025 human leaderboard', async () => {
    const result = readForecastBench(FILES);
    const ledger = await openLedger(':memory:');
    await ledger.importPredictions(result.predictions);
    await ledger.addAggregate({ id: 'superforecaster-median', name: 'Superforecaster median forecast', method: 'median', members: 'all' });
    const row = async (tag: string) =>
      (await ledger.leaderboard({ tag, asOf: '2025-02-17' })).entries.find((e) => e.forecasterId === 'superforecaster-median')!;
    const dataset = await row('forecastbench-dataset');
    const market = await row('forecastbench-market');
    expect([dataset.binary, market.binary]).toEqual([422, 49]);
    expect(dataset.meanBrier!.toFixed(3)).toBe('0.118');
    expect(market.meanBrier!.toFixed(3)).toBe('0.084');
    expect(((dataset.meanBrier! + market.meanBrier!) / 2).toFixed(3)).toBe('0.101');
    await ledger.close();
  });

  it('names the file and record of a malformed forecast, and maps nothing', () => {
    const q = { forecast_due_date: '2024-07-21', question_set: 'q.json', questions: [] };
    const f = {
      organization: 'X',
      model: 'Y',
      forecast_due_date: '2024-07-21',
      forecasts: [{ id: 'a', source: 'fred', forecast: 1.5, resolution_date: '2024-07-28' }],
    };
    const run = () => forecastBenchToPredictions({ questionSet: { file: 'q.json', data: q }, forecastSets: [{ file: '/tmp/f.json', data: f }] });
    expect(run).toThrow(LedgerValidationError);
    try {
      run();
    } catch (error) {
      expect((error as LedgerValidationError).issues).toEqual([
        expect.objectContaining({ file: 'f.json', path: 'forecasts[0].forecast', message: 'a forecast must be ≤ 1' }),
      ]);
    }
  });
});
