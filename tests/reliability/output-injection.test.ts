// The output-injection corpus: hostile text in every text field of a ledger, then through every
// output — the HTML and Markdown renderers, CSV and iCalendar export, and the built CLI's terminal
// output and error messages. Nothing may reach a terminal or a spreadsheet as anything but text.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/output.js';
import { openLedger, type Ledger } from '../../src/index.js';
import { renderLeaderboard, renderReport, renderScorecard, type Scorecard } from '../../src/scoring/index.js';
import { cli, expectOk, scratchDir, type CliResult } from '../cli/harness.js';
import { dangerousIn, HOSTILE, HOSTILE_NAMES } from './hostile-text.js';
import { scaled } from './scale.js';

const AS_OF = '2026-01-01';
const FORECASTERS = ['f-0', 'f-1', 'f-2'];
const qid = (i: number): string => `q-${i}`;
const text = (i: number): string => HOSTILE[HOSTILE_NAMES[i % HOSTILE_NAMES.length]!];
const short = (s: string): string => [...s].slice(0, 100).join('');
/** Which questions are resolved (every fourth, and the numeric one) and annulled (two more). */
const resolved = (i: number): boolean => i % 4 === 0 || i === 3;
const annulled = (i: number): boolean => i === 1 || i === 5;

/** A prediction file with a hostile text in every text field; ids are slugs, which the schema keeps safe. */
function hostileFile(): unknown {
  const n = HOSTILE_NAMES.length;
  const questions = HOSTILE_NAMES.map((_, i) => {
    const t = text(i);
    const kind = i === 3 ? 'numeric' : i === 6 ? 'categorical' : 'binary';
    const done = resolved(i) || annulled(i);
    return {
      id: qid(i),
      kind,
      title: t,
      statement: `${t}\n${text(i + 1)}`,
      ...(kind === 'numeric' ? { spec: { unit: text(i + 2), scale: 'linear' } } : {}),
      ...(kind === 'categorical'
        ? {
            spec: {
              options: [
                { id: 'a', label: text(i + 1) },
                { id: 'b', label: text(i + 2) },
              ],
            },
          }
        : {}),
      resolution: {
        resolveOn: done ? '2025-06-01' : `2026-${String((i % 11) + 2).padStart(2, '0')}-15`,
        horizon: text(i + 3),
        horizonRule: text(i + 4),
        semantics: kind === 'numeric' ? 'at' : 'by',
        criteria: text(i + 5),
      },
      tags: ['hostile'],
      condition: text(i + 6),
      resolvability: { rating: 'high', reason: text(i + 7) },
      relations: [{ type: 'related', questionId: qid((i + 1) % n), note: text(i + 8) }],
    };
  });
  const forecasts = HOSTILE_NAMES.map((_, i) => {
    const estimate =
      i === 3
        ? { kind: 'numeric', point: -2 }
        : i === 6
          ? { kind: 'categorical', probabilities: { a: 0.6, b: 0.4 } }
          : i % 4 === 3
            ? { kind: 'binary' }
            : { kind: 'binary', probability: 0.7 };
    return {
      id: `${qid(i)}.forecast`,
      questionId: qid(i),
      forecasterId: FORECASTERS[i % FORECASTERS.length],
      madeAt: '2025-01-01',
      madeAtBasis: text(i + 1),
      excerpt: short(text(i + 2)),
      reportedBy: text(i + 3),
      estimate,
      ...(estimate.kind === 'binary' && !('probability' in estimate)
        ? { confidence: { wording: text(i), impliedProbability: 0.6, scale: 'custom', note: text(i + 4) } }
        : {}),
      note: text(i + 5),
    };
  });
  const resolutions = HOSTILE_NAMES.flatMap((_, i): object[] => {
    if (resolved(i)) {
      const outcome = i === 3 ? { kind: 'numeric', value: -3 } : i === 6 ? { kind: 'categorical', value: 'a' } : { kind: 'binary', value: i % 8 === 0 };
      return [
        {
          questionId: qid(i),
          status: 'resolved',
          outcome,
          resolvedOn: '2025-06-01',
          evidence: [{ description: text(i + 1), url: 'https://example.com/evidence' }],
        },
      ];
    }
    if (annulled(i)) return [{ questionId: qid(i), status: 'annulled', resolvedOn: '2025-06-01', reason: text(i + 2) }];
    return [];
  });
  return {
    formatVersion: 1,
    source: {
      id: 'hostile-source',
      title: HOSTILE.osc8Link,
      titleEnglish: HOSTILE.rightToLeftOverride,
      outlet: HOSTILE.clearScreen,
      author: HOSTILE.windowTitle,
      published: { date: '2024-12-01', precision: 'day', basis: HOSTILE.c1Csi },
      language: 'en',
      note: HOSTILE.crOverwrite,
    },
    forecasters: FORECASTERS.map((id, k) => ({
      id,
      name: `${text(k)} name`,
      type: 'person',
      affiliation: text(k + 1),
      aliases: [text(k + 2)],
      description: text(k + 3),
    })),
    questions,
    forecasts,
    resolutions,
  };
}

