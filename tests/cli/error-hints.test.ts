// Every library error code reaches the CLI with a next step (cli-error.ts's switch has no default, so
// a new code fails the type check until it has one). ledger_closed cannot be reached through the
// built CLI (each command closes its ledger only when it is done), so this file asks the CLI's own
// describeError(); the codes a user can reach are also run through dist/cli.js (bad-input.test.ts,
// question-life.test.ts).
import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/cli-error.js';
import { LEDGER_ERROR_CODES, LedgerError } from '../../src/index.js';

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
});
