// Scale: one question with hundreds of thousands of forecasts. Nothing may spread a large array into a
// function call (Math.min(...times) died with "Maximum call stack size exceeded" at ~150k forecasts).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/cli/format-table.js';
import { LedgerValidationError, openLedger } from '../../src/index.js';
import type { StoredForecast } from '../../src/model/forecast.js';
import type { Question } from '../../src/model/question.js';
import { buildLeaderboard, buildScorecard, renderScorecard, type ScoringData } from '../../src/scoring/index.js';
import { CLI, cli, expectOk, ROOT, type CliResult } from '../cli/harness.js';
import { tempDir } from '../helpers/temp.js';
import { scaled } from './scale.js';

/** Past the ~125k arguments at which V8's stack overflows, in every run. */
const UNIT = scaled(160_000, 500_000);
/** Forecasts written through the library and read back by the built CLI (the full run: 500k). */
const END_TO_END = scaled(30_000, 500_000);
const TIMEOUT = scaled(120_000, 1_800_000);

const START = Date.UTC(2025, 0, 1);

const question: Question = {
  id: 'q',
  kind: 'binary',
  stance: 'forecast',
  title: 'One question, many forecasts',
  statement: 'Will it happen?',
  resolution: { resolveOn: '2026-06-30', horizon: 'by mid-2026', semantics: 'by', criteria: 'A report.' },
  tags: [],
  relations: [],
} as unknown as Question;

/** `n` binary forecasts on question `q`, one a second from 2025-01-01, alternating between two forecasters. */
function forecasts(n: number): StoredForecast[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `q.f${i}`,
    questionId: 'q',
    forecasterId: i % 2 ? 'bob' : 'alice',
    madeAt: new Date(START + i * 1000).toISOString(),
    estimate: { kind: 'binary', probability: (i % 100) / 100 },
  })) as StoredForecast[];
}

const people = [
  { id: 'alice', name: 'Alice', type: 'person', aliases: [] },
  { id: 'bob', name: 'Bob', type: 'person', aliases: [] },
] as const;

const resolution = {
  questionId: 'q',
  status: 'resolved' as const,
  outcome: { kind: 'binary' as const, value: true },
  resolvedOn: '2026-06-01',
  evidence: [{ description: 'A report.' }],
};

describe(`one question with ${UNIT} forecasts, in memory`, () => {
  const data: ScoringData = {
    forecasters: people as unknown as ScoringData['forecasters'],
    questions: [{ question, status: 'resolved', resolution: { ...resolution, seq: 1, recordedAt: '2026-06-02T00:00:00Z' } }],
    forecasts: forecasts(UNIT),
  };

  it(
    'builds and renders a scorecard (coverage, relative scores) without overflowing the stack',
    () => {
      const card = buildScorecard(data, 'alice', { asOf: '2026-07-01' });
      expect(card.predictions[0]).toMatchObject({ forecasts: UNIT / 2, verdict: expect.stringMatching(/hit|miss|no-call/), peers: 1 });
      expect(card.predictions[0]!.coverage).toBeGreaterThan(0.99);
      expect(renderScorecard(card, 'markdown')).toContain('One question, many forecasts');
      expect(renderScorecard(card, 'html')).toContain('<svg');
    },
    TIMEOUT,
  );

  it(
    'ranks both forecasters on the leaderboard',
    () => {
      const board = buildLeaderboard(data, { asOf: '2026-07-01' });
      expect(board.entries.map((e) => [e.forecasterId, e.resolved])).toEqual(
        expect.arrayContaining([
          ['alice', 1],
          ['bob', 1],
        ]),
      );
    },
    TIMEOUT,
  );

  it(
    'lays out a table of every forecast (what `show` prints)',
    () => {
      const rows = data.forecasts.map((f) => [f.madeAt, f.forecasterId, String((f.estimate as { probability: number }).probability)]);
      const table = formatTable(['MADE', 'FORECASTER', 'ESTIMATE'], rows);
      expect(table.split('\n')).toHaveLength(UNIT + 1);
    },
    TIMEOUT,
  );

  it(
    'reports every problem of an import with that many bad records, and writes nothing',
    async () => {
      const ledger = await openLedger(':memory:');
      const bad = data.forecasts.map((f) => ({ ...f, estimate: { kind: 'binary', probability: 2 } }));
      const error = await ledger
        .importPredictions({ formatVersion: 1, forecasters: [...people], questions: [question], forecasts: bad } as never)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LedgerValidationError);
      expect((error as LedgerValidationError).issues).toHaveLength(UNIT);
      expect((await ledger.counts()).forecasts).toBe(0);
      await ledger.close();
    },
    TIMEOUT,
  );
});

