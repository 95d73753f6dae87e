// Generates docs/dataset.md from predictions/*.json: every claim by due date.
// Run `npm run gen:dataset-doc` after editing predictions/; tests/dataset.test.ts fails when the
// checked-in page is stale. Pure Node: reads the JSON directly, needs no build.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Reads every prediction file: `[{ name, data }]`, sorted by name. */
export function readPredictionDir(dir = join(ROOT, 'predictions')) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) }));
}

/**
 * The English gloss of each term of the library's verbal scales, from `CONFIDENCE_TERMS`
 * (src/scoring/confidence-terms.ts, the one source): `Map<wording, gloss>`.
 */
export function glossTable(terms) {
  return new Map(terms.filter((t) => t.gloss).map((t) => [t.term, t.gloss]));
}

/**
 * Loads `CONFIDENCE_TERMS` from the TypeScript source with esbuild, so the script needs no build.
 * esbuild is resolved through tsup (a devDependency that depends on it), not imported as if it were ours.
 */
export async function loadConfidenceTerms() {
  const require = createRequire(import.meta.url);
  const { buildSync } = createRequire(require.resolve('tsup'))('esbuild');
  const [out] = buildSync({
    entryPoints: [join(ROOT, 'src', 'scoring', 'confidence-terms.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
  }).outputFiles;
  return (await import(`data:text/javascript;base64,${Buffer.from(out.text).toString('base64')}`)).CONFIDENCE_TERMS;
}

/** A verbal wording with its English gloss beside it: `將 "will"`. */
export function glossed(confidence, glosses) {
  const gloss = confidence.gloss ?? glosses.get(confidence.wording.trim());
  return gloss ? `${confidence.wording} "${gloss}"` : confidence.wording;
}

/** Reads docs/dataset-left-out.json: the forward-looking passages not recorded as questions, with why. */
export function readLeftOut(file = join(ROOT, 'docs', 'dataset-left-out.json')) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const num = (n) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

/** The key figure of a forecast, in a few characters. */
export function keyFigure(forecast, question, glosses = new Map()) {
  const e = forecast.estimate;
  const unit = question.kind === 'numeric' ? ` ${question.spec.unit}` : '';
  switch (e.kind) {
    case 'binary': {
      const p = e.probability ?? forecast.confidence?.impliedProbability;
      const words = forecast.confidence ? ` (${glossed(forecast.confidence, glosses)})` : '';
      return `p = ${p}${words}`;
    }
    case 'numeric': {
      const parts = [];
      if (e.point !== undefined) parts.push(`${num(e.point)}${unit}`);
      if (e.interval)
        parts.push(`${num(e.interval.lower)}–${num(e.interval.upper)}${unit}${e.interval.level ? ` (${Math.round(e.interval.level * 100)}%)` : ''}`);
      if (e.quantiles) parts.push(e.quantiles.map((q) => `q${q.tau}: ${num(q.value)}`).join(', '));
      return parts.join('; ');
    }
    case 'date':
      return [e.point, e.earliest && `from ${e.earliest}`, e.latest && `until ${e.latest}`].filter(Boolean).join(' ');
    case 'categorical':
      return Object.entries(e.probabilities)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ');
    default:
      return '';
  }
}

/** `0.8 42, 0.5 15, …`: how many binary forecasts carry each probability, most common first. */
function probabilities(files) {
  const m = new Map();
  for (const { data } of files) {
    for (const f of data.forecasts ?? []) {
      if (f.estimate.kind !== 'binary') continue;
      const p = f.estimate.probability ?? f.confidence?.impliedProbability;
      m.set(p, (m.get(p) ?? 0) + 1);
    }
  }
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1] || b[0] - a[0])
    .map(([p, n]) => `${p} ${n}`)
    .join(', ');
}

