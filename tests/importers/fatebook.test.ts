import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerValidationError } from '../../src/errors.js';
import { fatebookToPredictions, readFatebook } from '../../src/importers/fatebook.js';
import { importAndRoundTrip } from './round-trip.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'importers', 'fatebook', 'export.csv');

describe('Fatebook CSV importer', () => {
  it('maps every question kind and resolution of the export, and round-trips', async () => {
    const result = readFatebook(FIXTURE);
    const ledger = await importAndRoundTrip(result);
    const questions = await ledger.listQuestions({ order: 'recorded' });
    expect(questions.map((q) => [q.question.kind, q.status])).toEqual([
      ['binary', 'resolved'],
      ['binary', 'resolved'],
      ['binary', 'ambiguous'],
      ['binary', 'open'],
      ['categorical', 'resolved'],
      ['binary', 'resolved'],
      ['binary', 'resolved'],
    ]);
    const ecb = questions[0]!;
    expect(ecb.question.resolution).toMatchObject({
      resolveOn: '2024-06-30',
      criteria: 'Resolves YES if the ECB "deposit facility rate" falls,\nper the ECB press release.',
    });
    expect(ecb.question.tags).toEqual(['fatebook', 'econ', 'central-banks']);
    expect(ecb.resolution).toMatchObject({ outcome: { kind: 'binary', value: true }, resolvedOn: '2024-06-06' });
    const ecbForecasts = await ledger.listForecasts({ questionId: ecb.question.id });
    expect(ecbForecasts.map((f) => [f.forecasterId, f.madeAt, f.estimate])).toEqual([
      [expect.stringMatching(/^fatebook\.ada-lovelace-[0-9a-f]{8}$/), '2024-05-01T09:15:03Z', { kind: 'binary', probability: 0.6 }],
      [ecbForecasts[0]!.forecasterId, '2024-05-20T18:00:00Z', { kind: 'binary', probability: 0.8 }],
      [expect.stringMatching(/^fatebook\.grace-hopper-/), '2024-05-02T07:30:45Z', { kind: 'binary', probability: 0.7 }],
    ]);
    const tour = questions[4]!;
    expect(tour.question).toMatchObject({ spec: { options: [{ id: 'pogacar', label: 'Pogačar' }, { id: 'vingegaard' }, { id: 'someone-else' }] } });
    expect(tour.resolution?.outcome).toEqual({ kind: 'categorical', value: 'pogacar' });
    expect(result.unmapped.map((u) => [u.record, u.reason.slice(0, 40)])).toEqual([
      ['line 11', 'forecast made 2024-12-28T10:00:00Z, afte'],
      ['line 15', 'multiple-choice question "Which of these'],
    ]);
    await ledger.close();
  });

  describe('bad files', () => {
    it('names the file, line and column of every bad row, and maps nothing', () => {
      const text = readFileSync(FIXTURE, 'utf8').replace('0.35,', '1.35,').replace('2024-04-01 12:00:0,', 'yesterday,');
      const run = () => fatebookToPredictions({ file: '/exports/fatebook.csv', text });
      expect(run).toThrow(LedgerValidationError);
      try {
        run();
      } catch (error) {
        expect((error as LedgerValidationError).issues.map((i) => `${i.file} ${i.path}: ${i.message}`)).toEqual([
          'fatebook.csv line 8 › Forecast (scale = 0-1): expected a probability from 0 to 1, received "1.35"',
          'fatebook.csv line 9 › Forecast created at: expected a time as YYYY-MM-DD HH:MM:SS, received "yesterday"',
        ]);
      }
    });

    it('refuses a file without Fatebook’s columns', () => {
      expect(() => fatebookToPredictions({ file: 'x.csv', text: 'title,probability\n"a",0.5' })).toThrow(/invalid Fatebook CSV export/);
    });
  });
});
