import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { LedgerError } from '../errors.js';
import { readProbability, type ReadProbability } from '../core/read-probability.js';
import { UsageError } from './cli-error.js';
import type { CommandContext } from './context.js';
import { parseSlug } from './flags.js';
import { CONFIG_FILE, FORECASTER_ENV } from './one-line-config.js';
import { readJsonFile } from './read-json-file.js';

/**
 * Who makes a one-line forecast: `--as`, else `$FORECAST_LEDGER_FORECASTER`, else the `forecaster`
 * of `./forecast-ledger.config.json`; checked as a slug before the ledger is opened.
 *
 * @throws UsageError when none is given, or the one given is not a slug; LedgerError `invalid_json`
 *   for a config file that is not JSON
 * @internal
 */
export function oneLineForecaster(ctx: CommandContext): { id: string; from: string } {
  const flag = ctx.string('as');
  if (flag !== undefined) return { id: parseSlug(flag, 'as'), from: '--as' };
  const env = ctx.io.env[FORECASTER_ENV];
  if (env) return { id: parseSlug(env, `$${FORECASTER_ENV}`), from: `$${FORECASTER_ENV}` };
  const path = resolve(ctx.io.cwd, CONFIG_FILE);
  if (existsSync(path)) {
    const config = readJsonFile(ctx.io.cwd, CONFIG_FILE);
    const id = typeof config === 'object' && config !== null ? (config as { forecaster?: unknown }).forecaster : undefined;
    if (typeof id !== 'string') {
      throw new UsageError(
        `${path}: expected { "forecaster": "<id>" }, received ${JSON.stringify(config)?.slice(0, 80)}`,
        'write e.g. { "forecaster": "me" } in it, or pass --as <id>',
      );
    }
    return { id: parseSlug(id, `${CONFIG_FILE} › forecaster`), from: CONFIG_FILE };
  }
  throw new UsageError(
    `${ctx.spec.name}: who makes this forecast? expected --as <id>, $${FORECASTER_ENV} or a ./${CONFIG_FILE}, received none of them`,
    `pass --as <id>, or set it once: export ${FORECASTER_ENV}=<id>, or echo '{ "forecaster": "<id>" }' > ${CONFIG_FILE}`,
  );
}

/** The `<probability>` argument: `70%`, `0.7` or a verbal term; a usage error (exit 2) otherwise. @internal */
export function probabilityArgument(text: string): ReadProbability {
  try {
    return readProbability(text, '<probability>');
  } catch (error) {
    if (error instanceof LedgerError)
      throw new UsageError(error.message, 'e.g. 70%, 0.7, likely, very unlikely (the IPCC and Kent scales: see docs/scoring.md)');
    throw error;
  }
}

/** A forecast as the one-line commands confirm it: `70%`, or `likely (83%, ipcc-ar5)`. @internal */
export function describeProbability(read: ReadProbability): string {
  const pct = `${Math.round(read.probability * 1000) / 10}%`;
  return read.confidence ? `"${read.confidence.wording}" (${pct} on ${read.confidence.scale})` : pct;
}
