import { displayText as t } from '../../format/safe-text.js';
import { changedFields } from '../../core/question-revision.js';
import type { CommandContext } from '../context.js';
import { formatForecast, formatResolution } from '../format-values.js';
import { withLedger } from '../ledger-session.js';

/** `forecast-ledger show <id>`: a question, its forecasts, resolutions and history with hashes. */
export async function run(ctx: CommandContext): Promise<void> {
  const id = ctx.positionals[0]!;
  await withLedger(ctx, {}, async (ledger) => {
    const details = await ledger.getQuestion(id);
    const history = await ledger.history(id);
    ctx.out.result({ ...details, history });
    if (ctx.json) return;

    // The question as its amendments left it; the history below keeps every revision.
    const { current: q, status, forecasts, resolutions, revision, forecastRevisions } = details;
    const withdrawn = new Map(details.withdrawals.map((w) => [w.forecastId, w]));
    // Data is shown escaped (a field on one line, the statement and criteria with their line breaks), then styled.
    const s = (text: string): string => ctx.out.style('bold', text);
    const long = (text: string): string => t(text, { multiline: true });
    // The horizon is the wording the due date was first worked out from; once an amendment moves the date, it is that first date's.
    const first = details.question.resolution.resolveOn;
    const horizon =
      first === q.resolution.resolveOn
        ? `(“${t(q.resolution.horizon)}”, ${q.resolution.semantics})`
        : `(moved from ${first}, first worded “${t(q.resolution.horizon)}”, ${q.resolution.semantics})`;
    const lines: string[] = [
      `${s(q.title)}  ${ctx.out.style('dim', q.id)}`,
      `${q.kind} ${q.stance} · ${status} · due ${q.resolution.resolveOn} ${horizon}${revision ? ` · amended (revision ${revision})` : ''}`,
      '',
      long(q.statement),
      '',
      `${s('Criteria:')} ${long(q.resolution.criteria)}`,
    ];
    if (q.resolution.period) lines.push(`${s('Period:')} ${q.resolution.period.start} to ${q.resolution.period.end}`);
    if (q.kind === 'numeric') lines.push(`${s('Unit:')} ${t(q.spec.unit)} (${q.spec.scale} scale)`);
    if (q.kind === 'categorical') lines.push(`${s('Options:')} ${q.spec.options.map((o) => `${o.id} (${t(o.label)})`).join(', ')}`);
    if (q.condition) lines.push(`${s('Condition:')} ${t(q.condition)}`);
    if (q.tags.length) lines.push(`${s('Tags:')} ${q.tags.join(', ')}`);
    for (const rel of q.relations) lines.push(`${s('Relation:')} ${rel.type} ${rel.questionId}${rel.note ? ` — ${t(rel.note)}` : ''}`);

    for (const c of details.clarifications) lines.push(`${s('Clarification:')} ${long(c.text)} ${ctx.out.style('dim', `(${c.recordedAt})`)}`);
    for (const a of details.amendments) {
      lines.push(`${s('Amended:')} ${changedFields(a.changes).join(', ')} — ${t(a.reason)} ${ctx.out.style('dim', `(${a.recordedAt})`)}`);
    }

    lines.push('', s(`Forecasts (${forecasts.length})`));
    // A withdrawn forecast is marked; REV (the revision it answered) only once the question was amended; ID for `withdraw`.
    const estimate = (f: (typeof forecasts)[number]): string => {
      const w = withdrawn.get(f.id);
      return w ? `${formatForecast(f, q)} (withdrawn ${(w.recordedAt ?? '').slice(0, 10)}: ${t(w.reason)})` : formatForecast(f, q);
    };
    lines.push(
      forecasts.length
        ? ctx.out.table(
            ['MADE', 'FORECASTER', 'ESTIMATE', 'SOURCE', ...(revision ? ['REV'] : []), 'ID'],
            forecasts.map((f) => [f.madeAt, f.forecasterId, estimate(f), f.sourceId ?? '', ...(revision ? [String(forecastRevisions[f.id] ?? 0)] : []), f.id]),
          )
        : '  none yet',
    );
    if (details.comments.length) {
      lines.push('', s(`Comments (${details.comments.length})`));
      for (const c of details.comments) lines.push(`  ${t(c.author)} ${ctx.out.style('dim', c.recordedAt ?? '')}: ${long(c.text)}`);
    }

    lines.push('', s('Resolution'));
    if (!resolutions.length) lines.push(`  open: resolve it with ${t(ctx.cli(`resolve ${q.id} --outcome <value> --resolved-on <date> --evidence <text>`))}`);
    const current = details.resolution?.seq;
    for (const r of resolutions) {
      lines.push(`  ${r.seq === current ? '' : ctx.out.style('dim', '(superseded) ')}${t(formatResolution(r, q))} — recorded ${r.recordedAt}`);
      for (const e of r.evidence) lines.push(`    evidence: ${t(e.description)}${e.url ? ` <${t(e.url)}>` : ''}`);
    }

    lines.push('', s(`History (${history.length} events)`));
    lines.push(
      ctx.out.table(
        ['SEQ', 'RECORDED', 'EVENT', 'HASH', 'PREV'],
        history.map((e) => [String(e.seq), e.recordedAt, e.type, e.hash, `${e.prevHash.slice(0, 12)}…`]),
      ),
    );
    ctx.out.data(lines.join('\n'));
  });
}
