import type { Question } from '../model/question.js';
import { formatEstimate, formatOutcome, pct } from '../format/values.js';
import type { ApplyResult, MigrationInfo, QuestionRecord, RecordCounts, StoredForecast, StoredResolution } from '../storage/types.js';

// Estimates and outcomes read the same in the terminal as in the reports: one formatter (src/format/values.ts).
export { formatEstimate, formatOutcome, pct as formatProbability };

/** The unit of a numeric question, for `formatEstimate` and `formatOutcome`. @internal */
export const unitOf = (q: Question | undefined): string | undefined => (q?.kind === 'numeric' ? q.spec.unit : undefined);

/** A forecast's estimate in words, with its verbal confidence when it was worded. @internal */
export function formatForecast(f: StoredForecast, question?: Question): string {
  return formatEstimate(f.estimate, unitOf(question), f.confidence);
}

/** A hit rate as `67% (2/3)`, or `–` when there is none. @internal */
export function formatHitRate(h: { rate: number; hits: number; n: number } | null | undefined): string {
  return h ? `${pct(h.rate)} (${h.hits}/${h.n})` : '–';
}

/** A resolution in a few words: `resolved: yes (2028-01-05)`, `annulled: premise failed (…)`. @internal */
export function formatResolution(r: StoredResolution, question?: Question): string {
  const what = r.status === 'resolved' && r.outcome ? formatOutcome(r.outcome, unitOf(question)) : (r.reason ?? '');
  return `${r.status}: ${what} (${r.resolvedOn})${r.correction ? ` — correction: ${r.correction.reason}` : ''}`;
}

/** A question's state in a word or two: `open`, `resolved: yes`, `annulled`. @internal */
export function formatStatus(record: QuestionRecord): string {
  const r = record.resolution;
  return r?.status === 'resolved' && r.outcome ? `resolved: ${formatOutcome(r.outcome, unitOf(record.question))}` : record.status;
}

/** `3 questions, 4 forecasts` — the non-zero counts, or `nothing`. @internal */
export function describeCounts(counts: RecordCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${n === 1 ? kind.replace(/s$/, '') : kind}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

/** `imported 9 files <where>: added 94 questions, …; 221 records were already there`. @internal */
export function describeImport(report: ApplyResult & { files: string[] }, where: string): string {
  const unchanged = Object.values(report.unchanged as Record<keyof RecordCounts, number>).reduce((a, b) => a + b, 0);
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  return `imported ${files} ${where}: added ${describeCounts(report.added)}${unchanged ? `; ${unchanged} records were already there` : ''}`;
}

/** `1 (initial), 2 (add_index)`: migrations by version and name. @internal */
export function describeMigrations(migrations: readonly MigrationInfo[]): string {
  return migrations.map((m) => `${m.version} (${m.name})`).join(', ');
}