/** The ledger the whole file uses, imported once through the built CLI. */
let dir: string;
let db: string;
let ledger: Ledger;
let scorecards: Scorecard[];

beforeAll(async () => {
  dir = scratchDir();
  mkdirSync(join(dir, 'predictions'));
  writeFileSync(join(dir, 'predictions', 'hostile.json'), JSON.stringify(hostileFile(), null, 2));
  db = join(dir, 'hostile.sqlite');
  expectOk(await cli(['import', join(dir, 'predictions'), '--db', db]));
  ledger = await openLedger(db);
  scorecards = await Promise.all(FORECASTERS.map((id) => ledger.scorecard(id, { asOf: AS_OF })));
});
afterAll(() => ledger?.close());

/** Fails with the dangerous characters found and where, so a failure says what leaked. */
function expectNoDangerous(output: string, what: string, allowed = '\n'): void {
  const found = dangerousIn(output, allowed);
  const at = found.length ? [...output].findIndex((ch) => dangerousIn(ch, allowed).length > 0) : -1;
  expect(
    found,
    `${what}: ${found.length} dangerous characters, first near ${JSON.stringify([...output].slice(Math.max(0, at - 40), at + 20).join(''))}`,
  ).toEqual([]);
}

describe('the corpus reaches the ledger intact', () => {
  it('stores every hostile text as it was written (the outputs below are tested on real hostile data)', async () => {
    const { question } = await ledger.getQuestion(qid(HOSTILE_NAMES.indexOf('clearScreen')));
    expect(question.title).toBe(HOSTILE.clearScreen);
    expect((await ledger.getForecaster('f-0')).name).toBe(`${HOSTILE.clearScreen} name`);
  });
});

