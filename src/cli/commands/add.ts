import { resolve } from 'node:path';
import type { z } from 'zod';
import { LedgerError, LedgerValidationError } from '../../errors.js';
import type { Ledger } from '../../ledger.js';
import type { Estimate, ForecastInput } from '../../model/forecast.js';
import { Forecaster, FORECASTER_TYPES, type ForecasterInput } from '../../model/forecaster.js';
import { FORMAT_VERSION } from '../../model/prediction-file.js';
import { IsoDate, Slug } from '../../model/primitives.js';
import { Question, QUESTION_KINDS, RESOLUTION_SEMANTICS, STANCES, type QuestionInput, type QuestionKind } from '../../model/question.js';
import { UsageError } from '../cli-error.js';
import type { CommandContext } from '../context.js';
import { choiceFlag, dateFlag, dateOrInstantFlag, numberFlag, parseDecimal, parseProbability, parseValue, required, slugFlag, textFlag } from '../flags.js';
import { describeCounts, formatForecast } from '../format-values.js';
import { withLedger } from '../ledger-session.js';
import { readJsonFile } from '../read-json-file.js';

const TYPES = ['forecaster', 'question', 'forecast'] as const;
type RecordType = (typeof TYPES)[number];
const COLLECTION = { forecaster: 'forecasters', question: 'questions', forecast: 'forecasts' } as const;

/** The flags that build each type of record (anything else is refused, so nothing is silently ignored). */
const FLAGS: Record<RecordType, readonly string[]> = {
  forecaster: ['id', 'name', 'type', 'affiliation', 'alias', 'description'],
  question: ['id', 'kind', 'title', 'statement', 'resolve-on', 'horizon', 'semantics', 'criteria', 'unit', 'option', 'tag', 'stance'],
  forecast: ['id', 'question', 'forecaster', 'made-at', 'probability', 'point', 'lower', 'upper', 'level', 'earliest', 'latest', 'source', 'excerpt', 'note'],
};
const GLOBAL = new Set(['db', 'json', 'help', 'file']);

/** Which flag a field path of a record comes from, for messages. */
const FLAG_OF_PATH: Record<string, string> = {
  'resolution.resolveOn': 'resolve-on',
  'resolution.horizon': 'horizon',
  'resolution.semantics': 'semantics',
  'resolution.criteria': 'criteria',
  'spec.unit': 'unit',
  'spec.options': 'option',
  tags: 'tag',
  aliases: 'alias',
};

/** Checks a record built from flags against its schema before the ledger is opened. */
function checkFlagsRecord<S extends z.ZodType>(schema: S, input: unknown, type: RecordType): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const path = i.path.join('.');
    const flag = Object.entries(FLAG_OF_PATH).find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? path.split('.')[0];
    return `--${flag}: ${i.message}`;
  });
  throw new UsageError(`add ${type}: ${[...new Set(problems)].join('; ')}`, `see the flags: forecast-ledger add --help`);
}

function forecasterFromFlags(ctx: CommandContext): ForecasterInput {
  return checkFlagsRecord(
    Forecaster,
    {
      id: required(slugFlag(ctx, 'id'), 'id'),
      name: required(textFlag(ctx, 'name'), 'name'),
      type: required(choiceFlag(ctx, 'type', FORECASTER_TYPES), 'type'),
      ...(ctx.string('affiliation') ? { affiliation: ctx.string('affiliation') } : {}),
      aliases: ctx.strings('alias'),
      ...(ctx.string('description') ? { description: ctx.string('description') } : {}),
    },
    'forecaster',
  );
}

function questionFromFlags(ctx: CommandContext): QuestionInput {
  const kind = required(choiceFlag(ctx, 'kind', QUESTION_KINDS), 'kind');
  const title = required(textFlag(ctx, 'title'), 'title');
  const resolveOn = required(dateFlag(ctx, 'resolve-on'), 'resolve-on');
  const spec =
    kind === 'numeric'
      ? { spec: { unit: required(textFlag(ctx, 'unit'), 'unit', 'a numeric question needs a unit, e.g. --unit USD/t') } }
      : kind === 'categorical'
        ? {
            spec: {
              options: ctx.strings('option').map((o) => {
                const [id = '', ...label] = o.split('=');
                return {
                  id: parseValue(Slug, id.trim(), 'option', 'id=label with a slug id (e.g. --option cn="China")'),
                  label: label.join('=').trim() || id.trim(),
                };
              }),
            },
          }
        : {};
  return checkFlagsRecord(
    Question,
    {
      id: required(slugFlag(ctx, 'id'), 'id'),
      kind,
      title,
      statement: ctx.string('statement') ?? title,
      ...spec,
      resolution: {
        resolveOn,
        horizon: ctx.string('horizon') ?? resolveOn,
        semantics: choiceFlag(ctx, 'semantics', RESOLUTION_SEMANTICS) ?? (kind === 'numeric' ? 'at' : 'by'),
        criteria: required(textFlag(ctx, 'criteria'), 'criteria', 'say what evidence settles it, e.g. --criteria "LME annual average"'),
      },
      tags: ctx.strings('tag'),
      ...(ctx.string('stance') ? { stance: choiceFlag(ctx, 'stance', STANCES) } : {}),
    },
    'question',
  );
}

