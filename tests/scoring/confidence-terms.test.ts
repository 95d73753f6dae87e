import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIDENCE_SCALES } from '../../src/model/forecast.js';
import { CONFIDENCE_LANGUAGES, CONFIDENCE_TERMS, impliedProbability, type ProbabilityTerm } from '../../src/scoring/rules.js';

const probabilityTerms = CONFIDENCE_TERMS.filter((t): t is ProbabilityTerm => t.probability !== null);

describe('CONFIDENCE_TERMS', () => {
  it('has one entry per wording, each with a valid language and a data-model scale other than custom', () => {
    const terms = CONFIDENCE_TERMS.map((t) => t.term);
    expect(new Set(terms).size).toBe(terms.length);
    for (const t of CONFIDENCE_TERMS) {
      expect(CONFIDENCE_LANGUAGES).toContain(t.language);
      expect(CONFIDENCE_SCALES).toContain(t.scale);
      expect(t.scale).not.toBe('custom');
      if (t.language === 'en') expect(t.term).toBe(t.term.toLowerCase());
      else expect(t.scale).toBe('forecast-ledger-zh');
    }
  });

  it('gives every probability term a range inside [0, 1] that contains its point value', () => {
    for (const t of probabilityTerms) {
      const [lo, hi] = t.range;
      expect(0 <= lo && lo <= t.probability && t.probability <= hi && hi <= 1, t.term).toBe(true);
    }
  });

  it('uses the midpoint of the published IPCC range, except 0.5 for "about as likely as not"', () => {
    const ipcc = probabilityTerms.filter((t) => t.scale === 'ipcc-ar5');
    expect(ipcc.map((t) => [t.term, t.range])).toEqual([
      ['virtually certain', [0.99, 1]],
      ['extremely likely', [0.95, 1]],
      ['very likely', [0.9, 1]],
      ['likely', [0.66, 1]],
      ['more likely than not', [0.5, 1]],
      ['about as likely as not', [0.33, 0.66]],
      ['unlikely', [0, 0.33]],
      ['very unlikely', [0, 0.1]],
      ['extremely unlikely', [0, 0.05]],
      ['exceptionally unlikely', [0, 0.01]],
    ]);
    for (const t of ipcc) {
      const mid = t.term === 'about as likely as not' ? 0.5 : (t.range[0] + t.range[1]) / 2;
      expect(t.probability, t.term).toBeCloseTo(mid, 12);
    }
  });

  it('uses Kent’s central values and give-or-take spreads', () => {
    expect(probabilityTerms.filter((t) => t.scale === 'kent').map((t) => [t.term, t.probability, t.range])).toEqual([
      ['certain', 1, [1, 1]],
      ['almost certain', 0.93, [0.87, 0.99]],
      ['probable', 0.75, [0.63, 0.87]],
      ['chances about even', 0.5, [0.4, 0.6]],
      ['probably not', 0.3, [0.2, 0.4]],
      ['almost certainly not', 0.07, [0.02, 0.12]],
      ['impossible', 0, [0, 0]],
    ]);
  });

  it('gives each Chinese term its anchor’s band and a point inside it, never exactly 0 or 1', () => {
    const zh = probabilityTerms.filter((t) => t.language === 'zh');
    expect(zh.length).toBeGreaterThan(0);
    for (const t of zh) {
      expect(t.anchor, t.term).toBeDefined();
      const anchor = probabilityTerms.find((a) => a.scale === t.anchor!.scale && a.term === t.anchor!.term)!;
      expect(anchor, t.term).toBeDefined();
      expect(t.range, t.term).toEqual(anchor.range);
      expect(t.probability > 0 && t.probability < 1, t.term).toBe(true);
      expect(t.note, t.term).toMatch(/Traditional|Simplified/);
      expect(t.note, t.term).toContain(`"${t.anchor!.term}"`);
    }
  });

  it('takes the lower edge of the band for upper-tail anchors and the upper edge for lower-tail ones', () => {
    const zh = probabilityTerms.filter((t) => t.language === 'zh');
    for (const t of zh) {
      const anchor = t.anchor!.term;
      if (['virtually certain', 'extremely likely', 'very likely'].includes(anchor)) expect(t.probability, t.term).toBe(t.range[0]);
      if (anchor === 'exceptionally unlikely') expect(t.probability, t.term).toBe(t.range[1]);
    }
  });

  it('has every Chinese term of the contract in both Traditional and Simplified forms', () => {
    const zh = new Set(CONFIDENCE_TERMS.filter((t) => t.language === 'zh').map((t) => t.term));
    const expected = [
      '必然',
      '必將',
      '必将',
      '必定',
      '確定性事件',
      '确定性事件',
      '一定',
      '肯定',
      '幾乎肯定',
      '几乎肯定',
      '很可能',
      '很有可能',
      '極有可能',
      '极有可能',
      '預計',
      '预计',
      '預期',
      '预期',
      '預測',
      '预测',
      '有望',
      '相信',
      '堅信',
      '坚信',
      '認為',
      '认为',
      '我認為',
      '我认为',
      '有信心',
      '將',
      '将',
      '會',
      '会',
      '將會',
      '将会',
      '計劃',
      '计划',
      '計畫',
      '计画',
      '目標',
      '目标',
      '可能',
      '或將',
      '或将',
      '或許',
      '或许',
      '也許',
      '也许',
      '不太可能',
      '不可能',
      '至少',
    ];
    expect(expected.filter((t) => !zh.has(t))).toEqual([]);
    expect([...zh].filter((t) => !expected.includes(t))).toEqual([]);
  });

  it('marks 至少 as a lower bound on a quantity with no probability', () => {
    expect(CONFIDENCE_TERMS.find((t) => t.term === '至少')).toMatchObject({ probability: null, range: null, bound: 'lower' });
  });

  it('is frozen, so callers cannot change the scale for everyone', () => {
    expect(Object.isFrozen(CONFIDENCE_TERMS)).toBe(true);
    expect(Object.isFrozen(CONFIDENCE_TERMS[0])).toBe(true);
    expect(Object.isFrozen(probabilityTerms[0]!.range)).toBe(true);
  });

  it('agrees with impliedProbability for every probability term', () => {
    for (const t of probabilityTerms) expect(impliedProbability(t.term), t.term).toBe(t.probability);
  });

  it('mirrors its @example', () => {
    expect(CONFIDENCE_TERMS.find((t) => t.term === 'likely')?.range).toEqual([0.66, 1]);
    expect(CONFIDENCE_TERMS.find((t) => t.term === '预计')?.probability).toBe(0.8);
    expect(CONFIDENCE_TERMS.find((t) => t.term === '必然')?.probability).toBe(0.99);
    expect(CONFIDENCE_TERMS.find((t) => t.term === '將')?.gloss).toBe('will');
    expect(probabilityTerms.find((t) => t.term === '必然')?.anchor).toEqual({ scale: 'ipcc-ar5', term: 'virtually certain' });
  });

  it('matches the verbal-confidence tables of docs/scoring-rules.md, term for term', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scoring-rules.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Verbal confidence'), doc.indexOf('## How the rules are tested'));
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| Term') && !line.startsWith('| Traditional'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const documented = new Map<string, number | null>();
    for (const cells of rows) {
      const probability = cells.at(-1) === '—' ? null : Number(cells.at(-1));
      const terms = cells.length === 5 ? [...cells[0]!.split(' / '), ...cells[1]!.split(' / ')] : [cells[0]!];
      for (const term of terms) documented.set(term, probability);
    }
    expect([...documented.keys()].sort()).toEqual(CONFIDENCE_TERMS.map((t) => t.term).sort());
    for (const t of CONFIDENCE_TERMS) expect(documented.get(t.term), t.term).toBe(t.probability);
  });

  it('gives every term that is not English a short English gloss, the one shown beside the wording', () => {
    expect(CONFIDENCE_TERMS.filter((t) => t.language !== 'en' && !t.gloss?.trim()).map((t) => t.term)).toEqual([]);
    expect(CONFIDENCE_TERMS.find((t) => t.term === '会')?.gloss).toBe('will');
    expect(CONFIDENCE_TERMS.find((t) => t.term === '我認為')?.gloss).toBe('I think');
  });

  it('starts the Gloss column of docs/scoring-rules.md with each term’s gloss', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'scoring-rules.md'), 'utf8');
    const rows = doc
      .split('\n')
      .filter((line) => /^\| \S/.test(line) && line.split('|').length === 7 && !line.startsWith('| Traditional'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const mismatches: string[] = [];
    for (const [traditional, simplified, gloss] of rows) {
      for (const term of [...traditional!.split(' / '), ...simplified!.split(' / ')]) {
        const own = CONFIDENCE_TERMS.find((t) => t.term === term)?.gloss;
        if (own && !gloss!.toLowerCase().startsWith(own.toLowerCase())) mismatches.push(`${term}: "${gloss}" vs "${own}"`);
      }
    }
    expect(rows.length).toBeGreaterThan(20);
    expect(mismatches).toEqual([]);
  });
});
