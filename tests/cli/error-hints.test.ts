// Every library error code reaches the CLI with a next step (cli-error.ts's switch has no default, so
// a new code fails the type check until it has one). ledger_closed cannot be reached through the
// built CLI (each command closes its ledger only when it is done), so this file asks the CLI's own
// describeError(); the codes a user can reach are also run through dist/cli.js (bad-input.test.ts,
// question-life.test.ts).
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/cli-error.js';
import { LEDGER_ERROR_CODES, LedgerError, LedgerValidationError, openLedger } from '../../src/index.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';

const ctx = { command: 'withdraw', cli: (args: string) => `forecast-ledger ${args} --db my.sqlite` };

describe('the CLI hint of a library error', () => {
  it.each(LEDGER_ERROR_CODES)('gives %s a next step', (code) => {
    const report = describeError(new LedgerError(code, `${code}: a test`), ctx);
    expect(report.code).toBe(code);
    expect(report.hint).toMatch(/\S/);
  });

  it('tells a closed ledger for what it is in the CLI: a bug to report, not the library advice to open it again', () => {
    const report = describeError(new LedgerError('ledger_closed', 'the ledger is closed: open it again with openLedger()'), ctx);
    expect(report).toEqual({
      code: 'ledger_closed',
      message: 'the ledger is closed',
      exitCode: 5,
      hint: 'this is a bug in forecast-ledger (the command used its ledger after closing it): please report it with the command you ran',
    });
  });

  it.each([
    ['a SQLite storage error: the file', {}, /^check the --db path; create a new ledger with forecast-ledger init --db my.sqlite$/],
    [
      'a PostgreSQL error with a known fix: that fix',
      { backend: 'postgres', sqlState: '3D000', fix: 'create the database first' },
      /^create the database first$/,
    ],
    [
      'any other PostgreSQL error: the server and the URL',
      { backend: 'postgres', sqlState: 'XX000' },
      /^check that the PostgreSQL server runs and that the --db URL/,
    ],
  ])('gives %s', (_, details, hint) => {
    expect(describeError(new LedgerError('storage_error', 'opening the ledger failed', { details }), ctx).hint).toMatch(hint);
  });

  it("names a forecast's question, not the forecast, as the question to show", async () => {
    const ledger = await openLedger(':memory:', { now: () => new Date('2026-07-08T00:00:00Z') });
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion({ ...binaryQuestion(), resolution: { ...binaryQuestion().resolution, resolveOn: '2026-06-30' } });
    const error = await ledger.addForecast({ ...binaryForecast('q-binary', 'alice', 0.9, '2026-07-08'), id: 'f-late' }).catch((e: unknown) => e);
    await ledger.close();
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect((error as LedgerValidationError).issues[0]).toMatchObject({ code: 'forecast_after_due', recordId: 'f-late', details: { questionId: 'q-binary' } });
    expect(describeError(error, ctx).hint).toBe('see the question: forecast-ledger show q-binary --db my.sqlite');
  });

  it('asks to fix the records listed only when records are listed', () => {
    expect(describeError(new LedgerError('validation_failed', 'backup: /x/l.sqlite is the ledger itself'), ctx).hint).toBe(
      'fix what the message names, then run the same command again (nothing was written)',
    );
    const listed = new LedgerValidationError('validation_failed', 'invalid forecast', [{ code: 'validation_failed', path: 'madeAt', message: 'm' }]);
    expect(describeError(listed, ctx).hint).toBe('fix the records listed above, then run the same command again (nothing was written)');
  });

  it.each([
    ['resolution_in_future', 'import', /^set the resolution's resolvedOn in the file/],
    ['resolution_in_future', 'resolve', /^pass --resolved-on/],
    ['file_not_found', 'add', /^check the path$/],
    ['file_not_found', 'import', /^check the path \(import also takes a folder/],
    ['storage_error', 'init', /^check the --db path: its folder must exist/],
  ] as const)('gives %s in %s a next step that fits the command', (code, command, hint) => {
    expect(describeError(new LedgerError(code, 'x'), { ...ctx, command }).hint).toMatch(hint);
  });
});
