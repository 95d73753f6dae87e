import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LedgerValidationError } from '../../src/index.js';
import { describeEachBackend } from '../helpers/backends.js';
import { predictionFile } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

describeEachBackend('importPredictions', (backend) => {
  it('reports all 3 bad records among 50, naming file, record and field, and writes nothing', async () => {
    const dir = tempDir();
    const ledger = await backend.open();
    await ledger.importPredictions(predictionFile(2, 'existing'));
    const before = { counts: await ledger.counts(), head: (await ledger.verify()).head };

    const file = predictionFile(25, 'batch'); // 25 questions + 25 forecasts = 50 records
    (file.questions![3]!.resolution as { resolveOn: string }).resolveOn = '2026-02-30';
    (file.forecasts![10]!.estimate as { probability: number }).probability = 1.5;
    file.forecasts![20]!.questionId = 'no-such-question';
    const filePath = join(dir, 'batch.json');
    writeFileSync(filePath, JSON.stringify(file, null, 2));

    const error = (await ledger.importPredictions(filePath).catch((e: unknown) => e)) as LedgerValidationError;
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect(error.code).toBe('import_failed');
    expect(error.issues.map((i) => ({ file: i.file, recordId: i.recordId, path: i.path, code: i.code }))).toEqual([
      { file: filePath, recordId: 'batch-3', path: 'questions[3].resolution.resolveOn', code: 'validation_failed' },
      { file: filePath, recordId: 'batch-10.alice', path: 'forecasts[10].estimate.probability', code: 'validation_failed' },
      { file: filePath, recordId: 'batch-20.alice', path: 'forecasts[20].questionId', code: 'question_not_found' },
    ]);
    expect(error.message).toContain(`${filePath} › record "batch-10.alice" › forecasts[10].estimate.probability: a probability must be ≤ 1`);

    expect(await ledger.counts()).toEqual(before.counts);
    expect((await ledger.verify()).head).toBe(before.head);
  });

  it('reports schema problems in several files of a folder together', async () => {
    const dir = tempDir();
    const a = predictionFile(3, 'a');
    const b = predictionFile(3, 'b');
    (a.forecasts![1]!.estimate as { probability: number }).probability = -1;
    delete (b.questions![2] as { title?: string }).title;
    b.source = { ...b.source!, id: 'other-source' };
    writeFileSync(join(dir, 'a.json'), JSON.stringify(a));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(b));
    const ledger = await backend.open();
    const error = (await ledger.importPredictions(dir).catch((e: unknown) => e)) as LedgerValidationError;
    expect(error.issues.map((i) => [i.file?.split('/').pop(), i.recordId, i.path])).toEqual([
      ['a.json', 'a-1.alice', 'forecasts[1].estimate.probability'],
      ['b.json', 'b-2', 'questions[2].title'],
    ]);
    expect((await ledger.counts()).questions).toBe(0);
  });

  it('is idempotent: importing the same files again adds nothing and keeps the chain head', async () => {
    const ledger = await backend.open();
    const first = await ledger.importPredictions(predictionFile(10));
    const again = await ledger.importPredictions(predictionFile(10));
    expect(again.added).toEqual({ sources: 0, forecasters: 0, questions: 0, forecasts: 0, resolutions: 0, updates: 0 });
    expect(again.unchanged).toEqual({ sources: 1, forecasters: 1, questions: 10, forecasts: 10, resolutions: 0, updates: 0 });
    expect(again.head).toBe(first.head);
  });

  it('lets a file refer to forecasters and questions defined in another file of the same import', async () => {
    const dir = tempDir();
    const defs = predictionFile(2);
    writeFileSync(join(dir, '1-forecasts.json'), JSON.stringify({ formatVersion: 1, source: defs.source, forecasts: defs.forecasts }));
    writeFileSync(join(dir, '2-defs.json'), JSON.stringify({ formatVersion: 1, forecasters: defs.forecasters, questions: defs.questions }));
    const ledger = await backend.open();
    const report = await ledger.importPredictions(dir);
    expect(report.added.forecasts).toBe(2);
    expect(report.files).toHaveLength(2);
  });
});

describeEachBackend('importPredictions: keys the format does not have', (backend) => {
  it.each([
    ['a prediction file', { formatVersion: 1, forecast: [] }, 'forecast'],
    ['a prediction file with updates (a snapshot holds them)', { formatVersion: 1, updates: [] }, 'updates'],
    ['a snapshot', { formatVersion: 1, sources: [], resolution: [] }, 'resolution'],
  ])('refuses %s with an unknown key, naming the file and the key, and writes nothing', async (_, data, key) => {
    const dir = tempDir();
    const ledger = await backend.open();
    const filePath = join(dir, 'typo.json');
    writeFileSync(filePath, JSON.stringify(data));
    const error = (await ledger.importPredictions(filePath).catch((e: unknown) => e)) as LedgerValidationError;
    expect(error).toBeInstanceOf(LedgerValidationError);
    expect(error.issues).toEqual([expect.objectContaining({ file: filePath, message: expect.stringContaining(`"${key}"`) })]);
    expect((await ledger.counts()).questions).toBe(0);
  });
});