/** Renders the dataset page; `glosses` is {@link glossTable} of `CONFIDENCE_TERMS`, `leftOut` is {@link readLeftOut}. */
export function renderDatasetDoc(files, glosses, leftOut) {
  const forecasters = new Map();
  const questions = new Map();
  const rows = [];
  const perSource = [];
  for (const { name, data } of files) {
    for (const f of data.forecasters ?? []) forecasters.set(f.id, f);
    for (const q of data.questions ?? []) questions.set(q.id, { q, file: name });
  }
  for (const { name, data } of files) {
    if (!data.source) continue;
    perSource.push({ name, source: data.source, questions: (data.questions ?? []).length, forecasts: (data.forecasts ?? []).length });
  }
  const byQuestion = new Map();
  for (const { data } of files) {
    for (const f of data.forecasts ?? []) {
      if (!byQuestion.has(f.questionId)) byQuestion.set(f.questionId, []);
      byQuestion.get(f.questionId).push(f);
    }
  }
  for (const [id, { q }] of questions) {
    const forecasts = (byQuestion.get(id) ?? []).slice().sort((a, b) => (a.madeAt < b.madeAt ? -1 : a.madeAt > b.madeAt ? 1 : 0));
    rows.push({
      due: q.resolution.resolveOn,
      id,
      title: q.title,
      who: [...new Set(forecasts.map((f) => forecasters.get(f.forecasterId)?.name ?? f.forecasterId))].join('; '),
      kind: q.kind,
      stance: q.stance ?? 'forecast',
      figure: forecasts.map((f) => keyFigure(f, q, glosses)).join(' / '),
      resolvability: q.resolvability?.rating ?? '—',
      settledBy: q.resolution.data ? q.resolution.data.publisher : q.resolution.judge ? 'judge' : '—',
      semantics: q.resolution.semantics,
    });
  }
  rows.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
  const count = (key) => {
    const m = new Map();
    for (const r of rows) m.set(r[key], (m.get(r[key]) ?? 0) + 1);
    return [...m.entries()]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  };
  const allResolutions = files.flatMap(({ data }) => data.resolutions ?? []);
  const resolved = allResolutions.filter((r) => r.status === 'resolved').length;
  const annulled = allResolutions.filter((r) => r.status === 'annulled').length;
  const lines = [
    '---',
    'title: The seed dataset',
    '---',
    '',
    '# The seed dataset',
    '',
    '<!-- Generated by scripts/gen-dataset-doc.mjs from predictions/*.json. Do not edit by hand: run `npm run gen:dataset-doc`. -->',
    '',
    'Every forward-looking claim in eight Chinese-language news articles (September–December 2025) on AI, energy, copper and compute,',
    'as typed predictions. Statements are paraphrased in English; each forecast keeps only a short key-phrase excerpt of the original.',
    '"Every claim" means every passage, read line by line, that says what will happen (or what an actor will do) with something a judge',
    `could check; the ${leftOut.leftOut.length} forward-looking passages that are not recorded as their own question are listed under [Left out](#left-out), with the reason.`,
    'Verbal confidence is shown with its English gloss (將 "will"); the readings follow the rules of `docs/scoring.md`.',
    "Load it with `ledger.importPredictions('predictions/')` or `import { predictions } from 'forecast-ledger/predictions'`.",
    '',
    `**${rows.length} questions**, ${files.reduce((n, { data }) => n + (data.forecasts ?? []).length, 0)} forecasts, ${forecasters.size} forecasters; ${resolved} resolved (only where an article itself reports the outcome), ${annulled} annulled (a claim made after its outcome was public).`,
    '',
    `- By kind: ${count('kind')}`,
    `- By stance: ${count('stance')}`,
    `- By resolvability: ${count('resolvability')} (at most one in five low, each with a judge and the reason)`,
    `- Binary forecasts by probability (stated or read from the wording): ${probabilities(files)}; a plain "will" (將, 會) reads 0.8, so most worded claims sit there`,
    '',
    '## Sources',
    '',
    '| File | Title | Outlet | Published | Questions | Forecasts |',
    '|---|---|---|---|---:|---:|',
    ...perSource.map(
      (s) =>
        `| ${cell(s.name)} | ${cell(s.source.title)}${s.source.titleEnglish ? `<br>*${cell(s.source.titleEnglish)}*` : ''} | ${cell(s.source.outlet)} | ${s.source.published.date} (${s.source.published.precision}) | ${s.questions} | ${s.forecasts} |`,
    ),
    '',
    '## Every claim by due date',
    '',
    'Semantics: **by** = happens on or before the date; **at** = a value measured at the date or over its period; **not_before** = does not happen before the date.',
    '',
    'Settled by: the publisher of the data that resolves the question, or **judge** when a named judge applies a stated rule (`resolution.judge`).',
    '',
    '| Due | Question | Forecaster | Kind | Key figure | Stance | Semantics | Resolvability | Settled by |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.due} | **${cell(r.title)}**<br>\`${r.id}\` | ${cell(r.who)} | ${r.kind} | ${cell(r.figure)} | ${r.stance} | ${r.semantics} | ${r.resolvability} | ${cell(r.settledBy)} |`,
    ),
    '',
    '## Left out',
    '',
    'Forward-looking passages of the articles that are not their own question, by article and line of `shared/seeds/articles/NN.txt`',
    '(generated from `docs/dataset-left-out.json`). Present-tense explanations, anecdotes, questions put to a speaker and habitual',
    '"will" (會 describing how things usually go) are not claims about the future and are not listed. Reasons:',
    '',
    ...Object.entries(leftOut.reasons).map(([k, v]) => `- **${k}**: ${v}`),
    '',
    '| Article | Line | Reason | What it says | Recorded as |',
    '|---|---:|---|---|---|',
    ...leftOut.leftOut.map((e) => `| ${e.article} | ${e.line} | ${e.reason} | ${cell(e.note)} | ${e.coveredBy ? `\`${e.coveredBy}\`` : '—'} |`),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(ROOT, 'docs', 'dataset.md');
  writeFileSync(out, renderDatasetDoc(readPredictionDir(), glossTable(await loadConfidenceTerms()), readLeftOut()));
  console.log(`wrote ${out}`);
}
