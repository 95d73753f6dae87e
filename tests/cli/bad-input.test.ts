import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, expectOk, importedCopy, ledgerState, parseJson, scratchDir } from './harness.js';
import { ErrorJson } from './schemas.js';

const COPPER = 'goldman-copper-lme-2027-average';
const fileHash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

// Every case runs against the same copy of the imported dataset; after each, the database file must
// be byte for byte what it was, and after all of them export and verify must show the same ledger.
describe('bad input exits non-zero, says what is wrong, and writes nothing', () => {
  let db: string;
  let dir: string;
  let before: Awaited<ReturnType<typeof ledgerState>>;
  let bytes: string;

  beforeAll(async () => {
    db = await importedCopy();
    dir = scratchDir();
    before = await ledgerState(db);
    bytes = fileHash(db);
  });

  const cases: { name: string; args: (dir: string) => string[]; setup?: (dir: string) => void; exit: number; code: string; message: RegExp; hint?: RegExp }[] =
    [
      {
        name: 'an unknown question id',
        args: () => ['resolve', 'no-such-question', '--outcome', 'yes', '--resolved-on', '2026-01-01', '--evidence', 'e'],
        exit: 3,
        code: 'question_not_found',
        message: /^question "no-such-question" not found$/,
        hint: /forecast-ledger list --db /,
      },
      {
        name: 'a file that is not JSON',
        setup: (d) => writeFileSync(join(d, 'broken.json'), '{"formatVersion": 1, "questions": ['),
        args: (d) => ['import', join(d, 'broken.json')],
        exit: 4,
        code: 'invalid_json',
        message: /broken\.json: not valid JSON/,
      },
      {
        name: 'a prediction file with invalid records, every problem listed',
        setup: (d) =>
          writeFileSync(
            join(d, 'invalid.json'),
            JSON.stringify({
              formatVersion: 1,
              forecasts: [
                { id: 'x.1', questionId: COPPER, forecasterId: 'goldman-sachs', madeAt: '2025-10-08', estimate: { kind: 'binary', probability: 1.5 } },
                { id: 'x.2', questionId: COPPER, forecasterId: 'goldman-sachs', madeAt: '2026-02-30', estimate: { kind: 'numeric', point: 1 } },
              ],
            }),
          ),
        args: (d) => ['import', join(d, 'invalid.json')],
        exit: 4,
        code: 'import_failed',
        message:
          /invalid\.json › record "x\.1" › forecasts\[0\]\.estimate\.probability: a probability must be ≤ 1[\s\S]*record "x\.2" › forecasts\[1\]\.madeAt/,
      },
      {
        // The hint once named the forecast's record id as the question to show (`show x.1`); it names the forecast's question.
        name: 'a forecast of the wrong kind in a prediction file',
        setup: (d) =>
          writeFileSync(
            join(d, 'wrong-kind.json'),
            JSON.stringify({
              formatVersion: 1,
              forecasts: [
                { id: 'x.1', questionId: COPPER, forecasterId: 'goldman-sachs', madeAt: '2025-10-08', estimate: { kind: 'binary', probability: 0.5 } },
              ],
            }),
          ),
        args: (d) => ['import', join(d, 'wrong-kind.json')],
        exit: 1,
        code: 'kind_mismatch',
        message: /record "x\.1" › forecasts\[0\]\.estimate\.kind: expected a numeric estimate for question "goldman-copper-lme-2027-average", received binary/,
        hint: /^see the question: forecast-ledger show goldman-copper-lme-2027-average --db /,
      },
      {
        name: 'a probability of 1.5 on the command line',
        args: () => ['add', 'forecast', '--question', 'fusion', '--forecaster', 'goldman-sachs', '--probability', '1.5', '--made-at', '2025-10-08'],
        exit: 2,
        code: 'usage_error',
        message: /^--probability: expected a probability between 0 and 1, received "1\.5"$/,
      },
      // One strict decimal parser: Number() would read hex, binary, octal, Infinity and padded text.
      ...['0x1', '0b1', '0o1', '1e', 'Infinity', ' 0.5 '].map((p) => ({
        name: `a probability written ${JSON.stringify(p)} (only decimal numbers are numbers)`,
        args: () => ['add', 'forecast', '--question', 'fusion', '--forecaster', 'goldman-sachs', '--probability', p, '--made-at', '2025-10-08'],
        exit: 2,
        code: 'usage_error',
        message: new RegExp(`^--probability: expected a probability between 0 and 1, received ${JSON.stringify(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      })),
      {
        name: 'a numeric outcome written in hex',
        args: () => ['resolve', COPPER, '--outcome', '0x2710', '--resolved-on', '2028-01-05', '--evidence', 'e'],
        exit: 2,
        code: 'usage_error',
        message: /expected a number in USD\/t, received "0x2710"$/,
      },
      {
        // --help: a bad flag value exits 2; the library's kind_mismatch (exit 1) is for records, not for flag text.
        name: 'an outcome "maybe" for a binary question',
        args: () => ['resolve', 'karpathy-nanochat-build-video', '--outcome', 'maybe', '--resolved-on', '2025-10-20', '--evidence', 'e'],
        exit: 2,
        code: 'usage_error',
        message: /^--outcome for binary question "karpathy-nanochat-build-video": expected yes or no, received "maybe"$/,
        hint: /forecast-ledger show karpathy-nanochat-build-video/,
      },
      {
        name: 'a yes/no outcome for a numeric question',
        args: () => ['resolve', COPPER, '--outcome', 'yes', '--resolved-on', '2028-01-05', '--evidence', 'e'],
        exit: 2,
        code: 'usage_error',
        message: /^--outcome for numeric question "goldman-copper-lme-2027-average": expected a number in USD\/t, received "yes"$/,
        hint: /forecast-ledger show goldman-copper-lme-2027-average/,
      },
      {
        name: 'a date that is not in the calendar',
        args: () => ['resolve', COPPER, '--outcome', '10120', '--resolved-on', '2026-02-30', '--evidence', 'e'],
        exit: 2,
        code: 'usage_error',
        message: /^--resolved-on: expected a real calendar date YYYY-MM-DD, received "2026-02-30"$/,
      },
      {
        name: 'a probability flag on a numeric question',
        args: () => ['add', 'forecast', '--question', COPPER, '--forecaster', 'goldman-sachs', '--probability', '0.5', '--made-at', '2025-10-08'],
        exit: 1,
        code: 'kind_mismatch',
        message: /--probability does not apply to numeric question/,
      },
      {
        name: 'a forecast by an unknown forecaster',
        args: () => ['add', 'forecast', '--question', COPPER, '--forecaster', 'nobody', '--point', '9000', '--made-at', '2025-10-08'],
        exit: 3,
        code: 'forecaster_not_found',
        message: /unknown forecaster "nobody"/,
        hint: /forecast-ledger forecasters/,
      },
      {
        name: 'a blank reason',
        args: () => ['annul', COPPER, '--reason', '   '],
        exit: 2,
        code: 'usage_error',
        message: /^--reason: expected non-empty text/,
      },
      {
        name: 'a correction of a question that is not resolved',
        args: () => ['correct', COPPER, '--outcome', '1', '--resolved-on', '2028-01-01', '--evidence', 'e', '--reason', 'r'],
        exit: 1,
        code: 'not_resolved',
        message: /not resolved|no resolution/,
        hint: /forecast-ledger resolve goldman-copper-lme-2027-average/,
      },
      {
        name: 'an --out path that cannot be written',
        setup: (d) => writeFileSync(join(d, 'a-file'), ''),
        args: (d) => ['export', '--out', join(d, 'a-file', 'x.json')],
        exit: 5,
        code: 'output_failed',
        message: /cannot write/,
      },
    ];

  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      c.setup?.(dir);
      const result = await cli([...c.args(dir), '--db', db, '--json']);
      const { error } = parseJson(ErrorJson, result);
      expect({ exit: result.code, code: error.code }).toEqual({ exit: c.exit, code: c.code });
      expect(error.exitCode).toBe(c.exit);
      expect(error.message).toMatch(c.message);
      if (c.hint) expect(error.hint).toMatch(c.hint);
      expect(result.stderr).toContain(`error: ${error.message.split('\n')[0]}`);
      expect(fileHash(db)).toBe(bytes);
    });
  }

  it('leaves the same export and the same head after all of them', async () => {
    expect(await ledgerState(db)).toEqual(before);
  });
});

describe('a missing ledger', () => {
  it('is not created by a command that reads it', async () => {
    const db = join(scratchDir(), 'typo.sqlite');
    const result = await cli(['list', '--db', db]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`error: no ledger database at ${db}`);
    expect(result.stderr).toMatch(/next: create one with: forecast-ledger init --db \S*typo\.sqlite/);
    expect(existsSync(db)).toBe(false);
  });

  it('is left as an empty, valid ledger when the import that created it fails (never deleted: another process may be writing to it)', async () => {
    const dir = scratchDir();
    writeFileSync(join(dir, 'bad.json'), '[]');
    const db = join(dir, 'new.sqlite');
    const result = await cli(['import', join(dir, 'bad.json'), '--db', db]);
    expect(result.code).toBe(4);
    const verified = expectOk(await cli(['verify', '--json', '--db', db]));
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: 0 });
  });
});
