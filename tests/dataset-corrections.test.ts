// The corrections of issue 12, pinned: each value was re-checked against its article and is fixed here
// so that a later edit cannot quietly bring the old reading back.
import { describe, expect, it } from 'vitest';
import { predictions } from '../src/predictions/index.js';

const questions = predictions.flatMap((f) => f.questions);
const forecasts = predictions.flatMap((f) => f.forecasts);
const resolutions = predictions.flatMap((f) => f.resolutions);
const question = (id: string) => questions.find((q) => q.id === id);
const forecastsOn = (id: string) => forecasts.filter((f) => f.questionId === id);

describe('dataset corrections (issue 12)', () => {
  it('dates "later this week" to the end of the week nanochat came out in (Sunday 2025-10-19)', () => {
    expect(question('karpathy-nanochat-build-video')?.resolution).toMatchObject({ resolveOn: '2025-10-19', horizonRule: 'date:2025-10-19' });
  });

  it("does not give Hinton's five-year window (deep learning beating radiologists) to the profession disappearing", () => {
    const q = question('hinton-radiologists-obsolete')!;
    expect(q.resolution).toMatchObject({ resolveOn: '2025-10-18', horizonRule: 'date:2025-10-18' });
    expect(q.resolution.horizonRule).not.toBe('+5y');
    expect(q.statement).not.toMatch(/five years/);
  });

  it("records Alibaba's RMB 380bn as a floor (at least), not a point estimate", () => {
    expect(question('alibaba-ai-infra-capex-three-year-380b')).toBeUndefined();
    expect(question('alibaba-ai-infra-capex-three-year-at-least-380b')).toMatchObject({
      kind: 'binary',
      stance: 'plan',
      resolution: { resolveOn: '2028-03-31', semantics: 'by' },
    });
    expect(question('alibaba-ai-infra-capex-three-year-at-least-380b')!.statement).toMatch(/at least RMB 380 billion/);
  });

  it('credits the Stargate 500bn to the partner companies that committed it, and counts money spent', () => {
    const [plan, doubt] = ['stargate-partners', 'xinzhi-guanchasuo'].map((who) =>
      forecastsOn('stargate-500b-invested-by-2029').find((f) => f.forecasterId === who),
    );
    expect(plan).toMatchObject({ madeAt: '2025-01-21', confidence: { wording: '宣佈', scale: 'custom' } });
    expect(doubt).toBeDefined();
    expect(forecastsOn('stargate-500b-invested-by-2029').map((f) => f.forecasterId)).not.toContain('donald-trump');
    expect(question('stargate-500b-invested-by-2029')!.resolution.criteria).toMatch(/not capacity announced or committed/);
  });

  it("gives Huang his figure per gigawatt, not the article's per-10-GW rendering", () => {
    expect(question('openai-ai-factory-capex-per-10gw')).toBeUndefined();
    expect(question('openai-ai-factory-capex-per-gw')).toMatchObject({ kind: 'numeric', spec: { unit: 'USD billion per GW' } });
    expect(forecastsOn('openai-ai-factory-capex-per-gw')).toMatchObject([{ forecasterId: 'jensen-huang', estimate: { interval: { lower: 50, upper: 60 } } }]);
  });

  it('annuls the fall-2025 enrollment "forecast", made after IIE had published the figures (2025-11-17)', () => {
    expect(resolutions.filter((r) => r.questionId === 'us-new-international-enrollment-fall-2025')).toMatchObject([
      { status: 'annulled', resolvedOn: '2025-12-01', reason: expect.stringMatching(/2025-11-17/) },
    ]);
  });

  it('dates the Genesis Mission plan like every undated statement of its report: the publication date, 2025-11-21', () => {
    expect(forecastsOn('genesis-mission-eo-signed-2025-11-24')).toMatchObject([{ madeAt: '2025-11-21' }]);
    expect(forecastsOn('eo-doj-sue-states-over-ai-laws')).toMatchObject([{ madeAt: '2025-11-21' }]);
  });

  it("takes the federal-AI-standard claim from Trump's Tuesday call on Congress (2025-11-18), not Wednesday's remark", () => {
    expect(forecastsOn('us-federal-ai-standard-preempts-state-laws')).toMatchObject([
      { forecasterId: 'donald-trump', madeAt: '2025-11-18', excerpt: '通過聯邦層面的人工智慧監管標準' },
    ]);
  });

  it("measures the US stack's share of global AI development at a date", () => {
    expect(question('us-stack-share-global-ai-development')!.resolution.semantics).toBe('at');
  });

  it('sets the bar for "持續大幅增長" in US electricity demand at +15% over 2024–2030 (about 2.4% a year)', () => {
    expect(question('us-electricity-demand-2030-up-10pct-vs-2024')).toBeUndefined();
    expect(question('us-electricity-demand-2030-up-15pct-vs-2024')!.statement).toMatch(/at least 15% higher than in 2024/);
  });

  it("does not read Clark's invitation to the public (迫使我們…) as an Anthropic commitment", () => {
    expect(questions.filter((q) => q.id.startsWith('anthropic-'))).toEqual([]);
  });
});
