// A small ledger whose every text field tries to break out of HTML: names, titles, statements,
// criteria, excerpts, notes, evidence, source fields, and a `javascript:` evidence URL.
import { openLedger, type Ledger } from '../../src/index.js';

export const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'q' "dq"`;

/** A ledger with two forecasters, three questions (binary resolved, numeric with a negative range, date), one source. */
export async function hostileLedger(path = ':memory:'): Promise<Ledger> {
  const ledger = await openLedger(path);
  await ledger.importPredictions({
    formatVersion: 1,
    source: {
      id: 'evil-source',
      title: `${EVIL} 標題`,
      titleEnglish: `${EVIL} title`,
      outlet: EVIL,
      author: EVIL,
      published: { date: '2025-10-08', precision: 'day', basis: EVIL },
      language: 'zh-Hant',
      url: 'https://example.com/a?b=1&c="2"',
      note: EVIL,
    },
    forecasters: [
      { id: 'eve', name: `Eve ${EVIL}`, type: 'person', affiliation: EVIL, aliases: [EVIL], description: EVIL },
      { id: 'mallory', name: 'Mallory', type: 'organization', aliases: [] },
    ],
    questions: [
      {
        id: 'q-binary',
        kind: 'binary',
        title: `Binary ${EVIL}`,
        statement: `Will the zeppelin fleet return? ${EVIL}`,
        resolution: { resolveOn: '2026-03-01', horizon: EVIL, horizonRule: EVIL, semantics: 'by', criteria: EVIL },
        tags: ['airships'],
        condition: EVIL,
        resolvability: { rating: 'low', reason: EVIL },
        relations: [{ type: 'related', questionId: 'q-numeric', note: EVIL }],
      },
      {
        id: 'q-numeric',
        kind: 'numeric',
        title: `Numeric ${EVIL}`,
        statement: 'How far will the index fall?',
        spec: { unit: '%', scale: 'linear' },
        resolution: { resolveOn: '2027-12-31', horizon: '2027', semantics: 'at', criteria: 'The index.' },
        tags: ['markets'],
      },
      {
        id: 'q-date',
        kind: 'date',
        title: 'When will it ship?',
        statement: 'The ship date.',
        resolution: { resolveOn: '2028-06-30', horizon: 'mid-2028', semantics: 'by', criteria: 'A press release.' },
      },
    ],
    forecasts: [
      {
        questionId: 'q-binary',
        forecasterId: 'eve',
        madeAt: '2025-10-08',
        sourceId: 'evil-source',
        excerpt: '<b>可能</b>',
        estimate: { kind: 'binary' },
        confidence: { wording: '</title><b>', impliedProbability: 0.7, scale: 'custom', note: EVIL },
        note: EVIL,
      },
      { questionId: 'q-binary', forecasterId: 'mallory', madeAt: '2025-11-01', estimate: { kind: 'binary', probability: 0.2 } },
      {
        questionId: 'q-numeric',
        forecasterId: 'eve',
        madeAt: '2025-10-08',
        sourceId: 'evil-source',
        estimate: { kind: 'numeric', interval: { lower: -40, upper: -30 } },
      },
      { questionId: 'q-date', forecasterId: 'mallory', madeAt: '2025-12-01', estimate: { kind: 'date', earliest: '2028-01-01', latest: '2028-03-01' } },
    ],
    resolutions: [
      {
        questionId: 'q-binary',
        status: 'resolved',
        outcome: { kind: 'binary', value: true },
        resolvedOn: '2026-02-01',
        evidence: [
          { description: `${EVIL} report`, url: 'javascript:alert(1)' },
          { description: 'The article', sourceId: 'evil-source', url: 'https://example.com/report' },
        ],
      },
    ],
  });
  return ledger;
}
