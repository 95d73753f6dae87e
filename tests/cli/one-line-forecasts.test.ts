// `predict` and `forecast`, run as a user would: the built command, a scratch folder as working directory.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Question } from '../../src/index.js';
import { cli, expectOk, parseJson, scratchDir } from './harness.js';
import { ErrorJson, StoredForecast } from './schemas.js';

const PredictJson = z.strictObject({ question: Question, forecast: StoredForecast, dueDateFrom: z.enum(['by', 'text']), forecasterAdded: z.boolean() });
const ForecastJson = z.strictObject({ forecast: StoredForecast, forecasterAdded: z.boolean() });
const ShowForecasts = z.object({ forecasts: z.array(StoredForecast) });

/** A scratch folder with an empty environment for the forecaster, and a runner in it. */
function project(env: Record<string, string> = {}) {
  const cwd = scratchDir();
  const run = (...args: string[]) => cli(args, { cwd, env: { FORECAST_LEDGER_FORECASTER: '', ...env } });
  return { cwd, run };
}

describe('predict', () => {
  it('records the question and the forecast in one line, confirming the date it took from the text', async () => {
    const { run } = project();
    const result = expectOk(await run('predict', 'Will X happen by 2099-06-30?', '70%', '--as', 'me'));
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/added forecaster me \(a person; from --as\)/);
    expect(result.stderr).toMatch(/me says 70% on will-x-happen-by-2099-06-30/);
    expect(result.stderr).toMatch(/due 2099-06-30 \(the date in the text; pass --by <date> to change it\)/);
    const show = parseJson(ShowForecasts, expectOk(await run('show', 'will-x-happen-by-2099-06-30', '--json')));
    expect(show.forecasts).toHaveLength(1);
    expect(show.forecasts[0]).toMatchObject({ forecasterId: 'me', estimate: { kind: 'binary', probability: 0.7 } });
    // madeAt is now: an instant, to the second.
    expect(show.forecasts[0]!.madeAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Math.abs(Date.parse(show.forecasts[0]!.madeAt) - Date.now())).toBeLessThan(10 * 60_000);
  });

  it('takes --by over the text, a verbal probability, and prints JSON with --json', async () => {
    const { run } = project();
    const json = parseJson(
      PredictJson,
      expectOk(await run('predict', 'Will it snow in Paris this winter?', 'likely', '--by', '2099-03-20', '--as', 'alice', '--json')),
    );
    expect(json.dueDateFrom).toBe('by');
    expect(json.question).toMatchObject({
      id: 'will-it-snow-in-paris-this-winter',
      kind: 'binary',
      stance: 'forecast',
      resolution: { resolveOn: '2099-03-20' },
    });
    expect(json.forecast.confidence).toEqual({ wording: 'likely', impliedProbability: 0.83, scale: 'ipcc-ar5' });
  });

  it('reads the forecaster from $FORECAST_LEDGER_FORECASTER, else from forecast-ledger.config.json; --as wins', async () => {
    const { cwd, run } = project();
    writeFileSync(join(cwd, 'forecast-ledger.config.json'), JSON.stringify({ forecaster: 'from-config' }));
    const byConfig = parseJson(PredictJson, expectOk(await run('predict', 'Rain by 2099?', '0.6', '--json')));
    expect(byConfig.forecast.forecasterId).toBe('from-config');
    const byEnv = parseJson(
      PredictJson,
      expectOk(await cli(['predict', 'Rain by 2099?', '0.6', '--json'], { cwd, env: { FORECAST_LEDGER_FORECASTER: 'from-env' } })),
    );
    expect(byEnv.forecast.forecasterId).toBe('from-env');
    expect(byEnv.question.id).toBe('rain-by-2099-2');
    const byFlag = parseJson(
      PredictJson,
      expectOk(await cli(['predict', 'Rain by 2099?', '0.6', '--as', 'flag', '--json'], { cwd, env: { FORECAST_LEDGER_FORECASTER: 'from-env' } })),
    );
    expect(byFlag.forecast.forecasterId).toBe('flag');
  });

  describe('usage errors (exit 2), nothing written', () => {
    it.each([
      [['Will it rain by 2099?', '170%', '--as', 'me'], /^<probability>: expected a probability such as 70%, 0\.7 or a verbal term .*received "170%"/],
      [['Will it rain by 2099?', 'likley', '--as', 'me'], /received "likley": did you mean "likely"\?/],
      [['Will it rain?', '70%', '--as', 'me'], /^predict: expected a due date, received none/],
      [
        ['Will it rain by 2099?', '70%'],
        /^predict: who makes this forecast\? expected --as <id>, \$FORECAST_LEDGER_FORECASTER or a \.\/forecast-ledger\.config\.json/,
      ],
      [['Will it rain by 2099?', '70%', '--as', 'Not Me'], /^--as: expected an id/],
      [['Will it rain by 2099?', '70%', '--by', '2027-02-30', '--as', 'me'], /^--by: expected a real calendar date/],
      // Not read as "by 2099": a date out of the calendar is refused, not replaced by the end of its year.
      [['Will it rain by 2099-02-29?', '70%', '--as', 'me'], /^predict: expected a due date in the calendar, received 2099-02-29 in the text/],
      [['Did it rain by 2020-01-01?', '70%', '--as', 'me'], /^predict: expected a due date from today on, received 2020-01-01 \(the date in the text\)/],
    ])('refuses %j', async (args, message) => {
      const { run } = project();
      const result = await run('predict', ...args, '--json');
      expect(result.code).toBe(2);
      const { error } = parseJson(ErrorJson, result);
      expect(error.code).toBe('usage_error');
      expect(error.message).toMatch(message);
      expect((await run('list', '--json')).code).toBe(3); // not even a ledger file was created
    });

    it('names the config file when it is not JSON', async () => {
      const { cwd, run } = project();
      writeFileSync(join(cwd, 'forecast-ledger.config.json'), '{ forecaster: me }');
      const result = await run('predict', 'Rain by 2099?', '70%', '--json');
      expect(parseJson(ErrorJson, result).error).toMatchObject({ code: 'invalid_json', message: expect.stringContaining('forecast-ledger.config.json') });
    });
  });
});

