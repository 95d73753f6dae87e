import { describe, expect, it } from 'vitest';
import { impliedProbability } from '../../src/scoring/rules.js';
import { expectLedgerError } from './_helpers/expect-ledger-error.js';

// Written out from the sources, independently of CONFIDENCE_TERMS.
// IPCC AR5 (Mastrandrea et al. 2010): point value = midpoint of the published range (0.5 for "about as likely as not").
const IPCC: Array<[string, number]> = [
  ['virtually certain', 0.995], // 99–100 %
  ['extremely likely', 0.975], // 95–100 %
  ['very likely', 0.95], // 90–100 %
  ['likely', 0.83], // 66–100 %
  ['more likely than not', 0.75], // >50–100 %
  ['about as likely as not', 0.5], // 33–66 %
  ['unlikely', 0.165], // 0–33 %
  ['very unlikely', 0.05], // 0–10 %
  ['extremely unlikely', 0.025], // 0–5 %
  ['exceptionally unlikely', 0.005], // 0–1 %
];
// Kent (1964): central values.
const KENT: Array<[string, number]> = [
  ['certain', 1],
  ['almost certain', 0.93],
  ['probable', 0.75],
  ['chances about even', 0.5],
  ['probably not', 0.3],
  ['almost certainly not', 0.07],
  ['impossible', 0],
];
// forecast-ledger-zh: [Traditional, Simplified] (one form when they coincide) → a conservative point inside the
// band of the IPCC AR5 anchor, never 0 or 1: upper-tail anchors at their lower edge, lower-tail at their upper edge.
const ZH: Array<[string[], number, string]> = [
  [['必然'], 0.99, 'IPCC virtually certain 99–100 %, lower edge'],
  [['必將', '必将'], 0.99, 'IPCC virtually certain, lower edge'],
  [['必定'], 0.99, 'IPCC virtually certain, lower edge'],
  [['確定性事件', '确定性事件'], 0.99, 'IPCC virtually certain, lower edge'],
  [['一定'], 0.99, 'IPCC virtually certain, lower edge'],
  [['肯定'], 0.99, 'IPCC virtually certain, lower edge'],
  [['幾乎肯定', '几乎肯定'], 0.95, 'IPCC extremely likely 95–100 %, lower edge'],
  [['極有可能', '极有可能'], 0.9, 'IPCC very likely 90–100 %, lower edge'],
  [['很可能'], 0.9, 'IPCC very likely, lower edge'],
  [['很有可能'], 0.9, 'IPCC very likely, lower edge'],
  [['預計', '预计'], 0.8, 'IPCC likely 66–100 %, midpoint 0.83 rounded down'],
  [['預期', '预期'], 0.8, 'IPCC likely'],
  [['預測', '预测'], 0.8, 'IPCC likely'],
  [['有望'], 0.8, 'IPCC likely'],
  [['相信'], 0.8, 'IPCC likely'],
  [['堅信', '坚信'], 0.8, 'IPCC likely'],
  [['認為', '认为'], 0.8, 'IPCC likely'],
  [['我認為', '我认为'], 0.8, 'IPCC likely'],
  [['有信心'], 0.8, 'IPCC likely'],
  [['將', '将', '會', '会', '將會', '将会'], 0.8, 'IPCC likely: a flat "will" is not certainty'],
  [['計劃', '计划', '計畫', '计画'], 0.8, 'IPCC likely: plans are usually carried out'],
  [['目標', '目标'], 0.5, 'IPCC about as likely as not 33–66 %'],
  [['可能'], 0.5, 'IPCC about as likely as not'],
  [['或將', '或将'], 0.5, 'IPCC about as likely as not'],
  [['或許', '或许'], 0.4, 'IPCC about as likely as not, below even'],
  [['也許', '也许'], 0.4, 'IPCC about as likely as not, below even'],
  [['不太可能'], 0.2, 'IPCC unlikely 0–33 %, inside'],
  [['不可能'], 0.01, 'IPCC exceptionally unlikely 0–1 %, upper edge'],
];

