import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerError, LedgerValidationError, type Ledger } from '../../src/index.js';
import { findDueDate, questionSlug } from '../../src/core/one-line-forecast.js';
import { readProbability } from '../../src/core/read-probability.js';
import { describeEachBackend } from '../helpers/backends.js';

const NOW = new Date('2026-12-03T15:20:33.123Z');

async function errorOf(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describeEachBackend('ledger.predict', (backend) => {
  let ledger: Ledger;
  beforeEach(async () => {
    ledger = await backend.open({ now: () => NOW });
  });

  it('creates the question, the forecaster and the forecast from one line, made now', async () => {
    const result = await ledger.predict({ text: 'Will X happen by 2027-06-30?', probability: '70%', forecasterId: 'me' });
    expect(result.dueDateFrom).toBe('text');
    expect(result.forecasterAdded).toBe(true);
    expect(result.question).toMatchObject({
      id: 'will-x-happen-by-2027-06-30',
      kind: 'binary',
      stance: 'forecast',
      title: 'Will X happen by 2027-06-30?',
      resolution: { resolveOn: '2027-06-30', semantics: 'by', criteria: 'Will X happen by 2027-06-30?' },
    });
    expect(result.forecast).toMatchObject({
      questionId: 'will-x-happen-by-2027-06-30',
      forecasterId: 'me',
      madeAt: '2026-12-03T15:20:33Z',
      estimate: { kind: 'binary', probability: 0.7 },
    });
    expect(await ledger.getForecaster('me')).toMatchObject({ id: 'me', name: 'me', type: 'person' });
    expect((await ledger.getQuestion('will-x-happen-by-2027-06-30')).forecasts).toEqual([result.forecast]);
  });

  it('writes the forecaster, the question and the forecast in one transaction (one apply, three events)', async () => {
    const before = (await ledger.verify()).events;
    await ledger.predict({ text: 'Fusion on the grid by 2030?', probability: 0.2, forecasterId: 'me' });
    expect((await ledger.verify()).events).toBe(before + 3);
  });

  it('takes the due date from `by` when given, and says so', async () => {
    const result = await ledger.predict({ text: 'Will X happen by 2027-06-30?', by: '2027-01-31', probability: 0.4, forecasterId: 'me' });
    expect(result.dueDateFrom).toBe('by');
    expect(result.question.resolution.resolveOn).toBe('2027-01-31');
  });

  it('makes the id unique: the same text twice gives -2', async () => {
    await ledger.predict({ text: 'Will it rain by 2027-01-01?', probability: 0.5, forecasterId: 'me' });
    const second = await ledger.predict({ text: 'Will it rain by 2027-01-01?', probability: 0.6, forecasterId: 'me' });
    expect(second.question.id).toBe('will-it-rain-by-2027-01-01-2');
    expect(second.forecasterAdded).toBe(false);
  });

  it('records a verbal term as verbal confidence with its implied probability', async () => {
    const { forecast } = await ledger.predict({ text: 'Rain by 2027?', probability: 'Likely', forecasterId: 'me' });
    expect(forecast.estimate).toEqual({ kind: 'binary' });
    expect(forecast.confidence).toEqual({ wording: 'likely', impliedProbability: 0.83, scale: 'ipcc-ar5' });
    const card = await ledger.scorecard('me', { asOf: '2026-12-03' });
    expect(card.predictions[0]!.confidence?.impliedProbability).toBe(0.83);
  });

  it('keeps an existing forecaster as it is', async () => {
    await ledger.addForecaster({ id: 'alice', name: 'Alice A.', type: 'person' });
    const { forecasterAdded } = await ledger.predict({ text: 'Snow by 2027?', probability: 0.3, forecasterId: 'alice' });
    expect(forecasterAdded).toBe(false);
    expect((await ledger.getForecaster('alice')).name).toBe('Alice A.');
  });

  describe('invalid input, nothing written', () => {
    it.each([
      ['170%', /received "170%": a percentage lies between 0% and 100%/],
      ['7', /received "7": did you mean 7%\?/],
      ['likley', /received "likley": did you mean "likely"/],
      [-0.1, /received -0\.1/],
      ['', /received ""/],
    ])('refuses the probability %j with validation_failed', async (probability, message) => {
      const error = await errorOf(ledger.predict({ text: 'Rain by 2027?', probability, forecasterId: 'me' }));
      expect(error.code).toBe('validation_failed');
      expect(error.message).toMatch(/^ledger\.predict: input\.probability: expected a probability such as 70%, 0\.7 or a verbal term/);
      expect(error.message).toMatch(message);
      expect(await ledger.counts()).toMatchObject({ questions: 0, forecasts: 0, forecasters: 0 });
    });

    it('refuses a text without a date and no `by`', async () => {
      const error = await errorOf(ledger.predict({ text: 'Will it rain?', probability: 0.5, forecasterId: 'me' }));
      expect(error).toBeInstanceOf(LedgerValidationError);
      expect((error as LedgerValidationError).issues[0]).toMatchObject({ path: 'input.by', message: expect.stringMatching(/expected a due date/) });
    });

    it('refuses a text naming a date out of the calendar, rather than taking the end of its year', async () => {
      const error = await errorOf(ledger.predict({ text: 'Will Y by 2099-02-29?', probability: 0.5, forecasterId: 'me' }));
      expect((error as LedgerValidationError).issues[0]).toMatchObject({ path: 'input.text', message: expect.stringMatching(/received 2099-02-29/) });
      expect(await ledger.counts()).toMatchObject({ questions: 0, forecasts: 0, forecasters: 0 });
      // With `by`, the text is the question's wording and nothing more.
      expect(
        (await ledger.predict({ text: 'Will Y by 2099-02-29?', probability: 0.5, forecasterId: 'me', by: '2099-02-28' })).question.resolution.resolveOn,
      ).toBe('2099-02-28');
    });

    it('refuses a due date already past (forecast_after_due) and writes nothing, not even the forecaster', async () => {
      const error = await errorOf(ledger.predict({ text: 'Rain by 2020-01-01?', probability: 0.5, forecasterId: 'me' }));
      expect(error.code).toBe('forecast_after_due');
      expect(await ledger.counts()).toMatchObject({ questions: 0, forecasts: 0, forecasters: 0 });
    });

    it('refuses an unknown key (unknown_option) and a forecaster id that is not a slug', async () => {
      expect((await errorOf(ledger.predict({ text: 'Rain by 2027?', probability: 0.5, forecasterId: 'me', when: 'now' } as never))).code).toBe(
        'unknown_option',
      );
      expect((await errorOf(ledger.predict({ text: 'Rain by 2027?', probability: 0.5, forecasterId: 'Not A Slug' }))).code).toBe('validation_failed');
    });
  });
});

describeEachBackend('ledger.forecast', (backend) => {
  let ledger: Ledger;
  beforeEach(async () => {
    ledger = await backend.open({ now: () => NOW });
    await ledger.predict({ text: 'Will X happen by 2027-06-30?', probability: '70%', forecasterId: 'me', madeAt: '2026-01-01' });
  });

  it('records an update, made now, that stands from then on', async () => {
    const { forecast, forecasterAdded } = await ledger.forecast('will-x-happen-by-2027-06-30', { probability: '65%', forecasterId: 'me' });
    expect(forecasterAdded).toBe(false);
    expect(forecast).toMatchObject({ madeAt: '2026-12-03T15:20:33Z', estimate: { kind: 'binary', probability: 0.65 } });
    expect((await ledger.getQuestion('will-x-happen-by-2027-06-30')).forecasts.map((f) => f.estimate)).toEqual([
      { kind: 'binary', probability: 0.7 },
      { kind: 'binary', probability: 0.65 },
    ]);
  });

  it('adds a new forecaster in the same write', async () => {
    expect((await ledger.forecast('will-x-happen-by-2027-06-30', { probability: 'unlikely', forecasterId: 'bob' })).forecasterAdded).toBe(true);
    expect((await ledger.getForecaster('bob')).type).toBe('person');
  });

  it('refuses an unknown question and a question that is not binary', async () => {
    expect((await errorOf(ledger.forecast('nope', { probability: 0.5, forecasterId: 'me' }))).code).toBe('question_not_found');
    await ledger.addQuestion({
      id: 'copper',
      kind: 'numeric',
      title: 'Copper',
      statement: 'Copper',
      spec: { unit: 'USD/t' },
      resolution: { resolveOn: '2028-01-01', horizon: '2027', semantics: 'at', criteria: 'LME' },
    });
    const error = await errorOf(ledger.forecast('copper', { probability: 0.5, forecasterId: 'me' }));
    expect(error.code).toBe('kind_mismatch');
    expect(error.message).toMatch(/expected a binary question, received numeric question "copper": use addForecast\(\)/);
  });
});

describeEachBackend(
  'ledger.predict, reopened',
  (backend) => {
    it('survives reopening the database', async () => {
      const first = await backend.open({ now: () => NOW });
      await first.predict({ text: 'Snow by 2027?', probability: '25%', forecasterId: 'me' });
      await first.close();
      const again = await backend.reopen(first);
      expect((await again.listForecasts()).map((f) => f.estimate)).toEqual([{ kind: 'binary', probability: 0.25 }]);
    });
  },
  { needs: ['reopen'] },
);

describe('readProbability', () => {
  it.each([
    ['70%', 0.7],
    ['70 %', 0.7],
    ['0%', 0],
    ['100%', 1],
    ['12.5%', 0.125],
    ['0.7', 0.7],
    ['.25', 0.25],
    [0.3, 0.3],
    ['very likely', 0.95],
    ['很可能', 0.9],
  ])('reads %j as %d', (text, p) => {
    expect(readProbability(text, 'p').probability).toBe(p);
  });

  it('refuses text that is no probability', () => {
    for (const bad of ['0x1', '1.5', '101%', '%', 'maybe', '至少', Number.NaN, null])
      expect(() => readProbability(bad, 'p')).toThrow(/^p: expected a probability/);
  });
});

describe('findDueDate and questionSlug', () => {
  it.each([
    ['Will X happen by 2027-06-30?', '2027-06-30'],
    ['Between 2026-01-01 and 2027-03-31?', '2027-03-31'],
    ['Fusion on the grid by 2030?', '2030-12-31'],
    ['Recession in 2027?', '2027-12-31'],
    ['A Mars landing before 2031?', '2030-12-31'],
    ['By the end of 2028, will it rain?', '2028-12-31'],
    ['Not a date: 2027-02-30', undefined],
    // A date that is not in the calendar is not read as the year before it ("by 2027").
    ['Will Y by 2027-02-29?', undefined],
    ['Will Y by 2026-13-01, or by 2028?', undefined],
    ['Will it rain?', undefined],
  ])('finds the due date of %j: %s', (text, date) => {
    expect(findDueDate(text)).toBe(date);
  });

  it('makes a slug of ASCII words, accents dropped, at most 60 characters, "question" when none is left', () => {
    expect(questionSlug('Will X happen by 2027-06-30?')).toBe('will-x-happen-by-2027-06-30');
    expect(questionSlug('Café à Zürich?')).toBe('cafe-a-zurich');
    expect(questionSlug('a'.repeat(10) + ' ' + 'b'.repeat(60)).length).toBeLessThanOrEqual(60);
    expect(questionSlug('明年會下雨嗎')).toBe('question');
  });
});
