// docs/dataset-left-out.json: every forward-looking passage of the articles that is not its own
// question, with the reason. Each entry names a real line of its article, a known reason, and (for a
// restatement) the question that records the claim; docs/dataset.md is generated from it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLeftOut } from '../scripts/gen-dataset-doc.mjs';
import { predictions } from '../src/predictions/index.js';

const root = join(import.meta.dirname, '..');
const { reasons, leftOut } = readLeftOut();
const questionIds = new Set(predictions.flatMap((f) => f.questions.map((q) => q.id)));
const articles = new Set(predictions.filter((f) => f.source).map((_, i) => String(i + 1).padStart(2, '0')));

describe('docs/dataset-left-out.json', () => {
  it('lists passages from every article but one at most, each once', () => {
    expect(leftOut.length).toBeGreaterThan(50);
    expect(new Set(leftOut.map((e) => e.article)).size).toBeGreaterThanOrEqual(articles.size - 1);
    const keys = leftOut.map((e) => `${e.article}:${e.line}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it('gives each entry a known article, a line number, a known reason and a note', () => {
    const bad = leftOut.filter(
      (e) => !articles.has(e.article) || !Number.isInteger(e.line) || e.line < 1 || !(e.reason in reasons) || e.note.trim().length < 10,
    );
    expect(bad).toEqual([]);
  });

  it('names, for every restatement, the question that records the claim, and only questions that exist', () => {
    expect(leftOut.filter((e) => e.reason === 'restated' && !e.coveredBy)).toEqual([]);
    expect(leftOut.filter((e) => e.coveredBy && !questionIds.has(e.coveredBy)).map((e) => e.coveredBy)).toEqual([]);
  });

  const seeds = join(root, '..', 'shared', 'seeds', 'articles');
  describe.skipIf(!existsSync(seeds))('against the source articles', () => {
    const lines = (article: string) => readFileSync(join(seeds, `${article}.txt`), 'utf8').split('\n');
    const squash = (s: string) => s.replace(/\s+/g, '');

    it('points every entry at a line that exists in its article and is not blank', () => {
      const missing = leftOut.filter((e) => !lines(e.article)[e.line - 1]?.trim()).map((e) => `${e.article}:${e.line}`);
      expect(missing).toEqual([]);
    });

    it('leaves out no line that a forecast takes its excerpt from', () => {
      const excerptLines = new Set<string>();
      for (const [i, file] of predictions.filter((f) => f.source).entries()) {
        const article = String(i + 1).padStart(2, '0');
        const text = lines(article).map(squash);
        for (const f of file.forecasts) if (f.excerpt) excerptLines.add(`${article}:${text.findIndex((l) => l.includes(squash(f.excerpt!))) + 1}`);
      }
      expect(leftOut.map((e) => `${e.article}:${e.line}`).filter((k) => excerptLines.has(k))).toEqual([]);
    });
  });
});
