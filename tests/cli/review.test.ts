// `forecast-ledger review` on a real pseudo-terminal: tmux runs the built CLI in a detached pane, the
// test types with send-keys and reads the screen with capture-pane. Without a terminal it must refuse.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, cli, expectOk, importedCopy, parseJson } from './harness.js';
import { OverdueJson } from './schemas.js';

/** Our own tmux server (its own socket), so the test never touches another tmux session. */
const SOCKET = `forecast-ledger-review-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
afterAll(() => {
  try {
    tmux('kill-server');
  } catch {
    // Already gone: every session ended.
  }
});

/** The pane's whole text (scrollback included). */
const screen = (session: string): string => tmux('capture-pane', '-p', '-J', '-t', session, '-S', '-500');

/** Waits until the pane shows `text` (a pane needs a moment to draw); fails with the screen after 20 s. */
async function waitFor(session: string, text: string, after = 0): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (screen(session).split(text).length - 1 > after) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the terminal never showed ${JSON.stringify(text)}; it shows:\n${screen(session)}`);
}

/** Types a line and presses Enter. */
const type = (session: string, line: string): void => {
  if (line) tmux('send-keys', '-t', session, '-l', line);
  tmux('send-keys', '-t', session, 'Enter');
};

describe('forecast-ledger review', () => {
  it('refuses without a terminal (exit 2) and prints the commands that record each overdue question', async () => {
    const db = await importedCopy();
    const result = await cli(['review', '--db', db, '--as-of', '2026-01-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('review needs a terminal');
    // The same reference date in what to run next.
    expect(result.stderr).toContain(`or list them: forecast-ledger due --overdue --as-of 2026-01-01 --db ${db}`);
    const listed = await cli(['due', '--overdue', '--db', db, '--as-of', '2026-01-01']);
    expect(listed.stderr).toContain(`record outcomes one by one on a terminal: forecast-ledger review --as-of 2026-01-01 --db ${db}`);
    const overdue = parseJson(OverdueJson, expectOk(await cli(['due', '--overdue', '--json', '--db', db, '--as-of', '2026-01-01'])));
    expect(overdue.overdue).toBe(4);
    for (const q of overdue.questions) {
      expect(result.stderr).toContain(`forecast-ledger resolve ${q.id} --outcome <value> --resolved-on <date> --evidence <text> --db ${db}`);
      expect(result.stderr).toContain(`forecast-ledger annul ${q.id} --reason <text>`);
    }
    // With --json, stdout holds the error document every command prints, listing the same questions.
    const json = await cli(['review', '--json', '--db', db, '--as-of', '2026-01-01']);
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stdout) as { error: { code: string; exitCode: number; overdue: { id: string }[] } };
    expect(error).toMatchObject({ code: 'usage_error', exitCode: 2 });
    expect(error.overdue.map((q) => q.id)).toEqual(overdue.questions.map((q) => q.id));
  });

  it('walks the overdue questions on a terminal: asks again after a bad outcome, resolves, annuls, skips and quits', async () => {
    const db = await importedCopy();
    const session = 'review';
    tmux(
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '200',
      '-y',
      '60',
      `NO_COLOR=1 '${process.execPath}' '${CLI}' review --db '${db}' --as-of 2026-01-01; echo "EXIT=$?"; sleep 600`,
    );
    await waitFor(session, '[1/4] karpathy-nanochat-build-video');
    await waitFor(session, 'Outcome (yes/no, annul, ambiguous, skip or quit): ');
    type(session, 'maybe');
    await waitFor(session, 'expected yes or no, received "maybe"');
    type(session, 'yes');
    await waitFor(session, 'Evidence (what shows the outcome): ');
    type(session, 'The build walkthrough video is on his channel');
    await waitFor(session, 'Resolved on (YYYY-MM-DD, Enter for ');
    type(session, '2025-10-20');
    await waitFor(session, '✔ karpathy-nanochat-build-video resolved: yes (2025-10-20)');
    await waitFor(session, '[2/4] genesis-mission-eo-signed-2025-11-24');
    type(session, 'annul');
    await waitFor(session, 'Reason: ');
    type(session, 'the order was never published');
    await waitFor(session, 'Resolved on (YYYY-MM-DD, Enter for ', 1);
    type(session, '2025-12-01');
    await waitFor(session, '[3/4] genesis-eo-directs-national-labs-ai-rd');
    // An outcome dated before the forecast (made 2025-11-19): refused, one line per problem, then asked again.
    type(session, 'yes');
    await waitFor(session, 'Evidence (what shows the outcome): ', 1);
    type(session, 'the order text');
    await waitFor(session, 'Resolved on (YYYY-MM-DD, Enter for ', 2);
    type(session, '2025-11-01');
    await waitFor(session, 'if the outcome really was known before them: forecast-ledger resolve genesis-eo-directs-national-labs-ai-rd');
    await waitFor(session, 'Outcome (yes/no, annul, ambiguous, skip or quit): ', 4);
    type(session, 'skip');
    await waitFor(session, '[4/4] genesis-eo-public-private-partnerships');
    type(session, 'quit');
    await waitFor(session, 'EXIT=');
    const text = screen(session);
    tmux('kill-session', '-t', session);
    expect(text).toContain('warning: nothing was written: 1 problem\n  - record "genesis-eo-directs-national-labs-ai-rd" › resolvedOn:');
    expect(text).not.toContain('\\n');
    expect(text).not.toContain('allowForecastsAfterOutcome: true');
    expect(text).toContain('recorded 2, skipped 1; 2 still overdue');
    expect(text).toContain('EXIT=0');

    const shown = async (id: string) => JSON.parse(expectOk(await cli(['show', id, '--json', '--db', db])).stdout);
    const resolved = await shown('karpathy-nanochat-build-video');
    expect(resolved.resolution).toMatchObject({
      status: 'resolved',
      outcome: { kind: 'binary', value: true },
      resolvedOn: '2025-10-20',
      evidence: [{ description: 'The build walkthrough video is on his channel' }],
    });
    expect((await shown('genesis-mission-eo-signed-2025-11-24')).resolution).toMatchObject({
      status: 'annulled',
      reason: 'the order was never published',
      resolvedOn: '2025-12-01',
    });
    const left = parseJson(OverdueJson, expectOk(await cli(['due', '--overdue', '--json', '--db', db, '--as-of', '2026-01-01'])));
    expect(left.questions.map((q) => q.id)).toEqual(['genesis-eo-directs-national-labs-ai-rd', 'genesis-eo-public-private-partnerships']);
    expect(expectOk(await cli(['verify', '--db', db])).code).toBe(0);
  });
});