/**
 * Runs the built CLI keeping only the start of stdout: `show` prints every forecast and event, over
 * 100 MB at 500k forecasts, more than the harness buffers. Counts the lines of the rest.
 */
function cliHead(args: readonly string[]): Promise<CliResult & { lines: number }> {
  return new Promise((done) => {
    const { FORECAST_LEDGER_DB: _db, ...env } = process.env;
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let lines = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 16_384) stdout += chunk.slice(0, 16_384);
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => done({ code: code ?? 1, stdout, stderr, lines }));
  });
}

describe(`one question with ${END_TO_END} forecasts, through the ledger and the built CLI`, () => {
  it(
    'scores it (scorecard, leaderboard) and shows it (`show`, `forecasters`, `scorecard`)',
    async () => {
      const db = join(tempDir(), 'scale.sqlite');
      const ledger = await openLedger(db, { durability: 'normal', now: () => new Date('2026-07-01T00:00:00Z') });
      const report = await ledger.importPredictions({
        formatVersion: 1,
        forecasters: [...people],
        questions: [question],
        forecasts: forecasts(END_TO_END),
        resolutions: [resolution],
      } as never);
      expect(report.added.forecasts).toBe(END_TO_END);
      const card = await ledger.scorecard('alice');
      expect(card.predictions[0]).toMatchObject({ forecasts: END_TO_END / 2, peers: 1 });
      expect((await ledger.leaderboard()).entries).toHaveLength(2);
      await ledger.close();

      const [show, forecasters, scorecard] = await Promise.all([
        cliHead(['show', 'q', '--db', db]),
        cli(['forecasters', '--db', db, '--as-of', '2026-07-01']),
        cli(['scorecard', 'bob', '--db', db, '--as-of', '2026-07-01']),
      ]);
      expect(expectOk(show).stdout).toContain(`Forecasts (${END_TO_END})`);
      expect(show.lines).toBeGreaterThan(2 * END_TO_END); // every forecast, then every event
      expect(expectOk(forecasters).stdout).toMatch(/alice\s+1\s+1\s+0\s+0/);
      expect(expectOk(scorecard).stdout).toContain('Bob (bob) — scorecard as of 2026-07-01');
    },
    TIMEOUT,
  );
});

describe('no spread of data into a call', () => {
  // The calls that take one argument per element: with an array of data they overflow the stack.
  const SPREAD_CALL = /(?:Math\.(?:min|max)|\.push|\.unshift|String\.fromCharCode|String\.fromCodePoint)\([^()]*?\.\.\./;

  /** The line with object and array literals emptied (spreading into a literal is safe at any size). */
  function withoutLiterals(line: string): string {
    let previous;
    do {
      previous = line;
      line = line.replace(/\{[^{}]*\}/g, 'OBJECT').replace(/\[[^[\]]*\]/g, 'ARRAY');
    } while (line !== previous);
    return line;
  }

  function sourceFiles(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
  }

  it('finds no Math.min(...), Math.max(...), push(...), unshift(...) or fromCharCode(...) with a spread in src/', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line: line.trim(), where: `${file.slice(ROOT.length + 1)}:${i + 1}` }))
        .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//') && SPREAD_CALL.test(withoutLiterals(line.replace(/ \/\/ .*$/, '')))),
    );
    expect(offenders).toEqual([]);
  });
});
