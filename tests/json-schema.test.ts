import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predictionFileJsonSchema } from '../src/index.js';

describe('shipped JSON Schema', () => {
  it('is up to date with the zod schemas (run `npm run gen:schema` when this fails)', () => {
    const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'prediction-file.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(predictionFileJsonSchema());
  });

  it('describes the top-level fields of a prediction file', () => {
    const schema = predictionFileJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'forecasters', 'forecasts', 'formatVersion', 'questions', 'resolutions', 'source']);
    expect(schema.required).toEqual(['formatVersion']);
  });
});
