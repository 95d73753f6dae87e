import { basename } from 'node:path';
import { z } from 'zod';
import { parseArg } from '../_internal/validate-args.js';
import type { ForecastInput } from '../model/forecast.js';
import type { ForecasterInput } from '../model/forecaster.js';
import { FORMAT_VERSION } from '../model/prediction-file.js';
import type { QuestionInput } from '../model/question.js';
import type { ResolutionInput } from '../model/resolution.js';
import {
  forecastIdOf,
  invalidFile,
  lateForecastReason,
  parsePlatformFile,
  readJsonFile,
  slugify,
  slugPart,
  urlOrUndefined,
  type PlatformImport,
  type UnmappedItem,
} from './platform-import.js';
import { FileDataArg, mapChecked, PathsArg } from './importer-args.js';

const Millis = z.number().int().nonnegative();

const Answer = z.object({
  id: z.string().min(1),
  text: z.string(),
  resolution: z.string().nullish(),
  resolutionTime: Millis.nullish(),
});

/** A market, as `GET /v0/market/[marketId]` (`FullMarket`) or `GET /v0/markets` (`LiteMarket`) return it. */
const Market = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  url: z.string().nullish(),
  outcomeType: z.string().min(1),
  createdTime: Millis,
  closeTime: Millis.nullish(),
  isResolved: z.boolean().optional(),
  resolution: z.string().nullish(),
  resolutionTime: Millis.nullish(),
  resolutionProbability: z.number().nullish(),
  resolutionValue: z.number().nullish(),
  textDescription: z.string().nullish(),
  groupSlugs: z.array(z.string()).nullish(),
  answers: z.array(Answer).nullish(),
  shouldAnswersSumToOne: z.boolean().nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
  isLogScale: z.boolean().nullish(),
});
type Market = z.infer<typeof Market>;

/** A bet, as `GET /v0/bets` returns it (`common/src/bet.ts`). */
const Bet = z.object({
  id: z.string().min(1),
  userId: z.string().min(1),
  contractId: z.string().min(1),
  createdTime: Millis,
  amount: z.number(),
  outcome: z.string(),
  probAfter: z.number().min(0).max(1),
  answerId: z.string().nullish(),
  isRedemption: z.boolean().nullish(),
  isCancelled: z.boolean().nullish(),
  isFilled: z.boolean().nullish(),
  userUsername: z.string().nullish(),
  userName: z.string().nullish(),
});

const iso = (ms: number): string => new Date(ms).toISOString();

/** Where a bet's forecast goes: a question and how its `probAfter` reads there. */
interface Target {
  id: string;
  resolveOn: string;
  resolvedOn?: string;
  kind: 'binary' | 'numeric';
  toValue?: (p: number) => number;
}

/**
 * Turns Manifold API JSON — markets and bets — into a prediction file.
 *
 * @remarks
 * Reads what `docs/docs/api.md` of `manifoldmarkets/manifold` documents: markets from
 * `GET /v0/market/[marketId]` or `GET /v0/markets` (one `FullMarket`/`LiteMarket` or a list) and bets
 * from `GET /v0/bets` (a list of `Bet`); fields as in `common/src/contract.ts` and `common/src/bet.ts`.
 * - `BINARY` → binary question `manifold.<id>` due on `closeTime`; `PSEUDO_NUMERIC` → numeric (log scale
 *   when `isLogScale`); markets with answers (`MULTIPLE_CHOICE`, `FREE_RESPONSE`, `MULTI_NUMERIC`, `DATE`,
 *   `NUMBER`) → one binary question per answer, as Manifold prices and resolves each answer. `POLL`,
 *   `BOUNTIED_QUESTION`, `STONK` and other non-predictive types are listed in `unmapped`.
 * - Resolution `YES`/`NO` (or the winning answer id) → `resolved` on `resolutionTime`; `CANCEL` → annulled
 *   (N/A); a pseudo-numeric market → its `resolutionValue`; `MKT` (resolved to a probability) and
 *   `CHOOSE_MULTIPLE` have no yes/no outcome: listed, left open.
 * - A bet is a trade, not a stated forecast. As Manifold's own calibration page does
 *   (`backend/api/src/get-user-calibration.ts`), each buy (`amount > 0`, not a redemption) counts as a
 *   forecast at the price it left, `probAfter`, at `createdTime`, by `manifold.<userId>`; on a
 *   pseudo-numeric market the price is mapped to its value (`min + (max − min)·p`, or
 *   `(max − min + 1)^p + min − 1` on a log scale). Sales, redemptions, unfilled orders and bets on markets
 *   not in the files are listed in `unmapped`.
 *
 * @param inputs - the files (markets and bets, in any order; each recognised by its shape) and their JSON
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `validation_failed` / `import_failed` naming the file and record (`[4].probAfter`)
 *
 * @example
 * ```ts
 * const result = manifoldToPredictions([{ file: 'markets.json', data: markets }, { file: 'bets.json', data: bets }]);
 * ```
 */