describe('forecast', () => {
  it('records an update, made now, that keeps the earlier forecast in the history', async () => {
    const { run } = project();
    expectOk(await run('predict', 'Will X happen by 2099-06-30?', '70%', '--as', 'me'));
    const result = expectOk(await run('forecast', 'will-x-happen-by-2099-06-30', '65%', '--as', 'me'));
    expect(result.stderr).toMatch(/me now says 65% on will-x-happen-by-2099-06-30 \(forecast f-[0-9a-f]{16}, made \d{4}-\d{2}-\d{2}T/);
    const json = parseJson(ForecastJson, expectOk(await run('forecast', 'will-x-happen-by-2099-06-30', 'unlikely', '--json', '--as', 'bob')));
    expect(json).toMatchObject({ forecasterAdded: true, forecast: { forecasterId: 'bob', confidence: { wording: 'unlikely', impliedProbability: 0.165 } } });
    const show = parseJson(ShowForecasts, expectOk(await run('show', 'will-x-happen-by-2099-06-30', '--json')));
    expect(
      show.forecasts.map((f) => [f.forecasterId, f.estimate.kind === 'binary' ? (f.estimate.probability ?? f.confidence?.impliedProbability) : undefined]),
    ).toEqual([
      ['me', 0.7],
      ['me', 0.65],
      ['bob', 0.165],
    ]);
  });

  it('exits 3 for an unknown question, 2 for a bad probability, 1 for a question that is not binary', async () => {
    const { cwd, run } = project();
    expectOk(await run('predict', 'Will X happen by 2099-06-30?', '70%', '--as', 'me'));
    expect(parseJson(ErrorJson, await run('forecast', 'nope', '50%', '--as', 'me', '--json')).error).toMatchObject({ code: 'question_not_found', exitCode: 3 });
    expect(parseJson(ErrorJson, await run('forecast', 'will-x-happen-by-2099-06-30', '1.5', '--as', 'me', '--json')).error).toMatchObject({
      code: 'usage_error',
      exitCode: 2,
    });
    expectOk(
      await run(
        'add',
        'question',
        '--id',
        'copper',
        '--kind',
        'numeric',
        '--title',
        'Copper',
        '--resolve-on',
        '2099-01-01',
        '--criteria',
        'LME',
        '--unit',
        'USD/t',
      ),
    );
    const error = parseJson(ErrorJson, await cli(['forecast', 'copper', '50%', '--as', 'me', '--json'], { cwd }));
    expect(error.error).toMatchObject({ code: 'kind_mismatch', exitCode: 1, message: expect.stringMatching(/use addForecast\(\)/) });
  });
});
