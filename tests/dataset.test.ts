// The seed dataset as users get it: the typed `forecast-ledger/predictions` export, the four claims
// named in the brief with their exact values, and the generated docs/dataset.md.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../src/index.js';
import { PREDICTION_FILE_NAMES, predictions } from '../src/predictions/index.js';
import { glossTable, readLeftOut, readPredictionDir, renderDatasetDoc } from '../scripts/gen-dataset-doc.mjs';
import { CONFIDENCE_TERMS } from '../src/scoring/confidence-terms.js';

const root = join(import.meta.dirname, '..');
const allQuestions = predictions.flatMap((f) => f.questions);
const allForecasts = predictions.flatMap((f) => f.forecasts);
const question = (id: string) => allQuestions.find((q) => q.id === id);
const forecastsOn = (id: string) => allForecasts.filter((f) => f.questionId === id);
const glosses = glossTable(CONFIDENCE_TERMS);

describe('forecast-ledger/predictions', () => {
  it('exports every file of predictions/, in a stated order', () => {
    const onDisk = readdirSync(join(root, 'predictions'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect([...PREDICTION_FILE_NAMES].sort()).toEqual(onDisk);
    expect(predictions).toHaveLength(onDisk.length);
  });

  it('loads into a ledger with one call, and the history verifies', async () => {
    const ledger = await openLedger(':memory:');
    const report = await ledger.importPredictions(predictions);
    expect(report.added.sources).toBe(8);
    expect(report.added.questions).toBe(allQuestions.length);
    expect(report.added.forecasts).toBe(allForecasts.length);
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('has claims from every article', () => {
    const articles = predictions.filter((f) => f.source);
    expect(articles).toHaveLength(8);
    for (const file of articles) expect(file.forecasts.length, file.source!.id).toBeGreaterThan(0);
  });

  it('has at least 80 claims', () => {
    expect(allQuestions.length).toBeGreaterThanOrEqual(80);
  });
});

describe('the four claims named in the brief', () => {
  it('Goldman Sachs: LME copper averaging 10,750 USD/t over 2027', () => {
    const q = question('goldman-copper-lme-2027-average');
    expect(q).toMatchObject({
      kind: 'numeric',
      spec: { unit: 'USD/t' },
      resolution: { resolveOn: '2027-12-31', semantics: 'at', period: { start: '2027-01-01', end: '2027-12-31' } },
    });
    expect(forecastsOn(q!.id)).toMatchObject([{ forecasterId: 'goldman-sachs', estimate: { kind: 'numeric', point: 10750 } }]);
  });

  it('Alibaba Cloud: data-centre energy use in 2032 at 10× its 2022 level', () => {
    const q = question('alibaba-cloud-dc-energy-2032-vs-2022');
    expect(q).toMatchObject({
      kind: 'numeric',
      spec: { baseline: { value: 1, date: '2022-01-01' } },
      resolution: { resolveOn: '2032-12-31', semantics: 'at' },
    });
    expect(forecastsOn(q!.id)).toMatchObject([{ forecasterId: 'eddie-wu', madeAt: '2025-09-24', estimate: { kind: 'numeric', point: 10 } }]);
  });

  it('Andrej Karpathy (2025-10-18): about ten years until agents can do an intern’s work', () => {
    const q = question('karpathy-agents-intern-level-date');
    expect(q).toMatchObject({ kind: 'date', resolution: { resolveOn: '2035-10-18', horizonRule: '+10y' } });
    expect(forecastsOn(q!.id)).toMatchObject([{ forecasterId: 'andrej-karpathy', madeAt: '2025-10-18', estimate: { kind: 'date', point: '2035-10-18' } }]);
  });

  it('Jensen Huang (2025-10-08): the US stack at 80% of global AI development within five years', () => {
    const q = question('us-stack-share-global-ai-development');
    expect(q).toMatchObject({
      kind: 'numeric',
      stance: 'goal',
      spec: { unit: '%' },
      resolution: { resolveOn: '2030-10-08', horizonRule: '+5y', semantics: 'at' },
    });
    expect(forecastsOn(q!.id)).toMatchObject([{ forecasterId: 'jensen-huang', madeAt: '2025-10-08', estimate: { kind: 'numeric', point: 80 } }]);
  });
});

describe('docs/dataset.md', () => {
  it('is up to date with predictions/ (run `npm run gen:dataset-doc` when this fails)', () => {
    expect(readFileSync(join(root, 'docs', 'dataset.md'), 'utf8')).toBe(renderDatasetDoc(readPredictionDir(), glosses, readLeftOut()));
  });

  it('lists every question once, by due date', () => {
    const doc = renderDatasetDoc(readPredictionDir(), glosses, readLeftOut());
    const ids = [...doc.matchAll(/<br>`([a-z0-9.-]+)`/g)].map((m) => m[1]);
    expect(ids.sort()).toEqual(allQuestions.map((q) => q.id).sort());
    const dues = [...doc.matchAll(/^\| (\d{4}-\d{2}-\d{2}) \|/gm)].map((m) => m[1]!);
    expect(dues).toEqual([...dues].sort());
  });
});

// The articles themselves are not in the repository (only short excerpts may be); where the seeds
// folder is present (the development machine), check that every excerpt is a verbatim key phrase.
const seeds = join(root, '..', 'shared', 'seeds', 'articles');
describe.skipIf(!existsSync(seeds))('excerpts against the source articles', () => {
  const squash = (s: string) => s.replace(/\s+/g, '');
  it.each(readPredictionDir().filter((f) => f.data.source))('every excerpt of $name appears verbatim in its article', ({ name, data }) => {
    const article = squash(readFileSync(join(seeds, `${name.slice(0, 2)}.txt`), 'utf8'));
    const missing = (data.forecasts as { id: string; excerpt?: string }[]).filter((f) => f.excerpt && !article.includes(squash(f.excerpt))).map((f) => f.id);
    expect(missing).toEqual([]);
  });
});
