import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectOk, importedCopy, ledgerState, parseJson, scratchDir } from './harness.js';
import { AddFileJson, AddPredictionFileJson, AddRecordJson, CorrectJson, ErrorJson, ResolutionJson, ShowJson, VerifyJson } from './schemas.js';

const COPPER = 'goldman-copper-lme-2027-average';

describe('add', () => {
  it('adds a forecaster, a question and forecasts from flags, into a new ledger', async () => {
    const db = join(scratchDir(), 'fresh.sqlite');
    const run = async (...args: string[]) => parseJson(AddRecordJson, expectOk(await cli(['add', ...args, '--db', db, '--json'])));
    expect((await run('forecaster', '--id', 'bob', '--name', 'Bob Smith', '--type', 'person', '--alias', 'B. Smith')).record).toMatchObject({
      id: 'bob',
      aliases: ['B. Smith'],
    });
    // Writers to one ledger may run at once: each write is one transaction.
    const [question] = await Promise.all([
      run(
        'question',
        '--id',
        'fusion-2030',
        '--kind',
        'binary',
        '--title',
        'Fusion on the grid by 2030',
        '--resolve-on',
        '2030-12-31',
        '--criteria',
        'IAEA PRIS',
        '--tag',
        'energy',
      ),
      run(
        'question',
        '--id',
        'lead-2030',
        '--kind',
        'categorical',
        '--title',
        'Who leads AI in 2030',
        '--resolve-on',
        '2030-12-31',
        '--criteria',
        'Stanford AI Index',
        '--option',
        'us=United States',
        '--option',
        'cn=China',
      ),
      run(
        'question',
        '--id',
        'copper-2030',
        '--kind',
        'numeric',
        '--title',
        'Copper 2030',
        '--resolve-on',
        '2030-12-31',
        '--criteria',
        'LME',
        '--unit',
        'USD/t',
      ),
    ]);
    expect(question.record).toMatchObject({
      id: 'fusion-2030',
      kind: 'binary',
      statement: 'Fusion on the grid by 2030',
      resolution: { semantics: 'by', horizon: '2030-12-31' },
      tags: ['energy'],
    });
    const [binary, categorical, numeric] = await Promise.all([
      run('forecast', '--question', 'fusion-2030', '--forecaster', 'bob', '--probability', '0.7', '--made-at', '2025-10-08'),
      run('forecast', '--question', 'lead-2030', '--forecaster', 'bob', '--probability', 'us=0.6', '--probability', 'cn=0.35', '--made-at', '2025-10-08'),
      run(
        'forecast',
        '--question',
        'copper-2030',
        '--forecaster',
        'bob',
        '--point',
        '12000',
        '--lower',
        '9000',
        '--upper',
        '15000',
        '--level',
        '0.9',
        '--made-at',
        '2025-10-08',
        '--id',
        'bob-copper',
      ),
    ]);
    expect(binary.record).toMatchObject({ questionId: 'fusion-2030', estimate: { kind: 'binary', probability: 0.7 } });
    expect((binary.record as { id: string }).id).toMatch(/^f-[0-9a-f]{16}$/);
    expect(categorical.record).toMatchObject({ estimate: { kind: 'categorical', probabilities: { us: 0.6, cn: 0.35 } } });
    expect(numeric.record).toMatchObject({
      id: 'bob-copper',
      estimate: { kind: 'numeric', point: 12000, interval: { lower: 9000, upper: 15000, level: 0.9 } },
    });
  });

  it('reads JSON files that start with a UTF-8 byte order mark (as Windows editors save them)', async () => {
    const dir = scratchDir();
    const db = join(dir, 'bom.sqlite');
    const file = join(dir, 'forecasters.json');
    writeFileSync(file, `\uFEFF${JSON.stringify([{ id: 'carol', name: 'Carol', type: 'person' }])}`);
    expect(parseJson(AddFileJson, expectOk(await cli(['add', 'forecaster', '--file', file, '--db', db, '--json'])))).toMatchObject({
      added: { forecasters: 1 },
    });
    const prediction = join(dir, 'prediction.json');
    writeFileSync(prediction, `\uFEFF${JSON.stringify({ formatVersion: 1, forecasters: [{ id: 'dan', name: 'Dan', type: 'person' }] })}`);
    expectOk(await cli(['import', prediction, '--db', db]));
  });

  it('adds records of one type from a JSON file, or a whole prediction file', async () => {
    const dir = scratchDir();
    const db = await importedCopy();
    const file = join(dir, 'forecasters.json');
    writeFileSync(
      file,
      JSON.stringify([
        { id: 'carol', name: 'Carol', type: 'person' },
        { id: 'dan', name: 'Dan', type: 'organization' },
      ]),
    );
    const added = parseJson(AddFileJson, expectOk(await cli(['add', 'forecaster', '--file', file, '--db', db, '--json'])));
    expect(added).toMatchObject({ type: 'forecaster', added: { forecasters: 2 } });
    const again = parseJson(AddFileJson, expectOk(await cli(['add', 'forecaster', '--file', file, '--db', db, '--json'])));
    expect(again).toMatchObject({ added: { forecasters: 0 }, unchanged: { forecasters: 2 } });

    const claims = join(dir, 'claims.json');
    writeFileSync(
      claims,
      JSON.stringify({
        formatVersion: 1,
        questions: [
          {
            id: 'carol-q',
            kind: 'binary',
            title: 'Carol’s question',
            statement: 'Will it?',
            resolution: { resolveOn: '2027-06-30', horizon: 'mid-2027', semantics: 'by', criteria: 'News' },
          },
        ],
        forecasts: [{ questionId: 'carol-q', forecasterId: 'carol', madeAt: '2025-11-01', estimate: { kind: 'binary', probability: 0.25 } }],
      }),
    );
    const both = parseJson(AddPredictionFileJson, expectOk(await cli(['add', '--file', claims, '--db', db, '--json'])));
    expect(both).toMatchObject({ file: claims, added: { questions: 1, forecasts: 1 } });
  });
});

