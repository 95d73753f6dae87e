import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLedger, type Ledger } from '../../src/index.js';
import { describeEachBackend } from '../helpers/backends.js';
import { codeOf } from '../helpers/code-of.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

/** A clock the test moves forward by hand. */
function clock(start: string): { now: () => Date; set: (iso: string) => void } {
  let t = new Date(start);
  return { now: () => t, set: (iso) => (t = new Date(iso)) };
}

describeEachBackend('question life: clarify, amend, comment, withdraw', (backend) => {
  let ledger: Ledger;
  let time: ReturnType<typeof clock>;
  beforeEach(async () => {
    time = clock('2026-01-10T09:00:00.000Z');
    ledger = await backend.open({ now: time.now });
    await ledger.addForecaster(forecaster());
    await ledger.addForecaster(forecaster('bob', 'Bob'));
    await ledger.addQuestion(binaryQuestion());
    await ledger.addForecast({ ...binaryForecast('q-binary', 'alice', 0.7, '2026-01-05'), id: 'f-alice' });
  });

  it('clarifies a question: fine print recorded, wording and revision unchanged', async () => {
    const c = await ledger.clarifyQuestion('q-binary', { text: 'Only English-language reports count.' });
    expect(c).toEqual({ questionId: 'q-binary', text: 'Only English-language reports count.', recordedAt: '2026-01-10T09:00:00.000Z' });
    const q = await ledger.getQuestion('q-binary');
    expect(q.clarifications).toEqual([c]);
    expect(q.revision).toBe(0);
    expect(q.current).toEqual(q.question);
  });

  it('amends a question with a reason; each forecast keeps the revision it was made against', async () => {
    time.set('2026-02-01T00:00:00.000Z');
    const a = await ledger.amendQuestion('q-binary', { title: 'Will it happen by 2026?', criteria: 'A Reuters report.' }, { reason: 'Reuters only' });
    expect(a.recordedAt).toBe('2026-02-01T00:00:00.000Z');
    await ledger.addForecast({ ...binaryForecast('q-binary', 'bob', 0.4, '2026-02-03'), id: 'f-bob' });
    const q = await ledger.getQuestion('q-binary');
    expect(q.revision).toBe(1);
    expect(q.question.title).toBe('Binary question q-binary');
    expect(q.current.title).toBe('Will it happen by 2026?');
    expect(q.current.resolution.criteria).toBe('A Reuters report.');
    expect(q.forecastRevisions).toEqual({ 'f-alice': 0, 'f-bob': 1 });
  });

  it('lists each question in its current revision; listUpdates gives the events; the export keeps the first revision', async () => {
    await ledger.amendQuestion('q-binary', { title: 'Will it happen by 2026?' }, { reason: 'clearer' });
    expect((await ledger.listQuestions()).map((r) => r.question.title)).toEqual(['Will it happen by 2026?']);
    expect((await ledger.listQuestions({ status: 'open', dueAfter: '2026-01-01' }))[0]!.question.resolution.criteria).toBe('A news report.');
    expect((await ledger.listUpdates({ questionId: 'q-binary' })).map((u) => u.type)).toEqual(['question.amended']);
    expect((await ledger.exportData()).questions[0]!.title).toBe('Binary question q-binary');
  });

  it('scores as of a date before an amendment under the title then in force, by asOf and by recordedBy', async () => {
    time.set('2026-02-15T12:00:00.000Z');
    await ledger.amendQuestion('q-binary', { title: 'Will it happen by 2026?' }, { reason: 'clearer' });
    const title = async (options: { asOf?: string; recordedBy?: string }) => (await ledger.scorecard('alice', options)).predictions[0]!.title;
    expect(await title({ asOf: '2026-02-14' })).toBe('Binary question q-binary');
    expect(await title({ asOf: '2026-02-15' })).toBe('Will it happen by 2026?');
    expect(await title({ recordedBy: '2026-02-14' })).toBe('Binary question q-binary');
    expect(await title({ recordedBy: '2026-02-15' })).toBe('Will it happen by 2026?');
    expect(await title({})).toBe('Will it happen by 2026?');
  });

  it('refuses an amendment without a reason, without a change, or after the resolution', async () => {
    expect(await codeOf(ledger.amendQuestion('q-binary', { title: 'New' }, {} as { reason: string }))).toBe('reason_required');
    expect(await codeOf(ledger.amendQuestion('q-binary', {}, { reason: 'r' }))).toBe('validation_failed');
    expect(await codeOf(ledger.amendQuestion('q-binary', { colour: 'red' } as never, { reason: 'r' }))).toBe('unknown_option');
    expect(await codeOf(ledger.amendQuestion('nope', { title: 'New' }, { reason: 'r' }))).toBe('question_not_found');
    await ledger.resolve('q-binary', { outcome: true, resolvedOn: '2026-01-09', evidence: [{ description: 'x' }] });
    expect(await codeOf(ledger.amendQuestion('q-binary', { title: 'New' }, { reason: 'r' }))).toBe('already_resolved');
    expect((await ledger.getQuestion('q-binary')).amendments).toEqual([]);
  });

  it('refuses an amendment that changes nothing in the current revision, field by field, and takes one that changes a field', async () => {
    const { current } = await ledger.getQuestion('q-binary');
    const same = { title: current.title, resolveOn: current.resolution.resolveOn };
    const refused = await ledger.amendQuestion('q-binary', same, { reason: 'r' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation_failed' });
    expect((refused as { issues: { path: string; recordId: string }[] }).issues.map((i) => [i.recordId, i.path])).toEqual([
      ['q-binary', 'changes.title'],
      ['q-binary', 'changes.resolveOn'],
    ]);
    // Against the current revision, not the question as first added.
    await ledger.amendQuestion('q-binary', { title: 'Renamed' }, { reason: 'clearer' });
    expect(await codeOf(ledger.amendQuestion('q-binary', { title: 'Renamed' }, { reason: 'again' }))).toBe('validation_failed');
    // One field that changes is enough, beside others that do not.
    await ledger.amendQuestion('q-binary', { title: 'Renamed', statement: 'A new statement.' }, { reason: 'wording' });
    expect((await ledger.getQuestion('q-binary')).revision).toBe(2);
  });

  it('adds comments, and refuses one on an unknown question or without text', async () => {
    const c = await ledger.addComment('q-binary', { author: 'alice', text: 'Looks likely.' });
    expect((await ledger.getQuestion('q-binary')).comments).toEqual([c]);
    expect(await codeOf(ledger.addComment('nope', { author: 'alice', text: 'x' }))).toBe('question_not_found');
    expect(await codeOf(ledger.addComment('q-binary', { author: 'alice', text: '   ' }))).toBe('validation_failed');
  });

  it('withdraws a forecast once, with a reason, while its question is open', async () => {
    expect(await codeOf(ledger.withdrawForecast('f-alice', {} as { reason: string }))).toBe('reason_required');
    expect(await codeOf(ledger.withdrawForecast('nope', { reason: 'r' }))).toBe('forecast_not_found');
    const w = await ledger.withdrawForecast('f-alice', { reason: 'wrong question' });
    expect(w).toEqual({ forecastId: 'f-alice', reason: 'wrong question', recordedAt: '2026-01-10T09:00:00.000Z' });
    expect(await codeOf(ledger.withdrawForecast('f-alice', { reason: 'again' }))).toBe('already_withdrawn');
    expect((await ledger.getQuestion('q-binary')).withdrawals).toEqual([w]);
    expect((await ledger.listForecasts({ withdrawn: false })).map((f) => f.id)).toEqual([]);
    expect((await ledger.listForecasts({ withdrawn: true })).map((f) => f.id)).toEqual(['f-alice']);
  });

  it('refuses to withdraw a forecast once its question is resolved', async () => {
    await ledger.resolve('q-binary', { outcome: false, resolvedOn: '2026-01-09', evidence: [{ description: 'x' }] });
    expect(await codeOf(ledger.withdrawForecast('f-alice', { reason: 'it missed' }))).toBe('already_resolved');
  });

  it('shows every question-life event in the history, in order, and counts them', async () => {
    await ledger.clarifyQuestion('q-binary', { text: 'Fine print.' });
    await ledger.amendQuestion('q-binary', { statement: 'Will it really happen?' }, { reason: 'clearer' });
    await ledger.addComment('q-binary', { author: 'bob', text: 'Hm.' });
    await ledger.withdrawForecast('f-alice', { reason: 'changed my mind' });
    const types = (await ledger.history('q-binary')).map((e) => e.type);
    expect(types).toEqual(['question.added', 'forecast.added', 'question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn']);
    expect((await ledger.counts()).updates).toBe(4);
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('round-trips through export and import exactly, and a second import changes nothing', async () => {
    await ledger.clarifyQuestion('q-binary', { text: 'Fine print.' });
    time.set('2026-01-20T00:00:00.000Z');
    await ledger.amendQuestion('q-binary', { statement: 'Will it really happen?' }, { reason: 'clearer' });
    await ledger.addComment('q-binary', { author: 'bob', text: 'Hm.' });
    await ledger.withdrawForecast('f-alice', { reason: 'changed my mind' });
    const exported = await ledger.exportData();
    expect(exported.updates?.map((u) => u.type)).toEqual(['question.clarified', 'question.amended', 'comment.added', 'forecast.withdrawn']);
    const copy = await backend.open({ now: () => new Date('2027-01-01T00:00:00Z') });
    await copy.importPredictions(JSON.parse(JSON.stringify(exported)));
    expect(await copy.exportData()).toEqual(exported);
    expect((await copy.getQuestion('q-binary')).forecastRevisions).toEqual({ 'f-alice': 0 });
    const again = await copy.importPredictions(JSON.parse(JSON.stringify(exported)));
    expect(again.added.updates).toBe(0);
    expect(again.unchanged.updates).toBe(4);
    expect((await copy.verify()).ok).toBe(true);
  });
});

describe('question life on an SQLite file (its tables edited with better-sqlite3)', () => {
  it('catches a tampered question_updates row in verify()', async () => {
    const path = join(tempDir(), 'life.sqlite');
    const file = await openLedger(path);
    await file.addForecaster(forecaster());
    await file.addQuestion(binaryQuestion());
    await file.addQuestion(binaryQuestion('q-other'));
    await file.addComment('q-binary', { author: 'alice', text: 'Hm.' });
    await file.addComment('q-binary', { author: 'alice', text: 'Hm again.' });
    await file.close();
    const db = new Database(path);
    db.prepare("UPDATE question_updates SET question_id = 'q-other' WHERE event_seq = 4").run();
    db.prepare('DELETE FROM question_updates WHERE event_seq = 5').run();
    db.close();
    const reopened = await openLedger(path);
    const report = await reopened.verify();
    expect(report.ok).toBe(false);
    expect(report.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'question_updates has 1 rows but the history has 2 clarification, amendment, comment and withdrawal events: rows were deleted outside the ledger',
        'question update row does not match its event: q-other (event 4)',
      ]),
    );
    await reopened.close();
  });
});
