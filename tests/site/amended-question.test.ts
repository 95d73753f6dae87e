// The site shows a question's current revision, says it was amended, and lists its clarifications,
// amendments, comments and withdrawn forecasts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger, writeSite } from '../../src/index.js';
import { binaryForecast, binaryQuestion, forecaster } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp.js';

describe('site: a question with a life', () => {
  it('shows the amended title and criteria, "amended (revision 1)", and every change, comment and withdrawal', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const ledger = await openLedger(':memory:', { now: () => now });
    await ledger.addForecaster(forecaster());
    await ledger.addQuestion(binaryQuestion('q-life'));
    await ledger.addForecast({ ...binaryForecast('q-life', 'alice', 0.3, '2026-01-01'), id: 'f-old' });
    now = new Date('2026-02-01T00:00:00Z');
    await ledger.addForecast({ ...binaryForecast('q-life', 'alice', 0.6, '2026-02-01'), id: 'f-new' });
    now = new Date('2026-03-01T00:00:00Z');
    await ledger.clarifyQuestion('q-life', { text: 'Only reports in English count.' });
    await ledger.amendQuestion('q-life', { title: 'Amended title of q-life', criteria: 'A Reuters report.' }, { reason: 'the old wording was vague' });
    await ledger.addComment('q-life', { author: 'bob', text: 'A first report is out.' });
    await ledger.withdrawForecast('f-new', { reason: 'entered too early' });
    const out = join(tempDir(), 'site');
    await writeSite(ledger, { outDir: out, asOf: '2026-03-02', generatedAt: now });
    await ledger.close();

    const page = readFileSync(join(out, 'questions', 'q-life.html'), 'utf8');
    expect(page).toContain('<h1>Amended title of q-life</h1>');
    expect(page).not.toContain('Binary question q-life');
    expect(page).toContain('amended (revision 1)');
    expect(page).toContain('<dd>A Reuters report.</dd>');
    expect(page).toContain('<h2 id="changes">Changes and comments</h2>');
    expect(page).toContain('<strong>Amended</strong> (revision 1): title, criteria changed — the old wording was vague');
    expect(page).toContain('<strong>Clarified</strong>: Only reports in English count.');
    expect(page).toContain('<strong>Comment</strong> by bob: A first report is out.');
    expect(page).toContain('<strong>Forecast withdrawn</strong> <code>f-new</code>: entered too early');
    expect(page).toMatch(/60% yes <span class="note">\(withdrawn 2026-03-01\)<\/span>/);
    // Every other page lists the question under its current title.
    for (const file of ['claims.html', join('forecasters', 'alice.html'), 'index.html']) {
      const html = readFileSync(join(out, file), 'utf8');
      expect(html, file).not.toContain('Binary question q-life');
    }
    expect(readFileSync(join(out, 'claims.html'), 'utf8')).toContain('Amended title of q-life');
    expect(readFileSync(join(out, 'ledger.ics'), 'utf8')).toContain('Amended title of q-life');
  });
});
