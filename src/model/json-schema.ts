import { z } from 'zod';
import { PredictionFile } from './prediction-file.js';

/** The `$id` of the shipped JSON Schema. */
export const PREDICTION_FILE_SCHEMA_ID = 'https://forecast-ledger.dev/schema/prediction-file.schema.json';

/**
 * The JSON Schema (draft 2020-12) of a prediction file, generated from the zod schemas.
 *
 * @remarks
 * The package ships it as `forecast-ledger/schema.json`; point a file's `"$schema"` at it
 * (`"../schema/prediction-file.schema.json"` inside this repository) and editors complete and check
 * fields as you type. Refinements that JSON Schema cannot express (an interval's lower bound not
 * above its upper bound, say) are checked by the library on import.
 *
 * @returns the schema as a plain JSON object
 */
export function predictionFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PredictionFile, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: PREDICTION_FILE_SCHEMA_ID, title: 'forecast-ledger prediction file' };
}
