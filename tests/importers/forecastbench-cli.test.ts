// The headline check of the importers: ForecastBench's published table, reproduced with the built CLI.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cli, expectOk, parseJson } from '../cli/harness.js';
import { tempDir } from '../helpers/temp.js';

// ForecastBench 2024-07-21 human round, © Forecasting Research Institute, CC BY-SA 4.0 (read from ../shared, not shipped).
const DATA = '/work/shared/data/forecastbench';
const QUESTION_SET = join(DATA, '2024-07-21-human.question_set.json.gz');
const FORECAST_SET = join(DATA, '2024-07-21.ForecastBench.human_super_individual.c06d4d7f.json.gz');
const RESOLUTION_SET = join(DATA, '2024-07-21_resolution_set.3fb99f4f.2025-02-17.json.gz');

const Board = z.object({ entries: z.array(z.object({ forecasterId: z.string(), binary: z.number(), meanBrier: z.number().optional() })) });

describe('forecast-ledger import-from forecastbench', () => {
  it('gives the "Superforecaster median forecast" row of the ICLR 2025 human leaderboard to the printed digit', async () => {
    const db = join(tempDir(), 'fb.sqlite');
    const imported = expectOk(
      await cli([
        'import-from',
        'forecastbench',
        '--question-set',
        QUESTION_SET,
        '--forecast-set',
        FORECAST_SET,
        '--resolution-set',
        RESOLUTION_SET,
        '--db',
        db,
        '--json',
      ]),
    );
    const report = parseJson(
      z.object({ added: z.object({ forecasts: z.number(), forecasters: z.number() }), unmapped: z.array(z.object({ reason: z.string() })) }),
      imported,
    );
    expect(report.added).toMatchObject({ forecasts: 7693, forecasters: 40 });
    // The 27 unresolved markets (ForecastBench scores them against the market value) are reported, not dropped.
    expect(report.unmapped.filter((u) => u.reason.includes('unresolved'))).toHaveLength(27);

    expectOk(
      await cli([
        'aggregate',
        'add',
        'superforecaster-median',
        '--method',
        'median',
        '--members',
        'all',
        '--name',
        'Superforecaster median forecast',
        '--db',
        db,
      ]),
    );
    const row = async (tag: string) => {
      const board = parseJson(Board, expectOk(await cli(['leaderboard', '--tag', tag, '--as-of', '2025-02-17', '--json', '--db', db])));
      return board.entries.find((e) => e.forecasterId === 'superforecaster-median')!;
    };
    const dataset = await row('forecastbench-dataset');
    const market = await row('forecastbench-market');
    // human_leaderboard_overall.601f6d9e.2025-02-17.csv: Dataset 0.118 (N=422), Market resolved 0.084 (N=49), Overall resolved 0.101.
    expect({ n: dataset.binary, score: dataset.meanBrier!.toFixed(3) }).toEqual({ n: 422, score: '0.118' });
    expect({ n: market.binary, score: market.meanBrier!.toFixed(3) }).toEqual({ n: 49, score: '0.084' });
    expect(((dataset.meanBrier! + market.meanBrier!) / 2).toFixed(3)).toBe('0.101');
  });

  it('imports nothing and names the file and record when a file is malformed', async () => {
    const dir = tempDir();
    const db = join(dir, 'fb.sqlite');
    const bad = join(dir, 'bad-forecasts.json');
    writeFileSync(
      bad,
      JSON.stringify({ organization: 'X', model: 'Y', forecast_due_date: '2024-07-21', forecasts: [{ id: 'a', source: 'fred', forecast: 'high' }] }),
    );
    const result = await cli(['import-from', 'forecastbench', bad, '--question-set', QUESTION_SET, '--db', db]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/bad-forecasts\.json › record "a" › forecasts\[0\]\.forecast: .*expected number, received string/);
    expect(existsSync(db)).toBe(false);
  });
});
