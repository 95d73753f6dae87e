// After `amend`, every view shows the question's current revision: list, due, due --overdue, show, the
// CSV export, scorecards and the calendar; `show` says it was amended. And `comment` finds its author
// where `predict` finds the forecaster.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOk, parseJson, scratchDir } from './harness.js';
import { CommentJson, DueJson, ErrorJson, ListJson, OverdueJson, ShowJson } from './schemas.js';
import { z } from 'zod';

const OLD = 'Will the bridge open by 2099-06-30?';
const NEW = 'Will the new bridge open to traffic by 2099-06-30?';
const CRITERIA = 'The city transport office announces the opening.';

/** A scratch project with one predicted question, amended (title and criteria). */
async function amendedProject(): Promise<{ cwd: string; run: (...args: string[]) => ReturnType<typeof cli>; id: string }> {
  const cwd = scratchDir();
  const run = (...args: string[]) => cli([...args, '--db', join(cwd, 'ledger.sqlite')], { cwd, env: { FORECAST_LEDGER_FORECASTER: '' } });
  const predicted = JSON.parse(expectOk(await run('predict', OLD, '70%', '--as', 'me', '--json')).stdout) as { question: { id: string } };
  const id = predicted.question.id;
  expectOk(await run('amend', id, '--title', NEW, '--criteria', CRITERIA, '--reason', 'say which bridge and what counts'));
  return { cwd, run, id };
}

describe('an amended question is shown in its current revision everywhere', () => {
  it('list, due, show and the CSV export show the amended title and criteria; show says "amended"', async () => {
    const { run, id } = await amendedProject();

    const list = parseJson(ListJson, expectOk(await run('list', '--json')));
    expect(list.questions.map((q) => q.question.title)).toEqual([NEW]);
    const listText = expectOk(await run('list')).stdout;
    expect(listText).toContain(NEW);
    expect(listText).not.toContain(OLD);

    const due = parseJson(DueJson, expectOk(await run('due', '--within', '100y', '--json')));
    expect(due.questions.map((q) => q.title)).toEqual([NEW]);
    expect(expectOk(await run('due', '--within', '100y')).stdout).toContain(NEW);
    const overdue = parseJson(OverdueJson, expectOk(await run('due', '--overdue', '--as-of', '2099-12-31', '--json')));
    expect(overdue.questions.map((q) => [q.title, q.resolution.criteria])).toEqual([[NEW, CRITERIA]]);

    const show = parseJson(ShowJson, expectOk(await run('show', id, '--json')));
    expect([show.question.title, show.current.title, show.revision]).toEqual([OLD, NEW, 1]);
    const showText = expectOk(await run('show', id)).stdout;
    expect(showText.split('\n')[0]).toContain(NEW);
    expect(showText).toContain('amended (revision 1)');
    expect(showText).toContain(`Criteria: ${CRITERIA}`);

    const csv = expectOk(await run('export', '--format', 'csv')).stdout;
    expect(csv).toContain(NEW);
    expect(csv).not.toContain(OLD);
    const ics = expectOk(await run('export', '--format', 'ics')).stdout;
    expect(ics).toContain('new bridge');
    // The JSON export keeps the question as first added, with the amendment under updates, so it imports back.
    const exported = JSON.parse(expectOk(await run('export', '--format', 'json')).stdout) as { questions: { title: string }[]; updates: { type: string }[] };
    expect([exported.questions[0]!.title, exported.updates.map((u) => u.type)]).toEqual([OLD, ['question.amended']]);
  });

  it('the scorecard lists the prediction under its amended title', async () => {
    const { run } = await amendedProject();
    const card = JSON.parse(expectOk(await run('scorecard', 'me', '--json')).stdout) as { predictions: { title: string }[] };
    expect(card.predictions.map((p) => p.title)).toEqual([NEW]);
    expect(expectOk(await run('scorecard', 'me', '--format', 'html')).stdout).toContain('Will the new bridge open to traffic');
  });
});

describe('amend --resolve-on', () => {
  it('moves the due date: due lists the new date, show says so, and a date before a forecast is refused with exit 1', async () => {
    const { run, id } = await amendedProject();
    expectOk(await run('amend', id, '--resolve-on', '2099-12-31', '--reason', 'the opening slipped'));
    const due = parseJson(DueJson, expectOk(await run('due', '--within', '100y', '--json')));
    expect(due.questions.map((q) => q.resolveOn)).toEqual(['2099-12-31']);
    const show = parseJson(ShowJson, expectOk(await run('show', id, '--json')));
    expect([show.current.resolution.resolveOn, show.question.resolution.resolveOn, show.revision]).toEqual(['2099-12-31', '2099-06-30', 2]);
    const text = expectOk(await run('show', id)).stdout;
    expect(text).toContain('Amended: resolveOn — the opening slipped');
    // The horizon's wording gave the first date, not the new one: show says the date moved.
    expect(text).toMatch(/due 2099-12-31 \(moved from 2099-06-30, first worded “[^”]+”, \w+\)/);
    const refused = await run('amend', id, '--resolve-on', '2020-01-01', '--reason', 'too early', '--json');
    expect([refused.code, parseJson(ErrorJson, refused).error.code]).toEqual([1, 'forecast_after_due']);
    const bad = await run('amend', id, '--resolve-on', '2099-02-30', '--reason', 'no such day', '--json');
    expect(bad.code).toBe(2);
  });
});

describe('comment: the author defaults as predict’s forecaster does', () => {
  const CommentsJson = z.object({ comments: z.array(z.object({ author: z.string() })) });

  it('takes the author from ./forecast-ledger.config.json when neither --author nor the environment names one', async () => {
    const { cwd, run, id } = await amendedProject();
    writeFileSync(join(cwd, 'forecast-ledger.config.json'), JSON.stringify({ forecaster: 'from-config' }));
    const commented = parseJson(CommentJson, expectOk(await run('comment', id, '--text', 'Steel delivery slipped.', '--json')));
    expect(commented.comment.author).toBe('from-config');
    // The environment comes before the file, --author before both.
    const env = await cli(['comment', id, '--text', 'x', '--json', '--db', join(cwd, 'ledger.sqlite')], {
      cwd,
      env: { FORECAST_LEDGER_FORECASTER: 'from-env' },
    });
    expect(parseJson(CommentJson, expectOk(env)).comment.author).toBe('from-env');
    expect(parseJson(CommentJson, expectOk(await run('comment', id, '--text', 'y', '--author', 'Ann B.', '--json'))).comment.author).toBe('Ann B.');
    expect(parseJson(CommentsJson, expectOk(await run('show', id, '--json'))).comments.map((c) => c.author)).toEqual(['from-config', 'from-env', 'Ann B.']);
  });

  it('refuses with a usage error naming every way to give the author when there is none', async () => {
    const { run, id } = await amendedProject();
    const result = await run('comment', id, '--text', 'no author', '--json');
    expect(result.code).toBe(2);
    expect(parseJson(ErrorJson, result).error.message).toMatch(/author/);
    expect(result.stdout + result.stderr).toContain('forecast-ledger.config.json');
  });
});