export function manifoldToPredictions(inputs: readonly { file: string; data: unknown }[]): PlatformImport {
  return mapChecked('manifoldToPredictions', 'inputs', z.array(FileDataArg, { error: 'expected an array of { file, data }' }), inputs, mapManifold);
}

function mapManifold(inputs: readonly { file: string; data: unknown }[]): PlatformImport {
  const markets: { m: Market; file: string; record: string }[] = [];
  const bets: { b: z.infer<typeof Bet>; file: string; record: string }[] = [];
  for (const { file: path, data } of inputs) {
    const file = basename(path);
    const list = Array.isArray(data) ? data : [data];
    const isBets = list.length > 0 && typeof list[0] === 'object' && list[0] !== null && 'contractId' in list[0] && 'probAfter' in list[0];
    const where = (i: number) => (Array.isArray(data) ? `[${i}]` : 'market');
    if (isBets) parsePlatformFile(z.array(Bet), list, path, 'Manifold bets').forEach((b, i) => bets.push({ b, file, record: `[${i}]` }));
    else if (list.length) {
      const parsed = Array.isArray(data)
        ? parsePlatformFile(z.array(Market), data, path, 'Manifold markets')
        : [parsePlatformFile(Market, data, path, 'Manifold market')];
      parsed.forEach((m, i) => markets.push({ m, file, record: where(i) }));
    } else
      throw invalidFile([{ code: 'validation_failed', file, path: '', message: 'expected Manifold markets or bets, received an empty list' }], 'Manifold JSON');
  }

  const unmapped: UnmappedItem[] = [];
  const questions: QuestionInput[] = [];
  const resolutions: ResolutionInput[] = [];
  const targets = new Map<string, Target>(); // by contractId or contractId|answerId

  for (const { m, file, record } of markets) {
    const url = urlOrUndefined(m.url) ?? `https://manifold.markets/market/${m.id}`;
    const provenance = { platform: 'manifold', id: m.id, url, file, record };
    const close = m.closeTime ?? m.resolutionTime;
    if (close == null) {
      unmapped.push({ file, record, reason: `market ${m.id} has no close time: the ledger needs a due date` });
      continue;
    }
    const resolveOn = iso(close).slice(0, 10);
    const resolvedOn = m.resolutionTime != null ? iso(m.resolutionTime).slice(0, 10) : resolveOn;
    const base = {
      title: m.question,
      statement: m.question,
      resolution: {
        resolveOn,
        horizon: `when the market closes (${iso(close)})`,
        semantics: 'by' as const,
        criteria: m.textDescription?.trim() || `as resolved on Manifold (${url})`,
      },
      tags: ['manifold', `manifold-${slugify(m.outcomeType)}`, ...(m.groupSlugs ?? []).map((g) => slugify(g)).filter(Boolean)],
    };
    const evidence = (what: string) => [{ description: `resolved ${what} on Manifold`, url }];
    const resolve = (questionId: string, resolution: string | null | undefined, on: string, answer?: string): ResolutionInput | undefined => {
      if (!resolution) return undefined;
      if (resolution === 'CANCEL') return { questionId, status: 'annulled', resolvedOn: on, reason: 'resolved N/A (CANCEL) on Manifold', provenance };
      if (resolution === 'YES' || resolution === 'NO')
        return {
          questionId,
          status: 'resolved',
          outcome: { kind: 'binary', value: resolution === 'YES' },
          resolvedOn: on,
          evidence: evidence(answer ? `${resolution} for "${answer}"` : resolution),
          provenance,
        };
      unmapped.push({
        file,
        record,
        reason: `market ${m.id}${answer ? ` answer "${answer}"` : ''} resolved ${resolution}${m.resolutionProbability != null ? ` at ${m.resolutionProbability}` : ''}: no yes/no outcome, so it stays open`,
      });
      return undefined;
    };

    if (m.outcomeType === 'BINARY') {
      const id = `manifold.${slugPart(m.id)}`;
      questions.push({ kind: 'binary', id, ...base, provenance });
      const r = resolve(id, m.resolution, resolvedOn);
      if (r) resolutions.push(r);
      targets.set(m.id, { id, resolveOn, ...(r ? { resolvedOn: r.resolvedOn } : {}), kind: 'binary' });
    } else if (m.outcomeType === 'PSEUDO_NUMERIC' && m.min != null && m.max != null) {
      const [min, max] = [m.min, m.max];
      const id = `manifold.${slugPart(m.id)}`;
      questions.push({ kind: 'numeric', id, ...base, spec: { unit: 'value', scale: m.isLogScale ? 'log' : 'linear' }, provenance });
      let r: ResolutionInput | undefined;
      if (m.resolution === 'CANCEL') r = resolve(id, 'CANCEL', resolvedOn);
      else if (m.resolution && m.resolutionValue != null)
        r = {
          questionId: id,
          status: 'resolved',
          outcome: { kind: 'numeric', value: m.resolutionValue },
          resolvedOn,
          evidence: evidence(String(m.resolutionValue)),
          provenance,
        };
      else if (m.resolution)
        unmapped.push({ file, record, reason: `pseudo-numeric market ${m.id} resolved ${m.resolution} without a resolutionValue: it stays open` });
      if (r) resolutions.push(r);
      const toValue = m.isLogScale ? (p: number) => (max - min + 1) ** p + min - 1 : (p: number) => min + (max - min) * p;
      targets.set(m.id, { id, resolveOn, ...(r ? { resolvedOn: r.resolvedOn } : {}), kind: 'numeric', toValue });
    } else if (m.answers?.length) {
      const cancelled = m.resolution === 'CANCEL';
      const used = new Set<string>();
      for (const a of m.answers) {
        let slug = slugify(a.text) || slugPart(a.id);
        if (used.has(slug)) slug = `${slug}-${slugPart(a.id)}`;
        used.add(slug);
        const id = `manifold.${slugPart(m.id)}.${slug}`.slice(0, 160);
        questions.push({
          kind: 'binary',
          id,
          ...base,
          title: `${m.question} — ${a.text}`,
          statement: `${m.question} — ${a.text}`,
          provenance: { ...provenance, id: `${m.id}/${a.id}` },
        });
        // An answer's own resolution (independent answers), else the market's (the winning answer id).
        const own =
          a.resolution ??
          (cancelled
            ? 'CANCEL'
            : m.shouldAnswersSumToOne && m.resolution && m.answers.some((x) => x.id === m.resolution)
              ? m.resolution === a.id
                ? 'YES'
                : 'NO'
              : undefined);
        const on = a.resolutionTime != null ? iso(a.resolutionTime).slice(0, 10) : resolvedOn;
        const r = own ? resolve(id, own, on, a.text) : undefined;
        if (r) resolutions.push(r);
        targets.set(`${m.id}|${a.id}`, { id, resolveOn, ...(r ? { resolvedOn: r.resolvedOn } : {}), kind: 'binary' });
      }
      if (m.resolution && !cancelled && !m.answers.some((x) => x.id === m.resolution) && !m.answers.some((a) => a.resolution)) {
        unmapped.push({ file, record, reason: `market ${m.id} resolved ${m.resolution}: no single winning answer, so its answers stay open` });
      }
    } else {
      unmapped.push({ file, record, reason: `market ${m.id} is ${m.outcomeType}: not a question the ledger can score` });
    }
  }

  const forecasts: ForecastInput[] = [];
  const forecasters = new Map<string, ForecasterInput>();
  // Oldest first, so updates follow one another (GET /v0/bets lists newest first).
  bets.sort((x, y) => x.b.createdTime - y.b.createdTime);
  for (const { b, file, record } of bets) {
    const skip = (reason: string) => void unmapped.push({ file, record, reason: `bet ${b.id}: ${reason}` });
    if (b.isRedemption) {
      skip('a redemption (shares paid out automatically), not a trade');
      continue;
    }
    if (!(b.amount > 0)) {
      skip(b.amount < 0 ? 'a sale, not a buy' : 'an order not filled');
      continue;
    }
    const target = targets.get(b.answerId ? `${b.contractId}|${b.answerId}` : b.contractId);
    if (!target) {
      skip(`no market ${b.contractId}${b.answerId ? ` answer ${b.answerId}` : ''} in the markets read`);
      continue;
    }
    const madeAt = iso(b.createdTime);
    const late = lateForecastReason(madeAt, target.id, target.resolveOn, target.resolvedOn);
    if (late) {
      skip(late);
      continue;
    }
    const forecasterId = `manifold.${slugPart(b.userId)}`;
    if (!forecasters.has(forecasterId)) {
      const name = b.userName || b.userUsername || `Manifold user ${b.userId}`;
      const url = b.userUsername ? `https://manifold.markets/${encodeURIComponent(b.userUsername)}` : undefined;
      forecasters.set(forecasterId, { id: forecasterId, name, type: 'person', provenance: { platform: 'manifold', id: b.userId, ...(url ? { url } : {}) } });
    }
    const estimate =
      target.kind === 'numeric' ? { kind: 'numeric' as const, point: target.toValue!(b.probAfter) } : { kind: 'binary' as const, probability: b.probAfter };
    forecasts.push({
      id: forecastIdOf('manifold', b.id),
      questionId: target.id,
      forecasterId,
      madeAt,
      madeAtBasis: `a ${b.outcome} bet of ${b.amount} that left the market at ${b.probAfter}`,
      estimate,
      provenance: { platform: 'manifold', id: b.id, file, record },
    });
  }

  return {
    platform: 'manifold',
    predictions: { formatVersion: FORMAT_VERSION, forecasters: [...forecasters.values()], questions, forecasts, resolutions },
    unmapped,
    files: inputs.map((i) => i.file),
  };
}

/**
 * Reads Manifold API JSON files (markets and bets) and maps them with {@link manifoldToPredictions}.
 *
 * @param files - the JSON files (`.json` or `.json.gz`), markets and bets in any order
 * @returns the prediction file and what could not be mapped
 * @throws LedgerValidationError `file_not_found`, `file_unreadable`, `invalid_json`, or `validation_failed` naming the record
 *
 * @example
 * ```ts
 * const result = readManifold(['markets.json', 'bets.json']);
 * ```
 */
export function readManifold(files: readonly string[]): PlatformImport {
  files = parseArg('readManifold', 'files', PathsArg, files);
  return manifoldToPredictions(files.map((file) => ({ file, data: readJsonFile(file) })));
}
