import { describe, expect, it } from 'vitest';
import { cli, expectOk, importedCopy, ledgerState, parseJson } from './harness.js';
import { AmendJson, ClarifyJson, CommentJson, ErrorJson, ShowJson, VerifyJson, WithdrawJson } from './schemas.js';

const COPPER = 'goldman-copper-lme-2027-average';

describe('clarify, amend, comment, withdraw', () => {
  it('records each as an event shown by show, and verify stays ok', async () => {
    const db = await importedCopy();
    const before = parseJson(ShowJson, expectOk(await cli(['show', COPPER, '--db', db, '--json'])));
    const forecastId = before.forecasts[0]!.id;

    const clarified = parseJson(ClarifyJson, expectOk(await cli(['clarify', COPPER, '--text', 'The LME cash settlement price counts.', '--db', db, '--json'])));
    expect(clarified.clarification).toMatchObject({ questionId: COPPER, text: 'The LME cash settlement price counts.' });
    const amended = parseJson(
      AmendJson,
      expectOk(await cli(['amend', COPPER, '--title', 'Copper: LME cash average in 2027', '--reason', 'say which price', '--db', db, '--json'])),
    );
    expect(amended).toMatchObject({ amendment: { changes: { title: 'Copper: LME cash average in 2027' }, reason: 'say which price' }, revision: 1 });
    const commented = parseJson(
      CommentJson,
      expectOk(await cli(['comment', COPPER, '--text', 'Chile output fell.', '--db', db, '--json'], { env: { FORECAST_LEDGER_FORECASTER: 'alice' } })),
    );
    expect(commented.comment).toMatchObject({ author: 'alice', text: 'Chile output fell.' });
    const withdrawn = parseJson(WithdrawJson, expectOk(await cli(['withdraw', forecastId, '--reason', 'entered twice', '--db', db, '--json'])));
    expect(withdrawn.withdrawal).toMatchObject({ forecastId, reason: 'entered twice' });

    const after = parseJson(ShowJson, expectOk(await cli(['show', COPPER, '--db', db, '--json'])));
    expect(after.current.title).toBe('Copper: LME cash average in 2027');
    expect(after.question.title).toBe(before.question.title);
    expect(after.history.slice(-4).map((e) => e.type)).toEqual(['question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn']);
    expect(after.forecastRevisions[forecastId]).toBe(0);

    const text = expectOk(await cli(['show', COPPER, '--db', db])).stdout;
    expect(text).toContain('Copper: LME cash average in 2027');
    expect(text).toContain('Clarification: The LME cash settlement price counts.');
    expect(text).toContain('Amended: title — say which price');
    expect(text).toMatch(/\(withdrawn \d{4}-\d{2}-\d{2}: entered twice\)/);
    expect(text).toContain('alice');
    expect(text).toContain('question.clarified');
    expect(parseJson(VerifyJson, expectOk(await cli(['verify', '--db', db, '--json']))).ok).toBe(true);
  });

  it('refuses bad requests with their codes and exit codes, changing nothing', async () => {
    const db = await importedCopy();
    const state = await ledgerState(db);
    const refused = async (args: string[], exitCode: number, code: string): Promise<void> => {
      const result = await cli([...args, '--db', db, '--json']);
      expect(result.code).toBe(exitCode);
      expect(parseJson(ErrorJson, result).error.code).toBe(code);
    };
    await refused(['amend', COPPER, '--title', 'New title'], 2, 'usage_error');
    await refused(['amend', COPPER, '--reason', 'nothing to change'], 2, 'usage_error');
    await refused(['clarify', 'no-such-question', '--text', 'x'], 3, 'question_not_found');
    await refused(['comment', COPPER, '--text', 'no author'], 2, 'usage_error');
    await refused(['withdraw', 'no-such-forecast', '--reason', 'x'], 3, 'forecast_not_found');
    expect(await ledgerState(db)).toEqual(state);
  });

  it('says what to do next when a withdrawal names an unknown forecast or one already withdrawn', async () => {
    const db = await importedCopy();
    const forecastId = parseJson(ShowJson, expectOk(await cli(['show', COPPER, '--db', db, '--json']))).forecasts[0]!.id;
    expectOk(await cli(['withdraw', forecastId, '--reason', 'entered twice', '--db', db]));
    const state = await ledgerState(db);
    const hintOf = async (id: string, exitCode: number, code: string): Promise<string | undefined> => {
      const result = await cli(['withdraw', id, '--reason', 'again', '--db', db, '--json']);
      const { error } = parseJson(ErrorJson, result);
      expect({ exit: result.code, code: error.code }).toEqual({ exit: exitCode, code });
      // The terminal shows the same hint on stderr after "next:".
      const text = await cli(['withdraw', id, '--reason', 'again', '--db', db]);
      expect(text.stderr).toContain(`next: ${error.hint}`);
      return error.hint;
    };
    expect(await hintOf('no-such-forecast', 3, 'forecast_not_found')).toBe(
      `check the forecast id: a question's forecasts are listed with their ids by forecast-ledger show <question-id> --db ${db}`,
    );
    expect(await hintOf(forecastId, 1, 'already_withdrawn')).toBe(
      'nothing to do: the forecast already stopped counting at its withdrawal (a forecast is withdrawn once); see when and why: ' +
        `forecast-ledger show <question-id> --db ${db}`,
    );
    expect(await ledgerState(db)).toEqual(state);
  });
});