/** The parts of a forecast that do not depend on its question's kind, checked before opening. */
interface ForecastFlags {
  base: Omit<ForecastInput, 'estimate'>;
  probabilities: { option?: string; p: number }[];
  point?: string;
  lower?: number;
  upper?: number;
  level?: number;
  earliest?: string;
  latest?: string;
}

function forecastFlags(ctx: CommandContext): ForecastFlags {
  const id = slugFlag(ctx, 'id');
  const sourceId = slugFlag(ctx, 'source');
  const excerpt = textFlag(ctx, 'excerpt');
  const note = textFlag(ctx, 'note');
  const probabilities = ctx.strings('probability').map((v) => {
    const eq = v.indexOf('=');
    if (eq < 0) return { p: parseProbability(v, 'probability') };
    return {
      option: parseValue(Slug, v.slice(0, eq).trim(), 'probability', 'option=probability with a slug option id'),
      p: parseProbability(v.slice(eq + 1), 'probability'),
    };
  });
  const flags: ForecastFlags = {
    base: {
      ...(id ? { id } : {}),
      questionId: required(slugFlag(ctx, 'question'), 'question'),
      forecasterId: required(slugFlag(ctx, 'forecaster'), 'forecaster'),
      madeAt: required(dateOrInstantFlag(ctx, 'made-at'), 'made-at'),
      ...(sourceId ? { sourceId } : {}),
      ...(excerpt ? { excerpt } : {}),
      ...(note ? { note } : {}),
    },
    probabilities,
  };
  const point = ctx.string('point');
  if (point !== undefined) flags.point = point;
  for (const name of ['lower', 'upper', 'level'] as const) {
    const n = numberFlag(ctx, name);
    if (n !== undefined) flags[name] = n;
  }
  for (const name of ['earliest', 'latest'] as const) {
    const d = dateFlag(ctx, name);
    if (d !== undefined) flags[name] = d;
  }
  return flags;
}

/** The estimate the flags describe, read by the question's kind. */
function estimateFor(kind: QuestionKind, flags: ForecastFlags, questionId: string): Estimate {
  const mismatch = (flag: string, takes: string): never => {
    throw new LedgerError('kind_mismatch', `--${flag} does not apply to ${kind} question "${questionId}": expected ${takes}`, {
      details: { questionId, field: flag },
    });
  };
  const given = (['point', 'lower', 'upper', 'level', 'earliest', 'latest'] as const).filter((k) => flags[k] !== undefined);
  switch (kind) {
    case 'binary': {
      const takes = 'one --probability between 0 and 1';
      if (given.length) mismatch(given[0]!, takes);
      if (flags.probabilities.length !== 1 || flags.probabilities[0]!.option) mismatch('probability', takes);
      return { kind, probability: flags.probabilities[0]!.p };
    }
    case 'numeric': {
      const takes = '--point <number> and/or --lower/--upper [--level]';
      if (flags.probabilities.length) mismatch('probability', takes);
      if (flags.earliest ?? flags.latest) mismatch(flags.earliest ? 'earliest' : 'latest', takes);
      if ((flags.lower === undefined) !== (flags.upper === undefined)) mismatch(flags.lower === undefined ? 'upper' : 'lower', 'both --lower and --upper');
      if (flags.point === undefined && flags.lower === undefined) mismatch('point', takes);
      const point = flags.point === undefined ? undefined : parseDecimal(flags.point);
      if (flags.point !== undefined && point === undefined) {
        throw new UsageError(`--point: expected a number for numeric question "${questionId}", received ${JSON.stringify(flags.point)}`);
      }
      return {
        kind,
        ...(point === undefined ? {} : { point }),
        ...(flags.lower === undefined
          ? {}
          : { interval: { lower: flags.lower, upper: flags.upper!, ...(flags.level === undefined ? {} : { level: flags.level }) } }),
      };
    }
    case 'date': {
      const takes = '--point, --earliest and/or --latest dates';
      if (flags.probabilities.length) mismatch('probability', takes);
      const wrong = given.find((g) => g === 'lower' || g === 'upper' || g === 'level');
      if (wrong) mismatch(wrong, takes);
      if (flags.point === undefined && !flags.earliest && !flags.latest) mismatch('point', takes);
      const point = flags.point === undefined ? undefined : parseValue(IsoDate, flags.point, 'point', 'a real calendar date YYYY-MM-DD');
      return { kind, ...(point ? { point } : {}), ...(flags.earliest ? { earliest: flags.earliest } : {}), ...(flags.latest ? { latest: flags.latest } : {}) };
    }
    case 'categorical': {
      const takes = '--probability option=p for each option';
      if (given.length) mismatch(given[0]!, takes);
      if (!flags.probabilities.length || flags.probabilities.some((p) => !p.option)) mismatch('probability', takes);
      return { kind, probabilities: Object.fromEntries(flags.probabilities.map((p) => [p.option!, p.p])) };
    }
  }
}

