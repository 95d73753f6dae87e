// Every platform through the built CLI: what a user runs, all or nothing.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cli, expectOk, parseJson } from '../cli/harness.js';
import { ErrorJson } from '../cli/schemas.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'importers');
const Report = z.object({
  platform: z.string(),
  added: z.object({ questions: z.number(), forecasts: z.number() }),
  unchanged: z.object({ forecasts: z.number() }),
  unmapped: z.array(z.object({ reason: z.string() })),
});

describe('forecast-ledger import-from', () => {
  it.each([
    ['fatebook', ['fatebook/export.csv'], 7],
    ['predictionbook', ['predictionbook/my_predictions.json'], 5],
    ['metaculus', ['metaculus/posts.json'], 8],
    ['manifold', ['manifold/markets.json', 'manifold/bets.json'], 10],
  ])('imports a %s export, and a second run changes nothing', async (platform, files, questions) => {
    const db = join(tempDir(), 'ledger.sqlite');
    const args = ['import-from', platform, ...files.map((f) => join(FIXTURES, f)), '--db', db, '--json'];
    const first = parseJson(Report, expectOk(await cli(args)));
    expect(first).toMatchObject({ platform, added: { questions } });
    const again = parseJson(Report, expectOk(await cli(args)));
    expect(again.added).toMatchObject({ questions: 0, forecasts: 0 });
    expect(again.unchanged.forecasts).toBe(first.added.forecasts);
  });

  // resolve(cwd, '') is the working folder: an empty path read a folder, imported every file of it, or
  // (an empty --resolution-set, taken for "not given") imported a round with every question left open.
  const FB = '/work/shared/data/forecastbench';
  const sets = [
    '--question-set',
    join(FB, '2024-07-21-human.question_set.json.gz'),
    '--forecast-set',
    join(FB, '2024-07-21.ForecastBench.human_super_individual.c06d4d7f.json.gz'),
  ];
  it.each([
    ['--resolution-set', ['import-from', 'forecastbench', ...sets, '--resolution-set', '']],
    ['--question-set', ['import-from', 'forecastbench', '--question-set', '', '--forecast-set', sets[3]!]],
    ['--forecast-set', ['import-from', 'forecastbench', '--question-set', sets[1]!, '--forecast-set', '']],
    ['<files…>', ['import-from', 'fatebook', '']],
    ['<file|dir>', ['import', '']],
  ])('refuses an empty path given as %s, writing nothing', async (name, args) => {
    const db = join(tempDir(), 'ledger.sqlite');
    const result = await cli([...args, '--db', db, '--json']);
    expect({ exit: result.code, error: parseJson(ErrorJson, result).error }).toEqual({
      exit: 2,
      error: { code: 'usage_error', message: `${name}: expected a path, received ""`, exitCode: 2 },
    });
    expect(existsSync(db)).toBe(false);
  });

  it('refuses an unknown platform, naming the known ones', async () => {
    const result = await cli(['import-from', 'polymarket', 'x.json', '--db', join(tempDir(), 'l.sqlite')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('expected one of forecastbench, fatebook, predictionbook, metaculus, manifold, received "polymarket"');
  });
});

describe('forecast-ledger aggregate add', () => {
  it('adds an aggregate ranked on the leaderboard, and refuses an unknown member or method', async () => {
    const db = join(tempDir(), 'ledger.sqlite');
    expectOk(await cli(['import-from', 'predictionbook', join(FIXTURES, 'predictionbook', 'my_predictions.json'), '--db', db]));
    expectOk(await cli(['aggregate', 'add', 'pb-pool', '--method', 'geometric-mean-odds', '--members', 'predictionbook.17,predictionbook.42', '--db', db]));
    const board = parseJson(
      z.object({ entries: z.array(z.object({ forecasterId: z.string(), binary: z.number() })) }),
      expectOk(await cli(['leaderboard', '--json', '--as-of', '2020-01-01', '--db', db])),
    );
    expect(board.entries.find((e) => e.forecasterId === 'pb-pool')?.binary).toBe(2);

    const unknown = parseJson(
      ErrorJson,
      await cli(['aggregate', 'add', 'x', '--method', 'median', '--members', 'predictionbook.17,nobody', '--json', '--db', db]),
    );
    expect(unknown.error).toMatchObject({ code: 'forecaster_not_found', message: expect.stringContaining('members[1]') });
    const method = await cli(['aggregate', 'add', 'y', '--method', 'mode', '--members', 'all', '--db', db]);
    expect(method.code).toBe(2);
    expect(method.stderr).toContain(
      '--method: expected one of median, mean, geometric-mean-odds, extremized-geometric-mean-odds, recency-weighted, received "mode"',
    );
  });
});
