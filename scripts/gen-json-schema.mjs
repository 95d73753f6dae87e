// Writes schema/prediction-file.schema.json from the built zod schemas (run `npm run build` first).
// tests/json-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { predictionFileJsonSchema } from '../dist/index.js';

const out = new URL('../schema/prediction-file.schema.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(predictionFileJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out.pathname}`);