describe('resolve, annul, correct', () => {
  it('resolves, refuses a second resolution, corrects it and keeps the history', async () => {
    const db = await importedCopy();
    const resolved = parseJson(
      ResolutionJson,
      expectOk(
        await cli([
          'resolve',
          COPPER,
          '--outcome',
          '10120',
          '--resolved-on',
          '2026-11-05',
          '--evidence',
          'LME 2027 average',
          '--evidence-url',
          'https://www.lme.com/',
          '--db',
          db,
          '--json',
        ]),
      ),
    );
    expect(resolved.resolution).toMatchObject({
      status: 'resolved',
      outcome: { kind: 'numeric', value: 10120 },
      evidence: [{ description: 'LME 2027 average', url: 'https://www.lme.com/' }],
    });

    const twice = await cli(['resolve', COPPER, '--outcome', '10000', '--resolved-on', '2026-11-06', '--evidence', 'x', '--db', db]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('already resolved');
    expect(twice.stderr).toContain(`next: correct the resolution instead: forecast-ledger correct ${COPPER} --outcome <value>`);

    const corrected = parseJson(
      CorrectJson,
      expectOk(
        await cli([
          'correct',
          COPPER,
          '--outcome',
          '10210',
          '--resolved-on',
          '2026-11-20',
          '--evidence',
          'LME revision',
          '--reason',
          'LME revised December',
          '--db',
          db,
          '--json',
        ]),
      ),
    );
    expect(corrected.resolution).toMatchObject({
      outcome: { value: 10210 },
      correction: { reason: 'LME revised December' },
      supersedes: resolved.resolution.seq,
    });
    expect(corrected.supersedes?.seq).toBe(resolved.resolution.seq);

    const shown = parseJson(ShowJson, expectOk(await cli(['show', COPPER, '--db', db, '--json'])));
    expect(shown.resolutions.map((r) => r.outcome?.value)).toEqual([10120, 10210]);
    expect(shown.history.map((e) => e.type)).toEqual(['question.added', 'forecast.added', 'resolution.recorded', 'resolution.recorded']);
    expect(parseJson(VerifyJson, expectOk(await cli(['verify', '--db', db, '--json']))).ok).toBe(true);
  });

  it('annuls a question, or marks it ambiguous, with a reason', async () => {
    const db = await importedCopy();
    const [annulled, ambiguous] = [
      parseJson(
        ResolutionJson,
        expectOk(await cli(['annul', COPPER, '--reason', 'The LME stopped publishing', '--resolved-on', '2026-06-01', '--db', db, '--json'])),
      ),
      parseJson(
        ResolutionJson,
        expectOk(
          await cli(['annul', 'grid-power-share-global-copper-demand-growth-2030', '--ambiguous', '--reason', 'No agreed measure', '--db', db, '--json']),
        ),
      ),
    ];
    expect(annulled.resolution).toMatchObject({ status: 'annulled', reason: 'The LME stopped publishing', resolvedOn: '2026-06-01' });
    expect(ambiguous.resolution).toMatchObject({ status: 'ambiguous', reason: 'No agreed measure' });
    expect(ambiguous.resolution.resolvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a resolution dated in the future or before forecasts, changing nothing', async () => {
    const db = await importedCopy();
    const before = await ledgerState(db);
    const future = await cli(['resolve', COPPER, '--outcome', '10120', '--resolved-on', '2099-01-01', '--evidence', 'e', '--db', db]);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('received 2099-01-01: record the outcome once it is known');
    // Goldman's forecast was made on 2025-09-01: an outcome known on 2025-08-31 comes before it.
    const early = await cli(['resolve', COPPER, '--outcome', '10120', '--resolved-on', '2025-08-31', '--evidence', 'e', '--db', db, '--json']);
    expect(early.code).toBe(1);
    const { error } = parseJson(ErrorJson, early);
    expect(error.code).toBe('forecasts_after_outcome');
    expect(error.message).toContain(`"${COPPER}.goldman-sachs" (2025-09-01)`);
    expect(error.hint).toContain('run the same command with --allow-forecasts-after-outcome');
    expect(await ledgerState(db)).toEqual(before);
  });

  it('records forecasts as made after the outcome with --allow-forecasts-after-outcome, and the scorecard lists them', async () => {
    const db = await importedCopy();
    const args = [
      'resolve',
      COPPER,
      '--outcome',
      '10120',
      '--resolved-on',
      '2025-08-31',
      '--evidence',
      'e',
      '--allow-forecasts-after-outcome',
      '--db',
      db,
      '--json',
    ];
    const resolved = parseJson(ResolutionJson, expectOk(await cli(args)));
    expect(resolved.resolution).toMatchObject({ resolvedOn: '2025-08-31', allowForecastsAfterOutcome: true });
    const card = expectOk(await cli(['scorecard', 'goldman-sachs', '--db', db]));
    expect(card.stdout).toContain('made after the outcome (not scored): 1 forecast');
    expect(card.stdout).toMatch(new RegExp(`${COPPER}\\s+${COPPER}\\.goldman-sachs\\s+2025-09-01\\s+2025-08-31`));
    const correction = ['correct', COPPER, '--outcome', '10000', '--resolved-on', '2025-08-30', '--evidence', 'e', '--reason', 'r', '--db', db];
    expect((await cli(correction)).code).toBe(1);
    expectOk(await cli([...correction, '--allow-forecasts-after-outcome']));
  });
});