describe('impliedProbability', () => {
  it.each(IPCC)('maps the IPCC AR5 term "%s" to %s', (term, p) => {
    expect(impliedProbability(term)).toBe(p);
    expect(impliedProbability(term, { scale: 'ipcc-ar5' })).toBe(p);
  });

  it.each(KENT)('maps Kent’s "%s" to %s', (term, p) => {
    expect(impliedProbability(term)).toBe(p);
    expect(impliedProbability(term, { scale: 'kent' })).toBe(p);
  });

  it.each(ZH.map(([forms, p, anchor]) => [forms.join(' / '), forms, p, anchor] as const))('maps %s to %s (%s)', (_, forms, p) => {
    for (const form of forms) expect(impliedProbability(form)).toBe(p);
    for (const form of forms) expect(impliedProbability(form, { language: 'zh' })).toBe(p);
  });

  it('ignores case, surrounding space and repeated inner space', () => {
    expect(impliedProbability('  Very   LIKELY ')).toBe(0.95);
    expect(impliedProbability('Almost\tCertain')).toBe(0.93);
    expect(impliedProbability('\u3000很可能\u3000')).toBe(0.9);
  });

  it('lets Chinese terms through whatever English scale is asked for', () => {
    expect(impliedProbability('预计', { scale: 'ipcc-ar5' })).toBe(0.8);
    expect(impliedProbability('预计', { scale: 'kent' })).toBe(0.8);
  });

  it('mirrors its @example', () => {
    expect(impliedProbability('Very likely')).toBe(0.95);
    expect(impliedProbability('almost certain')).toBe(0.93);
    expect(impliedProbability('很可能')).toBe(0.9);
    expect(impliedProbability('預計')).toBe(0.8);
    expect(impliedProbability('将')).toBe(0.8);
    expect(impliedProbability('必然')).toBe(0.99);
    expect(impliedProbability('不可能')).toBe(0.01);
  });

  describe('至少 (at least)', () => {
    it('throws: it bounds a quantity and says nothing about confidence', () => {
      const error = expectLedgerError(() => impliedProbability('至少'));
      expect(error.message).toContain('impliedProbability: "至少" names a lower bound on a quantity, not a confidence.');
      expect(error.message).toContain('lower bound');
      expect(error.details).toMatchObject({ wording: '至少', bound: 'lower' });
    });
  });

  describe('unknown wording', () => {
    it('throws and lists similar known terms', () => {
      const error = expectLedgerError(() => impliedProbability('likly'));
      expect(error.details.suggestions).toContain('likely');
      expect(error.message).toContain('impliedProbability: expected wording to be a known confidence term, received "likly". Did you mean "likely"');
    });

    it('suggests Chinese terms contained in the wording', () => {
      const error = expectLedgerError(() => impliedProbability('非常可能'));
      expect(error.details.suggestions).toEqual(expect.arrayContaining(['可能', '很可能']));
    });

    it('says so when nothing is similar', () => {
      const error = expectLedgerError(() => impliedProbability('zzzzzzzz'));
      expect(error.details.suggestions).toEqual([]);
      expect(error.message).toContain('record an explicit probability');
    });

    it('matches whole terms only', () => {
      expectLedgerError(() => impliedProbability('very likely that'));
    });
  });

  describe('options', () => {
    it('rejects a term from the other scale, naming where it is', () => {
      const error = expectLedgerError(() => impliedProbability('likely', { scale: 'kent' }));
      expect(error.message).toMatchInlineSnapshot(
        `"impliedProbability: expected wording to be a term of scale "kent", received "likely". "likely" is on the ipcc-ar5 scale (en); drop the option to accept it"`,
      );
    });

    it('rejects a term in the other language', () => {
      expectLedgerError(() => impliedProbability('很可能', { language: 'en' }));
      expectLedgerError(() => impliedProbability('likely', { language: 'zh' }));
    });

    it('rejects invalid options and non-string wording', () => {
      expectLedgerError(() => impliedProbability('likely', { scale: 'forecast-ledger-zh' as 'kent' }));
      expectLedgerError(() => impliedProbability('likely', { language: 'fr' as 'en' }));
      expectLedgerError(() => impliedProbability(0.9 as unknown as string));
    });
  });
});
