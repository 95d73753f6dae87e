// Every question of the seed dataset says how it will be settled: the published data (publisher,
// series, deciding value; the date is resolveOn) or an explicit judge and rule. Few are hard to settle:
// at most one question in five is rated low, and each says why.
import { describe, expect, it } from 'vitest';
import { predictions } from '../src/predictions/index.js';

const questions = predictions.flatMap((f) => f.questions);

describe('predictions/ resolvability', () => {
  it('names, for every question, the data that resolves it or a judge and the rule they apply', () => {
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.filter((q) => !q.resolution.data && !q.resolution.judge).map((q) => q.id)).toEqual([]);
  });

  it('rates every question, and says why for each one rated low', () => {
    expect(questions.filter((q) => !q.resolvability).map((q) => q.id)).toEqual([]);
    expect(questions.filter((q) => q.resolvability?.rating === 'low' && q.resolvability.reason.length < 20).map((q) => q.id)).toEqual([]);
  });

  it('rates at most one question in five low', () => {
    const low = questions.filter((q) => q.resolvability?.rating === 'low');
    expect(low.length * 5, `${low.length} of ${questions.length} rated low: ${low.map((q) => q.id).join(', ')}`).toBeLessThanOrEqual(questions.length);
  });

  it('gives a judge to every question rated low, since no series settles it alone', () => {
    expect(questions.filter((q) => q.resolvability?.rating === 'low' && !q.resolution.judge).map((q) => q.id)).toEqual([]);
  });
});
