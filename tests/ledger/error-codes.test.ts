import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LedgerError, LedgerValidationError, openLedger, type Ledger, type LedgerErrorCode } from '../../src/index.js';
import { describeEachBackend } from '../helpers/backends.js';
import { binaryForecast, binaryQuestion, categoricalQuestion, forecaster, numericQuestion, source } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

async function codeOf(promise: Promise<unknown>): Promise<LedgerErrorCode> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return (error as LedgerError).code;
}

describeEachBackend('error codes', (backend) => {
  let ledger: Ledger;
  beforeEach(async () => {
    ledger = await backend.open();
    await ledger.addSource(source());
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion());
    await ledger.addQuestion(categoricalQuestion());
  });

  it('validation_failed: a probability above 1, naming the field', async () => {
    const error = await ledger.addForecast(binaryForecast('q-binary', 'alice', 1.2)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect((error as LedgerValidationError).code).toBe('validation_failed');
    expect((error as LedgerValidationError).issues).toEqual([
      { code: 'validation_failed', path: 'estimate.probability', message: 'a probability must be ≤ 1' },
    ]);
  });

  it('question_not_found, forecaster_not_found, source_not_found: unknown references', async () => {
    expect(await codeOf(ledger.addForecast(binaryForecast('nope')))).toBe('question_not_found');
    expect(await codeOf(ledger.addForecast(binaryForecast('q-binary', 'bob')))).toBe('forecaster_not_found');
    expect(await codeOf(ledger.addForecast({ ...binaryForecast(), sourceId: 'missing' }))).toBe('source_not_found');
    expect(await codeOf(ledger.getQuestion('nope'))).toBe('question_not_found');
    expect(await codeOf(ledger.getForecaster('bob'))).toBe('forecaster_not_found');
  });

  it('kind_mismatch: a numeric estimate on a binary question, and a boolean outcome for a numeric one', async () => {
    expect(await codeOf(ledger.addForecast({ ...binaryForecast(), estimate: { kind: 'numeric', point: 3 } }))).toBe('kind_mismatch');
    await ledger.addQuestion(numericQuestion());
    expect(await codeOf(ledger.resolve('q-numeric', { outcome: true, resolvedOn: '2028-01-01', evidence: [{ description: 'x' }] }))).toBe('kind_mismatch');
  });

  it('kind_mismatch, not import_failed, for a wrong estimate kind that comes with other problems; every problem is listed', async () => {
    const error = await ledger.addForecast({ ...binaryForecast('q-binary', 'bob'), estimate: { kind: 'numeric', point: 3 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect((error as LedgerValidationError).code).toBe('kind_mismatch');
    expect((error as LedgerValidationError).issues.map((i) => i.code)).toEqual(['kind_mismatch', 'forecaster_not_found']);
  });

  it('unknown_option: a categorical forecast or outcome naming an option the question lacks', async () => {
    const f = { questionId: 'q-cat', forecasterId: 'alice', madeAt: '2025-10-08', estimate: { kind: 'categorical' as const, probabilities: { c: 0.5 } } };
    expect(await codeOf(ledger.addForecast(f))).toBe('unknown_option');
    expect(await codeOf(ledger.resolve('q-cat', { outcome: 'c', resolvedOn: '2026-12-31', evidence: [{ description: 'x' }] }))).toBe('unknown_option');
  });

  it('forecast_after_due: a forecast made after the question came due', async () => {
    expect(await codeOf(ledger.addForecast(binaryForecast('q-binary', 'alice', 0.5, '2027-01-01')))).toBe('forecast_after_due');
  });

  it('resolution_in_future: a resolution dated after the day it is recorded (UTC, on the ledger clock)', async () => {
    const clocked = await backend.open({ now: () => new Date('2026-06-01T23:30:00Z') });
    await clocked.addQuestion(binaryQuestion());
    expect(await codeOf(clocked.resolve('q-binary', { outcome: true, resolvedOn: '2026-06-02', evidence: [{ description: 'x' }] }))).toBe(
      'resolution_in_future',
    );
    expect(await codeOf(clocked.annul('q-binary', { reason: 'r', resolvedOn: '2099-01-01' }))).toBe('resolution_in_future');
    await clocked.resolve('q-binary', { outcome: true, resolvedOn: '2026-06-01', evidence: [{ description: 'x' }] });
    await clocked.close();
  });

  it('forecasts_after_outcome: a resolution dated before a forecast on the question', async () => {
    await ledger.addForecast(binaryForecast('q-binary', 'alice', 0.5, '2026-06-02'));
    expect(await codeOf(ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-06-01', evidence: [{ description: 'x' }] }))).toBe(
      'forecasts_after_outcome',
    );
  });

  it('already_resolved: resolving twice, or forecasting after the resolution', async () => {
    await ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-06-01', evidence: [{ description: 'x' }] });
    expect(await codeOf(ledger.resolve('q-binary', { outcome: false, resolvedOn: '2026-06-02', evidence: [{ description: 'y' }] }))).toBe('already_resolved');
    expect(await codeOf(ledger.annul('q-binary', { reason: 'r' }))).toBe('already_resolved');
    expect(await codeOf(ledger.addForecast(binaryForecast('q-binary', 'alice', 0.5, '2026-06-02')))).toBe('already_resolved');
  });

  it('not_resolved: correcting a question that has no resolution', async () => {
    expect(await codeOf(ledger.correctResolution('q-binary', { outcome: true, resolvedOn: '2026-06-01', evidence: [{ description: 'x' }], reason: 'r' }))).toBe(
      'not_resolved',
    );
  });

  it('reason_required: annulling or correcting without a reason', async () => {
    expect(await codeOf(ledger.annul('q-binary', { reason: '' }))).toBe('reason_required');
    await ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-06-01', evidence: [{ description: 'x' }] });
    expect(
      await codeOf(ledger.correctResolution('q-binary', { outcome: false, resolvedOn: '2026-06-02', evidence: [{ description: 'y' }], reason: ' ' })),
    ).toBe('reason_required');
  });

  it('evidence_required: resolving without evidence', async () => {
    expect(await codeOf(ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-06-01', evidence: [] }))).toBe('evidence_required');
  });

  it('conflicting_record: reusing an id for different content; identical content is a no-op', async () => {
    await ledger.addForecaster(forecaster());
    expect(await codeOf(ledger.addForecaster(forecaster('alice', 'Alice Smith')))).toBe('conflicting_record');
    expect((await ledger.counts()).forecasters).toBe(1);
  });

  it('duplicate_id: one import defining the same id twice, differently', async () => {
    const file = { formatVersion: 1 as const, forecasters: [forecaster('carol'), forecaster('carol', 'Carol B')] };
    expect(await codeOf(ledger.importPredictions(file))).toBe('duplicate_id');
  });

  it('file_not_found, invalid_json, file_unreadable: bad import paths', async () => {
    const dir = tempDir();
    expect(await codeOf(ledger.importPredictions(join(dir, 'missing.json')))).toBe('file_not_found');
    writeFileSync(join(dir, 'broken.json'), '{ "formatVersion": 1,');
    expect(await codeOf(ledger.importPredictions(join(dir, 'broken.json')))).toBe('invalid_json');
    const unreadable = join(tempDir(), 'folder');
    mkdirSync(join(unreadable, 'dir.json'), { recursive: true });
    expect(await codeOf(ledger.importPredictions(unreadable))).toBe('file_unreadable');
  });

  it('import_failed: several problems at once', async () => {
    const file = { formatVersion: 1 as const, forecasts: [binaryForecast('nope'), binaryForecast('q-binary', 'bob')] };
    expect(await codeOf(ledger.importPredictions(file))).toBe('import_failed');
  });

  it('invalid_anchor: an expectedHead that is not an anchor, never silently skipped', async () => {
    const { anchor, head } = await ledger.verify();
    for (const bad of [head, `x${anchor}`, {}, [], [1, head], { seq: 1 }, { seq: '1', hash: head }, { seq: 1, hash: head, extra: 1 }, null, 7]) {
      expect(await codeOf(ledger.verify({ expectedHead: bad as string }))).toBe('invalid_anchor');
    }
  });

  it('forecast_not_found, already_withdrawn: withdrawing an unknown forecast, or one twice', async () => {
    const f = await ledger.addForecast(binaryForecast());
    expect(await codeOf(ledger.withdrawForecast('nope', { reason: 'r' }))).toBe('forecast_not_found');
    await ledger.withdrawForecast(f.id, { reason: 'r' });
    expect(await codeOf(ledger.withdrawForecast(f.id, { reason: 'again' }))).toBe('already_withdrawn');
  });

  it('ledger_closed: any call after close()', async () => {
    await ledger.close();
    expect(await codeOf(ledger.listQuestions())).toBe('ledger_closed');
  });

  it('explains an unknown question with the next step', async () => {
    const error = (await ledger.addForecast(binaryForecast('nope')).catch((e: unknown) => e)) as LedgerError;
    expect(error.message).toMatchInlineSnapshot(`
      "nothing was written: 1 problem
        - record "f-f3d08ef0818acb25" › questionId: unknown question "nope": add the question first"
    `);
  });
});

describe('error codes of the SQLite store (a file path, a file backup)', () => {
  it('storage_error: a database that cannot be opened', async () => {
    expect(await codeOf(openLedger(join(tempDir(), 'no', 'such', 'dir', 'l.sqlite')))).toBe('storage_error');
  });

  it('file_exists: a backup onto an existing file', async () => {
    const ledger = await openLedger(':memory:');
    const path = join(tempDir(), 'taken.sqlite');
    writeFileSync(path, 'precious');
    expect(await codeOf(ledger.backup(path))).toBe('file_exists');
    await ledger.close();
  });
});