describe('HTML reports', () => {
  let pages: [string, string][];
  beforeAll(async () => {
    const leaderboard = await ledger.leaderboard({ asOf: AS_OF, minResolved: 1 });
    pages = [
      ['renderReport', renderReport({ scorecards, leaderboard, asOf: AS_OF })],
      ...scorecards.map((sc): [string, string] => [`renderScorecard(${sc.forecaster.id}, html)`, renderScorecard(sc, 'html')]),
      ['renderLeaderboard(html)', renderLeaderboard(leaderboard, 'html')],
    ];
  });

  it('carry no control or bidirectional character (tabs and line breaks are whitespace in HTML)', () => {
    for (const [what, html] of pages) expectNoDangerous(html, what, '\n\t');
  });

  it('carry no markup from the data: every < & " of a text is an entity', () => {
    for (const [what, html] of pages) expect(html, what).not.toMatch(/<script|<img/i);
    expect(pages[0]![1]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('show hostile controls as visible escapes', () => {
    const html = pages[0]![1];
    expect(html).toContain('\\x1b[2J\\x1b[Hcleared');
    expect(html).toContain('abc\\u202edcba');
  });
});

describe('Markdown', () => {
  const documents = async (): Promise<[string, string][]> => [
    ...scorecards.map((sc): [string, string] => [`renderScorecard(${sc.forecaster.id}, markdown)`, renderScorecard(sc, 'markdown')]),
    ['renderLeaderboard(markdown)', renderLeaderboard(await ledger.leaderboard({ asOf: AS_OF, minResolved: 1 }), 'markdown')],
    ['renderLeaderboard(markdown), unranked', renderLeaderboard(await ledger.leaderboard({ asOf: AS_OF, minResolved: 99 }), 'markdown')],
  ];

  it('carries no control or bidirectional character, and shows them escaped', async () => {
    for (const [what, md] of await documents()) expectNoDangerous(md, what);
    const sc = (await documents())[0]![1];
    expect(sc).toContain('\\\\x1b\\[2J'); // `\x1b[2J` once Markdown is rendered
  });

  it('carries no markup from the data: tables keep their columns, no raw HTML', async () => {
    for (const [what, md] of await documents()) {
      expect(md, what).not.toMatch(/(?<!\\)<(?:script|img)/i); // `\<` is a literal < in Markdown
      const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
      for (const table of tables) {
        const pipes = table
          .trim()
          .split('\n')
          .map((line) => line.replace(/\\\\|\\\|/g, '').split('|').length);
        expect(new Set(pipes).size, `${what}: a row with a different number of columns (${pipes.join(' ')})\n${table}`).toBe(1);
      }
    }
  });
});

/** An RFC 4180 reader. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  const re = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/gy;
  let row: string[] = [];
  let m: RegExpExecArray | null;
  while (re.lastIndex < csv.length && (m = re.exec(csv))) {
    row.push(m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replaceAll('""', '"') : m[1]!);
    if (m[2] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('CSV export', () => {
  /** The columns the ledger writes as numbers. */
  const NUMERIC = new Set(['probability', 'point', 'lower', 'upper', 'level', 'outcome']);

  it('neutralises every text cell a spreadsheet would run, and only writes numbers bare', async () => {
    const { stdout } = expectOk(await cli(['export', '--format', 'csv', '--db', db]));
    const [header, ...rows] = parseCsv(stdout);
    expect(rows.length).toBe(HOSTILE_NAMES.length);
    for (const row of rows) {
      expect(row).toHaveLength(header!.length);
      for (const [c, cell] of row.entries()) {
        if (!/^[=+\-@\t\r\n]/.test(cell)) continue;
        expect(NUMERIC.has(header![c]!) && Number.isFinite(Number(cell)), `${header![c]}: ${JSON.stringify(cell)} would run as a formula`).toBe(true);
      }
      expectNoDangerous(row.join(''), `CSV row ${row[0]}`, '\n\t');
    }
    const cells = rows.flat();
    for (const formula of [HOSTILE.hyperlinkFormula, HOSTILE.cmdFormula, HOSTILE.atSum, HOSTILE.minusFormula]) expect(cells).toContain(`'${formula}`);
    expect(stdout).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(cells).toContain('-2'); // a number we wrote stays a number
  });

  it('starts with a UTF-8 byte order mark with --bom, and refuses --bom for another format', async () => {
    const plain = expectOk(await cli(['export', '--format', 'csv', '--db', db])).stdout;
    const out = join(dir, 'excel.csv');
    expectOk(await cli(['export', '--format', 'csv', '--bom', '--out', out, '--db', db]));
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(plain);
    const refused = await cli(['export', '--format', 'json', '--bom', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--bom applies to --format csv only');
  });
});

describe('iCalendar export', () => {
  it('has no control character, lines of at most 75 octets, and unfolds to the titles without their controls', async () => {
    const { stdout } = expectOk(await cli(['export', '--format', 'ics', '--db', db]));
    expect(stdout.endsWith('\r\n')).toBe(true);
    const lines = stdout.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expectNoDangerous(line, `ICS line ${JSON.stringify(line.slice(0, 30))}`, '\t');
    }
    const unfolded = stdout.replaceAll('\r\n ', '');
    expect(unfolded).toContain('SUMMARY:Resolved: [2J[Hcleared\r\n'); // q-0
    expect(unfolded).toContain('SUMMARY:Resolved: innocent text\\nEVIL\r\n'); // q-4: a CR is a line break in a calendar
    expect(unfolded).toContain('SUMMARY:Due: ]0\\;pwned titleafter\r\n'); // q-2
    expect(unfolded).toContain(`SUMMARY:Due: ${HOSTILE.emojiAndCjk}\r\n`);
  });
});

/** Runs the built CLI on the hostile ledger. */
const run = (args: readonly string[], database = db): Promise<CliResult> => cli([...args, '--db', database]);

/** Both streams of a command: no dangerous character but LF, and the hostile text shown escaped. */
function expectSafe(result: CliResult, what: string, shows?: string): void {
  expectNoDangerous(result.stdout, `${what} stdout`);
  expectNoDangerous(result.stderr, `${what} stderr`);
  if (shows) expect(result.stdout + result.stderr, `${what} shows the hostile text escaped`).toContain(shows);
}

const ESCAPED_CLEAR = '\\x1b[2J\\x1b[Hcleared';

describe('terminal output of the built CLI', () => {
  it.each([
    ['list', ['list', '--as-of', AS_OF]],
    ['due', ['due', '--as-of', AS_OF, '--limit', '100']],
    ['forecasters', ['forecasters', '--as-of', AS_OF]],
    ['scorecard (every forecaster)', ['scorecard', '--as-of', AS_OF]],
    ['scorecard f-0', ['scorecard', 'f-0', '--as-of', AS_OF]],
    ['leaderboard', ['leaderboard', '--as-of', AS_OF, '--min-resolved', '1']],
  ])('%s shows every hostile text escaped', async (what, args) => {
    const result = expectOk(await run(args));
    expectSafe(result, what, what === 'due' ? 'abc\\u202edcba' : ESCAPED_CLEAR);
  });

  it('list and due keep one line per question whatever the titles hold', async () => {
    const list = expectOk(await run(['list', '--as-of', AS_OF]));
    expect(list.stdout.trimEnd().split('\n')).toHaveLength(1 + HOSTILE_NAMES.length);
    expect(list.stdout).toContain('line one\\n2020-01-01  resolved: yes  forged row');
    const due = expectOk(await run(['due', '--as-of', AS_OF, '--limit', '100']));
    expect(due.stdout).toContain('abc\\u202edcba');
  });

  it('show: every question, its forecasts, resolution and history', async () => {
    // Each question holds nine corpus texts, so every third one covers the corpus; the full run shows all.
    const shown = HOSTILE_NAMES.map((name, i) => [name, i] as const).filter(([, i]) => i % scaled(3, 1) === 0);
    const results = await Promise.all(shown.map(([, i]) => run(['show', qid(i)])));
    for (const [k, [name, i]] of shown.entries()) {
      const result = expectOk(results[k]!);
      expectSafe(result, `show ${qid(i)} (${name})`);
      if (name === 'clearScreen') expect(result.stdout).toContain(ESCAPED_CLEAR);
      if (name === 'bell') expect(result.stdout).toContain('ding\\x07ding');
      if (name === 'c1Csi') expect(result.stdout).toContain('x\\x9b2Jy');
    }
  });

  it('verify and build report on a ledger whose path and data are hostile', async () => {
    const hostileDb = join(dir, `\x1b[2J\u202e.sqlite`);
    copyFileSync(db, hostileDb);
    const verify = expectOk(await run(['verify'], hostileDb));
    expectSafe(verify, 'verify', '\\x1b[2J\\u202e.sqlite');
    const build = expectOk(await run(['build', '--predictions', join(dir, 'predictions'), '--report', join(dir, 'report.html'), '--as-of', AS_OF], hostileDb));
    expectSafe(build, 'build', '\\x1b[2J\\u202e.sqlite');
    expectNoDangerous(readFileSync(join(dir, 'report.html'), 'utf8'), 'build report.html', '\n\t');
  });

  it('Markdown and JSON documents on stdout carry no raw control either', async () => {
    const html = expectOk(await run(['scorecard', '--format', 'html', '--as-of', AS_OF]));
    expectNoDangerous(html.stdout, 'scorecard --format html', '\n\t'); // a tab is whitespace in HTML
    for (const args of [
      ['scorecard', 'f-0', '--format', 'md', '--as-of', AS_OF],
      ['leaderboard', '--format', 'md', '--as-of', AS_OF],
      ['export'],
      ['list', '--json', '--as-of', AS_OF],
      ['show', qid(0), '--json'],
    ]) {
      const result = expectOk(await run(args));
      expectSafe(result, args.join(' '));
    }
    // JSON stays the exact record: the escapes parse back to the hostile text.
    const shown = JSON.parse(expectOk(await run(['show', qid(HOSTILE_NAMES.indexOf('rightToLeftOverride')), '--json'])).stdout) as {
      question: { title: string };
    };
    expect(shown.question.title).toBe(HOSTILE.rightToLeftOverride);
  });
});

describe('messages and errors that echo arguments or data', () => {
  it.each([
    ['an unknown id', ['show', '\x1b[2Jq\u202e']],
    ['an unknown command', ['\x1b]0;title\x07list']],
    ['an unknown option', ['list', '--\x1b[2J']],
    ['a bad flag value', ['list', '--kind', '\x1b]8;;http://evil\x07x\u202e\x1b]8;;\x07']],
    ['a bad date', ['list', '--due-before', '2026\u202e-01-01']],
    ['an extra argument', ['show', qid(0), '\x07\x1b[31mextra\u2066']],
    ['a hostile outcome', ['resolve', qid(2), '--outcome', '\x1b[2Jmaybe\u009b', '--resolved-on', '2025-06-01', '--evidence', 'x']],
  ])('%s', async (what, args) => {
    const result = await run(args);
    expect(result.code).not.toBe(0);
    expectSafe(result, what);
    expect(result.stderr).toMatch(/\\(?:x[0-9a-f]{2}|u[0-9a-f]{4})/); // the argument is shown, escaped
    const json = await run([...args, '--json']);
    expectNoDangerous(json.stdout, `${what} --json`);
  });

  it('a validation error lists one line per problem, whatever the values it quotes hold', async () => {
    const file = join(dir, 'invalid.json');
    const forecasters = [
      { id: 'x\x1b[2J\nforged: line', name: 'n', type: 'person' },
      { id: 'y\u202e\r\n  - forged problem', name: 'n', type: 'person' },
    ];
    writeFileSync(file, JSON.stringify({ formatVersion: 1, forecasters }));
    const result = await cli(['import', file, '--db', join(dir, 'invalid.sqlite')]);
    expect(result.code).toBe(4);
    expectSafe(result, 'import of an invalid hostile file', 'record "x\\x1b[2J\\nforged: line"');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.map((line) => line.slice(0, 6))).toEqual(['error:', '  - ' + file.slice(0, 2), '  - ' + file.slice(0, 2), 'next: ']);
  });

  it('a missing ledger whose path is hostile', async () => {
    const result = await run(['list'], join(dir, 'missing\x1b[2J\u202e.sqlite'));
    expect(result.code).toBe(3);
    expectSafe(result, 'ledger_not_found', 'missing\\x1b[2J\\u202e.sqlite');
  });

  it('confirmations that echo hostile names, reasons and evidence', async () => {
    const copy = join(dir, 'writes.sqlite');
    copyFileSync(db, copy);
    const added = expectOk(
      await run(['add', 'forecaster', '--id', 'evil', '--name', `${HOSTILE.windowTitle} ${HOSTILE.rightToLeftOverride}`, '--type', 'person'], copy),
    );
    expectSafe(added, 'add forecaster', '\\x1b]0;pwned title\\x07after abc\\u202edcba');
    const annul = expectOk(await run(['annul', qid(2), '--reason', `${HOSTILE.clearScreen} ${HOSTILE.bell}`], copy));
    expectSafe(annul, 'annul', ESCAPED_CLEAR);
  });
});

describe('a colour terminal (TTY, no NO_COLOR)', () => {
  /** Runs a command in this process with both streams claiming to be a terminal. */
  async function onTty(name: string, positionals: string[], values: Record<string, string | boolean>): Promise<{ stdout: string; stderr: string }> {
    const { COMMANDS } = await import('../../src/cli/commands.js');
    const { CommandContext } = await import('../../src/cli/context.js');
    const { Output } = await import('../../src/cli/output.js');
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { isTTY: true, write: (t: string) => (stdout += t) },
      stderr: { isTTY: true, write: (t: string) => (stderr += t) },
      env: {},
      cwd: dir,
    };
    const spec = COMMANDS.find((c) => c.name === name)!;
    const ctx = new CommandContext(spec, positionals, { db, ...values }, new Output(io, false));
    await (await spec.load()).run(ctx);
    return { stdout, stderr };
  }

  /** The CLI's own colours (bold, dim, red, green, yellow, cyan and their resets). */
  const OWN = /\x1b\[(?:1|2|22|31|32|33|36|39)m/g;

  /** Where the data's own colour code (the sgrRed text) is printed: it must show as text. */
  const SGR_SHOWN = '\\x1b[31mred\\x1b[39m';

  it.each([
    ['list', [], { 'as-of': AS_OF }, SGR_SHOWN],
    ['show', [qid(0)], {}, ESCAPED_CLEAR],
    ['show', [qid(HOSTILE_NAMES.indexOf('sgrRed'))], {}, SGR_SHOWN],
    ['due', [], { 'as-of': AS_OF, limit: '100' }, SGR_SHOWN],
    ['scorecard', [], { 'as-of': AS_OF }, SGR_SHOWN],
    ['leaderboard', [], { 'as-of': AS_OF, 'min-resolved': '1' }, ESCAPED_CLEAR],
    ['forecasters', [], { 'as-of': AS_OF }, ESCAPED_CLEAR],
    ['verify', [], { db: 'tty\x1b[2J\u202e.sqlite' }, 'tty\\x1b[2J\\u202e.sqlite verified'],
    // A path given on the command line, echoed in a hint, whose colour code is one the CLI itself uses.
    ['show', [qid(2)], { db: 'tty\x1b[31m.sqlite' }, "--db 'tty\\x1b[31m.sqlite'"],
  ] as const)('%s %j writes only its own colour codes; the data is escaped before it is coloured', async (name, positionals, values, shows) => {
    // A hostile ledger path is a copy in the scratch folder, named relative to it.
    if ('db' in values) copyFileSync(db, join(dir, values.db));
    const { stdout, stderr } = await onTty(name, [...positionals], { ...values });
    expect(stdout + stderr).toMatch(OWN); // it is coloured
    expectNoDangerous(stdout.replace(OWN, ''), `${name} stdout`);
    expectNoDangerous(stderr.replace(OWN, ''), `${name} stderr`);
    expect(stdout + stderr).toContain(shows);
  });
});
