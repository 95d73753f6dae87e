// Every platform through the built CLI: what a user runs, all or nothing.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cli, expectOk, parseJson } from '../cli/harness.js';
import { tempDir } from '../helpers/temp.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'importers');
const Report = z.object({ platform: z.string(), added: z.object({ questions: z.number(), forecasts: z.number() }), unchanged: z.object({ forecasts: z.number() }), unmapped: z.array(z.object({ reason: z.string() })) });

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

  it('refuses an unknown platform, naming the known ones', async () => {
    const result = await cli(['import-from', 'polymarket', 'x.json', '--db', join(tempDir(), 'l.sqlite')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('expected one of forecastbench, fatebook, predictionbook, metaculus, manifold, received "polymarket"');
  });
});
