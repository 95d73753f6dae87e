/**
 * The seed dataset: every forward-looking claim in eight news articles (September–December 2025)
 * about AI, energy, copper and compute, as typed prediction files.
 *
 * @remarks
 * Load it into a ledger with one call: `await ledger.importPredictions(predictions)`.
 * The same files are in the package's `predictions/` folder; `docs/dataset.md` lists every claim
 * by due date.
 *
 * @packageDocumentation
 */
import { PredictionFile } from '../model/prediction-file.js';
import a01 from '../../predictions/01-grand-bargain-us-ai-strategy.json' with { type: 'json' };
import a02 from '../../predictions/02-mckinsey-18-arenas.json' with { type: 'json' };
import a03 from '../../predictions/03-genesis-mission.json' with { type: 'json' };
import a04 from '../../predictions/04-jensen-huang-ai-trends.json' with { type: 'json' };
import a05 from '../../predictions/05-karpathy-dwarkesh-interview.json' with { type: 'json' };
import a06 from '../../predictions/06-jack-clark-optimism-fear.json' with { type: 'json' };
import a07 from '../../predictions/07-goldman-grid-copper.json' with { type: 'json' };
import a08 from '../../predictions/08-alibaba-eddie-wu-keynote.json' with { type: 'json' };
import registry from '../../predictions/forecasters.json' with { type: 'json' };

/** The file names of the dataset, in load order (the forecaster registry first). */
export const PREDICTION_FILE_NAMES = [
  'forecasters.json',
  '01-grand-bargain-us-ai-strategy.json',
  '02-mckinsey-18-arenas.json',
  '03-genesis-mission.json',
  '04-jensen-huang-ai-trends.json',
  '05-karpathy-dwarkesh-interview.json',
  '06-jack-clark-optimism-fear.json',
  '07-goldman-grid-copper.json',
  '08-alibaba-eddie-wu-keynote.json',
] as const;

/**
 * Every file of the seed dataset, validated and typed, in the order of {@link PREDICTION_FILE_NAMES}.
 *
 * @remarks
 * Parsed with the {@link PredictionFile} schema when the module loads, so defaults are applied and
 * the data is guaranteed to match the types.
 *
 * @example
 * ```ts
 * import { openLedger } from 'forecast-ledger';
 * import { predictions } from 'forecast-ledger/predictions';
 * const ledger = await openLedger(':memory:');
 * const report = await ledger.importPredictions(predictions);
 * report.added.sources; //=> 8
 * ```
 */
export const predictions: readonly PredictionFile[] = [registry, a01, a02, a03, a04, a05, a06, a07, a08].map((raw) => PredictionFile.parse(raw));
