// Structural checks over every file of predictions/, without a database: each file validates, ids
// are unique, references resolve, kinds match, and no claim comes due before it was made.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/history/canonical-json.js';
import { PredictionFile } from '../src/model/prediction-file.js';
import { resolveHorizon } from '../src/dates/resolve-horizon.js';
import type { Forecaster } from '../src/model/forecaster.js';
import type { Question } from '../src/model/question.js';

const dir = join(import.meta.dirname, '..', 'predictions');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const files = names.map((name) => ({ name, raw: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));

describe('predictions/ files', () => {
  it.each(names)('%s validates against the PredictionFile schema', (name) => {
    const result = PredictionFile.safeParse(files.find((f) => f.name === name)!.raw);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  const parsed = files.map((f) => ({ name: f.name, data: PredictionFile.parse(f.raw) }));
  const forecasters = new Map<string, Forecaster>();
  const questions = new Map<string, Question>();
  const sources = new Set<string>();

  it('defines every forecaster, question and source id once (or identically)', () => {
    const problems: string[] = [];
    for (const { name, data } of parsed) {
      if (data.source) {
        if (sources.has(data.source.id)) problems.push(`${name}: source ${data.source.id} defined twice`);
        sources.add(data.source.id);
      }
      for (const f of data.forecasters) {
        const prev = forecasters.get(f.id);
        if (prev && canonicalJson(prev) !== canonicalJson(f)) problems.push(`${name}: forecaster ${f.id} differs from an earlier definition`);
        forecasters.set(f.id, f);
      }
      for (const q of data.questions) {
        if (questions.has(q.id)) problems.push(`${name}: question ${q.id} defined twice`);
        questions.set(q.id, q);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique forecast ids, resolvable references, matching kinds, and resolveOn not before madeAt', () => {
    const problems: string[] = [];
    const forecastIds = new Set<string>();
    for (const { name, data } of parsed) {
      for (const [i, f] of data.forecasts.entries()) {
        const where = `${name} forecasts[${i}] (${f.id ?? 'no id'})`;
        if (f.id) {
          if (forecastIds.has(f.id)) problems.push(`${where}: duplicate forecast id`);
          forecastIds.add(f.id);
        }
        const q = questions.get(f.questionId);
        if (!q) problems.push(`${where}: unknown question ${f.questionId}`);
        if (!forecasters.has(f.forecasterId)) problems.push(`${where}: unknown forecaster ${f.forecasterId}`);
        if (!f.sourceId && !data.source) problems.push(`${where}: no sourceId and the file has no source`);
        if (f.sourceId && !sources.has(f.sourceId) && f.sourceId !== data.source?.id) problems.push(`${where}: unknown source ${f.sourceId}`);
        if (q && q.kind !== f.estimate.kind) problems.push(`${where}: estimate kind ${f.estimate.kind} but question is ${q.kind}`);
        if (q && q.resolution.resolveOn < f.madeAt.slice(0, 10)) problems.push(`${where}: resolveOn ${q.resolution.resolveOn} before madeAt ${f.madeAt}`);
        if (q?.kind === 'categorical' && f.estimate.kind === 'categorical') {
          const ids = new Set(q.spec.options.map((o) => o.id));
          for (const k of Object.keys(f.estimate.probabilities)) if (!ids.has(k)) problems.push(`${where}: unknown option ${k}`);
        }
      }
      for (const q of data.questions) {
        for (const r of q.relations) if (!questions.has(r.questionId)) problems.push(`${name} question ${q.id}: relation to unknown question ${r.questionId}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('computes every resolveOn from its horizonRule and the date the claim was first made', () => {
    const firstMade = new Map<string, string>();
    for (const { data } of parsed) {
      for (const f of data.forecasts) {
        const prev = firstMade.get(f.questionId);
        if (!prev || f.madeAt < prev) firstMade.set(f.questionId, f.madeAt);
      }
    }
    const problems: string[] = [];
    for (const q of questions.values()) {
      const made = firstMade.get(q.id);
      if (!q.resolution.horizonRule) problems.push(`${q.id}: no horizonRule`);
      else if (made && resolveHorizon(made, q.resolution.horizonRule) !== q.resolution.resolveOn) {
        problems.push(
          `${q.id}: resolveOn ${q.resolution.resolveOn} but ${q.resolution.horizonRule} from ${made} gives ${resolveHorizon(made, q.resolution.horizonRule)}`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('gives every question at least one forecast', () => {
    const asked = new Set(parsed.flatMap(({ data }) => data.forecasts.map((f) => f.questionId)));
    expect([...questions.keys()].filter((id) => !asked.has(id))).toEqual([]);
  });
});