async function addFromFile(ctx: CommandContext, ledger: Ledger, type: RecordType, file: string, data: unknown): Promise<void> {
  const records = Array.isArray(data) ? data : [data];
  try {
    const report = await ledger.importPredictions({ formatVersion: FORMAT_VERSION, [COLLECTION[type]]: records });
    ctx.out.result({ type, file, added: report.added, unchanged: report.unchanged, head: report.head, lastSeq: report.lastSeq });
    ctx.out.success(
      `added ${describeCounts(report.added)} from ${file}${Object.values(report.unchanged).some(Boolean) ? ` (${describeCounts(report.unchanged)} already there)` : ''}`,
    );
  } catch (error) {
    if (error instanceof LedgerValidationError) {
      throw new LedgerValidationError(
        error.code,
        `${file}: nothing was added`,
        error.issues.map((i) => ({ ...i, file })),
      );
    }
    throw error;
  }
}

/** `forecast-ledger add <forecaster|question|forecast>`: adds one record from flags, or records from a file. */
export async function run(ctx: CommandContext): Promise<void> {
  const type = ctx.positionals[0] as RecordType | undefined;
  const recordFlags = Object.keys(ctx.values).filter((k) => !GLOBAL.has(k));
  const file = ctx.string('file');
  if (type === undefined) {
    // `add --file claims.json`: a prediction file with questions, forecasts (and forecasters) together.
    if (file === undefined) throw new UsageError('add: missing <forecaster|question|forecast>, or --file <prediction file>', 'see: forecast-ledger add --help');
    if (recordFlags.length) throw new UsageError(`add: --${recordFlags[0]} needs a record type, e.g. add question --${recordFlags[0]} …`);
    const path = resolve(ctx.io.cwd, file);
    return withLedger(ctx, { create: true }, async (ledger) => {
      const report = await ledger.importPredictions(path);
      ctx.out.result({ file: path, added: report.added, unchanged: report.unchanged, head: report.head, lastSeq: report.lastSeq });
      ctx.out.success(`added ${describeCounts(report.added)} from ${file}`);
    });
  }
  if (!TYPES.includes(type))
    throw new UsageError(`add: expected forecaster, question or forecast, received ${JSON.stringify(type)}`, 'see: forecast-ledger add --help');
  if (file !== undefined && recordFlags.length)
    throw new UsageError(`add ${type}: --file cannot be combined with --${recordFlags[0]}`, 'put every field in the file, or use flags only');
  const stray = recordFlags.find((k) => !FLAGS[type].includes(k));
  if (stray)
    throw new UsageError(`add ${type}: --${stray} does not apply to a ${type}`, `the ${type} flags are: ${FLAGS[type].map((f) => `--${f}`).join(' ')}`);

  if (file !== undefined) {
    const data = readJsonFile(ctx.io.cwd, file);
    return withLedger(ctx, { create: true }, (ledger) => addFromFile(ctx, ledger, type, file, data));
  }
  if (type === 'forecaster') {
    const input = forecasterFromFlags(ctx);
    return withLedger(ctx, { create: true }, async (ledger) => {
      const record = await ledger.addForecaster(input);
      ctx.out.result({ type, record });
      ctx.out.success(`added forecaster ${record.id} (${record.name})`);
    });
  }
  if (type === 'question') {
    const input = questionFromFlags(ctx);
    return withLedger(ctx, { create: true }, async (ledger) => {
      const record = await ledger.addQuestion(input);
      ctx.out.result({ type, record });
      ctx.out.success(`added ${record.kind} question ${record.id}, due ${record.resolution.resolveOn}`);
      ctx.out.info(`next: ${ctx.cli(`add forecast --question ${record.id} --forecaster <id> --made-at <date> …`)}`);
    });
  }
  const flags = forecastFlags(ctx);
  return withLedger(ctx, {}, async (ledger) => {
    const { question } = await ledger.getQuestion(flags.base.questionId);
    const record = await ledger.addForecast({ ...flags.base, estimate: estimateFor(question.kind, flags, question.id) });
    ctx.out.result({ type, record });
    ctx.out.success(`added forecast ${record.id}: ${record.forecasterId} says ${formatForecast(record, question)} on ${question.id}`);
  });
}
